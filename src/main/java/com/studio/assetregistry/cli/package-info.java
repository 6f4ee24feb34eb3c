/**
 * The command line: picocli commands, one class each, that call {@link com.studio.assetregistry.registry.AssetRegistry}
 * only. Spring starts only once a command needs the registry, so {@code --help} and usage errors answer at once.
 * Exit codes: 0 success, 1 failure, 2 usage error, 4 a load over its reject budget.
 */
package com.studio.assetregistry.cli;

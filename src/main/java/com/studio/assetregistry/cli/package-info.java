/**
 * The command line: picocli commands, one class each, that call {@link com.studio.assetregistry.registry.AssetRegistry}
 * (and its read side {@link com.studio.assetregistry.registry.AssetQueries}),
 * {@link com.studio.assetregistry.report.RejectReportReader} for a run's report files, and the {@code generate} package
 * for data files. {@code serve}'s context imports the inbox's scheduled ingestion. Spring starts only once a command
 * needs the registry, so {@code --help}, {@code --version}, usage errors and {@code report} answer at once; it starts
 * lazily, so a query creates only the beans it uses. Output for people is an aligned table; for scripts, {@code --json}
 * prints the records the Java API returns, which the REST API serialises too.
 * Exit codes: 0 success, 1 failure, 2 usage error, 3 not found, 4 a load over its reject budget.
 */
package com.studio.assetregistry.cli;

/**
 * The REST API ({@code asset-registry serve}): controllers for assets, versions, loads, runs and rules, the mapping of
 * every failure to an RFC 9457 problem detail, bearer-token access and request size limits, and {@code LoadLauncher},
 * which runs posted loads in the background. Everything it does goes through
 * {@link com.studio.assetregistry.registry.AssetRegistry}; from {@code ingest} it names the types of that API's loads
 * ({@code LoadRequest}, {@code AssetLoader.PreparedLoad}, {@code RunProgress}) and its exceptions
 * ({@code LoadException}, {@code InputFileException}, {@code InputEncodingException}, and
 * {@code RegistryBusyException}, answered {@code 409} at once: the API never waits for another load). Responses are the records the Java API returns, the shapes the command line's
 * {@code --json} prints. Nothing else depends on this package.
 */
package com.studio.assetregistry.web;

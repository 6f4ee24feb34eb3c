/**
 * The REST API ({@code asset-registry serve}): controllers for assets, versions, loads, runs and rules, the mapping
 * of every failure to an RFC 9457 problem detail, bearer-token access and request size limits. It calls
 * {@link com.studio.assetregistry.registry.AssetRegistry} only; responses are the records the Java API returns, the
 * shapes the command line's {@code --json} prints. Nothing else depends on this package.
 */
package com.studio.assetregistry.web;

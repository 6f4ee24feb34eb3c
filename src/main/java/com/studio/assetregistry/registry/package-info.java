/**
 * The public Java API: {@link com.studio.assetregistry.registry.AssetRegistry}, the one entry point other tools
 * call to load files, add assets and versions, and query the registry. The CLI and the REST API call it too.
 */
package com.studio.assetregistry.registry;

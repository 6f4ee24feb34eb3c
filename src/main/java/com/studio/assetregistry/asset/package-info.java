/**
 * The registry's data model: assets, identified by name and type, and their versions per department; and the views
 * of them that the queries return ({@link com.studio.assetregistry.asset.AssetOverview},
 * {@link com.studio.assetregistry.asset.AssetListing}), which are also the JSON shapes of the command line and the
 * REST API.
 * <p>
 * Plain immutable values with no behaviour beyond their own invariants; every other package depends on them.
 */
package com.studio.assetregistry.asset;

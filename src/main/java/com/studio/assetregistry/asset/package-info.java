/**
 * The registry's data model: assets, identified by name and type, and their versions per department.
 * <p>
 * Plain immutable values with no behaviour beyond their own invariants; every other package depends on them.
 */
package com.studio.assetregistry.asset;

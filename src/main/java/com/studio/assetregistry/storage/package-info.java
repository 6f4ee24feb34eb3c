/**
 * Persistence behind two contracts: {@link com.studio.assetregistry.storage.AssetStore} for the registry itself and
 * {@link com.studio.assetregistry.storage.LoadStore} for load runs, staged records and rejects.
 * <p>
 * No SQL lives outside this package. {@code jdbc/} implements both contracts over any JDBC database whose schema
 * the Flyway migrations in {@code db/migration} create; SQLite is the embedded default.
 */
package com.studio.assetregistry.storage;

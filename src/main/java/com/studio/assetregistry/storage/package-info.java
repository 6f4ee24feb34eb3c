/**
 * Persistence behind two contracts: {@link com.studio.assetregistry.storage.AssetStore} for the registry itself and
 * {@link com.studio.assetregistry.storage.LoadStore} for load runs, staged records and rejects.
 * <p>
 * No SQL lives outside this package. {@code jdbc/} implements both contracts over SQLite (the embedded default) and
 * PostgreSQL, chosen by the data source URL; their schemas are the Flyway migrations in {@code db/migration/sqlite}
 * and {@code db/migration/postgresql}, and what their SQL does differently is in {@code jdbc.SqlDialect}. The
 * contract tests ({@code AssetStoreContract}, {@code LoadStoreContract}) run against both.
 */
package com.studio.assetregistry.storage;

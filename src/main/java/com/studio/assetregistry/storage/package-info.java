/**
 * Persistence behind two contracts: {@link com.studio.assetregistry.storage.AssetStore} for the registry itself and
 * {@link com.studio.assetregistry.storage.LoadStore} for load runs, a load's pending writes and their resolution, the
 * records kept aside for it (a version already written: a repeat or a collision), rejects and warnings.
 * <p>
 * The application's SQL lives here, with two exceptions: {@code ingest.RunProgressReader} reads Spring Batch's
 * {@code BATCH_*} tables for a run's progress, and the inbox's ShedLock provider writes the {@code shedlock} table
 * (Spring Batch's JobRepository keeps its own tables besides). {@code jdbc/} implements both contracts over SQLite (the
 * embedded default) and PostgreSQL, chosen by the data source URL; their schemas are the Flyway migrations in
 * {@code db/migration/sqlite} and {@code db/migration/postgresql}, and what their SQL does differently is in
 * {@code jdbc.SqlDialect}. The contract tests ({@code AssetStoreContract}, {@code LoadStoreContract}) run against both.
 */
package com.studio.assetregistry.storage;

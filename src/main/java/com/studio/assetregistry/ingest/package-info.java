/**
 * The load job: streams a JSON file record by record, checks each record against the record rules, and chunk by chunk
 * writes the valid ones once, straight into the registry's tables but pending (invisible), and records the rejects;
 * then judges the whole load set-wise by the cross-record rules, removes what may not stay, makes the rest visible in
 * one transaction, and writes the rejection report. One load (or dry run) at a time is pending in a registry: a load
 * waits for the running one up to {@code registry.load.queue-wait}, while {@code AssetLoader.prepare}, the REST API's
 * way in, refuses at once.
 * <p>
 * Its database work goes through the {@code storage} contracts, except for
 * {@link com.studio.assetregistry.ingest.RunProgressReader}, which reads Spring Batch's {@code BATCH_*} tables for a
 * run's progress.
 * <p>
 * The public face is {@link com.studio.assetregistry.ingest.AssetLoader} and its
 * {@link com.studio.assetregistry.ingest.LoadSummary}; the rest is the job's machinery.
 */
package com.studio.assetregistry.ingest;

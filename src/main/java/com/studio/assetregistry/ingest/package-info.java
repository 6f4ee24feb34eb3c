/**
 * The load job: streams a JSON file record by record, checks each record against the record rules, stages the
 * valid ones and records the rejects chunk by chunk, then judges the whole load by the cross-record rules, registers
 * what may be registered and writes the rejection report.
 * <p>
 * The public face is {@link com.studio.assetregistry.ingest.AssetLoader} and its
 * {@link com.studio.assetregistry.ingest.LoadSummary}; the rest is the job's machinery.
 */
package com.studio.assetregistry.ingest;

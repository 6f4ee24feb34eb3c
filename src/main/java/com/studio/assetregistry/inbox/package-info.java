/**
 * The scheduled ingestion of an inbox folder: on a cron schedule, every settled {@code *.json} or {@code *.jsonl}
 * file in {@code registry.ingest.inbox} is loaded, oldest first, and moved to {@code processed/} or {@code failed/}
 * with a note saying where its report is. One pass at a time across every instance on one database, through a
 * ShedLock lock in that database.
 * <p>
 * A context switches it on by importing {@link com.studio.assetregistry.inbox.InboxIngestionConfiguration} and
 * setting {@code registry.ingest.schedule}; the public face is {@link com.studio.assetregistry.inbox.InboxIngester}
 * and its {@link com.studio.assetregistry.inbox.InboxOutcome}. It loads through
 * {@link com.studio.assetregistry.registry.AssetRegistry}, like the command line.
 */
package com.studio.assetregistry.inbox;

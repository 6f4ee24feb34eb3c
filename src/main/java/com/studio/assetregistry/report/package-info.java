/**
 * The rejection report a load leaves under {@code reports/<run-id>/}: {@code rejects.jsonl}, one line per rejected
 * record with its position, every rule it broke and the record itself; {@code warnings.jsonl}, the same for records
 * that broke rules whose severity is warning; and {@code summary.json}, the run's file, timing, status, counts and
 * the descriptions of the rules it counts. {@link com.studio.assetregistry.report.RejectReportWriter} writes them;
 * {@link com.studio.assetregistry.report.RejectReportReader} reads them back, from the files alone.
 */
package com.studio.assetregistry.report;

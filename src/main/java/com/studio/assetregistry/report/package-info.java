/**
 * The rejection report a load leaves under {@code reports/<run-id>/}: {@code rejects.jsonl}, one line per rejected
 * record with its position, every rule it broke and the record itself; {@code warnings.jsonl}, the same for records
 * that broke rules whose severity is warning; and {@code summary.json}, the run's file, timing, status and counts.
 */
package com.studio.assetregistry.report;

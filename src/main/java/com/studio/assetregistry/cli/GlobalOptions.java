package com.studio.assetregistry.cli;

import java.nio.file.Path;

/**
 * The options every command takes.
 *
 * @param db      the SQLite file, or a JDBC URL; {@code null} for the default {@code registry.db}
 * @param reports the base directory of run reports; {@code null} for the default {@code reports}
 * @param debug   whether to show the framework's logs and stack traces
 * @param rules   the rules file; {@code null} for the one in the jar
 */
record GlobalOptions(String db, Path reports, boolean debug, Path rules) {
}

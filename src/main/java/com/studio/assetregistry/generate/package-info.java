/**
 * Generates reproducible asset data files in the load format, valid or with a chosen share of broken records, and
 * says what a correct load of each must produce. Tests and the benchmark use it; so can a TD who wants to see how the
 * service treats a file before the real one arrives.
 */
package com.studio.assetregistry.generate;

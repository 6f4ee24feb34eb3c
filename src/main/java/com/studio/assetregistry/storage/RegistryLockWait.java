package com.studio.assetregistry.storage;

import java.time.Duration;

/**
 * Published (as an application event) when a transaction that writes has waited {@code waited} for the registry's
 * write lock, which another writer holds (another load, an add, a {@code sqlite3} shell, a backup), and goes on
 * waiting up to {@code more} before it fails: the command line says so, rather than sit silent for the whole wait.
 */
public record RegistryLockWait(Duration waited, Duration more) {
}

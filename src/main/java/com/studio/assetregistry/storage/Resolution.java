package com.studio.assetregistry.storage;

/**
 * What resolving a load's staged records did.
 *
 * @param registered versions newly registered
 * @param unchanged  versions already registered with the same status, left as they were
 * @param findings   staged records that were not registered; each was handed to the caller's sink
 */
public record Resolution(long registered, long unchanged, long findings) {
}

package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.asset.AssetKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the assets a run has written to, so that writing a load's versions rarely looks an asset up. It serves
 * one run at a time, and forgets everything when another run writes: an asset that a run wrote a version to cannot be
 * removed while that run is pending, but one it only looked at could be. Bounded: emptied when full, which costs
 * a few lookups again, never memory. Emptied too whenever an id it holds may have become wrong: a transaction that
 * wrote assets rolled back, or assets were removed. Thread-safe.
 */
final class AssetIds {

    private final int capacity;
    private final Map<AssetKey, Long> ids = new ConcurrentHashMap<>();
    private volatile long runId;

    AssetIds(int capacity) {
        this.capacity = capacity;
    }

    /** Serves this run from now on: forgets the ids known for another run. */
    synchronized void serve(long run) {
        if (run != runId) {
            ids.clear();
            runId = run;
        }
    }

    /** The asset's id, or {@code null} if it is not known here. */
    Long get(AssetKey key) {
        return ids.get(key);
    }

    void put(AssetKey key, long id) {
        if (ids.size() >= capacity) {
            ids.clear();
        }
        ids.put(key, id);
    }

    void clear() {
        ids.clear();
    }
}

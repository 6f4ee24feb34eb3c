package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.asset.AssetKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the assets a run has written to, so that writing a load's versions rarely looks an asset up. It serves
 * one run at a time, and forgets everything when another run writes: an asset that a run wrote a version to cannot be
 * removed while that run is pending, but one it only looked at could be. A run's ids are its own: where runs write
 * side by side (PostgreSQL: a load and an add), one never sees an id another put, which may be of an asset its
 * transaction created and has not committed. Bounded: emptied when full, which costs a few lookups again, never
 * memory. Emptied too whenever an id it holds may have become wrong: a transaction that wrote assets rolled back, or
 * assets were removed. Thread-safe.
 */
final class AssetIds {

    private final int capacity;
    private volatile RunIds current = new RunIds(0);

    AssetIds(int capacity) {
        this.capacity = capacity;
    }

    /** The ids known for this run, which it then keeps to: none if another run has written since it last did. */
    synchronized RunIds serve(long run) {
        if (run != current.run) {
            current = new RunIds(run);
        }
        return current;
    }

    /** Forgets every id known. */
    void clear() {
        current.ids.clear();
    }

    /** The ids one run knows. */
    final class RunIds {

        private final long run;
        private final Map<AssetKey, Long> ids = new ConcurrentHashMap<>();

        private RunIds(long run) {
            this.run = run;
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
}

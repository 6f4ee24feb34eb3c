package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.asset.AssetKey;
import org.junit.jupiter.api.Test;

/** The asset-id cache: each run sees only the ids it put, and only until another run writes. */
class AssetIdsTests {

    private static final AssetKey HERO = new AssetKey("hero", "character");
    private static final AssetKey VILLAIN = new AssetKey("villain", "character");

    private final AssetIds ids = new AssetIds(2);

    @Test
    void aRunNeverSeesAnIdAnotherRunPutWhileItWrites() {
        // given: a load's chunk in flight holds its ids; an add writing side by side (PostgreSQL) creates an asset,
        // uncommitted
        AssetIds.RunIds load = ids.serve(5);
        load.put(HERO, 1);
        AssetIds.RunIds add = ids.serve(9);
        add.put(VILLAIN, 777);

        // then: the load's chunk does not see the add's id; nor does its next chunk, which starts afresh
        assertThat(load.get(VILLAIN)).isNull();
        assertThat(ids.serve(5).get(VILLAIN)).isNull();
        assertThat(ids.serve(5).get(HERO)).as("forgotten: another run wrote since").isNull();
        assertThat(add.get(VILLAIN)).isEqualTo(777);
    }

    @Test
    void aRunKeepsItsIdsFromChunkToChunkUntilItIsFullOrCleared() {
        ids.serve(5).put(HERO, 1);
        assertThat(ids.serve(5).get(HERO)).isEqualTo(1);

        ids.serve(5).put(VILLAIN, 2);
        ids.serve(5).put(new AssetKey("rock", "prop"), 3); // over the capacity of 2: starts over
        assertThat(ids.serve(5).get(HERO)).isNull();
        assertThat(ids.serve(5).get(new AssetKey("rock", "prop"))).isEqualTo(3);

        ids.clear();
        assertThat(ids.serve(5).get(new AssetKey("rock", "prop"))).isNull();
    }
}

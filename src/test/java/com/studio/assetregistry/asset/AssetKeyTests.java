package com.studio.assetregistry.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An asset is unique by its name and its type, and by nothing else. */
class AssetKeyTests {

    @Test
    void keysWithTheSameNameAndTypeAreEqualAndHashAlike() {
        AssetKey key = new AssetKey("hero", "character");
        AssetKey same = new AssetKey(new String("hero"), new String("character"));

        assertThat(key).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(new HashSet<>(List.of(key, same))).hasSize(1);
    }

    @Test
    void keysDifferingInNameOrTypeOrCaseAreDifferentAssets() {
        AssetKey key = new AssetKey("hero", "character");
        Set<AssetKey> others = Set.of(new AssetKey("hero", "prop"), new AssetKey("villain", "character"),
                new AssetKey("Hero", "character"), new AssetKey("character", "hero"));

        assertThat(others).allSatisfy(other -> assertThat(other).isNotEqualTo(key));
        assertThat(key).isNotEqualTo(null).isNotEqualTo("hero/character");
    }

    @Test
    void keysSortByNameThenTypeAndPrintAsNameSlashType() {
        List<AssetKey> sorted = List.of(new AssetKey("b", "fx"), new AssetKey("a", "set"), new AssetKey("a", "fx"))
                .stream().sorted().toList();

        assertThat(sorted).containsExactly(new AssetKey("a", "fx"), new AssetKey("a", "set"), new AssetKey("b", "fx"));
        assertThat(sorted.get(0)).hasToString("a/fx");
    }

    @Test
    void aKeyNeedsANameAndAType() {
        assertThatNullPointerException().isThrownBy(() -> new AssetKey(null, "prop"));
        assertThatNullPointerException().isThrownBy(() -> new AssetKey("hero", null));
    }
}

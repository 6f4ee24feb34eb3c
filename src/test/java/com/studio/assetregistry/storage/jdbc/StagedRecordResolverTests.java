package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.jdbc.StagedRecordResolver.StagedRow;
import com.studio.assetregistry.validation.VersionFinding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagedRecordResolverTests {

    private final List<String> decisions = new ArrayList<>();
    private final List<VersionFinding> findings = new ArrayList<>();
    private final StagedRecordResolver resolver = new StagedRecordResolver(new StagedRecordResolver.Decisions() {
        @Override
        public void register(StagedRow row) {
            decisions.add("register " + label(row));
        }

        @Override
        public void unchanged(StagedRow row) {
            decisions.add("unchanged " + label(row));
        }

        @Override
        public void heldBack(StagedRow row, VersionFinding finding) {
            decisions.add("held " + label(row));
            findings.add(finding);
        }
    });

    @Test
    void registersAGapFreeRunOfVersionsOnAnEmptyRegistry() {
        walk(row(1, "hero", "modeling", 1), row(7, "hero", "modeling", 2), row(3, "hero", "modeling", 3));

        assertThat(decisions).containsExactly("register #1 v1", "register #7 v2", "register #3 v3");
    }

    @Test
    void holdsBackEveryVersionAboveAGap() {
        walk(row(1, "hero", "modeling", 1), row(2, "hero", "modeling", 2), row(3, "hero", "modeling", 4),
                row(4, "hero", "modeling", 5));

        assertThat(decisions).containsExactly("register #1 v1", "register #2 v2", "held #3 v4", "held #4 v5");
        assertThat(findings).extracting(VersionFinding::completeUpTo).containsExactly(2L, 2L);
    }

    @Test
    void continuesFromTheHighestRegisteredVersion() {
        walk(row(1, "hero", "modeling", 3).registered(null, 2), row(2, "hero", "modeling", 4).registered(null, 2));

        assertThat(decisions).containsExactly("register #1 v3", "register #2 v4");
    }

    @Test
    void holdsBackAVersionThatSkipsTheNextOneAfterTheRegisteredOnes() {
        walk(row(1, "hero", "modeling", 4).registered(null, 2));

        assertThat(decisions).containsExactly("held #1 v4");
        assertThat(findings.get(0).completeUpTo()).isEqualTo(2);
        assertThat(findings.get(0).isRegistered()).isFalse();
    }

    @Test
    void countsARegisteredVersionWithTheSameStatusAsUnchanged() {
        walk(row(1, "hero", "modeling", 1).registered("active", 1));

        assertThat(decisions).containsExactly("unchanged #1 v1");
    }

    @Test
    void holdsBackARegisteredVersionWithAnotherStatus() {
        walk(row(1, "hero", "modeling", 1).status("inactive").registered("active", 1));

        assertThat(decisions).containsExactly("held #1 v1");
        assertThat(findings.get(0).registeredStatus()).isEqualTo("active");
        assertThat(findings.get(0).isRepeat()).isFalse();
    }

    @Test
    void theFirstRecordOfAVersionWinsAndLaterOnesAreRepeats() {
        walk(row(2, "hero", "modeling", 1), row(5, "hero", "modeling", 1), row(9, "hero", "modeling", 1));

        assertThat(decisions).containsExactly("register #2 v1", "held #5 v1", "held #9 v1");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.isRepeat()).isTrue();
            assertThat(finding.firstRecordNumber()).isEqualTo(2);
        });
    }

    @Test
    void startsAfreshForEachAssetAndDepartment() {
        walk(row(1, "hero", "modeling", 1), row(2, "hero", "rigging", 2), row(3, "villain", "modeling", 1));

        assertThat(decisions).containsExactly("register #1 v1", "held #2 v2", "register #3 v1");
    }

    @Test
    void treatsTheSameNameWithAnotherTypeAsAnotherAsset() {
        walk(row(1, "hero", "modeling", 1), new Row(2, new AssetKey("hero", "prop"), "modeling", 2, "active"));

        assertThat(decisions).containsExactly("register #1 v1", "held #2 v2");
    }

    private void walk(Row... rows) {
        for (Row row : rows) {
            resolver.accept(row.toStagedRow());
        }
    }

    private static Row row(long recordNumber, String name, String department, int version) {
        return new Row(recordNumber, new AssetKey(name, "character"), department, version, "active");
    }

    private static String label(StagedRow row) {
        return "#" + row.position().recordNumber() + " v" + row.record().version().version();
    }

    /** A staged row under construction. */
    private record Row(long recordNumber, AssetKey asset, String department, int version, String status,
                       String registeredStatus, int registeredMax) {

        Row(long recordNumber, AssetKey asset, String department, int version, String status) {
            this(recordNumber, asset, department, version, status, null, 0);
        }

        Row registered(String status, int max) {
            return new Row(recordNumber, asset, department, version, this.status, status, max);
        }

        Row status(String newStatus) {
            return new Row(recordNumber, asset, department, version, newStatus, registeredStatus, registeredMax);
        }

        StagedRow toStagedRow() {
            return new StagedRow(RecordPosition.ofNumber(recordNumber),
                    new VersionedAsset(asset, new AssetVersion(department, version, status)), 0,
                    registeredStatus, registeredMax);
        }
    }
}

package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code versions add}, {@code versions get} and {@code versions list} on a real registry, through picocli. */
class VersionsCommandsTests extends CommandTest {

    @BeforeEach
    void hero() {
        run("add", file("hero.json", """
                {"name": "hero", "type": "character", "versions": [
                  {"department": "modeling", "version": 1, "status": "active"},
                  {"department": "modeling", "version": 2, "status": "inactive"},
                  {"department": "rigging", "version": 1, "status": "active"}]}""").toString());
    }

    @Test
    void addsTheNextVersionOfADepartment() {
        Path v3 = file("v3.json", "{\"department\": \"modeling\", \"version\": 3, \"status\": \"active\"}");

        assertThat(run("versions", "add", "hero", "character", v3.toString())).isZero();

        assertThat(out()).isEqualTo("added hero/character/modeling v3 (active)\n");
        assertThat(run("versions", "get", "hero", "character", "3", "--department", "modeling", "--json")).isZero();
        assertThat(out()).isEqualTo("[\n{\"department\":\"modeling\",\"version\":3,\"status\":\"active\"}\n]\n");
    }

    @Test
    void addsAVersionFromStandardInput() {
        String v3 = "{\"department\": \"modeling\", \"version\": 3, \"status\": \"active\"}";

        assertThat(runWithInput(v3, "versions", "add", "hero", "character", "-")).isZero();
        assertThat(out()).isEqualTo("added hero/character/modeling v3 (active)\n");

        assertThat(runWithInput(v3, "versions", "add", "hero", "character", "-")).isEqualTo(1);
        assertThat(err()).startsWith("error: standard input was not added: it breaks a rule")
                .contains("version.duplicate", "hero/character/modeling v3 is already registered");
    }

    @Test
    void refusesAVersionWithEveryViolationOrOfAnUnknownAsset() {
        Path gap = file("v5.json", "{\"department\": \"modeling\", \"version\": 5, \"status\": \"active\"}");
        Path bad = file("bad.json", "{\"department\": \"lighting\", \"version\": 2.0}");

        assertThat(run("versions", "add", "hero", "character", gap.toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("error: " + gap + " was not added: it breaks a rule; fix it and add it again\n"
                + """
                  RULE              FIELD    MESSAGE
                  version.sequence  version  hero/character/modeling v5: v3 is missing
                """);
        assertThat(run("versions", "add", "hero", "character", bad.toString())).isEqualTo(1);
        assertThat(err().lines().skip(2).map(line -> line.trim().split(" +")[0]))
                .containsExactly("department.unknown", "version.invalid", "status.required");
        assertThat(run("versions", "add", "villain", "prop", gap.toString())).isEqualTo(3);
        assertThat(err()).isEqualTo("error: villain/prop is not registered; add it with: asset-registry add "
                + "ASSET.json\n");
    }

    @Test
    void aVersionRecordOfTheLoadFormatIsAddedIfItIsOfTheAssetNamedAndRefusedIfNot() {
        Path record = file("record.json", """
                {"asset": {"name": "hero", "type": "character"}, "department": "rigging", "version": 2,
                 "status": "active"}""");
        Path villain = file("villain.json", """
                {"asset": {"name": "villain", "type": "character"}, "department": "modeling", "version": 3,
                 "status": "active"}""");
        Path document = file("document.json", """
                {"name": "hero", "type": "prop", "department": "modeling", "version": 3, "status": "active"}""");

        assertThat(run("versions", "add", "hero", "character", record.toString())).isZero();
        assertThat(out()).isEqualTo("added hero/character/rigging v2 (active)\n");
        assertThat(run("versions", "add", "hero", "character", villain.toString())).isEqualTo(1);
        assertThat(err()).contains("record.malformed", "the document is a version of villain/character, not of"
                + " hero/character, the asset it is added to");
        assertThat(run("versions", "add", "hero", "character", document.toString())).isEqualTo(1);
        assertThat(err()).contains("the document is a version of hero/prop, not of hero/character");
        assertThat(run("versions", "list", "hero", "character", "--department", "modeling")).isZero();
        assertThat(out()).doesNotContain("v3").doesNotContain("  3 ");
    }

    @Test
    void twoRecordsOrAnArrayAreNotOneVersionAndSaySo() {
        Path two = file("two.jsonl", """
                {"asset": {"name": "hero", "type": "character"}, "department": "rigging", "version": 2, "status": "active"}
                {"asset": {"name": "hero", "type": "character"}, "department": "rigging", "version": 3, "status": "active"}
                """);
        Path array = file("array.json", "[{\"department\": \"rigging\", \"version\": 2, \"status\": \"active\"}]");

        assertThat(run("versions", "add", "hero", "character", two.toString())).isEqualTo(1);
        assertThat(err()).contains("record.malformed", "the document must hold exactly one version record, a JSON"
                + " object");
        assertThat(run("versions", "add", "hero", "character", array.toString())).isEqualTo(1);
        assertThat(err()).contains("record.malformed", "the document holds an array, not a JSON object");
    }

    @Test
    void getsAVersionNumberInEveryDepartmentOrInOne() {
        assertThat(run("versions", "get", "hero", "character", "1")).isZero();
        assertThat(out()).isEqualTo("""
                DEPARTMENT  VERSION  STATUS
                modeling          1  active
                rigging           1  active
                """);
        assertThat(run("versions", "get", "hero", "character", "2", "--department", "modeling")).isZero();
        assertThat(out()).isEqualTo("""
                DEPARTMENT  VERSION  STATUS
                modeling          2  inactive
                """);
    }

    @Test
    void aMissingVersionOrAssetIsExitCodeThreeAndSaysWhatThereIs() {
        assertThat(run("versions", "get", "hero", "character", "2", "--department", "rigging")).isEqualTo(3);
        assertThat(err()).isEqualTo("error: hero/character has no version 2 in rigging; latest: rigging v1\n");
        assertThat(run("versions", "get", "hero", "character", "7")).isEqualTo(3);
        assertThat(err()).isEqualTo("error: hero/character has no version 7; latest: modeling v2, rigging v1\n");
        assertThat(run("versions", "get", "hero", "character", "1", "--department", "fx")).isEqualTo(3);
        assertThat(err()).isEqualTo("error: hero/character has no version 1 in fx; its departments: modeling, "
                + "rigging\n");
        assertThat(run("versions", "get", "hero", "prop", "1")).isEqualTo(3);
        assertThat(err()).startsWith("error: hero/prop is not registered");
        assertThat(run("versions", "list", "hero", "prop")).isEqualTo(3);
        assertThat(out()).isEmpty();
    }

    @Test
    void listsTheVersionsOfAnAssetFilteredByDepartmentAndStatus() {
        assertThat(run("versions", "list", "hero", "character")).isZero();
        assertThat(out()).isEqualTo("""
                DEPARTMENT  VERSION  STATUS
                modeling          1  active
                modeling          2  inactive
                rigging           1  active
                """);
        assertThat(run("versions", "list", "hero", "character", "--department", "modeling", "--status", "active",
                "--json")).isZero();
        assertThat(out()).isEqualTo("[\n{\"department\":\"modeling\",\"version\":1,\"status\":\"active\"}\n]\n");
        assertThat(run("versions", "list", "hero", "character", "--department", "cfx")).isZero();
        assertThat(out()).isEqualTo("no version of hero/character matches\n");
    }

    @Test
    void aDepartmentOrStatusNoVersionCanHaveIsAUsageErrorNotAnEmptyList() {
        assertThat(run("versions", "list", "hero", "character", "--status", "retired", "--json")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("error: unknown status 'retired': the statuses are active, inactive; see: "
                + "asset-registry versions list --help\n");
        assertThat(run("versions", "list", "hero", "character", "--department", "Modeling")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown department 'Modeling': the departments are modeling, texturing, "
                + "rigging, animation, cfx, fx; see: asset-registry versions list --help\n");
        assertThat(run("versions", "list", "nobody", "character", "--department", "lighting")).isEqualTo(2);
        assertThat(run("versions", "get", "hero", "character", "1", "--department", "lighting")).isEqualTo(2);
        assertThat(err()).startsWith("error: unknown department 'lighting': the departments are modeling, ");
        assertThat(run("versions", "get", "hero", "character", "0")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: VERSION must be 1 or more, not 0; see: asset-registry versions get --help\n");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("versions")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Give a versions command: add, get, list; see: asset-registry versions"
                + " --help\n");
        assertThat(run("versions", "get", "hero", "character", "two")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Invalid value for positional parameter at index 2 (VERSION): 'two' is "
                + "not an int; see: asset-registry versions get --help\n");
        assertThat(run("versions", "remove", "hero")).isEqualTo(2);
        assertThat(err()).startsWith("error: Unmatched arguments").hasLineCount(1);
    }
}

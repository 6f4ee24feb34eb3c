package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options {@code bin/asset-registry} chooses for each command, read from the command line it would run: the
 * launcher runs with {@code JAVA} set to {@code echo}, and a class-data sharing archive already there, newer than the
 * jar, so that it goes straight to the command.
 */
class LauncherTests {

    @TempDir
    Path dir;

    @BeforeEach
    void aJarAndItsArchive() throws IOException {
        Files.writeString(dir.resolve("asset-registry.jar"), "");
        Path archive = Files.writeString(Files.createDirectories(dir.resolve("cli")).resolve("app.jsa"), "");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));
    }

    @Test
    void aLoadKeepsTheServerCompilerAndStartsWithASmallHeapWithAFixedYoungGeneration() throws Exception {
        List<String> options = javaOptions("", "load", "big.jsonl");

        assertThat(options).contains("-XX:+UseSerialGC", "-Xms96m", "-Xmn64m")
                .doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(options).endsWith("-jar", dir.resolve("cli/asset-registry.jar").toString(), "load", "big.jsonl");
    }

    @Test
    void aQueryRunsOnTheClientCompilerWithTheJvmsOwnHeap() throws Exception {
        List<String> options = javaOptions("", "get", "hero", "character");

        assertThat(options).contains("-XX:TieredStopAtLevel=1").doesNotContain("-Xms96m", "-Xmn64m");
    }

    @Test
    void theUsersOptionsComeAfterTheLaunchersSoTheirOwnHeapSizesWin() throws Exception {
        List<String> options = javaOptions("-Xmx256m -Xms32m", "load", "big.jsonl");

        assertThat(options).containsSubsequence("-Xms96m", "-Xmn64m", "-Xmx256m", "-Xms32m");
    }

    @Test
    void aMaximumHeapUnder128MiBLeavesTheHeapToTheJvm() throws Exception {
        for (String small : List.of("-Xmx100m", "-Xmx64M", "-Xmx65536k", "-Xmx67108864")) {
            assertThat(javaOptions(small, "load", "f.jsonl")).as(small).contains(small).doesNotContain("-Xms96m");
        }
        for (String large : List.of("-Xmx128m", "-Xmx2g", "-Xmx262144k", "-Xmx268435456")) {
            assertThat(javaOptions(large, "load", "f.jsonl")).as(large).contains(large, "-Xms96m");
        }
    }

    /** The arguments the launcher would give java, one per line through {@code echo}. */
    private List<String> javaOptions(String userOptions, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("bash", Path.of("bin/asset-registry").toString()));
        arguments.addAll(List.of(command));
        ProcessBuilder launcher = new ProcessBuilder(arguments).redirectErrorStream(true);
        launcher.environment().put("JAVA", "echo");
        launcher.environment().put("ASSET_REGISTRY_JAR", dir.resolve("asset-registry.jar").toString());
        launcher.environment().put("ASSET_REGISTRY_CACHE", dir.resolve("cli").toString());
        launcher.environment().put("ASSET_REGISTRY_JAVA_OPTS", userOptions);
        Process process = launcher.start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Arrays.asList(output.split(" "));
    }
}

package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.studio.assetregistry.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
    void aLoadKeepsTheServerCompilerWithHigherThresholdsAndAYoungGenerationOf128MiB() throws Exception {
        List<String> options = javaOptions("", "load", "big.jsonl");

        assertThat(options).contains("-XX:+UseSerialGC", "-Xmn128m", "-XX:Tier4InvocationThreshold=50000",
                        "-XX:Tier4CompileThreshold=60000", "-XX:Tier4BackEdgeThreshold=400000", "-XX:-LoopUnswitching")
                .doesNotContain("-XX:TieredStopAtLevel=1", "-Xms96m");
        assertThat(options).endsWith("-jar", dir.resolve("cli/asset-registry.jar").toString(), "load", "big.jsonl");
    }

    @Test
    void aQueryRunsOnTheClientCompilerWithTheJvmsOwnHeap() throws Exception {
        List<String> options = javaOptions("", "get", "hero", "character");

        assertThat(options).contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("-Xms96m", "-Xmn64m", "-Xmn128m", "-XX:Tier4InvocationThreshold=50000",
                        "-XX:-LoopUnswitching");
    }

    @Test
    void sqliteLoadsItsNativeLibraryFromTheCacheOnceItIsUnpackedThere() throws Exception {
        String fromCache = "-Dorg.sqlite.lib.path=" + dir.resolve("cli/native");
        assertThat(javaOptions("", "get", "hero", "character")).as("nothing unpacked: the driver copies it itself")
                .noneMatch(option -> option.startsWith("-Dorg.sqlite.lib.path="));

        Files.writeString(Files.createDirectories(dir.resolve("cli/native")).resolve("libsqlitejdbc.so"), "");

        assertThat(javaOptions("", "get", "hero", "character")).contains(fromCache);
        assertThat(javaOptions("", "load", "big.jsonl")).contains(fromCache);
    }

    @Test
    void theUsersOptionsComeAfterTheLaunchersSoTheirOwnHeapSizesWin() throws Exception {
        List<String> options = javaOptions("-Xmx256m -Xms32m", "load", "big.jsonl");

        assertThat(options).containsSubsequence("-Xms96m", "-Xmn64m", "-Xmx256m", "-Xms32m");
    }

    @Test
    void aMaximumHeapUnder512MiBStartsSmallAndUnder128MiBLeavesTheHeapToTheJvm() throws Exception {
        for (String small : List.of("-Xmx100m", "-Xmx64M", "-Xmx65536k", "-Xmx67108864", "-Xmx1g -Xmx100m")) {
            assertThat(javaOptions(small, "load", "f.jsonl")).as(small)
                    .doesNotContain("-Xms96m", "-Xmn64m", "-Xmn128m");
        }
        for (String medium : List.of("-Xmx128m", "-Xmx0256m", "-Xmx262144k", "-Xmx268435456", "-Xmx511M")) {
            assertThat(javaOptions(medium, "load", "f.jsonl")).as(medium)
                    .contains("-Xms96m", "-Xmn64m").doesNotContain("-Xmn128m");
        }
        for (String large : List.of("-Xmx512m", "-Xmx2g", "-Xmx4G", "-Xmx100m -Xmx1g")) {
            assertThat(javaOptions(large, "load", "f.jsonl")).as(large)
                    .contains("-Xmn128m").doesNotContain("-Xms96m", "-Xmn64m");
        }
    }

    @Test
    void aMaximumHeapJavaWouldRefuseIsPassedOnForJavaToName() throws Exception {
        for (String wrong : List.of("-Xmxjunk", "-Xmx1.5g")) {
            assertThat(javaOptions(wrong, "load", "f.jsonl")).as(wrong).contains(wrong, "-Xmn128m");
        }
    }

    @Test
    void underACOrPosixLocaleJavaRunsInUtf8SoThatItCanNameNonAsciiFiles() throws Exception {
        Path java = Files.writeString(dir.resolve("java"), "#!/bin/sh\necho \"LC_ALL=$LC_ALL\"\n");
        java.toFile().setExecutable(true);
        for (String locale : List.of("C", "POSIX")) {
            assertThat(launch(java, Map.of("LC_ALL", locale), "load", "héros.json")).as(locale)
                    .isEqualTo("LC_ALL=C.UTF-8");
        }
        assertThat(launch(java, Map.of("LC_ALL", "C.UTF-8"), "load", "héros.json")).as("a UTF-8 locale is kept")
                .isEqualTo("LC_ALL=C.UTF-8");
        assertThat(launch(java, Map.of("LANG", "C.UTF-8"), "load", "héros.json")).as("and not overridden")
                .isEqualTo("LC_ALL=");
    }

    @Test
    void javaUnderACLocaleSaysWhyItCannotTakeANonAsciiFileName() throws Exception {
        // given: the jar's own entry point, run without the launcher, as cron would with java -jar
        ProcessBuilder plain = new ProcessBuilder(ChildJvm.command("load", dir.resolve("héros.json").toString()))
                .redirectErrorStream(true);
        plain.environment().remove("LANG");
        plain.environment().put("LC_ALL", "C");

        // when
        Process process = plain.start();
        String output = new String(process.getInputStream().readAllBytes()).strip();

        // then: a usage error naming the cause and the remedy, before any registry is opened
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).startsWith("error: Invalid value for positional parameter at index 0..* (FILE): '")
                .contains("' holds characters that the locale's character set (ANSI_X3.4-1968) cannot represent; "
                        + "run it in a UTF-8 locale, for example with LC_ALL=C.UTF-8")
                .doesNotContain("Exception");
    }

    @Test
    void preparingTheArchiveLeavesNothingInTheTemporaryDirectory() throws Exception {
        // given: a jar newer than its archive
        Files.setLastModifiedTime(dir.resolve("cli/app.jsa"), FileTime.from(Instant.now().minusSeconds(60)));
        Path java = preparingJava(null);
        Path temporary = Files.createDirectories(dir.resolve("tmp"));

        // when
        String output = launch(java, Map.of("TMPDIR", temporary.toString()), "get", "hero", "character");

        // then: the command ran on the new archive, and the preparation's work directory is gone
        assertThat(output).startsWith("Preparing a fast start for ")
                .contains("-XX:SharedArchiveFile=" + dir.resolve("cli/app.jsa")).endsWith("get hero character");
        assertThat(dir.resolve("cli/app.jsa")).exists();
        try (var left = Files.list(temporary)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void preparingTheArchiveUnpacksSqlitesNativeLibraryForTheDriverToLoad() throws Exception {
        // given: a driver jar holding a library for this machine's folder, and the JDK's jar tool beside the java
        Path jarTool = Path.of(System.getProperty("java.home"), "bin", "jar");
        assumeTrue(Files.isExecutable(jarTool), "no jar tool in " + System.getProperty("java.home"));
        Path driver = dir.resolve("sqlite-jdbc-0.jar");
        try (var zip = new ZipOutputStream(Files.newOutputStream(driver))) {
            zip.putNextEntry(new ZipEntry("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"));
            zip.write("the library".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib"));
            zip.write("another machine's".getBytes(StandardCharsets.UTF_8));
        }
        Files.createSymbolicLink(dir.resolve("jar"), jarTool);
        Files.setLastModifiedTime(dir.resolve("cli/app.jsa"), FileTime.from(Instant.now().minusSeconds(60)));
        Path java = preparingJava(driver);

        // when
        String output = launch(java, Map.of(), "get", "hero", "character");

        // then: this machine's library alone, where the command's driver is told to load it from
        assertThat(dir.resolve("cli/native/libsqlitejdbc.so")).hasContent("the library");
        try (var unpacked = Files.list(dir.resolve("cli/native"))) {
            assertThat(unpacked).hasSize(1);
        }
        assertThat(dir.resolve("cli/native.tmp")).doesNotExist();
        assertThat(output).contains("-Dorg.sqlite.lib.path=" + dir.resolve("cli/native"));
    }

    /**
     * A {@code java} that does what each step of the launcher's preparation asks for: extracts the application (with
     * {@code driver} as its sqlite-jdbc jar, if not null), names this machine's folder as the driver's OSInfo does,
     * lists a class, dumps an archive, and otherwise prints the command it was given.
     */
    private Path preparingJava(Path driver) throws IOException {
        Path java = Files.writeString(dir.resolve("java"), """
                #!/bin/sh
                previous=
                for argument in "$@"; do
                  case $argument in
                    org.sqlite.util.OSInfo) echo Linux/x86_64; exit 0 ;;
                    -XX:DumpLoadedClassList=*) echo java/lang/Object > "${argument#*=}" ;;
                    -XX:SharedArchiveFile=*) archive="${argument#*=}" ;;
                    -Xshare:dump) dump=1 ;;
                  esac
                  if [ "$previous" = --destination ]; then
                    touch "$argument/asset-registry.jar"
                    if [ -n "DRIVER" ]; then mkdir -p "$argument/lib"; cp "DRIVER" "$argument/lib/"; fi
                  fi
                  previous=$argument
                done
                if [ -n "$dump" ]; then touch "$archive"; else echo "ran $*"; fi
                """.replace("DRIVER", driver == null ? "" : driver.toString()));
        java.toFile().setExecutable(true);
        return java;
    }

    /** What the launcher's {@code java} prints, run with the environment given added to a C.UTF-8 one's. */
    private String launch(Path java, Map<String, String> locale, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("bash", Path.of("bin/asset-registry").toString()));
        arguments.addAll(List.of(command));
        ProcessBuilder launcher = new ProcessBuilder(arguments).redirectErrorStream(true);
        launcher.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
        launcher.environment().putAll(locale);
        launcher.environment().put("JAVA", java.toString());
        launcher.environment().put("ASSET_REGISTRY_JAR", dir.resolve("asset-registry.jar").toString());
        launcher.environment().put("ASSET_REGISTRY_CACHE", dir.resolve("cli").toString());
        Process process = launcher.start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return output;
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

package com.studio.assetregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.cli.AssetRegistryCommand;
import com.studio.assetregistry.ingest.LoadProperties;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What can be checked of the Dockerfile, the .dockerignore and the CI workflow without a Docker engine or GitHub:
 * that the files and the jar they name are those the build has, that the images are pinned, that the container runs
 * as a user without privileges, and that CI runs the test command {@code .ci/run} runs.
 */
class DeploymentFilesTests {

    private static final Pattern PINNED_TEMURIN =
            Pattern.compile("eclipse-temurin:17\\.0\\.\\d+_\\d+-(jdk|jre)-(noble|jammy)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Instruction> dockerfile = instructions(read("Dockerfile"));

    @Test
    void buildsWithTheWrapperOnAPinnedJdk17AndRunsOnAPinnedJre17() {
        List<Instruction> from = all("FROM");
        assertThat(from).hasSize(2);
        assertThat(image(from.get(0))).matches(PINNED_TEMURIN).contains("-jdk-");
        assertThat(from.get(0).arguments()).endsWith(" AS build");
        assertThat(image(from.get(1))).matches(PINNED_TEMURIN).contains("-jre-");
        assertThat(stage("build")).filteredOn(i -> i.keyword().equals("RUN"))
                .anySatisfy(run -> assertThat(run.arguments()).startsWith("./mvnw ").contains(" package"));
    }

    @Test
    void copiesOnlyWhatTheRepositoryHasAndTheDockerignoreLetsThrough() {
        List<String> ignored = read(".dockerignore").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> sources = new ArrayList<>();
        for (Instruction copy : stage("build")) {
            if (copy.keyword().equals("COPY")) {
                List<String> words = List.of(copy.arguments().split("\\s+"));
                sources.addAll(words.subList(0, words.size() - 1));
            }
        }
        assertThat(sources).containsExactlyInAnyOrder("mvnw", "pom.xml", ".mvn/", "src/");
        assertThat(sources).allSatisfy(source -> {
            assertThat(Path.of(source)).exists();
            assertThat(ignored).noneMatch(pattern -> source.startsWith(pattern.replace("/", "")));
        });
        assertThat(ignored).contains("target/", ".git/", "*.db");
    }

    @Test
    void runsTheJarTheBuildMakes() {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(read("pom.xml"));
        assertThat(finalName.find()).isTrue();
        String jar = "/src/target/" + finalName.group(1) + ".jar";
        Instruction copy = all("COPY").stream().filter(c -> c.arguments().startsWith("--from=build ")).findFirst()
                .orElseThrow();
        assertThat(copy.arguments()).isEqualTo("--from=build " + jar + " /app/asset-registry.jar");
        assertThat(stage("build")).contains(new Instruction("WORKDIR", "/src"));
        assertThat(execForm(only("ENTRYPOINT"))).startsWith("java").endsWith("-jar", "/app/asset-registry.jar");
    }

    @Test
    void runsAsAUserWithoutPrivilegesWithItsStateInVolumes() {
        Instruction user = only("USER");
        assertThat(user.arguments()).doesNotMatch("(root|0)(:.*)?");
        assertThat(dockerfile.indexOf(user)).isLessThan(dockerfile.indexOf(only("ENTRYPOINT")));
        assertThat(stage("runtime")).filteredOn(i -> i.keyword().equals("RUN")).singleElement()
                .satisfies(run -> assertThat(run.arguments()).contains("useradd --system --uid 10001")
                        .contains("chown registry:registry /data /reports /inbox"));
        assertThat(execForm(only("VOLUME"))).containsExactly("/data", "/reports", "/inbox");
        assertThat(only("ENV").arguments()).contains("REGISTRY_DB=/data/registry.db")
                .contains("REGISTRY_LOAD_REPORTSDIR=/reports").contains("REGISTRY_INGEST_INBOX=/inbox");
    }

    @Test
    void itsEnvironmentSetsTheRegistrysPropertiesToTheVolumes() {
        Map<String, Object> environment = new LinkedHashMap<>();
        for (String pair : only("ENV").arguments().split(" ")) {
            environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        var binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));

        assertThat(binder.bind("registry.db", String.class).get()).isEqualTo("/data/registry.db");
        assertThat(binder.bind("server.address", String.class).get())
                .as("reachable through a published port, not only from inside the container").isEqualTo("0.0.0.0");
        assertThat(binder.bind("registry.load", LoadProperties.class).get().reportsDir())
                .isEqualTo(Path.of("/reports"));
        assertThat(environment.get("LC_ALL")).as("a UTF-8 locale, so that Java can name a non-ASCII file")
                .isEqualTo("C.UTF-8");
        assertThat(stage("runtime")).as("from /, the report command's default, reports, is /reports")
                .contains(new Instruction("WORKDIR", "/"));
    }

    @Test
    void checksTheHealthOfTheServiceOnThePortItExposesWithBashAlone() throws Exception {
        // the check, run as Docker would run it, against a server on this machine that answers as serve does
        String port = only("EXPOSE").arguments();
        String healthCheck = only("HEALTHCHECK").arguments();
        List<String> check = JSON.readValue(healthCheck.substring(healthCheck.indexOf("CMD ") + 4),
                new TypeReference<List<String>>() { });
        assertThat(check.get(0)).as("no curl: Temurin's images from 22 on ship without it").isEqualTo("bash");
        assertThat(String.join(" ", check)).contains("/dev/tcp/127.0.0.1/" + port, "GET /actuator/health ",
                "Host: localhost:" + port);
        int[] status = {200};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health", exchange -> {
            boolean ours = ("localhost:" + server.getAddress().getPort()).equals(exchange.getRequestHeaders()
                    .getFirst("Host")); // serve refuses another host's name
            if (status[0] == 0) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            exchange.sendResponseHeaders(ours ? status[0] : 403, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        try {
            String here = String.valueOf(server.getAddress().getPort());
            List<String> command = check.stream().map(part -> part.replace(port, here)).toList();

            assertThat(run(command)).as("UP").isZero();
            status[0] = 503;
            assertThat(run(command)).as("DOWN").isNotZero();
            status[0] = 0; // hung: answers nothing
            long started = System.nanoTime();
            assertThat(run(command)).as("hung").isNotZero();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("given up by the check itself, under"
                    + " Docker's --timeout of 5 s").isLessThan(Duration.ofSeconds(5));
        } finally {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
        assertThat(run(check.stream().map(part -> part.replace(port, "1")).toList())).as("nothing listens").isNotZero();
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    @Test
    void servesByDefaultAndRunsAnyCommandGivenInstead() {
        var commands = AssetRegistryCommand.commandLine().getSubcommands().keySet();
        assertThat(commands).contains("load"); // docker run ... load /data/file.json
        List<String> cmd = execForm(only("CMD"));
        assertThat(cmd).containsExactly("serve");
        assertThat(commands).contains(cmd.get(0));
    }

    @Test
    void ciRunsTheCommandOfCiRunOnAJdk17WithChromium() {
        String ci = read(".github/workflows/ci.yml");
        String command = read(".ci/run").lines().filter(line -> line.startsWith("./mvnw")).findFirst().orElseThrow();
        assertThat(ci).contains("run: " + command + "\n")
                .contains("distribution: temurin").contains("java-version: '17'").contains("cache: maven")
                .containsPattern("apt-get install -y [^\\n]*chromium chromium-driver");
        assertThat(ci.indexOf("chromium-driver")).isLessThan(ci.indexOf("run: " + command));
    }

    /** One instruction of a Dockerfile, its continuation lines joined. */
    record Instruction(String keyword, String arguments) {
    }

    private List<Instruction> all(String keyword) {
        return dockerfile.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    private Instruction only(String keyword) {
        assertThat(all(keyword)).as(keyword).hasSize(1);
        return all(keyword).get(0);
    }

    /** The instructions of the build stage, or of the last (runtime) stage. */
    private List<Instruction> stage(String name) {
        List<Instruction> from = all("FROM");
        int start = dockerfile.indexOf(name.equals("build") ? from.get(0) : from.get(from.size() - 1));
        int end = name.equals("build") ? dockerfile.indexOf(from.get(1)) : dockerfile.size();
        return dockerfile.subList(start + 1, end);
    }

    private static String image(Instruction from) {
        return from.arguments().split("\\s+")[0];
    }

    private static List<String> execForm(Instruction instruction) {
        assertThat(instruction.arguments()).as(instruction.keyword() + " in exec form").startsWith("[");
        return JSON.readValue(instruction.arguments(), new TypeReference<List<String>>() { });
    }

    private static List<Instruction> instructions(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            boolean continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continued) {
                String text = current.toString().strip().replaceAll("\\s+", " ");
                int space = text.indexOf(' ');
                instructions.add(new Instruction(text.substring(0, space), text.substring(space + 1)));
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }
}

# The asset registry as a container: the REST service by default, or any command of the command line.
#
#   docker build -t asset-registry .
#   docker run -d -p 127.0.0.1:8080:8080 -v registry-data:/data -v registry-reports:/reports -v /shows/abc/inbox:/inbox asset-registry
#   docker run --rm --no-healthcheck -v registry-data:/data -v registry-reports:/reports -v "$PWD":/work:ro \
#       asset-registry load /work/assets.json
#
# Volumes: /data holds the SQLite registry (registry.db, with its -wal and -shm files), /reports the run reports,
# /inbox the files the service's scheduled ingestion picks up. The images are pinned to a full Temurin version and
# Ubuntu release: update both tags together, deliberately.

# --- build: the Maven wrapper on a JDK 17 ---------------------------------------------------------------------------
FROM eclipse-temurin:17.0.17_10-jdk-noble AS build
WORKDIR /src
# The wrapper and the POM first, so that the dependencies are a layer of their own, rebuilt only when the POM changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
# The tests run in CI (.ci/run), not in the image build.
RUN ./mvnw -B -q -DskipTests package

# --- run: a JRE 17, as a user without privileges ---------------------------------------------------------------------
FROM eclipse-temurin:17.0.17_10-jre-noble
RUN groupadd --system --gid 10001 registry \
    && useradd --system --uid 10001 --gid registry --no-create-home --shell /usr/sbin/nologin registry \
    && mkdir -p /app /data /reports /inbox \
    && chown registry:registry /data /reports /inbox
COPY --from=build /src/target/asset-registry.jar /app/asset-registry.jar
# Spring reads these as registry.db and registry.load.reports-dir; the working directory / makes the report
# command's default, reports, the same /reports. serve binds to 127.0.0.1 outside a container; inside one the loopback
# is the container's own, unreachable through a published port, so it listens on every interface here: publish it
# as -p 127.0.0.1:8080:8080 to keep it on the host, and set REGISTRY_API_TOKEN before exposing it further.
# LC_ALL: a UTF-8 locale of the image's own (C.UTF-8 needs no locale package), so that Java can name any file,
# héros_日本.json included, whatever locale the base image sets or stops setting.
ENV REGISTRY_DB=/data/registry.db \
    REGISTRY_LOAD_REPORTSDIR=/reports \
    REGISTRY_INGEST_INBOX=/inbox \
    SERVER_ADDRESS=0.0.0.0 \
    LC_ALL=C.UTF-8
WORKDIR /
VOLUME ["/data", "/reports", "/inbox"]
USER 10001:10001
EXPOSE 8080
# The service's health, the database's included, asked with bash's builtins alone: Temurin's images from 22 on ship
# without curl, and a 17 image may follow; and a process of the check's own would be left behind by a hung server,
# as Docker ends only the one it started. A one-off command has no server to ask: run it with --no-healthcheck.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost:8080\\r\\n\\r\\n' >&3 && read -t 4 -r status <&3 && [[ $status == 'HTTP/'*' 200'* ]]"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/asset-registry.jar"]
CMD ["serve"]

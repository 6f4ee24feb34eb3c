#!/usr/bin/env bash
# The load benchmark: the whole job against a bare baseline, timed the same way, runs alternated.
#
#   bench/run.sh                 1,000,000 records, 3 runs of each scenario
#   RECORDS=200000 RUNS=1 bench/run.sh
#   BIG=1 bench/run.sh           also 10,000,000 records with -Xmx256m (takes several minutes)
#   RESUME=1 bench/run.sh        also a load killed (SIGKILL) at 90% of its reading, and the resume that finishes it
#                                (with BIG=1, of the 10,000,000-record load too)
#   PG=1 bench/run.sh            also the job and the baseline on PostgreSQL: Debian's postgresql package (installed
#                                with apt-get if missing), a durable cluster (fsync on, the defaults) in bench/out/pg
#                                on a free port, started by this script and dropped when it ends
#
# Each figure is a whole command from start to exit (what a user waits for, JVM start included), measured with
# /usr/bin/time: wall seconds and peak RSS. Prints a table and writes it to bench/out/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-1000000}
RUNS=${RUNS:-3}
BIG=${BIG:-0}
RESUME=${RESUME:-0}
PG=${PG:-0}
OUT=bench/out
JAR=target/asset-registry.jar
mkdir -p "$OUT"

echo "building..." >&2
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$(cat "$OUT/classpath.txt")" bench/Baseline.java
BASELINE_CP="$OUT/classes:$(cat "$OUT/classpath.txt")"

generate() { # name records error-rate
  if [ ! -f "$OUT/$1" ]; then
    java -jar "$JAR" generate --records "$2" --error-rate "$3" --seed 1 --ndjson "$OUT/$1" >&2
  fi
}

# start_postgres: a PostgreSQL cluster of Debian's postgresql-common, durable (the defaults: fsync, synchronous
# commit, full-page writes), its data in $OUT/pg, listening on localhost only (Debian's default) on a free port;
# sets PG_URL.
start_postgres() {
  if ! command -v pg_createcluster > /dev/null; then
    echo "installing postgresql..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
  fi
  PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
  PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  PG_CLUSTER=assetbench
  pg_dropcluster --stop "$PG_VERSION" "$PG_CLUSTER" 2> /dev/null || true
  rm -rf "$OUT/pg"
  pg_createcluster -q "$PG_VERSION" "$PG_CLUSTER" -p "$PG_PORT" -d "$PWD/$OUT/pg" \
    -o ssl=off -- --auth=trust > /dev/null
  trap 'pg_dropcluster --stop "$PG_VERSION" "$PG_CLUSTER"' EXIT
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/bench?user=postgres"
  echo "PostgreSQL $PG_VERSION on port $PG_PORT, data in $OUT/pg" >&2
}

psql_bench() { runuser -u postgres -- psql -q -h 127.0.0.1 -p "$PG_PORT" -d postgres "$@"; }

# measure LABEL COMMAND...: runs COMMAND on a fresh database, appends "LABEL seconds rss_kib" to $OUT/raw.txt
measure() {
  local label=$1; shift
  rm -rf "$OUT"/bench.db* "$OUT/reports"
  if [ "$PG" = 1 ]; then
    psql_bench -c 'DROP DATABASE IF EXISTS bench' -c 'CREATE DATABASE bench' -c 'CHECKPOINT'
  fi
  sync
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" > "$OUT/last.log" 2>&1 || { cat "$OUT/last.log" >&2; exit 1; }
  echo "$label $(cat "$OUT/time.txt")" | tee -a "$OUT/raw.txt" >&2
}

# resume_at_90 LABEL FILE RECORDS [NAME=VALUE...]: loads FILE (of RECORDS records) into a fresh database with the
# environment given, kills the load (SIGKILL) once 90% of its chunks have committed (the chunk commit count, in the
# registry's own Batch tables), then times the command that resumes it, and appends "LABEL seconds rss_kib" to
# $OUT/raw.txt.
resume_at_90() {
  local label=$1 file=$2 records=$3 pid
  shift 3
  rm -rf "$OUT"/bench.db* "$OUT/reports"
  local chunks=$(( records / 10000 * 9 / 10 ))
  env "$@" "${JOB[@]}" "$file" > "$OUT/last.log" 2>&1 &
  pid=$!
  until [ "$(sqlite3 "$OUT/bench.db" "SELECT COALESCE(MAX(COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'stageRecordsStep'" 2>/dev/null || echo 0)" -ge "$chunks" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the load ended before 90%" >&2; exit 1; }
    sleep 0.2
  done
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" env "$@" "${JOB[@]}" "$file" > "$OUT/last.log" 2>&1 || { cat "$OUT/last.log" >&2; exit 1; }
  echo "$label $(cat "$OUT/time.txt")" | tee -a "$OUT/raw.txt" >&2
}

# The job as the README tells a user to run it, through bin/asset-registry (Spring's AOT context, class-data sharing,
# the serial collector); the baseline with the same collector. The launcher's archive is made before any timing.
bin/asset-registry --version > /dev/null
JOB=(bin/asset-registry --db "$OUT/bench.db" --reports "$OUT/reports" load)
BASELINE=(java -XX:+UseSerialGC -cp "$BASELINE_CP" Baseline)

VALID="valid-$RECORDS.jsonl"; ERRORS="errors-$RECORDS.jsonl"
generate "$VALID" "$RECORDS" 0
generate "$ERRORS" "$RECORDS" 0.1
[ "$PG" = 1 ] && start_postgres
: > "$OUT/raw.txt"
for run in $(seq "$RUNS"); do
  measure baseline-valid "${BASELINE[@]}" "$OUT/$VALID" "$OUT/bench.db"
  measure job-valid "${JOB[@]}" "$OUT/$VALID"
  measure baseline-errors "${BASELINE[@]}" "$OUT/$ERRORS" "$OUT/bench.db"
  measure job-errors "${JOB[@]}" "$OUT/$ERRORS"
  if [ "$PG" = 1 ]; then
    JOB_PG=(bin/asset-registry --db "$PG_URL" --reports "$OUT/reports" load)
    measure baseline-valid-pg "${BASELINE[@]}" "$OUT/$VALID" "$PG_URL"
    measure job-valid-pg "${JOB_PG[@]}" "$OUT/$VALID"
    measure baseline-errors-pg "${BASELINE[@]}" "$OUT/$ERRORS" "$PG_URL"
    measure job-errors-pg "${JOB_PG[@]}" "$OUT/$ERRORS"
  fi
done
if [ "$RESUME" = 1 ]; then
  resume_at_90 job-resume-at-90% "$OUT/$VALID" "$RECORDS"
fi
if [ "$BIG" = 1 ]; then
  generate big.jsonl 10000000 0
  measure job-10M-xmx256m env ASSET_REGISTRY_JAVA_OPTS=-Xmx256m "${JOB[@]}" "$OUT/big.jsonl"
  if [ "$RESUME" = 1 ]; then
    resume_at_90 job-10M-resume-at-90% "$OUT/big.jsonl" 10000000 ASSET_REGISTRY_JAVA_OPTS=-Xmx256m
  fi
fi

declare -A MEDIAN
{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo "Records: $RECORDS per file (errors: 10% broken), median of $RUNS runs"
  [ "$PG" = 1 ] && echo "PostgreSQL: $(psql_bench -tA -c 'SHOW server_version'), durable (fsync $(psql_bench -tA -c 'SHOW fsync'), synchronous_commit $(psql_bench -tA -c 'SHOW synchronous_commit')), shared_buffers $(psql_bench -tA -c 'SHOW shared_buffers')"
  echo
  echo "| scenario | seconds | records/s | peak RSS MiB | job / baseline |"
  echo "|---|---:|---:|---:|---:|"
  for label in baseline-valid job-valid baseline-errors job-errors job-resume-at-90% \
               baseline-valid-pg job-valid-pg baseline-errors-pg job-errors-pg job-10M-xmx256m \
               job-10M-resume-at-90%; do
    times=$(awk -v l="$label" '$1 == l { print $2 }' "$OUT/raw.txt" | sort -n)
    [ -n "$times" ] || continue
    count=$(echo "$times" | wc -l)
    median=$(echo "$times" | sed -n "$(( (count + 1) / 2 ))p")
    rss=$(awk -v l="$label" '$1 == l && $3 > m { m = $3 } END { print m }' "$OUT/raw.txt")
    records=$RECORDS; [[ $label == job-10M-* ]] && records=10000000
    case $label in
      job-valid|job-errors|job-valid-pg|job-errors-pg) base=${label/job/baseline}; ratio=$(awk -v a="$median" -v b="${MEDIAN[$base]}" 'BEGIN { printf "%.2f", a / b }') ;;
      job-resume-at-90%) ratio="$(awk -v a="$median" -v b="${MEDIAN[job-valid]}" 'BEGIN { printf "%.2f", a / b }') of job-valid" ;;
      job-10M-resume-at-90%) ratio="$(awk -v a="$median" -v b="${MEDIAN[job-10M-xmx256m]}" 'BEGIN { printf "%.2f", a / b }') of job-10M-xmx256m" ;;
      *) ratio="" ;;
    esac
    MEDIAN[$label]=$median
    awk -v l="$label" -v t="$median" -v n="$records" -v r="$rss" -v q="$ratio" \
      'BEGIN { printf "| %s | %.1f | %.0f | %.0f | %s |\n", l, t, n / t, r / 1024, q }'
  done
} | tee "$OUT/results.md"

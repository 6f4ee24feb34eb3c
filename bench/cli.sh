#!/usr/bin/env bash
# The command line's start-up benchmark: how long a query waits, JVM start included, on a registry of 1,000,000
# versions.
#
#   bench/cli.sh                  7 runs of each command, interleaved
#   RUNS=3 bench/cli.sh
#   BUILD=0 bench/cli.sh          use target/asset-registry.jar as it is
#   BEFORE=../old bench/cli.sh    also time get and list with an earlier checkout, built, and its bin/asset-registry
#
# The registry (bench/out/cli/registry.db) is made once, with generate and load, and kept for the next runs; delete
# bench/out/cli to make it again. Each command runs RUNS times, the commands taking turns, so that a burst of load
# from elsewhere on the machine spreads over all of them. Each figure is measured with /usr/bin/time: wall and CPU
# (user + system) seconds. Prints a table of the fastest and median wall time and the median CPU time, with the
# machine's load average before and after, and writes it to bench/out/cli/results.md. Needs sqlite3 to pick the
# assets it queries.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
RECORDS=${RECORDS:-1000000}
BUILD=${BUILD:-1}
BEFORE=${BEFORE:-}
OUT=bench/out/cli
JAR=target/asset-registry.jar
CLI=bin/asset-registry
mkdir -p "$OUT"

if [ "$BUILD" = 1 ]; then
  echo "building..." >&2
  ./mvnw -q -B -DskipTests package
fi
DB="$OUT/registry.db"
if [ ! -f "$OUT/registry.done" ]; then
  echo "making a registry of $RECORDS versions (once)..." >&2
  rm -f "$DB" "$DB-wal" "$DB-shm"
  java -jar "$JAR" generate --records "$RECORDS" --error-rate 0 --seed 1 --ndjson "$OUT/data.jsonl" >&2
  java -jar "$JAR" --db "$DB" --reports "$OUT/reports" load "$OUT/data.jsonl" >&2
  rm -f "$OUT/data.jsonl"
  touch "$OUT/registry.done"
fi
"$CLI" --version >/dev/null # makes bin/asset-registry's class-data sharing archive, if the jar is new

# An asset in the middle of the registry, a name pattern that matches about a hundred assets, and a type.
read -r NAME TYPE < <(sqlite3 -separator ' ' "$DB" \
  "SELECT name, type FROM asset ORDER BY name, type LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM asset)")
PREFIX="${NAME%???}" # horse_99987 -> horse_99: about 50 names (a word goes with every 20th number)
PATTERN="${PREFIX}*"
VERSIONS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM asset_version")
ASSETS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM asset")
MATCHES=$(sqlite3 "$DB" "SELECT COUNT(*) FROM asset WHERE name GLOB '${PREFIX}*'")
PROPS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM asset WHERE type = 'prop'")

LABELS=(
  "\`java -jar $JAR get $NAME $TYPE\`"
  "\`$CLI get $NAME $TYPE\`"
  "\`$CLI get $NAME $TYPE --json\`"
  "\`$CLI list --name-like '$PATTERN'\` ($MATCHES assets)"
  "\`$CLI list --type prop\` ($PROPS assets)"
  "\`$CLI versions list $NAME $TYPE\`"
  "\`$CLI runs\`"
  "\`$CLI report 1\` (no registry)"
  "\`$CLI --version\` (the JVM and picocli alone)"
)
COMMANDS=(
  "java -jar $JAR --db $DB get $NAME $TYPE"
  "$CLI --db $DB get $NAME $TYPE"
  "$CLI --db $DB get $NAME $TYPE --json"
  "$CLI --db $DB list --name-like $PATTERN"
  "$CLI --db $DB list --type prop"
  "$CLI --db $DB versions list $NAME $TYPE"
  "$CLI --db $DB runs"
  "$CLI --reports $OUT/reports report 1"
  "$CLI --version"
)

if [ -n "$BEFORE" ]; then
  OLD="$(git -C "$BEFORE" log -1 --format=%h)"
  "$BEFORE/bin/asset-registry" --version >/dev/null
  LABELS+=("before ($OLD): \`$CLI get $NAME $TYPE\`" "before ($OLD): \`$CLI list --name-like '$PATTERN'\`")
  COMMANDS+=("$BEFORE/bin/asset-registry --db $DB get $NAME $TYPE"
             "$BEFORE/bin/asset-registry --db $DB list --name-like $PATTERN")
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$OUT/raw.txt"
for run in $(seq "$RUNS"); do
  for i in "${!COMMANDS[@]}"; do
    # shellcheck disable=SC2086 # the commands are split on spaces on purpose; none has a space in an argument
    /usr/bin/time -f "%e %U %S" -o "$OUT/time.txt" ${COMMANDS[$i]} > "$OUT/last.out" 2> "$OUT/last.err" \
      || { echo "failed: ${COMMANDS[$i]}" >&2; cat "$OUT/last.err" >&2; exit 1; }
    awk -v i="$i" '{ print i, $1, $2 + $3 }' "$OUT/time.txt" >> "$OUT/raw.txt"
    wall=$(cut -d' ' -f1 "$OUT/time.txt")
    echo "run $run: ${COMMANDS[$i]}: $wall s" >&2
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# stat INDEX COLUMN: "fastest median" of a command's figures (column 2 wall, 3 CPU)
stat() {
  awk -v i="$1" '$1 == i { print $'"$2"' }' "$OUT/raw.txt" | sort -n \
    | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
             printf "%.2f %.2f\n", v[1], m }'
}

{
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "Registry: $VERSIONS versions of $ASSETS assets. $RUNS runs of each command, interleaved."
  echo "Load average (1, 5, 15 min): $LOAD_BEFORE before, $LOAD_AFTER after."
  echo
  echo "| command | wall, fastest / median | CPU, median |"
  echo "|---|---:|---:|"
  for i in "${!COMMANDS[@]}"; do
    read -r fastest median < <(stat "$i" 2)
    read -r _ cpu < <(stat "$i" 3)
    echo "| ${LABELS[$i]} | $fastest s / $median s | $cpu s |"
  done
} | tee "$OUT/results.md"

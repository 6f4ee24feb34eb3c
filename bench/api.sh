#!/usr/bin/env bash
# The REST API benchmark (not a test): GET /assets/versions?asset=&type= on a registry of 1,000,000 versions, with
# wrk on the same machine, alone and while a 1,000,000-record load runs through POST /assets/load.
#
#   bench/api.sh                        builds the jar if missing, prepares the registry once (bench/out/api/)
#   DURATION=30s CONNECTIONS=32 bench/api.sh
#   WARMUP=6 bench/api.sh               warm-up slices of 10 s before the figures (default 6: a minute)
#
# Needs wrk (apt-get install wrk) and sqlite3 (to pick the assets the requests ask for). Prints a table and writes
# it to bench/out/api-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-1000000}
DURATION=${DURATION:-20s}
DURING=${DURING:-30s}  # wrk while the load runs
WARMUP=${WARMUP:-6}    # 10-second slices of warm-up: the JIT compiles the request path for about half a minute
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
OUT=bench/out/api
JAR=target/asset-registry.jar
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "error: sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package

# The registry: 1,000,000 valid records loaded once; a second file, another seed, for the load during the run.
if [ ! -f "$OUT/registry.db.ready" ]; then
  rm -f "$OUT"/registry.db*
  java -jar "$JAR" generate --records "$RECORDS" --seed 1 --ndjson "$OUT/registry.jsonl" >&2
  java -jar "$JAR" --db "$OUT/registry.db" --reports "$OUT/reports" load "$OUT/registry.jsonl" >&2
  touch "$OUT/registry.db.ready"
fi
[ -f "$OUT/load.jsonl" ] || java -jar "$JAR" generate --records "$RECORDS" --seed 2 --ndjson "$OUT/load.jsonl" >&2
# Work on a copy, so that the load during the run leaves the prepared registry as it was.
rm -f "$OUT"/work.db*
cp "$OUT/registry.db" "$OUT/work.db"
VERSIONS=$(sqlite3 "$OUT/work.db" "SELECT COUNT(*) FROM asset_version")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# 1,000 assets picked at random; each request asks for one of them, round robin. The requests are formatted once, in
# wrk's init, not per request: wrk shares the two cores with the server, and formatting each request in Lua cost it
# about a quarter of the throughput it measured.
sqlite3 -separator ' ' "$OUT/work.db" "SELECT name, type FROM asset ORDER BY random() LIMIT 1000" > "$OUT/assets.txt"
{
  echo 'local paths = {}'
  while read -r name type; do echo "paths[#paths + 1] = \"/assets/versions?asset=$name&type=$type\""; done < "$OUT/assets.txt"
  echo 'local requests = {}'
  echo 'init = function(args) for i, path in ipairs(paths) do requests[i] = wrk.format("GET", path) end end'
  echo 'local i = 0'
  echo 'request = function() i = i % #requests + 1; return requests[i] end'
} > "$OUT/versions.lua"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$JAR" --db "$OUT/work.db" --reports "$OUT/reports" serve --port "$PORT" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
until grep -q "^Serving" "$OUT/server.log"; do
  kill -0 $SERVER 2>/dev/null || { cat "$OUT/server.log" >&2; exit 1; }
  sleep 0.5
done
BASE="http://127.0.0.1:$PORT"

# run LABEL: wrk for $DURATION, its report kept in $OUT/LABEL.txt
run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s "$OUT/versions.lua" "$BASE" > "$OUT/$1.txt"
}
# figure FILE: requests/s, p50, p99 and errors from a wrk report
figure() {
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$1")
  p50=$(awk '$1 == "50%" {print $2}' "$1")
  p99=$(awk '$1 == "99%" {print $2}' "$1")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$1")
  echo "| $(printf %.0f "$rps") | $p50 | $p99 | ${non2xx:-0} |"
}

# Warm-up, in slices of 10 s whose throughput is kept: a fresh server's first requests run interpreted, and its JIT
# compiler takes most of a core for about half a minute (jstat -compiler). The figures below are the steady state.
echo "warming up..." >&2
WARMUP_RPS=()
for slice in $(seq "$WARMUP"); do
  run warmup 10s
  WARMUP_RPS+=("$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$OUT/warmup.txt")")
done
echo "alone..." >&2
run alone "$DURATION"

echo "during a load..." >&2
RUN=$(curl -sf -X POST -H 'Content-Type: application/x-ndjson' --data-binary @"$OUT/load.jsonl" "$BASE/assets/load" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
run during-load "$DURING"
STATUS=$(curl -sf "$BASE/runs/$RUN" | python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["status"], r["progress"]["phase"], r["progress"]["fraction"])')
echo "load run $RUN after the run: $STATUS" >&2
until curl -sf "$BASE/runs/$RUN" | grep -q '"status":"\(COMPLETED\|FAILED\)"'; do sleep 2; done
LOAD=$(curl -sf "$BASE/runs/$RUN" | python3 -c '
import json, sys
r = json.load(sys.stdin); c = r["counts"]
print("%s in %.1f s: read %d, registered %d, unchanged %d, rejected %d" % (r["status"], r["durationMillis"] / 1000,
      c["read"], c["registered"], c["unchanged"], c["rejected"]))')

{
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1); load average before the server started: $LOAD_BEFORE."
  echo "Registry: $VERSIONS versions. wrk -t$THREADS -c$CONNECTIONS -d$DURATION (during the load -d$DURING), GET /assets/versions?asset=&type= over 1,000 assets."
  echo "The load during the run: $RECORDS records, $LOAD; when wrk ended it was $STATUS."
  echo "Warm-up of the fresh server, requests/s per 10 s: ${WARMUP_RPS[*]}."
  echo
  echo "| scenario | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---:|---:|---:|---:|"
  echo "| alone $(figure "$OUT/alone.txt")"
  echo "| during a load $(figure "$OUT/during-load.txt")"
} | tee bench/out/api-results.md

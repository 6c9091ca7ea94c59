#!/usr/bin/env bash
# Task figures of issue 6, measured against a freshly started service on a fresh database:
#   dispatch    -- AGENTS (100) agents hold long-poll claims; TASKS (1000) tasks created at RATE/s;
#                  latency from the 201 of the creation to the waiting agent's claim response
#   claim-empty -- empty claims (waitMs 0) at full speed, wrk with CONNECTIONS connections (needs wrk)
#   commands    -- task creation through the whole command path (BATCH tasks per request, default 1),
#                  then projection lag
#   replay      -- every read model rebuilt from the event store the scenarios before it filled: time,
#                  events/s, each processor's finish time (gives up after TIMEOUT, 600s); run it last
#   ./mvnw -B -q -DskipTests install && bash bench/tasks/run.sh [dispatch|claim-empty|commands|replay ...]
# Needs: psql, curl, wrk (apt-get install wrk) and PostgreSQL on 127.0.0.1:5432 as postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-3902}
DB=nodeplane_tasks_bench
SCENARIOS=${*:-dispatch claim-empty commands replay}

source bench/service.sh
start_service TASK_QUEUED_TIMEOUT_SECONDS=86400

bench() {
  ./mvnw -B -q -pl bench exec:java -Dexec.args="$1 --target http://127.0.0.1:$PORT --admin-email bench@example.com \
    --admin-password bench-password --enrollment-token $TOKEN ${2:-}"
}

for scenario in $SCENARIOS; do
  case $scenario in
    dispatch) bench dispatch "--agents ${AGENTS:-100} --tasks ${TASKS:-1000} --rate ${RATE:-50}" ;;
    commands) bench commands "--connections ${CONNECTIONS:-32} --duration ${DURATION:-30s} --batch ${BATCH:-1}" ;;
    replay) bench replay "--timeout ${TIMEOUT:-600s}" ;;
    claim-empty)
      # one registered agent per wrk connection; wrk is the fastest load generator available here
      conns=${CONNECTIONS:-64}
      lua="$state/claims.lua"
      echo "agents = {" > "$lua"
      for i in $(seq 1 "$conns"); do
        curl -sf -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/agent/register" \
          -d "{\"enrollmentToken\":\"$TOKEN\",\"hostname\":\"empty-$i-$RANDOM.bench\",\"os\":\"linux\",\"arch\":\"amd64\"}" |
          python3 -c 'import json,sys; d=json.load(sys.stdin); print("  {\"%s\", \"%s\"}," % (d["nodeId"], d["agentToken"]))' >> "$lua"
      done
      cat >> "$lua" <<'LUA'
}
local n = 0
setup = function(thread) thread:set("offset", n); n = n + 1 end
init = function() counter = offset end
request = function()
  counter = counter + 1
  local a = agents[(counter % #agents) + 1]
  return wrk.format("POST", "/api/v1/agent/tasks/claim", {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. a[2], ["x-agent-node-id"] = a[1]}, '{"maxTasks":1,"waitMs":0}')
end
response = function(status) if status ~= 200 then error("claim answered " .. status) end end
-- the measured run (RESULTS_FILE set) writes its figures in the shape of the Java scenarios' results
done = function(summary, latency, requests)
  local file = os.getenv("RESULTS_FILE")
  if not file then return end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  local f = io.open(file, "w")
  f:write(string.format('{"scenario":"claim-empty","tool":"wrk","durationSeconds":%.1f,'
    .. '"flags":{"connections":%s,"threads":%s},'
    .. '"figures":{"claimsPerSecond":%.1f,"requests":%d,"errors":%d},'
    .. '"histograms":{"empty claim":{"count":%d,"p50Ms":%.3f,"p95Ms":%.3f,"p99Ms":%.3f,"maxMs":%.3f}}}\n',
    summary.duration / 1e6, os.getenv("CONNS"), os.getenv("THREADS_USED"),
    summary.requests / (summary.duration / 1e6), summary.requests, errors, summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  f:close()
  print("results: " .. file)
end
LUA
      echo "claim-empty warm-up (${WARMUP:-30s})"
      wrk -t"${THREADS:-2}" -c"$conns" -d"${WARMUP:-30s}" -s "$lua" "http://127.0.0.1:$PORT" > /dev/null
      echo "claim-empty: $conns connections, ${DURATION:-30s}"
      mkdir -p bench/results
      RESULTS_FILE="$PWD/bench/results/claim-empty-$(date -u +%Y%m%d-%H%M%S).json" CONNS=$conns THREADS_USED=${THREADS:-2} \
        wrk -t"${THREADS:-2}" -c"$conns" -d"${DURATION:-30s}" --latency -s "$lua" "http://127.0.0.1:$PORT"
      ;;
    *) echo "unknown scenario $scenario"; exit 2 ;;
  esac
done

#!/usr/bin/env bash
# Task figures of issue 6, measured against a freshly started service on a fresh database:
#   dispatch    -- AGENTS (100) agents hold long-poll claims; TASKS (1000) tasks created at RATE/s;
#                  latency from the 201 of the creation to the waiting agent's claim response
#   claim-empty -- empty claims (waitMs 0) at full speed, wrk with CONNECTIONS connections (needs wrk)
#   commands    -- task creation through the whole command path (BATCH tasks per request, default 1),
#                  then projection lag
#   ./mvnw -B -q -DskipTests install && bash bench/tasks/run.sh [dispatch|claim-empty|commands ...]
# Needs: psql, curl, wrk (apt-get install wrk) and PostgreSQL on 127.0.0.1:5432 as postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-3902}
DB=nodeplane_tasks_bench
TOKEN=bench-enrollment-token-0123456789abcdef
SCENARIOS=${*:-dispatch claim-empty commands}
export PGHOST=127.0.0.1 PGUSER=postgres

dropdb --if-exists "$DB" && createdb "$DB"
state=$(mktemp -d)
DB_HOST=127.0.0.1 DB_USERNAME=postgres DB_PASSWORD="${PGPASSWORD:-}" DB_NAME=$DB PORT=$PORT \
  NODEPLANE_STATE_DIR="$state" SEED_DEFAULT_ADMIN=true ADMIN_EMAIL=bench@example.com ADMIN_PASSWORD=bench-password \
  AGENT_ENROLLMENT_TOKEN=$TOKEN AGENT_HEARTBEAT_TIMEOUT_SECONDS=3600 TASK_QUEUED_TIMEOUT_SECONDS=86400 \
  java ${JAVA_OPTS:-} -jar api/target/nodeplane.jar > "$state/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; [ -n "${KEEP:-}" ] && echo "kept $state" || dropdb --if-exists "$DB"' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.5; done

bench() {
  ./mvnw -B -q -pl bench exec:java -Dexec.args="$1 --target http://127.0.0.1:$PORT --admin-email bench@example.com \
    --admin-password bench-password --enrollment-token $TOKEN ${2:-}"
}

for scenario in $SCENARIOS; do
  case $scenario in
    dispatch) bench dispatch "--agents ${AGENTS:-100} --tasks ${TASKS:-1000} --rate ${RATE:-50}" ;;
    commands) bench commands "--connections ${CONNECTIONS:-32} --duration ${DURATION:-30s} --batch ${BATCH:-1}" ;;
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
LUA
      echo "claim-empty warm-up (${WARMUP:-30s})"
      wrk -t"${THREADS:-2}" -c"$conns" -d"${WARMUP:-30s}" -s "$lua" "http://127.0.0.1:$PORT" > /dev/null
      echo "claim-empty: $conns connections, ${DURATION:-30s}"
      wrk -t"${THREADS:-2}" -c"$conns" -d"${DURATION:-30s}" --latency -s "$lua" "http://127.0.0.1:$PORT"
      ;;
    *) echo "unknown scenario $scenario"; exit 2 ;;
  esac
done

#!/usr/bin/env bash
# Realtime figures of issue 7, against a freshly started service on a fresh database:
#   fanout -- SUBSCRIBERS (1000) SSE connections on one workspace, RATE (500) metrics/s from AGENTS (50)
#             agents over DURATION (30s) after WARMUP (150s) of the same load (the JIT); delivery latency, deliveries/s,
#             lost messages, server CPU and heap
#   agents -- AGENTS (10000) simulated agents on the Socket.IO agent socket, each sending agent.ping and
#             agent.metrics every 2 s for DURATION (60s): ack latency, metrics/s, server CPU and memory, and
#             the stored metric rows counted against the acknowledged ones (lost = acked but not stored)
#   fleet  -- the full mix (issue 8): AGENTS (500) agents on the socket (ping + metrics every 2 s) long-polling
#             claims and running each task's HTTP lifecycle for TASK_MS (500); operators create RATE (20) tasks/s
#             (single, batch, team), cancel about 5 % and list tasks every second; WARMUP (10s), then DURATION (60s)
#             measured: task end-to-end time, metrics/s, errors by status, server CPU and memory, then lost tasks
#             and metrics read back through the API
#   ./mvnw -B -q -DskipTests install && bash bench/realtime/run.sh [fanout] [agents] [fleet]
# Needs: psql, curl and PostgreSQL on 127.0.0.1:5432 as postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-3903}
DB=nodeplane_realtime_bench
SCENARIOS=${*:-fanout}

source bench/service.sh
start_service

for scenario in $SCENARIOS; do
  case $scenario in
    fanout) ./mvnw -B -q -pl bench exec:java -Dexec.args="fanout --target http://127.0.0.1:$PORT \
      --admin-email bench@example.com --admin-password bench-password --enrollment-token $TOKEN \
      --subscribers ${SUBSCRIBERS:-1000} --rate ${RATE:-500} --agents ${AGENTS:-50} --duration ${DURATION:-30s} \
      --warmup ${WARMUP:-150s}" ;;
    agents)
      out="$state/agents.out"
      ./mvnw -B -q -pl bench exec:java -Dexec.args="agents --target http://127.0.0.1:$PORT \
        --admin-email bench@example.com --admin-password bench-password --enrollment-token $TOKEN \
        --agents ${AGENTS:-10000} --duration ${DURATION:-60s}" | tee "$out"
      acked=$(sed -n 's/^METRICS_ACKED=//p' "$out")
      stored=$(psql -d "$DB" -Atc 'SELECT count(*) FROM node_metric')
      ps -o rss=,time= -p "$service" | awk '{printf "service process: RSS %.0f MiB, CPU time %s\n", $1/1024, $2}'
      echo "metric rows stored: $stored, acknowledged to agents: $acked, lost: $(( acked > stored ? acked - stored : 0 ))" ;;
    fleet) ./mvnw -B -q -pl bench exec:java -Dexec.args="fleet --target http://127.0.0.1:$PORT \
      --admin-email bench@example.com --admin-password bench-password --enrollment-token $TOKEN \
      --agents ${AGENTS:-500} --rate ${RATE:-20} --duration ${DURATION:-60s} --warmup ${WARMUP:-10s} \
      --task-ms ${TASK_MS:-500}" ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
done

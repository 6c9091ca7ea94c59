#!/usr/bin/env bash
# Metrics ingestion over HTTP, the way a fleet reports: AGENTS registered nodes (default 10,000)
# each POST /api/v1/agent/metrics with their own credential, driven by wrk at full speed for
# DURATION. Prints throughput and latency, then counts the stored rows against the acknowledged
# reports (nothing acknowledged may be missing), and reads the in-process agent-authentication
# timer (p50/p99 of a cached credential check) from the service's Prometheus endpoint.
#   ./mvnw -B -q -DskipTests package && bash bench/telemetry/run.sh
# Needs: psql, python3 and wrk (apt-get install wrk), PostgreSQL on 127.0.0.1:5432 as postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-3901}
DB=nodeplane_telemetry_bench
AGENTS=${AGENTS:-10000}
DURATION=${DURATION:-30s}
# a fleet reports concurrently: 10,000 agents every 2 s keep about a thousand requests in flight
CONNECTIONS=${CONNECTIONS:-1000}
WARMUP=${WARMUP:-60s}

source bench/service.sh
start_service

echo "registering $AGENTS agents"
python3 - "$PORT" "$AGENTS" "$TOKEN" "$state/agents.lua" <<'PY'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
port, count, token, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def register(i):
    body = json.dumps({"enrollmentToken": token, "hostname": f"bench-{i:05d}.fleet", "os": "linux", "arch": "amd64"})
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/agent/register", body.encode(),
                                 {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        data = json.load(r)
    return data["nodeId"], data["agentToken"]
with ThreadPoolExecutor(16) as pool:
    agents = list(pool.map(register, range(count)))
with open(out, "w") as f:
    f.write("agents = {\n")
    for node, tok in agents:
        f.write(f'  {{"{node}", "{tok}"}},\n')
    f.write("}\n")
PY

cat > "$state/metrics.lua" <<LUA
dofile("$state/agents.lua")
local counter = 0
request = function()
  counter = counter + 1
  local a = agents[(counter % #agents) + 1]
  local body = string.format('{"nodeId":"%s","agentToken":"%s","agentVersion":"1.0.7","cpuUsage":%d.5,' ..
    '"memoryUsage":41.2,"diskUsage":63.0,"temperature":47.0,"networks":[{"interface":"eth0","bytesSent":%d,' ..
    '"bytesRecv":%d,"packetsSent":10,"packetsRecv":12,"errorsIn":0,"errorsOut":0,"dropIn":0,"dropOut":0}]}',
    a[1], a[2], counter % 80, counter, counter * 2)
  return wrk.format("POST", "/api/v1/agent/metrics", {["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("metrics ingestion: %.0f reports/s  p50 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
  io.write(string.format("ACK %d\nFAILED %d (non-2xx %d, timeouts %d)\n", summary.requests - failed, failed,
    summary.errors.status, summary.errors.timeout))
end
LUA

ulimit -n 8192 2>/dev/null || true
echo "warm-up ($WARMUP, lets the JIT compile the hot path), then $DURATION with $CONNECTIONS connections"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$state/metrics.lua" "http://127.0.0.1:$PORT" > /dev/null
before=$(psql -tA -d "$DB" -c "SELECT count(*) FROM node_metric")
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$state/metrics.lua" "http://127.0.0.1:$PORT" | tee "$state/wrk.txt"
sleep 2
after=$(psql -tA -d "$DB" -c "SELECT count(*) FROM node_metric")
acked=$(sed -n 's/^ACK //p' "$state/wrk.txt")
echo "stored during the run: $((after - before)) rows for $acked acknowledged reports (lost: $(( acked > after - before ? acked - (after - before) : 0 )))"
curl -sf "http://127.0.0.1:$PORT/metrics" | grep -E '^nodeplane_agent_auth_seconds\{.*quantile="0\.(5|99)"' \
  | sed -E 's/.*quantile="([0-9.]+)".* ([0-9.eE+-]+)$/agent auth (cached) p\1: \2 s/'
grep -c ' ERROR ' "$state/service.log" | sed 's/^/service log errors: /' || true

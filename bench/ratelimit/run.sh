#!/usr/bin/env bash
# The cost of the per-user request tier (API_RATE_LIMIT_PER_MINUTE): the cheapest signed-in route,
# GET /api/v1/users/me, driven by wrk with one user's token, with the tier off (0) and on (a limit far above
# what wrk sends, so every request is counted and none refused), alternately ROUNDS times each.
#   ./mvnw -B -q -DskipTests package && bash bench/ratelimit/run.sh
# Needs: wrk, PostgreSQL on 127.0.0.1:5432 as postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-3910}
DB=nodeplane_ratelimit_bench
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-2}

run() {
  ( source bench/service.sh
    start_service API_RATE_LIMIT_PER_MINUTE="$1"
    token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
      -d '{"email":"bench@example.com","password":"bench-password"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
    cat > "$state/me.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
done = function(summary, latency)
  io.write(string.format("%.0f req/s  p50 %.2f ms  p99 %.2f ms  non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
LUA
    wrk -t2 -c16 -d5s -s "$state/me.lua" "http://127.0.0.1:$PORT/api/v1/users/me" > /dev/null  # warm-up
    echo -n "tier $2: "
    wrk -t2 -c16 -d"$DURATION" -s "$state/me.lua" "http://127.0.0.1:$PORT/api/v1/users/me" | tail -n 1 )
}

for _ in $(seq 1 "$ROUNDS"); do
  run 0 "off"
  run 1000000000 "on "
done

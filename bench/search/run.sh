#!/usr/bin/env bash
# Workspace search latency on 100,000 rows: 50,000 members and 50,000 teams in one workspace.
# Starts the packaged service against a scratch database on the local PostgreSQL, seeds the read
# tables directly (this measures the read path only; the rows have no events behind them), then
# drives GET /api/v1/workspaces/{id}/search with wrk and prints latency percentiles.
#   ./mvnw -B -q -DskipTests package && bash bench/search/run.sh
# Needs: psql and wrk (apt-get install wrk), PostgreSQL on 127.0.0.1:5432 as postgres.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-3900}
DB=nodeplane_search_bench
ROWS=${ROWS:-50000}
DURATION=${DURATION:-20s}

source bench/service.sh
start_service

token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
workspace=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/workspaces" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"name":"Search bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')

echo "seeding $ROWS members and $ROWS teams into workspace $workspace"
psql -q -d "$DB" <<SQL
INSERT INTO user_view (id, email, email_normalized, name, role, is_active, invite_status, created_at, updated_at, last_event_seq)
SELECT gen_random_uuid(), 'user' || i || '.' || substr(md5(i::text), 1, 8) || '@example.com',
       'user' || i || '.' || substr(md5(i::text), 1, 8) || '@example.com',
       initcap(substr(md5('n' || i), 1, 7)) || ' ' || initcap(substr(md5('s' || i), 1, 9)),
       'user', true, 'accepted', now(), now(), 0
FROM generate_series(1, $ROWS) i;
INSERT INTO workspace_membership_view (id, workspace_id, user_id, role, created_at, updated_at, last_event_seq)
SELECT gen_random_uuid(), '$workspace', id, 'viewer', now(), now(), 0 FROM user_view WHERE email LIKE 'user%';
INSERT INTO team_view (id, workspace_id, name, description, created_at, updated_at, last_event_seq)
SELECT gen_random_uuid(), '$workspace', 'team ' || substr(md5('t' || i), 1, 10), null, now(), now(), 0
FROM generate_series(1, $ROWS) i;
ANALYZE;
SQL

cat > "$state/search.lua" <<LUA
local terms = {"a1b", "f3", "team 9", "ab", "user42", "example", "c0ffee", "zz", "7d", "e4a1"}
local i = 0
request = function()
  i = i + 1
  local q = terms[(i % #terms) + 1]
  return wrk.format("GET", "/api/v1/workspaces/$workspace/search?limit=10&q=" .. q:gsub(" ", "%%20"),
    {["Authorization"] = "Bearer $token"})
end
done = function(summary, latency)
  io.write(string.format("search on %d rows: %.0f req/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  errors %d\n",
    2 * $ROWS, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
wrk -t1 -c4 -d5s -s "$state/search.lua" "http://127.0.0.1:$PORT" > /dev/null   # warm-up
echo -n "1 client (latency):    "
wrk -t1 -c1 -d"$DURATION" --latency -s "$state/search.lua" "http://127.0.0.1:$PORT" | tail -n 1
echo -n "8 clients (throughput): "
wrk -t2 -c8 -d"$DURATION" --latency -s "$state/search.lua" "http://127.0.0.1:$PORT" | tail -n 1

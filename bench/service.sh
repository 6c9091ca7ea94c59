# Sourced by the bench run scripts (from the repository root, with DB and PORT set): start_service starts
# the packaged service on a freshly created database, with the bench admin (bench@example.com /
# bench-password), the enrollment token $TOKEN and any further NAME=value environment given as arguments,
# and waits until it answers /health. On exit the service is stopped and the database dropped (KEEP=1 keeps
# both the database and the state directory with service.log). The per-user request tier is off
# (API_RATE_LIMIT_PER_MINUTE=0 unless set): one bench user drives far more than a person would.
TOKEN=bench-enrollment-token-0123456789abcdef
export PGHOST=127.0.0.1 PGUSER=postgres

start_service() {
  dropdb --if-exists "$DB" && createdb "$DB"
  state=$(mktemp -d)
  env DB_HOST=127.0.0.1 DB_USERNAME=postgres DB_PASSWORD="${PGPASSWORD:-}" DB_NAME="$DB" PORT="$PORT" \
    NODEPLANE_STATE_DIR="$state" SEED_DEFAULT_ADMIN=true ADMIN_EMAIL=bench@example.com ADMIN_PASSWORD=bench-password \
    AGENT_ENROLLMENT_TOKEN="$TOKEN" AGENT_HEARTBEAT_TIMEOUT_SECONDS=3600 \
    API_RATE_LIMIT_PER_MINUTE="${API_RATE_LIMIT_PER_MINUTE:-0}" "$@" \
    java ${JAVA_OPTS:-} -jar api/target/nodeplane.jar > "$state/service.log" 2>&1 &
  service=$!
  trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "kept $state" || dropdb --if-exists "$DB"' EXIT
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && return 0; sleep 0.5; done
  echo "the service did not answer /health within 2 minutes; see $state/service.log" >&2
  return 1
}

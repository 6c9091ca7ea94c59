#!/bin/sh
# Nodeplane one-click installer for the Noderax agent.
#
#   curl -fsSL '<api>/install.sh' | sudo bash -s -- --api-url '<api>' --bootstrap-token '<token>'
#
# It reports each stage to the control plane, makes sure the agent binary is present, runs the
# agent's own `bootstrap` step (which exchanges the one-time token for the node's credential) and
# starts the agent as a service. Nodeplane does not ship the agent binary: it comes from the Noderax
# agent releases. Put it on PATH, or set NODERAX_AGENT_BINARY to its path, or NODERAX_AGENT_URL to a
# download address of your choosing; this script downloads nothing else.
set -eu

API_URL=""
TOKEN=""
AGENT_BIN="${NODERAX_AGENT_BINARY:-}"
AGENT_URL="${NODERAX_AGENT_URL:-}"
INSTALL_DIR="${NODERAX_INSTALL_DIR:-/usr/local/bin}"
STATE_DIR="${NODERAX_STATE_DIR:-/usr/local/var/lib/noderax-agent}"
CONFIG_DIR="${NODERAX_CONFIG_DIR:-/etc/noderax-agent}"
NO_SERVICE="${NODERAX_NO_SERVICE:-}"
RUN_ARGS="${NODERAX_AGENT_RUN_ARGS:-}"

while [ $# -gt 0 ]; do
  case "$1" in
    --api-url) API_URL="$2"; shift 2 ;;
    --api-url=*) API_URL="${1#*=}"; shift ;;
    --bootstrap-token) TOKEN="$2"; shift 2 ;;
    --bootstrap-token=*) TOKEN="${1#*=}"; shift ;;
    --no-service) NO_SERVICE=1; shift ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$API_URL" ] || { echo "install.sh: --api-url is required" >&2; exit 2; }
[ -n "$TOKEN" ] || { echo "install.sh: --bootstrap-token is required" >&2; exit 2; }
API_URL="${API_URL%/}"

json_escape() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

# progress <stage> <percent> [status] [message]: best effort, never fails the install
progress() {
  status="${3:-installing}"
  body="{\"token\":\"$(json_escape "$TOKEN")\",\"stage\":\"$1\",\"status\":\"$status\",\"progressPercent\":$2"
  if [ -n "${4:-}" ]; then body="$body,\"statusMessage\":\"$(json_escape "$4")\""; fi
  body="$body}"
  curl -fsS -m 10 -X POST -H 'Content-Type: application/json' -d "$body" \
    "$API_URL/api/v1/node-installs/progress" >/dev/null 2>&1 || true
}

fail() {
  progress failed 100 failed "$1"
  echo "install.sh: $1" >&2
  exit 1
}

progress installer_started 8
command -v curl >/dev/null 2>&1 || fail "curl is required"
progress dependencies_installing 18
progress dependencies_ready 30

if [ -z "$NO_SERVICE" ] && [ "$(id -u)" = "0" ] && ! id noderax >/dev/null 2>&1 && command -v useradd >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin noderax 2>/dev/null || true
fi
progress service_user_ready 45

if [ -z "$AGENT_BIN" ]; then
  AGENT_BIN="$(command -v noderax-agent 2>/dev/null || true)"
fi
if [ -z "$AGENT_BIN" ] && [ -n "$AGENT_URL" ]; then
  progress binary_download_started 60
  mkdir -p "$INSTALL_DIR"
  curl -fsSL -m 300 -o "$INSTALL_DIR/noderax-agent" "$AGENT_URL" || fail "download of $AGENT_URL failed"
  chmod 0755 "$INSTALL_DIR/noderax-agent"
  AGENT_BIN="$INSTALL_DIR/noderax-agent"
fi
[ -n "$AGENT_BIN" ] && [ -x "$AGENT_BIN" ] || fail "noderax-agent not found: install it from the Noderax agent releases, or set NODERAX_AGENT_BINARY or NODERAX_AGENT_URL"
progress binary_downloaded 74

progress agent_bootstrapping 88
mkdir -p "$STATE_DIR" "$CONFIG_DIR"
"$AGENT_BIN" bootstrap --non-interactive --api-url "$API_URL" --bootstrap-token "$TOKEN" \
  || fail "noderax-agent bootstrap failed"

if [ -z "$NO_SERVICE" ] && command -v systemctl >/dev/null 2>&1 && [ -d /etc/systemd/system ]; then
  cat > /etc/systemd/system/noderax-agent.service <<UNIT
[Unit]
Description=Noderax agent
After=network-online.target
Wants=network-online.target

[Service]
ExecStart=$AGENT_BIN $RUN_ARGS
Restart=always
RestartSec=5

[Install]
WantedBy=multi-user.target
UNIT
  systemctl daemon-reload
  systemctl enable --now noderax-agent || fail "the noderax-agent service did not start"
fi
progress service_started 100 completed "Agent installed"
echo "Noderax agent installed and registered with $API_URL"

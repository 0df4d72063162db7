#!/usr/bin/env bash
# The local lifecycle end to end: `npm run up`, `ps`, `logs`, a refused second `up`,
# `down`. A stack of its own beside any running one: other ports, its own pid and log
# files, databases and Redis database number. Part of `npm test` (run after the build).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$ROOT/scripts/checks.sh"

export STACK_RUN_DIR="$RUN_DIR/lifecycle-test"
export GATEWAY_PORT=15333 AUTH_PORT=15001 EVENTS_PORT=15002 DASHBOARD_PORT=15173
# Named outright: a .env copied from .env.example names the default ports in them.
export AUTH_URL="http://127.0.0.1:$AUTH_PORT/graphql" EVENTS_URL="http://127.0.0.1:$EVENTS_PORT/graphql"
export AUTH_JWKS_URL="http://127.0.0.1:$AUTH_PORT/.well-known/jwks.json"
export USER_DB_URL="mongodb://${USER_DB_ADDR:-127.0.0.1:27017}/rewardgraph_lifecycle_users"
export EVENT_DB_URL="mongodb://${EVENT_DB_ADDR:-127.0.0.1:27018}/rewardgraph_lifecycle_events"
export DATA_REDIS_URL="redis://127.0.0.1:${DATA_REDIS_PORT:-6379}/3" BUS_REDIS_URL="redis://127.0.0.1:${DATA_REDIS_PORT:-6379}/3"
export SECURE_REDIS_URL="redis://127.0.0.1:${SECURE_REDIS_PORT:-6380}/3"
export KEYS_DIR="$STACK_RUN_DIR/auth-keys"
export LOG_FORMAT=json
# Never leave this stack running, whatever failed.
trap 'bash "$ROOT/scripts/down.sh" >/dev/null 2>&1 || true' EXIT

# Whole output first: grep -q stops reading at its match, and pipefail would count ps's broken pipe.
ps_says() { grep -Eq "$1" <<<"$(bash "$ROOT/scripts/ps.sh")"; }
all_ready() {
  local name
  for name in auth events gateway dashboard; do ps_says "^$name +[0-9]+ +ready " || return 1; done
}
all_stopped() {
  local name
  for name in auth events gateway dashboard; do ps_says "^$name +- +stopped " || return 1; done
}
up_prints_urls() {
  bash "$ROOT/scripts/up.sh" | tee "$STACK_RUN_DIR/up.out"
  grep -q "GraphQL: *http://127.0.0.1:$GATEWAY_PORT/graphql" "$STACK_RUN_DIR/up.out"
}
# logs follows until stopped: two seconds of it, then what it printed.
gateway_logs_only() {
  local out
  out=$(timeout 2 bash "$ROOT/scripts/logs.sh" gateway || true)
  grep -q '"service":"gateway".*"msg":"gateway listening"' <<<"$out" && ! grep -q '"service":"auth"' <<<"$out"
}
down_stops_all() {
  local port
  bash "$ROOT/scripts/down.sh"
  if ls "$STACK_RUN_DIR"/*.pid 2>/dev/null; then return 1; fi
  for port in "$GATEWAY_PORT" "$AUTH_PORT" "$EVENTS_PORT" "$DASHBOARD_PORT"; do
    if port_open 127.0.0.1 "$port"; then echo "port $port is still open" && return 1; fi
  done
}

mkdir -p "$STACK_RUN_DIR"
# What an interrupted run may have left running.
bash "$ROOT/scripts/down.sh" >/dev/null
say "local lifecycle (npm run up / ps / logs / down) on ports $AUTH_PORT, $EVENTS_PORT, $GATEWAY_PORT, $DASHBOARD_PORT"
check "up starts every service in the background, seeds and prints the URLs" up_prints_urls
check "ps shows every service ready, with its pid" all_ready
check_fails "a second up refuses, naming the running stack" "already running" bash "$ROOT/scripts/up.sh"
check "the stack still runs after the refused up" all_ready
check "logs -- gateway shows the gateway's JSON lines and no other service's" gateway_logs_only
check_fails "logs of an unknown service names the services" "one of: auth events gateway dashboard" \
  bash "$ROOT/scripts/logs.sh" nosuch
check "down stops every service, frees its port and removes its pid file" down_stops_all
check "ps then shows every service stopped" all_stopped

finish_checks lifecycle

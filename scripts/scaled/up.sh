#!/usr/bin/env bash
# `npm run up:scaled`: the platform as several instances — two gateways, two auth and two
# events services — behind one nginx, through which clients reach the gateways and the
# gateways (and events, for the JWKS) reach the subgraphs; in the background. Starts only
# what is not running, so after an instance died it starts that one again. `--no-build`
# skips the packages, FerretDB and Redis, and the build (the e2e suite's scaled mode has
# done them); nginx is installed when missing either way. docs/scaling.md.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$ROOT/scripts/scaled/stack.sh"
export NX_DAEMON=false NX_NO_CLOUD=true

# A development stack, as `npm start` runs (the services default to production); the
# e2e suite sets its own.
: "${NODE_ENV:=development}" "${ADMIN_EMAIL:=admin@rewardgraph.local}" "${ADMIN_PASSWORD:=rewardgraph-demo-admin}"
export NODE_ENV ADMIN_EMAIL ADMIN_PASSWORD

if [ "${1:-}" != --no-build ]; then
  install_node_modules
  bash "$ROOT/scripts/infra/up.sh"
  say "building"
  (cd "$ROOT" && npx nx run-many -t build --outputStyle=static) || die "build failed"
fi
ensure_nginx

STARTED=()
# A start that fails halfway stops what this run started, and only that.
stop_started() { for name in "${STARTED[@]}"; do stop_scaled "$name"; done; }
trap stop_started EXIT
trap 'exit 130' INT TERM

# launch_missing NAME...: starts each one not running, then waits until all are ready.
launch_missing() {
  local name launched=()
  for name in "$@"; do
    scaled_pid "$name" >/dev/null && continue
    port_open 127.0.0.1 "$(instance_port "$name")" && die "port $(instance_port "$name") ($name) is already in use"
    launch_instance "$name"
    STARTED+=("$name")
    launched+=("$name")
  done
  for name in "${launched[@]}"; do await_instance "$name"; done
}

if ! scaled_pid balancer >/dev/null; then
  port_open 127.0.0.1 "$SCALED_PORT" && die "port $SCALED_PORT (the balancer) is already in use"
  start_balancer
  STARTED+=(balancer)
fi
launch_missing "${SCALED_SUBGRAPHS[@]}"
launch_missing "${SCALED_GATEWAYS[@]}"
trap - EXIT INT TERM

for name in balancer "${SCALED_SUBGRAPHS[@]}" "${SCALED_GATEWAYS[@]}"; do
  say "  $(printf '%-10s pid %-8s' "$name" "$(scaled_pid "$name")") $([ "$name" = balancer ] || echo "http://127.0.0.1:$(instance_port "$name")/")"
done
say "RewardGraph (two instances of each service) is running"
say "  GraphQL:  http://127.0.0.1:$(balancer_port gateway)/graphql (nginx, in front of both gateways)"
say "  admin:    $ADMIN_EMAIL / $ADMIN_PASSWORD"
say "  logs in $SCALED_RUN_DIR; npm run down:scaled stops it"

#!/usr/bin/env bash
# `npm start`: everything a brand-new machine needs to run RewardGraph locally —
# npm packages, FerretDB and Redis, a build, the three services and demo data.
# Ctrl-C stops the services (the databases keep running; `npm run infra:down` stops them).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false}

# The services default to production; this is the local development stack (the API
# explorer, introspection, the public demo admin password, the development signing secret).
: "${NODE_ENV:=development}"
: "${ADMIN_EMAIL:=admin@rewardgraph.local}"
: "${ADMIN_PASSWORD:=rewardgraph-demo-admin}"
: "${GATEWAY_PORT:=3333}" "${AUTH_PORT:=3001}" "${EVENTS_PORT:=3002}" "${DASHBOARD_PORT:=5173}"
export NODE_ENV ADMIN_EMAIL ADMIN_PASSWORD GATEWAY_PORT AUTH_PORT EVENTS_PORT DASHBOARD_PORT

for port in "$AUTH_PORT" "$EVENTS_PORT" "$GATEWAY_PORT" "$DASHBOARD_PORT"; do
  port_open 127.0.0.1 "$port" && die "port $port is already in use (is RewardGraph already running?)"
done

install_node_modules
bash "$ROOT/scripts/infra/up.sh"
say "building"
(cd "$ROOT" && npx nx run-many -t build --outputStyle=static) || die "build failed"

pids=()
stop_all() {
  trap - EXIT INT TERM
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
}
trap stop_all EXIT INT TERM

run_service() {
  local name=$1 dir=$2 main=${3:-dist/main.js}
  (cd "$ROOT/$dir" && exec node "$main") > >(sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!)
}
ready() { curl -fsS "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; }

run_service auth subgraphs/auth
run_service events subgraphs/events
wait_until 60 auth ready "$AUTH_PORT" || die "auth did not become ready"
wait_until 60 events ready "$EVENTS_PORT" || die "events did not become ready"
run_service gateway gateway
wait_until 60 gateway ready "$GATEWAY_PORT" || die "gateway did not become ready"

run_service dashboard dashboard serve.mjs
wait_until 30 dashboard port_open 127.0.0.1 "$DASHBOARD_PORT" || die "the dashboard did not start"

node "$ROOT/scripts/seed.mjs" "http://127.0.0.1:$GATEWAY_PORT/graphql" || die "seeding demo data failed"
say "RewardGraph is running"
say "  dashboard:    http://127.0.0.1:$DASHBOARD_PORT/"
say "  GraphQL:      http://127.0.0.1:$GATEWAY_PORT/graphql"
say "  API explorer: http://127.0.0.1:$GATEWAY_PORT/explorer/ (GraphiQL, works offline)"
say "  admin:        $ADMIN_EMAIL / $ADMIN_PASSWORD"
say "  demo staff:   operator@rewardgraph.local / rewardgraph-demo-operator, auditor@rewardgraph.local / rewardgraph-demo-auditor"
say "  demo players: ada@, grace@, linus@rewardgraph.local / rewardgraph-demo-player"
say "  Ctrl-C stops the services"
wait -n "${pids[@]}"

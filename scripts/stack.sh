# The local stack's services, shared by `npm start` and `npm run up / down / ps / logs`:
# where each one's code, port, pid file and log file are, and how to start, check and
# stop it. Source it after lib.sh; it changes nothing by itself.

# The services default to production; this is the local development stack (the API
# explorer, introspection, the public demo admin password, the development signing secret).
: "${NODE_ENV:=development}"
: "${ADMIN_EMAIL:=admin@rewardgraph.local}"
: "${ADMIN_PASSWORD:=rewardgraph-demo-admin}"
: "${GATEWAY_PORT:=3333}" "${AUTH_PORT:=3001}" "${EVENTS_PORT:=3002}" "${DASHBOARD_PORT:=5173}"
# The services find each other (and the dashboard's origin) on these ports, so moving one moves its callers.
: "${AUTH_URL:=http://127.0.0.1:$AUTH_PORT/graphql}" "${EVENTS_URL:=http://127.0.0.1:$EVENTS_PORT/graphql}"
: "${AUTH_JWKS_URL:=http://127.0.0.1:$AUTH_PORT/.well-known/jwks.json}"
: "${CORS_ORIGINS:=http://localhost:$DASHBOARD_PORT,http://127.0.0.1:$DASHBOARD_PORT}"
export NODE_ENV ADMIN_EMAIL ADMIN_PASSWORD GATEWAY_PORT AUTH_PORT EVENTS_PORT DASHBOARD_PORT
export AUTH_URL EVENTS_URL AUTH_JWKS_URL CORS_ORIGINS

# In start order: the gateway composes the two subgraphs, the dashboard calls the gateway.
STACK_SERVICES=(auth events gateway dashboard)

service_dir() {
  case $1 in
  auth | events) echo "$ROOT/subgraphs/$1" ;;
  gateway | dashboard) echo "$ROOT/$1" ;;
  *) return 1 ;;
  esac
}
service_main() { if [ "$1" = dashboard ]; then echo "$(service_dir "$1")/serve.mjs"; else echo "$(service_dir "$1")/dist/main.js"; fi; }
service_port() {
  case $1 in
  auth) echo "$AUTH_PORT" ;;
  events) echo "$EVENTS_PORT" ;;
  gateway) echo "$GATEWAY_PORT" ;;
  dashboard) echo "$DASHBOARD_PORT" ;;
  esac
}
# Where a stack keeps its pid, port and log files: .run/, or elsewhere for a second stack
# of the same checkout (scripts/test-lifecycle.sh runs one beside a developer's).
STACK_RUN_DIR=${STACK_RUN_DIR:-$RUN_DIR}
mkdir -p "$STACK_RUN_DIR"
pid_file() { echo "$STACK_RUN_DIR/$1.pid"; }
port_file() { echo "$STACK_RUN_DIR/$1.port"; }
log_file() { echo "$STACK_RUN_DIR/$1.log"; }
# The port a running service was started on, which a later command's environment may not name.
running_port() { if [ -f "$(port_file "$1")" ]; then cat "$(port_file "$1")"; else service_port "$1"; fi; }
service_url() { echo "http://127.0.0.1:$(running_port "$1")/"; }
# What `ready` asks: every API has /health/ready (its dependencies answer); the dashboard is static files.
service_probe() { if [ "$1" = dashboard ]; then service_url "$1"; else echo "$(service_url "$1")health/ready"; fi; }

# known_service NAME: dies unless NAME is one of the stack's services.
known_service() {
  service_dir "$1" >/dev/null || die "no service '$1' (one of: ${STACK_SERVICES[*]})"
}

# service_pid NAME: prints the pid of NAME when it runs from this checkout. A stale pid
# file (a reboot, a crash) may name a pid that now belongs to another process, so the
# process's command line must name this service's entry point.
service_pid() {
  local file pid args
  file=$(pid_file "$1")
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  [[ "$args" == *" $(service_main "$1")"* ]] || return 1
  echo "$pid"
}

service_ready() { curl -fsS --max-time 3 -o /dev/null "$(service_probe "$1")" 2>/dev/null; }

# launch_service NAME foreground|background: starts NAME and records its pid and port. In the
# background it gets a session of its own (so closing the terminal or `npm run up`
# ending does not stop it) and writes to .run/NAME.log; the previous run's log is kept
# as NAME.log.1, so a crash's last lines survive one restart.
launch_service() {
  local name=$1 dir main log
  dir=$(service_dir "$name")
  main=$(service_main "$name")
  if [ "$2" = background ]; then
    log=$(log_file "$name")
    if [ -f "$log" ]; then mv "$log" "$log.1"; fi
    (cd "$dir" && exec setsid nohup node "$main") >"$log" 2>&1 </dev/null &
  else
    (cd "$dir" && exec node "$main") &
  fi
  echo $! >"$(pid_file "$name")"
  service_port "$name" >"$(port_file "$name")"
}

# await_service NAME SECONDS: until NAME is ready; dies at once when its process exits.
await_service() {
  local name=$1 deadline=$((SECONDS + $2)) where="the output above"
  if [ "$STACK_MODE" = background ]; then where=$(log_file "$name"); fi
  until service_ready "$name"; do
    # The pid just recorded, not service_pid: until the launch's exec, its command line is still bash's.
    if process_exited "$(cat "$(pid_file "$name")")"; then die "$name exited while starting; see $where"; fi
    [ "$SECONDS" -lt "$deadline" ] || die "$name was not ready within $2 s; see $where"
    sleep 0.2
  done
}

# stop_service NAME: SIGTERM (a service drains for up to 10 s), SIGKILL after 15 s.
stop_service() {
  local name=$1 pid
  if pid=$(service_pid "$name"); then
    kill "$pid" 2>/dev/null || true
    if ! wait_until 15 "$name to stop" process_exited "$pid"; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    say "stopped $name (pid $pid)"
  fi
  rm -f "$(pid_file "$name")" "$(port_file "$name")"
}

# refuse_second_stack: dies when this checkout's stack, or anything else, holds a service's port.
# Run it before a start sets its clean-up trap, which would otherwise stop the running stack.
refuse_second_stack() {
  local name pid
  for name in "${STACK_SERVICES[@]}"; do
    if pid=$(service_pid "$name"); then
      die "RewardGraph is already running from this checkout ($name, pid $pid): see npm run ps, stop it with npm run down"
    fi
  done
  for name in "${STACK_SERVICES[@]}"; do
    if port_open 127.0.0.1 "$(service_port "$name")"; then
      die "port $(service_port "$name") ($name) is already in use (is RewardGraph running from another checkout?)"
    fi
  done
}

# start_stack foreground|background: what both `npm start` and `npm run up` do — packages,
# FerretDB and Redis, a build, the services in order, each awaited, and the demo data.
start_stack() {
  STACK_MODE=$1
  install_node_modules
  bash "$ROOT/scripts/infra/up.sh"
  say "building"
  (cd "$ROOT" && npx nx run-many -t build --outputStyle=static) || die "build failed"

  launch_service auth "$STACK_MODE"
  launch_service events "$STACK_MODE"
  await_service auth 60
  await_service events 60
  launch_service gateway "$STACK_MODE"
  await_service gateway 60
  launch_service dashboard "$STACK_MODE"
  await_service dashboard 30

  node "$ROOT/scripts/seed.mjs" "http://127.0.0.1:$GATEWAY_PORT/graphql" || die "seeding demo data failed"
}

stop_stack() {
  local i
  # Reverse start order: the gateway goes before the subgraphs it calls.
  for ((i = ${#STACK_SERVICES[@]} - 1; i >= 0; i--)); do stop_service "${STACK_SERVICES[i]}"; done
}

print_urls() {
  say "RewardGraph is running"
  say "  dashboard:    http://127.0.0.1:$DASHBOARD_PORT/"
  say "  GraphQL:      http://127.0.0.1:$GATEWAY_PORT/graphql"
  say "  API explorer: http://127.0.0.1:$GATEWAY_PORT/explorer/ (GraphiQL, works offline)"
  say "  admin:        $ADMIN_EMAIL / $ADMIN_PASSWORD"
  say "  demo staff:   operator@rewardgraph.local / rewardgraph-demo-operator, auditor@rewardgraph.local / rewardgraph-demo-auditor"
  say "  demo players: ada@, grace@, linus@rewardgraph.local / rewardgraph-demo-player"
}

# The multi-instance stack: two instances of auth, events and the gateway behind one nginx
# (Debian's nginx-light), which is how they reach each other too. Shared by
# `npm run up:scaled` / `down:scaled` and the e2e suite's scaled mode. Source it after
# lib.sh; it changes nothing by itself.
#
# Ports, from SCALED_PORT (3400 unless set): the balancer listens on SCALED_PORT (the
# gateways), +1 (auth) and +2 (events); the instances on +10/+11 (gateway-1/2), +20/+21
# (auth-1/2) and +30/+31 (events-1/2). Pid files, logs and nginx's configuration are in
# SCALED_RUN_DIR (.run/scaled unless set).

: "${SCALED_PORT:=3400}"
SCALED_RUN_DIR=${SCALED_RUN_DIR:-$RUN_DIR/scaled}
mkdir -p "$SCALED_RUN_DIR"

SCALED_SUBGRAPHS=(auth-1 auth-2 events-1 events-2)
SCALED_GATEWAYS=(gateway-1 gateway-2)

balancer_port() {
  case $1 in
  gateway) echo "$SCALED_PORT" ;;
  auth) echo $((SCALED_PORT + 1)) ;;
  events) echo $((SCALED_PORT + 2)) ;;
  esac
}

# instance_port NAME: auth-2 → SCALED_PORT + 21.
instance_port() {
  local service=${1%-*} n=${1##*-}
  case $service in
  gateway) echo $((SCALED_PORT + 9 + n)) ;;
  auth) echo $((SCALED_PORT + 19 + n)) ;;
  events) echo $((SCALED_PORT + 29 + n)) ;;
  esac
}

instance_main() {
  case ${1%-*} in
  auth | events) echo "$ROOT/subgraphs/${1%-*}/dist/main.js" ;;
  gateway) echo "$ROOT/gateway/dist/main.js" ;;
  esac
}

scaled_pid_file() { echo "$SCALED_RUN_DIR/$1.pid"; }
scaled_log_file() { echo "$SCALED_RUN_DIR/$1.log"; }

# scaled_pid NAME: the pid of NAME while it runs (its command line names its entry point,
# so a stale pid file never names another process).
scaled_pid() {
  local file pid args want
  file=$(scaled_pid_file "$1")
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  if [ "$1" = balancer ]; then want="nginx"; else want=" $(instance_main "$1")"; fi
  [[ "$args" == *"$want"* ]] || return 1
  echo "$pid"
}

# The environment every instance gets over the caller's: ports, and where the others are
# (through the balancer). Events instances are named in the bus's consumer group after
# themselves, which is stable across their restarts.
instance_env() {
  local lb_auth lb_events
  lb_auth="http://127.0.0.1:$(balancer_port auth)"
  lb_events="http://127.0.0.1:$(balancer_port events)"
  printf '%s\n' "AUTH_URL=$lb_auth/graphql" "EVENTS_URL=$lb_events/graphql" \
    "AUTH_JWKS_URL=$lb_auth/.well-known/jwks.json"
  case ${1%-*} in
  auth) echo "AUTH_PORT=$(instance_port "$1")" ;;
  events) printf '%s\n' "EVENTS_PORT=$(instance_port "$1")" "BUS_CONSUMER_NAME=$1" ;;
  gateway) echo "GATEWAY_PORT=$(instance_port "$1")" ;;
  esac
}

# launch_instance NAME: in a session of its own (it outlives the script that started it),
# logging to SCALED_RUN_DIR/NAME.log (the previous one kept as .log.1).
launch_instance() {
  local name=$1 log main
  local -a env
  log=$(scaled_log_file "$name")
  main=$(instance_main "$name")
  mapfile -t env < <(instance_env "$name")
  if [ -f "$log" ]; then mv "$log" "$log.1"; fi
  (cd "$(dirname "$(dirname "$main")")" && exec env "${env[@]}" setsid nohup node "$main") >"$log" 2>&1 </dev/null &
  echo $! >"$(scaled_pid_file "$name")"
}

await_instance() {
  local name=$1 deadline=$((SECONDS + 60))
  until curl -fsS --max-time 3 -o /dev/null "http://127.0.0.1:$(instance_port "$name")/health/ready" 2>/dev/null; do
    if ! scaled_pid "$name" >/dev/null; then die "$name exited while starting; see $(scaled_log_file "$name")"; fi
    [ "$SECONDS" -lt "$deadline" ] || die "$name was not ready within 60 s; see $(scaled_log_file "$name")"
    sleep 0.2
  done
}

# upstream SERVICE: the instances of SERVICE as an nginx upstream. A failed connection
# marks an instance down for 2 s (nginx's passive check: the open-source build has no
# active one); kept-alive connections save a handshake per request.
upstream() {
  local name
  echo "  upstream $1 {"
  for name in "$1-1" "$1-2"; do echo "    server 127.0.0.1:$(instance_port "$name") max_fails=1 fail_timeout=2s;"; done
  echo "    keepalive 64;"
  echo "  }"
}

# balancer_conf: nginx's configuration. A request whose instance refuses the connection
# (killed, restarting) goes to the other one (proxy_next_upstream error timeout: a request
# already sent is never sent twice, POST or not); one cut off after it was sent is
# answered 502, which the gateway turns into SERVICE_UNAVAILABLE. Clients' X-Forwarded-For
# is passed on with nginx's own address added, as a proxy the gateway trusts (loopback).
balancer_conf() {
  local dir=$SCALED_RUN_DIR service
  cat <<EOF
worker_processes 1;
pid $dir/balancer.nginx.pid;
error_log $dir/balancer-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/nginx-tmp/body;
  proxy_temp_path $dir/nginx-tmp/proxy;
  fastcgi_temp_path $dir/nginx-tmp/fastcgi;
  uwsgi_temp_path $dir/nginx-tmp/uwsgi;
  scgi_temp_path $dir/nginx-tmp/scgi;
  # The services refuse bodies over 1 MB themselves, with their JSON error.
  client_max_body_size 2m;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_next_upstream error timeout;
  proxy_next_upstream_tries 2;
  proxy_connect_timeout 2s;
  proxy_read_timeout 60s;
EOF
  for service in gateway auth events; do upstream "$service"; done
  for service in gateway auth events; do
    echo "  server { listen 127.0.0.1:$(balancer_port "$service"); location / { proxy_pass http://$service; } }"
  done
  echo "}"
}

# start_balancer: nginx in the foreground of a session of its own; its pid is the master's.
start_balancer() {
  local conf=$SCALED_RUN_DIR/balancer.conf
  mkdir -p "$SCALED_RUN_DIR/nginx-tmp"
  balancer_conf >"$conf"
  nginx -t -q -p "$SCALED_RUN_DIR" -c "$conf" -e "$SCALED_RUN_DIR/balancer-error.log" ||
    die "nginx refused $conf"
  (exec setsid nohup nginx -p "$SCALED_RUN_DIR" -c "$conf" -e "$SCALED_RUN_DIR/balancer-error.log" \
    -g 'daemon off;') >"$(scaled_log_file balancer)" 2>&1 </dev/null &
  echo $! >"$(scaled_pid_file balancer)"
  wait_until 10 "the balancer" port_open 127.0.0.1 "$(balancer_port gateway)" ||
    die "nginx did not start; see $SCALED_RUN_DIR/balancer-error.log"
}

# stop_scaled NAME: SIGTERM (a service drains for up to 10 s; nginx stops at once), SIGKILL after 15 s.
stop_scaled() {
  local pid
  if pid=$(scaled_pid "$1"); then
    kill "$pid" 2>/dev/null || true
    wait_until 15 "$1 to stop" process_exited "$pid" || kill -9 "$pid" 2>/dev/null || true
    say "stopped $1 (pid $pid)"
  fi
  rm -f "$(scaled_pid_file "$1")"
}

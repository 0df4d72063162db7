#!/usr/bin/env bash
# Starts what the services need, reusing whatever already runs and is healthy:
# PostgreSQL (expected running), two FerretDB instances on it (user-db, event-db),
# Redis "data" and Redis "secure". Safe to run any number of times. A FerretDB that an
# older version of this script started (without the PostgreSQL URL parameters below) is
# restarted; see docs/development.md ("FerretDB and PostgreSQL indexes").
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
USER_DB_ADDR=${USER_DB_ADDR:-127.0.0.1:27017}
EVENT_DB_ADDR=${EVENT_DB_ADDR:-127.0.0.1:27018}
DATA_REDIS_PORT=${DATA_REDIS_PORT:-6379}
SECURE_REDIS_PORT=${SECURE_REDIS_PORT:-6380}

ensure_postgres() {
  command -v psql >/dev/null || die "psql is missing: install PostgreSQL 15 (apt-get install postgresql)"
  if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    if command -v pg_ctlcluster >/dev/null && [ "$PG_HOST" = 127.0.0.1 ]; then
      say "starting PostgreSQL"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    fi
    wait_until 20 postgres pg_isready -q -h "$PG_HOST" -p "$PG_PORT" ||
      die "PostgreSQL is not reachable on $PG_HOST:$PG_PORT (FerretDB stores its data there)"
  fi
}

pg_database_exists() {
  [ "$(psql -X -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# One PostgreSQL database per FerretDB instance, with the collation FerretDB requires.
ensure_pg_database() {
  local name=$1
  if ! pg_database_exists "$name"; then
    say "creating PostgreSQL database $name"
    psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c \
      "CREATE DATABASE \"$name\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
  fi
}

# FerretDB's PostgreSQL connections plan every query with the real field name; see
# docs/development.md ("FerretDB and PostgreSQL indexes"). Each FerretDB opens up to 50
# PostgreSQL connections unless told otherwise: two of them under load took all 100 a
# default PostgreSQL allows, and a FerretDB that cannot get a connection accepts clients
# and never answers them. 40 each leaves room for psql and the scripts' checks.
FERRETDB_PG_PARAMS="plan_cache_mode=force_custom_plan&pool_max_conns=40"

# Installs the GIN twins of FerretDB's indexes (event trigger + backfill) into a
# FerretDB PostgreSQL database. Idempotent; runs in one transaction.
install_index_twins() {
  local pgdb=$1 created
  created=$(psql -X -q -t -A -v ON_ERROR_STOP=1 --single-transaction -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
    -d "$pgdb" -f "$ROOT/scripts/infra/ferretdb-index-twins.sql") ||
    die "installing scripts/infra/ferretdb-index-twins.sql into $pgdb failed"
  if [ "$created" != 0 ]; then say "$pgdb: created $created GIN twins of existing FerretDB indexes"; fi
}

# ferretdb_started_stale NAME ADDR: true when the FerretDB that up.sh started for NAME
# still runs without the PostgreSQL URL parameters above (started by an older up.sh).
ferretdb_started_stale() {
  local pidfile="$RUN_DIR/ferretdb-$1.pid" pid args
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  if [ -r "/proc/$pid/cmdline" ]; then
    args="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
  else
    args="$(ps -o args= -p "$pid" 2>/dev/null) " || return 1
  fi
  case "$args" in
  *" -listen $2 "*"-postgresql-url "*"$FERRETDB_PG_PARAMS"*) return 1 ;; # up to date
  *" -listen $2 "*"-postgresql-url "*) return 0 ;;
  *) return 1 ;; # gone, or the pid now belongs to another process
  esac
}

# ferretdb_ours NAME: true while the FerretDB that up.sh started for NAME still runs.
ferretdb_ours() {
  local pidfile="$RUN_DIR/ferretdb-$1.pid"
  [ -f "$pidfile" ] && [ -r "/proc/$(cat "$pidfile")/cmdline" ] &&
    tr '\0' ' ' <"/proc/$(cat "$pidfile")/cmdline" | grep -q -- '-postgresql-url'
}

process_gone() { ! kill -0 "$1" 2>/dev/null; }
port_closed() { ! port_open "$1" "$2"; }

stop_ferretdb() {
  local name=$1 host=$2 port=$3 pid
  pid=$(cat "$RUN_DIR/ferretdb-$name.pid")
  kill "$pid" 2>/dev/null || true
  wait_until 15 "$name to stop" process_gone "$pid" || die "$name (pid $pid) did not stop"
  rm -f "$RUN_DIR/ferretdb-$name.pid"
  wait_until 5 "$host:$port to close" port_closed "$host" "$port" ||
    die "$host:$port is still taken after stopping $name"
}

ensure_ferretdb() {
  local name=$1 addr=$2 pgdb=$3
  local host=${addr%:*} port=${addr##*:}
  if port_open "$host" "$port"; then
    if ferretdb_started_stale "$name" "$addr"; then
      say "$name: restarting FerretDB on $addr (it runs without $FERRETDB_PG_PARAMS)"
      stop_ferretdb "$name" "$host" "$port"
    elif ferretdb_ours "$name" && ! timeout 15 node "$ROOT/scripts/infra/ping-mongo.mjs" "mongodb://$addr/" 2>/dev/null; then
      # Every PostgreSQL connection pinned by cursors that processes killed mid-read never
      # closed: FerretDB 1.24 keeps them, and without one it answers nobody.
      say "$name: restarting FerretDB on $addr (it does not answer)"
      stop_ferretdb "$name" "$host" "$port"
    else
      node "$ROOT/scripts/infra/ping-mongo.mjs" "mongodb://$addr/" ||
        die "$addr is taken by something that does not answer as a MongoDB server"
      # Not ours when the database is missing (e.g. a real MongoDB on that port).
      if pg_database_exists "$pgdb"; then install_index_twins "$pgdb"; fi
      say "$name: reusing the database on $addr"
      return
    fi
  fi
  ensure_pg_database "$pgdb"
  # Before FerretDB starts, so that every index it or a service creates gets its twin.
  install_index_twins "$pgdb"
  say "$name: starting FerretDB on $addr"
  setsid nohup "$FERRETDB_BIN" -listen "$addr" \
    -postgresql-url "postgres://$PG_USER@$PG_HOST:$PG_PORT/$pgdb?$FERRETDB_PG_PARAMS" \
    >>"$RUN_DIR/ferretdb-$name.log" 2>&1 </dev/null &
  echo $! >"$RUN_DIR/ferretdb-$name.pid"
  wait_until 30 "$name" port_open "$host" "$port" || die "$name did not start; see $RUN_DIR/ferretdb-$name.log"
  node "$ROOT/scripts/infra/ping-mongo.mjs" "mongodb://$addr/" || die "$name does not answer; see $RUN_DIR/ferretdb-$name.log"
}

ensure_redis() {
  local name=$1 port=$2
  command -v redis-server >/dev/null || die "redis-server is missing: install Redis 7 (apt-get install redis-server)"
  if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
    say "redis $name: reusing the server on 127.0.0.1:$port"
    return
  fi
  port_open 127.0.0.1 "$port" && die "127.0.0.1:$port is taken by something that is not Redis"
  say "redis $name: starting on 127.0.0.1:$port"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --dir "$RUN_DIR" --logfile "$RUN_DIR/redis-$name.log" --pidfile "$RUN_DIR/redis-$name.pid"
  wait_until 10 "redis $name" sh -c "redis-cli -p $port ping 2>/dev/null | grep -q PONG" ||
    die "redis $name did not start; see $RUN_DIR/redis-$name.log"
}

ensure_postgres
FERRETDB_BIN=$(bash "$ROOT/scripts/infra/build-ferretdb.sh")
ensure_ferretdb user-db "$USER_DB_ADDR" rewardgraph_user_db
ensure_ferretdb event-db "$EVENT_DB_ADDR" rewardgraph_event_db
ensure_redis data "$DATA_REDIS_PORT"
ensure_redis secure "$SECURE_REDIS_PORT"
say "infrastructure is up"

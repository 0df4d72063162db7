#!/usr/bin/env bash
# Stops what up.sh started (never the PostgreSQL or Redis that the machine runs itself).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

for pidfile in "$RUN_DIR"/ferretdb-*.pid "$RUN_DIR"/redis-*.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then say "stopped $(basename "$pidfile" .pid)"; fi
  rm -f "$pidfile"
done

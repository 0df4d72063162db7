#!/usr/bin/env bash
# `npm run ps`: each service of this checkout's local stack, its pid and whether it is
# ready (its /health/ready; for one that is not, the dependencies that do not answer).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$ROOT/scripts/stack.sh"

# not_answering NAME: the dependencies NAME's readiness reports "down", comma-separated.
not_answering() {
  curl -sS --max-time 3 "$(service_probe "$1")" 2>/dev/null |
    grep -o '"[^"]*":"down"' | cut -d'"' -f2 | paste -sd, - || true
}

row() { printf '%-10s %-8s %-32s %s\n' "$@"; }
row SERVICE PID STATE URL
for name in "${STACK_SERVICES[@]}"; do
  url=$(service_url "$name")
  if ! pid=$(service_pid "$name"); then
    state=stopped
    if port_open 127.0.0.1 "$(running_port "$name")"; then state="stopped (port taken by another process)"; fi
    row "$name" - "$state" "$url"
  elif service_ready "$name"; then
    row "$name" "$pid" ready "$url"
  else
    down=$(not_answering "$name")
    row "$name" "$pid" "not ready${down:+ ($down down)}" "$url"
  fi
done

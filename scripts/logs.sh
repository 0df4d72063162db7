#!/usr/bin/env bash
# `npm run logs [-- <service>...]`: follows what the services that `npm run up` started
# write to .run/<service>.log (all of them by default). On a terminal the JSON lines are
# shown as LOG_FORMAT=pretty would print them; piped, they stay JSON (`| jq`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$ROOT/scripts/stack.sh"

names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${STACK_SERVICES[@]}")
files=()
for name in "${names[@]}"; do
  known_service "$name"
  if [ -f "$(log_file "$name")" ]; then files+=("$(log_file "$name")"); fi
done
[ ${#files[@]} -gt 0 ] || die "no logs of ${names[*]} in .run/ yet: npm run up writes them (npm start prints to its terminal)"

if [ -t 1 ]; then
  tail -q -n "${LOG_LINES:-50}" -F "${files[@]}" | node "$ROOT/scripts/pretty-logs.mjs"
else
  exec tail -q -n "${LOG_LINES:-50}" -F "${files[@]}"
fi

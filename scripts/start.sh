#!/usr/bin/env bash
# `npm start`: everything a brand-new machine needs to run RewardGraph locally —
# npm packages, FerretDB and Redis, a build, the services and demo data — in the
# foreground, logs on this terminal. Ctrl-C stops the services (the databases keep
# running; `npm run infra:down` stops them). `npm run up` does the same in the background.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$ROOT/scripts/stack.sh"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false}

# A person reads this terminal; piped or redirected, the services write JSON lines.
if [ -t 1 ]; then export LOG_FORMAT=${LOG_FORMAT:-pretty}; fi

refuse_second_stack
# Whatever ends this script (Ctrl-C, a service exiting, a failed start) stops what it started.
trap stop_stack EXIT
trap 'exit 130' INT TERM

start_stack foreground
print_urls
say "  Ctrl-C stops the services"
# Until one service exits (or Ctrl-C); the trap then stops the others.
wait -n

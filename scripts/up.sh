#!/usr/bin/env bash
# `npm run up`: `npm start` in the background. Returns once every service is ready and
# the demo data is in; each service writes JSON lines to .run/<service>.log
# (`npm run logs`), `npm run ps` shows them, `npm run down` stops them.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$ROOT/scripts/stack.sh"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false}

refuse_second_stack
# A start that fails halfway stops what it started rather than leave half a stack behind.
trap stop_stack EXIT
trap 'exit 130' INT TERM
start_stack background
trap - EXIT INT TERM

print_urls
say "  npm run logs [-- <service>] follows the logs, npm run ps shows each service, npm run down stops them"

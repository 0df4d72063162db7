#!/usr/bin/env bash
# `npm run down`: stops the services that `npm run up` (or `npm start`) started from this
# checkout. The databases keep running, as after Ctrl-C; `npm run infra:down` stops them.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$ROOT/scripts/stack.sh"

stop_stack
say "services stopped; FerretDB and Redis keep running (npm run infra:down stops them)"

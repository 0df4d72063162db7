#!/usr/bin/env bash
# `npm run down:scaled`: stops the multi-instance stack of `npm run up:scaled` (the
# gateways, then the subgraphs, then nginx). FerretDB and Redis keep running.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$ROOT/scripts/scaled/stack.sh"

for name in "${SCALED_GATEWAYS[@]}" "${SCALED_SUBGRAPHS[@]}" balancer; do stop_scaled "$name"; done

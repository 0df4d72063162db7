#!/usr/bin/env bash
# Builds the manifest validator (deploy/validate) once per machine and prints the binary's
# path. The cache key is the hash of its sources and go.sum, so a change rebuilds it and
# nothing else does.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

command -v go >/dev/null || die "go is missing: install Go 1.24 or newer (it builds deploy/validate)"
src="$ROOT/deploy/validate"
key=$(cat "$src/go.mod" "$src/go.sum" "$src"/*.go | sha256sum | cut -c1-16)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/rewardgraph"
bin="$cache/deploy-validate-$key"
if [ ! -x "$bin" ]; then
  say "building the manifest validator (first run on this machine takes a minute)" >&2
  mkdir -p "$cache"
  (cd "$src" && go build -p 1 -trimpath -o "$bin.tmp" .) >&2 || die "building deploy/validate failed"
  mv "$bin.tmp" "$bin"
fi
echo "$bin"

#!/usr/bin/env bash
# Builds the FerretDB launcher (tools/ferretdb) once per machine and prints the
# binary's path. The cache key is the hash of its sources and go.sum, so a
# version bump rebuilds it and nothing else does.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

command -v go >/dev/null || die "go is missing: install Go 1.24 or newer (it builds the FerretDB launcher)"
src="$ROOT/tools/ferretdb"
key=$(cat "$src/go.mod" "$src/go.sum" "$src/main.go" | sha256sum | cut -c1-16)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/rewardgraph"
bin="$cache/ferretdb-$key"
if [ ! -x "$bin" ]; then
  say "building the FerretDB launcher (first run on this machine takes a minute)" >&2
  mkdir -p "$cache"
  (cd "$src" && go build -trimpath -o "$bin.tmp" .) >&2 || die "building tools/ferretdb failed"
  mv "$bin.tmp" "$bin"
fi
echo "$bin"

#!/usr/bin/env bash
# Builds the FerretDB launcher (tools/ferretdb) once per machine and prints the
# binary's path. The cache key is the hash of its sources and go.sum, so a
# version bump rebuilds it and nothing else does.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

src="$ROOT/tools/ferretdb"
key=$(cat "$src/go.mod" "$src/go.sum" "$src/main.go" | sha256sum | cut -c1-16)
build() { (cd "$src" && go build -trimpath -o "$1/ferretdb" .); }
go_tool "ferretdb-$key" "the FerretDB launcher" build

#!/usr/bin/env bash
# Builds the manifest validator (deploy/validate) once per machine and prints the binary's
# path. The cache key is the hash of its sources and go.sum, so a change rebuilds it and
# nothing else does.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

src="$ROOT/deploy/validate"
key=$(cat "$src/go.mod" "$src/go.sum" "$src"/*.go | sha256sum | cut -c1-16)
build() { (cd "$src" && go build -p 1 -trimpath -o "$1/validate" .); }
go_tool "deploy-validate-$key" "the manifest validator" build

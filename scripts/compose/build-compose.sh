#!/usr/bin/env bash
# Builds Docker Compose v2 from the Go module proxy once per machine and prints the
# binary's path. Debian's docker-compose is v1 and rejects current compose files; no
# engine is needed to validate them. The binary also runs standalone (`docker-compose
# config`), and is linked as the docker CLI plugin (`docker compose`) when none is installed.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

VERSION=v2.29.7
command -v go >/dev/null || die "go is missing: install Go 1.24 or newer (it builds Docker Compose $VERSION)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/rewardgraph"
bin="$cache/docker-compose-$VERSION"
if [ ! -x "$bin" ]; then
  say "building Docker Compose $VERSION (first run on this machine takes several minutes)" >&2
  mkdir -p "$cache/docker-compose-build"
  GOBIN="$cache/docker-compose-build" go install -trimpath \
    -ldflags "-X github.com/docker/compose/v2/internal.Version=$VERSION" \
    "github.com/docker/compose/v2/cmd@$VERSION" >&2 || die "building Docker Compose $VERSION failed"
  mv "$cache/docker-compose-build/cmd" "$bin"
  rmdir "$cache/docker-compose-build"
fi
plugin="$HOME/.docker/cli-plugins/docker-compose"
if [ ! -e "$plugin" ]; then
  mkdir -p "$(dirname "$plugin")"
  ln -s "$bin" "$plugin"
fi
echo "$bin"

#!/usr/bin/env bash
# Builds Docker Compose v2 from the Go module proxy once per machine and prints the
# binary's path. Debian's docker-compose is v1 and rejects current compose files; no
# engine is needed to validate them. The binary also runs standalone (`docker-compose
# config`), and is linked as the docker CLI plugin (`docker compose`) when none is installed.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

VERSION=v2.29.7
build() {
  GOBIN="$1" go install -trimpath -ldflags "-X github.com/docker/compose/v2/internal.Version=$VERSION" \
    "github.com/docker/compose/v2/cmd@$VERSION"
}
bin=$(go_tool "docker-compose-$VERSION" "Docker Compose $VERSION" build)
plugin="$HOME/.docker/cli-plugins/docker-compose"
if [ ! -e "$plugin" ]; then
  mkdir -p "$(dirname "$plugin")"
  ln -s "$bin" "$plugin"
fi
echo "$bin"

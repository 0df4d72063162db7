#!/usr/bin/env bash
# Validates every combination of the compose files with Docker Compose v2's own `config`
# (no engine needed): the platform alone, with observability, with k6, with both. Each
# must render with the secrets it needs, keep the production rules (compose/policy.mjs),
# and refuse to render without each of those secrets. Also: the images run Node 22 LTS,
# an exact release. Part of `npm test`.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$ROOT/scripts/checks.sh"

COMPOSE=$(bash "$ROOT/scripts/compose/build-compose.sh")
SECRETS=(
  "SUBGRAPH_SIGNING_SECRET=$(printf '%064d' 0)"
  "ADMIN_PASSWORD=compose-check-admin-password"
  "GRAFANA_ADMIN_PASSWORD=compose-check-grafana-password"
)

# compose_with VAR=VALUE... -- ARGS...: Compose in a clean environment that reads no .env
# file, so a developer's docker/.env or exported secret cannot make a missing one pass.
# `--profile load` renders k6, which only `run` starts.
compose_with() {
  local env=()
  while [ "$1" != -- ]; do
    env+=("$1")
    shift
  done
  shift
  (cd "$ROOT/docker" && env -i PATH="$PATH" HOME="$HOME" "${env[@]}" "$COMPOSE" --env-file /dev/null --profile load "$@")
}

# without NAME: the secrets, less NAME.
without() {
  local secret
  for secret in "${SECRETS[@]}"; do [ "${secret%%=*}" = "$1" ] || echo "$secret"; done
}

follows_policy() { compose_with "${SECRETS[@]}" -- "$@" config --format json | node "$ROOT/scripts/compose/policy.mjs"; }

check_combination() {
  local label=$1 needs=$2 files=() file secret rest
  shift 2
  for file in "$@"; do files+=(-f "$file"); done
  say "compose: $label"
  check "renders with its secrets" compose_with "${SECRETS[@]}" -- "${files[@]}" config --quiet
  check "keeps the production rules" follows_policy "${files[@]}"
  for secret in $needs; do
    mapfile -t rest < <(without "$secret")
    check_fails "refuses to render without $secret" "$secret" compose_with "${rest[@]}" -- "${files[@]}" config --quiet
  done
}

BASE="SUBGRAPH_SIGNING_SECRET ADMIN_PASSWORD"
check_combination "docker-compose.yml" "$BASE" docker-compose.yml
check_combination "+ observability" "$BASE GRAFANA_ADMIN_PASSWORD" docker-compose.yml docker-compose.observability.yml
check_combination "+ k6" "$BASE" docker-compose.yml docker-compose.k6.yml
check_combination "+ observability + k6" "$BASE GRAFANA_ADMIN_PASSWORD" \
  docker-compose.yml docker-compose.observability.yml docker-compose.k6.yml

say "images"
check "the services' images run Node 22 LTS, an exact release" \
  grep -Eq '^ARG NODE_IMAGE=node:22\.[0-9]+\.[0-9]+-' "$ROOT/docker/Dockerfile"

finish_checks compose

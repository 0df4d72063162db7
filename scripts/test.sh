#!/usr/bin/env bash
# `npm test`: every check, on a brand-new machine too — installs what it needs (npm
# packages, Chromium for the browser tests), starts FerretDB and Redis, then
# format, lint, typecheck, build (the dashboard with its bundle budget), unit and component
# tests, the schema and typed-client drift checks, the compose files (Docker Compose v2,
# built once per machine), the Helm chart (Helm and a validator, also built once), the
# Prometheus and Alertmanager configuration (Debian's packages, installed once per
# machine), the e2e suite against the real federated stack (a real Prometheus scraping it
# included), its scaled mode (two instances of each service behind Debian's nginx, one of
# each subgraph killed in a storm) and the local lifecycle scripts.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export NX_DAEMON=false NX_NO_CLOUD=true
export TEST_RESULTS_DIR="$RUN_DIR/test-results"
rm -rf "$TEST_RESULTS_DIR"

install_node_modules
ensure_chromium
bash "$ROOT/scripts/infra/up.sh"
cd "$ROOT"

say "format (prettier)"
npx prettier --check . --log-level warn
say "lint, typecheck, build, unit tests"
npx nx run-many -t lint typecheck build test --outputStyle=static
say "schema drift"
npx nx run @rewardgraph/schema:check --outputStyle=static
say "typed client drift (codegen)"
npx nx run @rewardgraph/api-client:codegen:check --outputStyle=static
say "compose files (Docker Compose v2 config)"
bash "$ROOT/scripts/compose/check.sh"
say "Kubernetes chart (helm lint, helm template, strict decode against the API types)"
bash "$ROOT/scripts/deploy/check.sh"
say "observability configuration (promtool, amtool; Prometheus installed once per machine)"
bash "$ROOT/scripts/observability/check.sh"
say "end-to-end tests"
# A leaked handle would keep jest alive forever; fail loudly instead of eating CI's time.
timeout 900 npx nx run @rewardgraph/e2e:e2e --outputStyle=static
say "end-to-end tests, scaled: two instances of each service behind nginx (lifecycle, races, load scenarios, failover in a storm)"
timeout 600 npx nx run @rewardgraph/e2e:e2e-scaled --outputStyle=static
say "local lifecycle (npm run up / ps / logs / down)"
timeout 300 bash "$ROOT/scripts/test-lifecycle.sh"

node -e '
  const fs = require("fs"), dir = process.env.TEST_RESULTS_DIR;
  const runs = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")));
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  console.log(`${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`);
  if (sum("passed") === 0 || sum("failed") > 0) process.exit(1);
'

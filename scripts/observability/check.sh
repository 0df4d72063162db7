#!/usr/bin/env bash
# The observability configuration, checked by the tools that run it: Prometheus' config
# and rule files (promtool check), the alert rules' unit tests (promtool test rules), the
# Alertmanager config (amtool). Installs Debian's prometheus and prometheus-alertmanager
# once per machine when missing (apt keeps its own cache); the e2e test
# platform/prometheus then runs the same prometheus against the live stack. Part of `npm test`.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$ROOT/scripts/checks.sh"

# ensure_debian_tools: promtool and prometheus come with `prometheus`, amtool with
# `prometheus-alertmanager`.
ensure_debian_tools() {
  command -v promtool >/dev/null && command -v prometheus >/dev/null && command -v amtool >/dev/null && return
  apt_install prometheus prometheus-alertmanager
}

ensure_debian_tools
cd "$ROOT/observability"
say "observability: Prometheus and Alertmanager configuration"
check "prometheus.yml and every rule file it names are valid" promtool check config prometheus/prometheus.yml
for test in prometheus/*.test.yml; do
  check "alert rules behave as $(basename "$test") says" promtool test rules "$test"
done
check "alertmanager.yml is valid" amtool check-config alertmanager/alertmanager.yml

finish_checks observability

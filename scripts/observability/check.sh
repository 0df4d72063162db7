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
# `prometheus-alertmanager`. A policy-rc.d keeps the packages from starting their
# daemons (on :9090 and :9093) on a machine with an init system.
ensure_debian_tools() {
  command -v promtool >/dev/null && command -v prometheus >/dev/null && command -v amtool >/dev/null && return
  command -v apt-get >/dev/null || die "install Prometheus 2.x (promtool, prometheus) and Alertmanager (amtool)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  say "installing prometheus and prometheus-alertmanager (apt-get, once per machine)"
  local policy=/usr/sbin/policy-rc.d own_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && own_policy=1
  fi
  local status=0
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    prometheus prometheus-alertmanager >/dev/null; } || status=$?
  [ -z "$own_policy" ] || $sudo rm -f "$policy"
  [ "$status" -eq 0 ] || die "installing prometheus failed: run 'apt-get install prometheus prometheus-alertmanager' as root"
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

# Shared helpers for the project's shell scripts. Source it; it changes nothing by itself.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
mkdir -p "$RUN_DIR"

if [ -f "$ROOT/.env" ]; then
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/.env"
  set +a
fi

say() { printf '\033[1;34m[rewardgraph]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[rewardgraph] %s\033[0m\n' "$*" >&2; exit 1; }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s.
wait_until() {
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
  return 0
}

# process_exited PID: exited, even while its zombie waits for init to reap it (which some
# inits do only now and then).
process_exited() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 0
  [[ $state == Z* ]]
}

# install_node_modules: `npm ci`, skipped when node_modules already matches the lock file.
install_node_modules() {
  command -v node >/dev/null || die "node is missing: install Node.js 20.19 or newer"
  local stamp="$ROOT/node_modules/.rewardgraph-lock.sha256"
  local want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    say "node_modules matches package-lock.json"
    return
  fi
  say "installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed"
  echo "$want" >"$stamp"
}

# ensure_chromium: the browser tests (explorer, dashboard) drive Debian's chromium (CHROMIUM_PATH names
# another build). Installed once per machine with apt-get, which keeps its own package cache.
ensure_chromium() {
  local chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  [ -x "$chromium" ] && return
  command -v apt-get >/dev/null || die "the browser tests need Chromium: install it and set CHROMIUM_PATH"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  say "installing chromium (apt-get, once per machine)"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; } ||
    die "installing chromium failed: run 'apt-get install chromium' as root, or set CHROMIUM_PATH"
}

# apt_install PACKAGE...: Debian's packages, installed with apt-get (as root, or with
# passwordless sudo). A policy-rc.d keeps them from starting their own daemons on a
# machine with an init system: the scripts run what they need on ports of their own.
apt_install() {
  command -v apt-get >/dev/null || die "install $* (Debian packages; this machine has no apt-get)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  say "installing $* (apt-get, once per machine)"
  local policy=/usr/sbin/policy-rc.d own_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && own_policy=1
  fi
  local status=0
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } ||
    status=$?
  [ -z "$own_policy" ] || $sudo rm -f "$policy"
  [ "$status" -eq 0 ] || die "installing $* failed: run 'apt-get install $*' as root"
}

# ensure_nginx: Debian's nginx-light, for the dashboard configuration's check and the balancer
# of the multi-instance stack (scripts/scaled/).
ensure_nginx() { command -v nginx >/dev/null || apt_install nginx-light; }

# go_tool NAME WHAT BUILD...: prints the path of the Go-built tool NAME, kept once per
# machine in ~/.cache/rewardgraph (no prebuilt download can be fetched here), building it
# first when missing: BUILD runs with an empty folder as its last argument and must leave
# exactly one binary there. Its output goes to stderr, so callers can capture the path.
go_tool() {
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/rewardgraph" what=$2 out built
  local bin="$cache/$1"
  shift 2
  if [ ! -x "$bin" ]; then
    command -v go >/dev/null || die "go is missing: install Go (it builds $what)"
    say "building $what (first run on this machine takes one to several minutes)" >&2
    mkdir -p "$cache"
    out=$(mktemp -d "$cache/build.XXXXXX")
    "$@" "$out" >&2 || {
      rm -rf "$out"
      die "building $what failed"
    }
    built=("$out"/*)
    [ "${#built[@]}" -eq 1 ] && [ -x "${built[0]}" ] || die "building $what left ${#built[@]} files in $out"
    mv "${built[0]}" "$bin"
    rmdir "$out"
  fi
  echo "$bin"
}

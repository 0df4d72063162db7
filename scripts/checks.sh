# Named checks for the project's shell tests: each passes or fails on its own, a failure
# shows the command's output, and finish_checks adds the counts to the ones jest writes,
# so scripts/test.sh's closing line ("N passed, N failed") counts them too.
# Source it after lib.sh.

CHECKS_PASSED=0
CHECKS_FAILED=0
CHECK_OUTPUT="$RUN_DIR/check-output.txt"

passed() {
  CHECKS_PASSED=$((CHECKS_PASSED + 1))
  printf '  \033[32m✓\033[0m %s\n' "$1"
}
failed() {
  CHECKS_FAILED=$((CHECKS_FAILED + 1))
  printf '  \033[31m✕ %s\033[0m\n' "$1"
  sed 's/^/      /' "$CHECK_OUTPUT"
}

# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@" >"$CHECK_OUTPUT" 2>&1; then passed "$what"; else failed "$what"; fi
}

# check_fails DESCRIPTION PATTERN COMMAND...: passes when COMMAND fails and says PATTERN (grep -E).
check_fails() {
  local what=$1 pattern=$2
  shift 2
  if "$@" >"$CHECK_OUTPUT" 2>&1; then
    echo "(it succeeded)" >>"$CHECK_OUTPUT"
    failed "$what"
  elif grep -Eq -- "$pattern" "$CHECK_OUTPUT"; then
    passed "$what"
  else
    echo "(expected it to say: $pattern)" >>"$CHECK_OUTPUT"
    failed "$what"
  fi
}

# finish_checks NAME: prints and records the counts; exits 1 when any check failed.
finish_checks() {
  echo "$1: $CHECKS_PASSED passed, $CHECKS_FAILED failed"
  if [ -n "${TEST_RESULTS_DIR:-}" ]; then
    mkdir -p "$TEST_RESULTS_DIR"
    printf '{"passed":%d,"failed":%d,"skipped":0}\n' "$CHECKS_PASSED" "$CHECKS_FAILED" >"$TEST_RESULTS_DIR/$1.json"
  fi
  [ "$CHECKS_FAILED" -eq 0 ]
}

# Shared helpers for CLI tests: `source lib.sh` after setting BIN and SRC.
set -uo pipefail
BIN=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect_exit CODE CMD...: runs CMD, captures stdout+stderr in $WORK/out, checks the exit code.
expect_exit() {
  local want=$1; shift
  "$@" >"$WORK/out" 2>&1
  local got=$?
  if [ "$got" -eq "$want" ]; then pass "exit $want: $*"; else fail "exit $got (want $want): $*"; cat "$WORK/out"; fi
}
expect_output() {
  if grep -qF -- "$1" "$WORK/out"; then pass "output has '$1'"; else fail "output lacks '$1'"; cat "$WORK/out"; fi
}
finish() { [ "$failures" -eq 0 ] && echo "all passed" || { echo "$failures failed"; exit 1; }; }

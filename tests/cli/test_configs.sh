# Every shipped config is valid, and every policy and scenario inherits the baseline.
source "$(dirname "$0")/lib.sh"
for f in "$SRC"/configs/*.toml "$SRC"/configs/policies/*.toml "$SRC"/configs/scenarios/*.toml; do
  expect_exit 0 "$BIN" check "$f"
done
for f in "$SRC"/configs/policies/*.toml "$SRC"/configs/scenarios/*.toml; do
  if grep -q '^base = ' "$f"; then pass "$(basename "$f") has a base"; else fail "$(basename "$f") has no base"; fi
done
finish

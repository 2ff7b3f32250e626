# Every shipped config is valid (the calibration windows and the record's generated windows too), and every
# policy and scenario inherits the baseline.
source "$(dirname "$0")/lib.sh"
for f in "$SRC"/configs/*.toml "$SRC"/configs/policies/*.toml "$SRC"/configs/scenarios/*.toml "$SRC"/configs/calibration/*.toml \
         "$SRC"/configs/fitted/*.toml "$SRC"/data/windows/*.toml; do
  expect_exit 0 "$BIN" check "$f"
done
for f in "$SRC"/configs/policies/*.toml "$SRC"/configs/scenarios/*.toml; do
  if grep -q '^base = ' "$f"; then pass "$(basename "$f") has a base"; else fail "$(basename "$f") has no base"; fi
done
finish

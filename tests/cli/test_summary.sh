# The end-of-run table: every phase, intervals, quantiles, triggers, and where it wrote.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$BIN" run "$SRC/tests/configs/small.toml" -o "$WORK/s.h5"
for text in "P(reach by day 365)" "activated" "deep" "spiral" "war" "nuclear war" "95% interval" "50%" \
            "Wrote $WORK/s.h5"; do
  expect_output "$text"
done
# The closed-form config: war but no countermeasures, so the trigger table names the incident.
expect_exit 0 "$BIN" run "$SRC/tests/configs/closed-form.toml" -o "$WORK/c.h5"
expect_output "Top war triggers"
expect_output "accident"
finish

# The end-of-run table: every phase, intervals, quantiles, triggers, and where it wrote.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$BIN" run "$SRC/tests/configs/small.toml" -o "$WORK/s.h5"
for text in "P(by day 365)" "reach activated" "reach deep" "reach spiral" "reach war" "reach nuclear" \
            "first clash" "95% interval" "50%" "sd*" "limited strikes" "ceasefire" "nuclear use" "Decisions" \
            "protest" "Attributions" "before their decision" "Act offspring ratio" "Wrote $WORK/s.h5"; do
  expect_output "$text"
done
# The closed-form config: war only after incidents, so the trigger table names the incident.
expect_exit 0 "$BIN" run "$SRC/tests/configs/closed-form.toml" -o "$WORK/c.h5"
expect_output "Top war triggers"
expect_output "accident"

# A zero-delay countermeasure loop that is always answered: it finishes within seconds and
# reports its runaway trajectories (max_events), instead of hanging.
cat > "$WORK/loop.toml" <<TOML
schema = 2
base = "$SRC/tests/configs/closed-form.toml"
[run]
draws = 2
trajectories = 20
max_events = 1000
[response]
intercept = [1e9, 1e9, -1e9, -1e9]
weight_severity = [0.0, 0.0, 0.0, 0.0]
countermeasure_delay_days = 0.0
TOML
start=$(date +%s)
expect_exit 0 timeout 60 "$BIN" run "$WORK/loop.toml" -o "$WORK/loop.h5"
expect_output "WARNING: 40 trajectories ran away"
took=$(( $(date +%s) - start ))
[ "$took" -le 10 ] && pass "runaway loop finished in ${took}s" || fail "runaway loop took ${took}s"
finish

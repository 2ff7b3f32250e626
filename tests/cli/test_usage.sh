# The command line as users meet it (issue 13): "did you mean" for mistyped flags and
# commands, each command's own examples, results/ created when missing, check's numbers in
# their shortest exact form, --dry-run (writes nothing), summary --csv.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
cfg="$SRC/tests/configs/small.toml"

# Typos: exit 2, one line, the flag or command meant, nothing run.
expect_exit 2 "$BIN" run "$cfg" --drawz 5
expect_output "unknown option --drawz of \`escalate run\` (did you mean --draws?)"
[ "$(wc -l < "$WORK/out")" = 1 ] && pass "one line" || fail "long message"
expect_exit 2 "$BIN" run --trajectorys=50 "$cfg"
expect_output "did you mean --trajectories?"
expect_exit 2 "$BIN" rnu "$cfg"
expect_output "unknown command 'rnu' (did you mean 'run'?)"
expect_exit 2 "$BIN" sumary x.h5
expect_output "did you mean 'summary'?"
expect_exit 2 "$BIN" run "$cfg" --set war.ceasefire_rate_per_year=1
expect_output "--set is an option of \`escalate sweep\`"
expect_exit 2 "$BIN" --draws 5 run "$cfg"
expect_output "--draws is an option of \`escalate run\`, after the command"
expect_exit 2 "$BIN" merge a.h5 b.h5 --allow-partal -o m.h5
expect_output "did you mean --allow-partial?"
expect_exit 2 "$BIN"
expect_output "a command is required (run, compare, sweep, sensitivity, merge, summary, check, names, calibrate)"
[ ! -e results ] && pass "nothing written by refused commands" || fail "results/ created by a refused command"

# Each command's --help ends with its own examples (summary and check showed run's).
for command in run compare sweep sensitivity merge summary check names; do
  "$BIN" $command --help > help.txt 2>&1
  sed -n '/^Examples:/,$p' help.txt | grep -q "^  escalate $command " && pass "$command --help: its own examples" \
    || { fail "$command --help has no example of $command"; cat help.txt; }
  if [ $command != run ] && [ $command != merge ]; then  # merge's examples make the shards first
    grep -q "^  escalate run " help.txt && fail "$command --help shows run's examples" || pass "$command --help: no run examples"
  fi
done
expect_exit 0 "$BIN" --help
expect_output "Each command has its own examples"
expect_exit 0 "$BIN" summary --help
expect_output "between_draw_sd, difference, paired_lower"

# check: 0.35, not 0.34999999999999998; the printed config is the same config.
printf 'schema = 2\nbase = "%s"\n[sides.nato]\nbias = 0.35\n' "$cfg" > point35.toml
expect_exit 0 "$BIN" check point35.toml
expect_output "bias = 0.35"
grep -qE '[0-9]\.[0-9]{15,}' "$WORK/out" && fail "check prints 17-digit floats" || pass "no 17-digit floats"
sed -n '/^schema/,/^# [0-9]* uncertain/p' "$WORK/out" | grep -v '^#' > printed.toml
expect_exit 0 "$BIN" check printed.toml

# results/ (and any missing parents of -o) is created when missing.
expect_exit 0 "$BIN" run "$cfg" -q --draws 2 --trajectories 10
[ -f results/small.h5 ] && pass "results/ created" || fail "results/small.h5 missing"
expect_exit 0 "$BIN" run "$cfg" -q --draws 2 --trajectories 10 -o deep/er/out.h5
[ -f deep/er/out.h5 ] && pass "parents of -o created" || fail "deep/er/out.h5 missing"

# --dry-run: sizes, an estimate, the output's size; nothing written, not even the directory.
expect_exit 0 "$BIN" run "$cfg" --dry-run -o dry/out.h5
for text in "nothing was written" "12 draws x 100 trajectories" "1200 trajectories in 12 batches" \
            "about" "(an estimate: a pilot of 1200 trajectories from 12 draw(s)" "dry/out.h5, about"; do
  expect_output "$text"
done
[ ! -e dry ] && pass "dry run: nothing written" || fail "dry run created dry/"
# The estimated size is the real one, within 5%.
estimate=$(sed -n 's/.*dry\/out.h5, about \([0-9.]*\) kB/\1/p' "$WORK/out")
expect_exit 0 "$BIN" run "$cfg" -q -o real.h5
real=$(stat -c %s real.h5)
[ -n "$estimate" ] && [ "$(echo "e = $estimate * 1000; e > 0.95 * $real && e < 1.05 * $real" | bc)" = 1 ] \
  && pass "estimated size $estimate kB, real $real bytes" || fail "estimated size '$estimate' kB, real $real bytes"
expect_exit 0 "$BIN" run "$cfg" --dry-run --shard 2/3 -o dry.h5
expect_output "shard 2/3: 12 draws x 100 trajectories"
expect_output "400 trajectories to run, in 4 of the 12 batches"
expect_exit 2 "$BIN" run "$cfg" --dry-run -o real.h5
expect_output "already exists"
expect_exit 0 "$BIN" compare "$cfg" "$SRC/tests/configs/small-institutions.toml" --dry-run -o dry.h5
expect_output "Dry run of 2 runs"
expect_output "small-institutions"
expect_exit 0 "$BIN" sweep "$cfg" --set war.ceasefire_rate_per_year=1,2 --dry-run -o dry.h5
expect_output "point-1"
[ ! -e dry.h5 ] && pass "compare and sweep --dry-run: nothing written" || fail "dry.h5 written"

# summary --csv: the header, one row per quantity, the same numbers as --json.
expect_exit 0 "$BIN" summary real.h5 --csv
expect_output "config,quantity,estimate,lower,upper,draws_q05,draws_q50,draws_q95,between_draw_sd,difference"
expect_output "small,p_war,"
"$BIN" summary real.h5 --csv > real.csv
"$BIN" summary real.h5 --json > real.json
"${PYTHON:-/usr/bin/python3}" - real.csv real.json <<'PY' && pass "CSV = JSON" || fail "CSV and JSON disagree"
import csv, json, sys
rows = {r["quantity"]: r for r in csv.DictReader(open(sys.argv[1]))}
j = json.load(open(sys.argv[2]))
assert list(rows) == ["p_activated", "p_deep", "p_spiral", "p_war", "p_nuclear", "p_clash", "act_offspring_ratio"], list(rows)
war = j["p_reached"]["war"]
assert float(rows["p_war"]["estimate"]) == war["pooled"] and float(rows["p_war"]["upper"]) == war["upper"]
assert float(rows["p_war"]["draws_q95"]) == war["draws_q95"]
assert float(rows["p_clash"]["between_draw_sd"]) == j["p_clash"]["between_draw_sd"]
assert rows["p_war"]["difference"] == "" and rows["act_offspring_ratio"]["lower"] == ""
PY
expect_exit 2 "$BIN" summary real.h5 --csv --json
finish

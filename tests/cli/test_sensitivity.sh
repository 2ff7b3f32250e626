# `escalate sensitivity`: the same seed gives identical datasets for 1 and 2 threads, the
# table and JSON, a user's design (free and Saltelli), and bad designs refused with
# file, line and column, exit 2, nothing written. The indices themselves are checked
# against the closed form in tests/python/test_sensitivity.py.
source "$(dirname "$0")/lib.sh"
cfg="$SRC/tests/configs/sensitivity.toml"
small=(--base-samples 32 --trajectories 50)
expect_exit 0 "$BIN" sensitivity "$cfg" "${small[@]}" --threads 1 -q -o "$WORK/one.h5"
expect_exit 0 "$BIN" sensitivity "$cfg" "${small[@]}" --threads 2 -o "$WORK/two.h5"
expect_output "Sobol' indices of P(war by day 360), 3 parameters: 32 base samples x (P + 2) = 160 points"
expect_output "x 50 trajectories, seed 14, 2 threads"
expect_output "response.intercept.1"
expect_output "Wrote $WORK/two.h5"
# Provenance (threads, wall time, creation time) differs; every dataset must not.
expect_exit 0 h5diff --exclude-attribute / --exclude-attribute /run "$WORK/one.h5" "$WORK/two.h5"
expect_exit 0 "$BIN" sensitivity "$cfg" "${small[@]}" --seed 15 -q -o "$WORK/other.h5"
expect_exit 1 h5diff --exclude-attribute / --exclude-attribute /run "$WORK/one.h5" "$WORK/other.h5"
# Morris, JSON.
expect_exit 0 "$BIN" sensitivity "$cfg" --method morris --base-samples 6 --trajectories 50 --json -o "$WORK/morris.h5"
expect_output '"layout": "morris"'
expect_output '"mu_star_noise_floor"'
cp "$WORK/out" "$WORK/morris.json"
expect_exit 0 /usr/bin/python3 -c "import json; json.load(open('$WORK/morris.json'))"
# `summary` recomputes the same numbers from the stored design and counts.
expect_exit 0 "$BIN" summary --json "$WORK/morris.h5"
cp "$WORK/out" "$WORK/summary.json"
expect_exit 0 cmp "$WORK/summary.json" "$WORK/morris.json"
expect_exit 0 "$BIN" summary "$WORK/two.h5"
expect_output "sensitivity analysis of $cfg"
expect_output "Sobol' indices of P(war by day 360), 3 parameters"

# A user's design: the Saltelli points of one.h5, written as CSV in parameter units with
# the columns shuffled, gives the same indices as the generated design (same seed: the
# same trajectories); as a free design it gives the per-point estimates only.
/usr/bin/python3 - "$WORK/one.h5" "$WORK/design.csv" <<'PY'
import sys, h5py
f = h5py.File(sys.argv[1], "r")
names = [n.decode() for n in f["parameter"][:]]
order = [2, 0, 1]
with open(sys.argv[2], "w") as out:
    out.write("# the Saltelli design of tests/cli/test_sensitivity.sh\n")
    out.write(",".join(names[k] for k in order) + "\n")
    for row in f["design/value"][:]:
        out.write(",".join(repr(float(row[k])) for k in order) + "\n")
PY
expect_exit 0 "$BIN" sensitivity "$cfg" --design "$WORK/design.csv" --design-layout saltelli --trajectories 50 -q -o "$WORK/user.h5"
for d in S1 ST S1_interval ST_interval estimates/p design/value; do
  expect_exit 0 h5diff "$WORK/one.h5" "$WORK/user.h5" "/$d" "/$d"
done
expect_exit 0 "$BIN" sensitivity "$cfg" --design "$WORK/design.csv" --trajectories 50 -o "$WORK/free.h5"
expect_output "No indices from a free design"
expect_exit 0 h5diff "$WORK/one.h5" "$WORK/free.h5" /estimates/p /estimates/p

# Bad designs and flags: exit 2, the message names file, line and column, nothing written.
bad() {  # bad NAME CONTENT EXPECTED [flags...]
  local name=$1 content=$2 want=$3; shift 3
  printf '%b' "$content" > "$WORK/$name.csv"
  expect_exit 2 "$BIN" sensitivity "$cfg" --design "$WORK/$name.csv" -o "$WORK/$name.h5" "$@"
  expect_output "$want"
  [ ! -e "$WORK/$name.h5" ] && pass "nothing written for $name" || fail "$name.h5 was written"
}
header='sides.nato.perception_noise,response.intercept.1,response.intercept.3\n'
bad typo 'sides.nato.perception_nois,response.intercept.1,response.intercept.3\n1,-1,0\n' \
    "typo.csv:1:1: 'sides.nato.perception_nois' is not an uncertain parameter"
expect_output "did you mean 'sides.nato.perception_noise'?"
bad count "${header}1,-1,0\n1,-1\n" "count.csv:3: 2 fields where the header has 3"
bad text "${header}1,-1,0\n1,x,0\n" "text.csv:3:2: 'x' is not a finite number (column 'response.intercept.1')"
bad support "${header}1,-1,0\n1,-1,7\n" "support.csv:3:3: 7 is outside the support [-1, 3] of 'response.intercept.3'"
bad layout "${header}1,-1,0\n1,-1,0.5\n" "layout.csv: a Saltelli design has N blocks of P + 2 = 5 rows" --design-layout saltelli
expect_exit 2 "$BIN" sensitivity "$cfg" --design "$WORK/missing.csv" -o "$WORK/x.h5"
expect_output "missing.csv: design file not found"
expect_exit 2 "$BIN" sensitivity "$cfg" --design "$WORK/design.csv" --method morris -o "$WORK/x.h5"
expect_output "--design takes its points from the file"
expect_exit 2 "$BIN" sensitivity "$cfg" --method fast -o "$WORK/x.h5"
expect_exit 2 "$BIN" sensitivity "$cfg" --method morris --levels 5 -o "$WORK/x.h5"
expect_output "--levels 5: must be even"
expect_exit 2 "$BIN" sensitivity "$cfg" --trajectories 1 -o "$WORK/x.h5"
expect_exit 2 "$BIN" sensitivity "$SRC/tests/configs/closed-form.toml" -o "$WORK/x.h5"
expect_output "has no uncertain parameters"
expect_exit 2 "$BIN" sensitivity "$cfg" "${small[@]}" -o "$WORK/one.h5"   # exists: no --force
[ ! -e "$WORK/x.h5" ] && pass "no refused run wrote a file" || fail "x.h5 was written"
expect_exit 0 "$BIN" sensitivity --help
expect_output "escalate sensitivity configs/baseline-2022.toml --method morris"
finish

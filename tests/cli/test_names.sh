#!/usr/bin/env bash
# One home for names: `escalate names --json` exports them, and sweep paths have one
# spelling (two spellings of one path are refused naming both; nothing is written).
source "$(dirname "$0")/lib.sh"
PY=${PYTHON:-/usr/bin/python3}
cfg="$SRC/tests/configs/small.toml"
cd "$WORK"

expect_exit 0 "$BIN" names --json
"$PY" - "$WORK/out" <<'PY' && pass "names --json: the model's names" || fail "names --json"
import json, sys
names = json.load(open(sys.argv[1]))
assert names["phases"] == ["dormant", "activated", "deep", "spiral", "war", "nuclear"], names["phases"]
assert names["rungs"][3] == "limited_strike"
assert names["batch_outcome_fields"] == ["trajectories", "war", "spiral", "nuclear", "clash"]
assert "parameter_paths" not in names
PY
expect_exit 0 "$BIN" names --json "$cfg"
"$PY" - "$WORK/out" <<'PY' && pass "names --json CONFIG: its paths and causes" || fail "names --json CONFIG"
import json, sys
names = json.load(open(sys.argv[1]))
assert names["sides"] == ["russia", "nato"] or len(names["sides"]) == 2
assert "response.intercept.1" in names["parameter_paths"]
assert set(names["uncertain_parameters"]) <= set(names["parameter_paths"])
assert names["causes"][-6:] == names["builtin_causes"]
assert names["causes"][:-6] == names["incident_types"]
PY
expect_exit 2 "$BIN" names "$cfg"
expect_exit 2 "$BIN" names --json "$WORK/missing.toml"

# Two spellings of one path, a trailing dot, and the run's sizes are refused before any work.
expect_exit 2 "$BIN" sweep "$cfg" --set response.intercept.0=1,2 --set response.intercept.00=3 -q -o s.h5
expect_output "--set response.intercept.0 and --set response.intercept.00 name the same path response.intercept.0"
expect_exit 2 "$BIN" sweep "$cfg" --set response.intercept.1.=1,2 -q -o s.h5
expect_output "empty part"
expect_exit 2 "$BIN" sweep "$cfg" --set run.draws=2,3 -q -o s.h5
expect_output "every point of a sweep runs with the same run.draws"
[ ! -e s.h5 ] && pass "nothing written" || fail "s.h5 written by a refused sweep"
# The canonical spelling is what the file stores.
expect_exit 0 "$BIN" sweep "$cfg" --set response.intercept.01=-1.5,-1 --draws 2 --trajectories 20 -q -o s.h5
"$PY" - <<'PY' && pass "the sweep file names the canonical path" || fail "sweep path not canonical"
import h5py
with h5py.File("s.h5") as f:
    paths = [p.decode() if isinstance(p, bytes) else p for p in f["sweep/path"][()]]
    assert paths == ["response.intercept.1"], paths
PY
finish

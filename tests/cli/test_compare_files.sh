# compare of existing result files (issue 13): the stored per-draw counts of runs with the
# same seed and sizes give the same comparison, bit for bit, as running the configs; files
# and configs mix; files of another seed or size, partial files and a file as reference
# with size flags are refused (exit 2, nothing written).
source "$(dirname "$0")/lib.sh"
cd "$WORK"
a="$SRC/tests/configs/small.toml"
b="$SRC/tests/configs/small-institutions.toml"
size=(--seed 7 --draws 12 --trajectories 100)

expect_exit 0 "$BIN" compare "$a" "$b" "${size[@]}" -q -o by-configs.h5
expect_exit 0 "$BIN" run "$a" "${size[@]}" -q -o small.h5
expect_exit 0 "$BIN" run "$b" "${size[@]}" -q -o small-institutions.h5
expect_exit 0 "$BIN" compare small.h5 small-institutions.h5 -o by-files.h5
expect_output "small-institutions"
expect_output "P(war) dP(war) paired 95%"
expect_exit 0 "$BIN" compare small.h5 "$b" -q -o mixed.h5
expect_exit 0 "$BIN" compare "$a" small-institutions.h5 "${size[@]}" -q -o mixed2.h5
"${PYTHON:-/usr/bin/python3}" - by-configs.h5 by-files.h5 mixed.h5 mixed2.h5 <<'PY' && pass "files, configs and both: the same comparison" || fail "comparisons differ"
import sys, h5py, numpy as np
files = [h5py.File(p) for p in sys.argv[1:]]
for name in ["probability", "probability_interval", "difference", "paired_interval", "unpaired_interval",
             "per_draw_difference", "draws_paired_exactly"]:
    ref = files[0]["comparison"][name][()]
    for f in files[1:]:
        assert np.array_equal(ref, f["comparison"][name][()], equal_nan=True), (f.filename, name)
assert [c.decode() for c in files[1]["comparison/config"][()]] == ["small", "small-institutions"]
PY
expect_exit 0 "$BIN" summary by-files.h5
expect_output "small-institutions"

# Refusals: another seed, other sizes, a partial file, flags with a file as reference,
# a comparison file as input. Nothing is written.
expect_exit 0 "$BIN" run "$b" --seed 8 --draws 12 --trajectories 100 -q -o seed8.h5
expect_exit 2 "$BIN" compare small.h5 seed8.h5 -o refused.h5
expect_output "seed8.h5: seed 8 differs from 7 in small.h5"
expect_output "common random numbers hold only then"
expect_exit 2 "$BIN" compare "$a" small-institutions.h5 --draws 6 -o refused.h5
expect_output "small-institutions.h5: draws 12 differs from 6"
expect_exit 0 "$BIN" run "$b" "${size[@]}" --shard 1/2 -q -o shard.h5
expect_exit 2 "$BIN" compare small.h5 shard.h5 -o refused.h5
expect_output "shard.h5: is partial (a shard)"
expect_exit 2 "$BIN" compare small.h5 small-institutions.h5 --seed 7 -o refused.h5
expect_output "the reference is a result file"
expect_exit 2 "$BIN" compare small.h5 by-files.h5 -o refused.h5
expect_output "by-files.h5: not an Escalate result file"
[ ! -e refused.h5 ] && pass "nothing written by refused comparisons" || fail "refused.h5 written"
finish

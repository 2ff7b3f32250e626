# --posterior for run, compare and sweep, and `summary` of a posterior file. The posterior
# files come from tests/helpers/write_test_posterior.cpp ($WRITE_TEST_POSTERIOR), not from
# a calibration: draws of two uncertain parameters of small.toml and a reporting.* column.
source "$(dirname "$0")/lib.sh"
WRITER=${WRITE_TEST_POSTERIOR:-}
[ -x "$WRITER" ] || { echo "SKIP: WRITE_TEST_POSTERIOR (the test helper) is not built"; exit 77; }
PY=/usr/bin/python3
"$PY" -c "import h5py, numpy" 2>/dev/null || { echo "SKIP: Debian's python3 lacks h5py or numpy"; exit 77; }
cfg="$SRC/tests/configs/small.toml"
post="$WORK/post.h5"
expect_exit 0 "$WRITER" "$post" 8 "$cfg" sides.russia.bias model.offensive_multiplier
expect_exit 0 "$WRITER" "$WORK/other.h5" 9 "$cfg" sides.russia.bias model.offensive_multiplier

# A run takes draw m of the posterior's parameters from its draw m, the others as drawn.
expect_exit 0 "$BIN" run "$cfg" --posterior "$post" --draws 6 --trajectories 50 --threads 1 -q -o "$WORK/one.h5"
expect_exit 0 "$BIN" run "$cfg" --draws 6 --trajectories 50 -q -o "$WORK/plain.h5"
expect_exit 0 "$PY" - "$post" "$WORK/one.h5" "$WORK/plain.h5" <<'PY'
import hashlib, sys
import h5py, numpy as np
post, run, plain = (h5py.File(p, "r") for p in sys.argv[1:4])
names = [n.decode() for n in post["posterior/parameter"][:]]
values = post["posterior/parameters"][:]
params = [n.decode() for n in run["parameter"][:]]
table, drawn = run["draws/parameters"][:], plain["draws/parameters"][:]
for k, name in enumerate(params):
    if name in names:
        assert np.array_equal(table[:, k], values[:6, names.index(name)]), name
        assert not np.array_equal(table[:, k], drawn[:, k]), name
    else:
        assert np.array_equal(table[:, k], drawn[:, k]), name
assert run.attrs["posterior"] == sys.argv[1]
assert run.attrs["posterior_sha256"] == hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()
assert "posterior" not in plain.attrs
PY
# --target-ci adds trajectories to the same posterior draws.
expect_exit 0 "$BIN" run "$cfg" --posterior "$post" --draws 6 --target-ci 0.5 -q -o "$WORK/ci.h5"
expect_exit 0 "$PY" -c "import h5py,sys,numpy as np; a,b=(h5py.File(p,'r') for p in sys.argv[1:3]); assert np.array_equal(a['draws/parameters'][:], b['draws/parameters'][:]); assert a.attrs['posterior_sha256'] == b.attrs['posterior_sha256']" "$WORK/ci.h5" "$WORK/one.h5"
# Same seed: identical datasets for 1 and 2 threads.
expect_exit 0 "$BIN" run "$cfg" --posterior "$post" --draws 6 --trajectories 50 --threads 2 -q -o "$WORK/two.h5"
expect_exit 0 h5diff --exclude-attribute / "$WORK/one.h5" "$WORK/two.h5"
expect_exit 1 h5diff --exclude-attribute / "$WORK/one.h5" "$WORK/plain.h5"

# MPI ranks: 2 ranks x 1 thread store what one process stores (as root, mpirun needs these).
if command -v mpirun >/dev/null; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  expect_exit 0 mpirun --oversubscribe -n 2 "$BIN" run "$cfg" --posterior "$post" --draws 6 --trajectories 50 --threads 1 -q -o "$WORK/mpi.h5"
  expect_exit 0 h5diff --exclude-attribute / "$WORK/one.h5" "$WORK/mpi.h5"
fi

# Refusals: more draws than the posterior holds, a path the config lacks, a foreign file.
expect_exit 2 "$BIN" run "$cfg" --posterior "$post" --draws 9 -q -o "$WORK/x.h5"
expect_output "holds 8 draws, fewer than the 9 draws asked for"
expect_exit 2 "$BIN" run "$cfg" --posterior "$post" -q -o "$WORK/x.h5"  # run.draws = 12
expect_output "fewer than the 12 draws"
expect_exit 0 "$WRITER" "$WORK/foreign.h5" 8 "$cfg" sides.russia.bias sides.nato.bais
expect_exit 2 "$BIN" run "$cfg" --posterior "$WORK/foreign.h5" --draws 4 -q -o "$WORK/x.h5"
expect_output "not uncertain parameters of"
expect_output "sides.nato.bais"
expect_exit 2 "$BIN" run "$cfg" --posterior "$WORK/plain.h5" --draws 4 -q -o "$WORK/x.h5"
expect_output "not an Escalate posterior file"
expect_exit 2 "$BIN" run "$cfg" --posterior "$WORK/nothere.h5" --draws 4 -q -o "$WORK/x.h5"
expect_output "nothere.h5: posterior file not found"
[ ! -e "$WORK/x.h5" ] && pass "refusals wrote nothing" || fail "a refusal wrote $WORK/x.h5"

# Shards and resume: a posterior run in two shards merges to the whole run; a resume needs
# the same posterior.
for i in 1 2; do
  expect_exit 0 "$BIN" run "$cfg" --posterior "$post" --draws 6 --trajectories 50 --shard $i/2 -q -o "$WORK/part$i.h5"
done
expect_exit 0 "$BIN" merge "$WORK/part1.h5" "$WORK/part2.h5" -o "$WORK/merged.h5"
expect_exit 0 h5diff --exclude-attribute / "$WORK/one.h5" "$WORK/merged.h5"
expect_exit 0 "$PY" -c "import h5py,sys; assert h5py.File(sys.argv[1],'r').attrs['posterior'] == sys.argv[2]" "$WORK/merged.h5" "$post"
expect_exit 0 "$BIN" summary "$WORK/merged.h5"
expect_output "draws of the posterior's parameters from $post"
expect_exit 2 "$BIN" run "$cfg" --draws 6 --trajectories 50 --resume "$WORK/part1.h5" -q -o "$WORK/x.h5"
expect_output "give the same one with --posterior"
expect_exit 2 "$BIN" run "$cfg" --posterior "$WORK/other.h5" --draws 6 --trajectories 50 --resume "$WORK/part1.h5" -q -o "$WORK/x.h5"
expect_output "another posterior file"
expect_exit 2 "$BIN" run "$cfg" --posterior "$post" --draws 6 --trajectories 50 --resume "$WORK/plain.h5" -q -o "$WORK/x.h5"
expect_output "was run without a posterior"
expect_exit 0 "$BIN" run "$cfg" --posterior "$post" --draws 6 --trajectories 50 --resume "$WORK/part1.h5" -q -o "$WORK/resumed.h5"
expect_exit 0 h5diff --exclude-attribute / "$WORK/one.h5" "$WORK/resumed.h5"

# compare and sweep take the posterior's draws in every config and point.
expect_exit 0 "$BIN" compare "$cfg" "$cfg" --posterior "$post" --draws 4 --trajectories 20 -q -o "$WORK/cmp.h5"
expect_exit 0 "$PY" -c "import h5py,sys; f=h5py.File(sys.argv[1],'r'); assert all(f[g].attrs['posterior'] == sys.argv[2] for g in ('small', 'small-2'))" "$WORK/cmp.h5" "$post"
expect_exit 2 "$BIN" compare "$cfg" "$WORK/plain.h5" --posterior "$post" -q -o "$WORK/x.h5"
expect_output "was run without a posterior"
expect_exit 0 "$BIN" sweep "$cfg" --set model.belief_flip=0.6,0.7 --posterior "$post" --draws 4 --trajectories 20 -q -o "$WORK/sweep.h5"
expect_exit 2 "$BIN" sweep "$cfg" --set sides.russia.bias=0,1 --posterior "$post" --draws 4 -q -o "$WORK/x.h5"
expect_output "sides.russia.bias"

# summary of a posterior file: priors, the check with its held-out row and outlier, stages,
# misfits, the parameters left at their prior; every line under 100 columns.
expect_exit 0 "$BIN" summary "$post"
for text in "Escalate posterior" "forecast config: $cfg" "sides.russia.bias" "shrink" "held out" "OUTLIER" "Stages of the sampler (2)" \
            "every draw predicts 50" "Left at their prior by the record"; do
  expect_output "$text"
done
# (but the lines that name files, which are as long as their paths)
grep -v -e "^$post:" -e "^forecast config:" -e "^record:" "$WORK/out" | awk 'length > 100 { bad = 1 } END { exit bad }' && pass "summary lines under 100 columns" || fail "a summary line over 100 columns"
expect_exit 2 "$BIN" summary "$post" --json
finish

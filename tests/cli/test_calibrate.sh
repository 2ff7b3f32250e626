#!/usr/bin/env bash
# `escalate calibrate` end to end (issue 19 "Done means", docs/calibration.md "How escalate
# calibrate works"): closed forms from tests/data/calibrate (the exact posteriors are in
# those files' comments), the same posterior file for 1 and 2 threads, and bad records
# (tests/data/records/bad, each with `# expect:` on its first line) refused with exit 2,
# their message, and nothing written.
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
"$PY" -c "import h5py, numpy" 2>/dev/null || { echo "SKIP: Debian's python3 lacks h5py or numpy"; exit 77; }
D="$SRC/tests/data/calibrate"
cd "$WORK"

# mean_sd FILE PATH MEAN SD MEAN_TOL SD_TOL: the posterior of PATH against the exact mean and sd.
mean_sd() {
  "$PY" - "$@" <<'PY'
import sys, h5py, numpy as np
path, name, mean, sd, mtol, stol = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:7])
with h5py.File(path, "r") as f:
    names = [n.decode() if isinstance(n, bytes) else n for n in f["posterior/parameter"][:]]
    x = f["posterior/parameters"][:, names.index(name)]
m, s = x.mean(), x.std(ddof=1)
print(f"{name}: mean {m:.4f} (exact {mean:.4f}, {100 * (m / mean - 1):+.1f}%), sd {s:.4f} (exact {sd:.4f}, {100 * (s / sd - 1):+.1f}%)")
sys.exit(0 if abs(m - mean) <= mtol and abs(s / sd - 1) <= stol else 1)
PY
}

# Gamma-Poisson over five calendar years: exact Gamma(57, 5.4027): mean within 3%, sd within
# 10% (the issue's tolerances). 400 trajectories per window, not 100: the sampler carries
# each particle's noisy estimate (pseudo-marginal), so its target is the prior times the
# *expected* synthetic likelihood, whose tails the estimate's noise fattens. With the prior
# refreshes, which reach those tails, 100 trajectories gave +11.1% in sd at this seed (draws
# up to 17.7 against the exact 0.999 quantile 15.4), 400 give +4.3% (max 16.0); seeds 10-13
# at 100 gave -2.3% to +2.2%.
expect_exit 0 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" \
  --particles 500 --trajectories 400 --seed 3 -q -o gp.h5
mean_sd gp.h5 incident.accident.accidental_rate.0 10.550202839756592 1.3974085034857118 0.3165 0.10 \
  && pass "Gamma-Poisson: the exact posterior" || fail "Gamma-Poisson: posterior off the exact Gamma(57, 5.40)"

# Two parameters no observation depends on keep their prior (mean within 0.15 prior sd, sd within 10%).
expect_exit 0 "$BIN" calibrate "$D/invisible.toml" --record "$D/invisible.record.toml" \
  --particles 500 --trajectories 50 --seed 4 -q -o invisible.h5
mean_sd invisible.h5 war.ceasefire_rate_per_year 2 1.4142135623730951 0.212 0.10 \
  && pass "invisible: the ceasefire hazard keeps its prior" || fail "invisible: the ceasefire hazard moved"
mean_sd invisible.h5 war.nuclear_use_rate_per_year 0.25 0.14433756729740646 0.0217 0.10 \
  && pass "invisible: the nuclear hazard keeps its prior" || fail "invisible: the nuclear hazard moved"

# An interval outcome (countermeasures in [8, 14] in one year): mixture posterior, mean 10.43, sd 3.06.
expect_exit 0 "$BIN" calibrate "$D/interval_outcome.toml" --record "$D/interval_outcome.record.toml" \
  --particles 500 --trajectories 100 --seed 5 -q -o interval.h5
mean_sd interval.h5 incident.accident.accidental_rate.0 10.434709911818858 3.0642610790388716 0.52 0.10 \
  && pass "interval outcome: the exact posterior" || fail "interval outcome: posterior off the exact mixture"

# A ladder intercept observed through answers (ladder_intercept.toml): the exact posterior of
# i0 = response.intercept.0 by quadrature, p(i0 | none, protest) ∝ N(i0; m0, s0) (1 - s)^none s^protest
# with s = sigmoid(i0), on 4,001 points over m0 ± 10 s0. Arguments: the config's prior
# (m0 = 0, s0 = 1) and the record's answers (none = 13, protest = 7); prints mean and sd.
ladder_exact() {
  "$PY" - "$@" <<'PY'
import sys, numpy as np
m0, s0, none, protest = map(float, sys.argv[1:5])
x = np.linspace(m0 - 10 * s0, m0 + 10 * s0, 4001)
log_w = -0.5 * ((x - m0) / s0) ** 2 - none * np.logaddexp(0, x) - protest * np.logaddexp(0, -x)
w = np.exp(log_w - log_w.max())
w /= w.sum()
m = (w * x).sum()
print(m, np.sqrt((w * (x - m) ** 2).sum()))
PY
}
# Tolerances from the Monte Carlo error of N = 1000 equally weighted draws plus the synthetic
# likelihood's own shift (ladder_intercept.toml: -0.009 in the mean, -1.8% in the sd):
# mean: 0.009 + 3.5 sd/sqrt(N) = 0.009 + 3.5 x 0.4269/sqrt(1000) = 0.056;
# sd:   0.018 + 3.5/sqrt(2N) = 0.018 + 0.078 = 0.096 (relative).
# Measured over 24 seeds at N = 500: the posterior means' sd 0.0185 (0.4269/sqrt(500) = 0.0191),
# the sds' relative sd 2.4% (1/sqrt(1000) = 3.2%), so the draws are as good as independent.
read -r ladder_mean ladder_sd < <(ladder_exact 0 1 13 7)
expect_exit 0 "$BIN" calibrate "$D/ladder_intercept.toml" --record "$D/ladder_intercept.record.toml" \
  --particles 1000 --trajectories 100 --seed 9 -q -o ladder.h5
mean_sd ladder.h5 response.intercept.0 "$ladder_mean" "$ladder_sd" 0.056 0.096 \
  && pass "ladder intercept: the posterior by quadrature" || fail "ladder intercept: posterior off the quadrature"

# The same seed gives the same posterior file for 1 and 2 threads (every dataset, bit for bit).
expect_exit 0 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" \
  --particles 100 --trajectories 20 --seed 6 --threads 1 -q -o t1.h5
expect_exit 0 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" \
  --particles 100 --trajectories 20 --seed 6 --threads 2 -q -o t2.h5
"$PY" - t1.h5 t2.h5 <<'PY' && pass "1 and 2 threads: identical datasets" || fail "1 and 2 threads differ"
import sys, h5py, numpy as np
a, b = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
names = []
a.visititems(lambda n, o: names.append(n) if isinstance(o, h5py.Dataset) else None)
bad = [n for n in names if a[n][()].tobytes() != b[n][()].tobytes() if a[n].dtype.kind != "O"]
bad += [n for n in names if a[n].dtype.kind == "O" and list(a[n][()]) != list(b[n][()])]
print(len(names), "datasets;", "differ:", bad)
sys.exit(1 if bad or not names else 0)
PY

# Two MPI ranks of one thread each: the same file again (rows split across ranks, gathered in order).
if command -v mpirun >/dev/null; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  expect_exit 0 mpirun --oversubscribe -n 2 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" \
    --particles 100 --trajectories 20 --seed 6 --threads 1 -q -o mpi.h5
  "$PY" - t1.h5 mpi.h5 <<'PY' && pass "2 MPI ranks: identical datasets" || fail "2 MPI ranks differ from one process"
import sys, h5py
a, b = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
names = []
a.visititems(lambda n, o: names.append(n) if isinstance(o, h5py.Dataset) else None)
bad = [n for n in names if (a[n][()].tobytes() != b[n][()].tobytes() if a[n].dtype.kind != "O" else list(a[n][()]) != list(b[n][()]))]
sys.exit(1 if bad or not names else 0)
PY
  expect_exit 2 mpirun --oversubscribe -n 2 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/missing.record.toml" -o x.h5
  [ "$(grep -c 'escalate:' "$WORK/out")" = 1 ] && pass "MPI: one message for two failing ranks" || fail "MPI: messages: $(grep -c 'escalate:' "$WORK/out")"
else
  echo "note: mpirun missing, the MPI case is not run"
fi

# Errors: exit 2, one line, nothing written.
expect_exit 2 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" --particles 1 -o x.h5
expect_output "--particles"
expect_exit 2 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" --trajectories 1 -o x.h5
expect_output "--trajectories 1"
expect_exit 2 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" -o gp.h5
expect_output "gp.h5: already exists"
expect_exit 0 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" \
  --particles 20 --trajectories 5 --seed 6 --threads 2 -q -o t2.h5 --force
"$PY" -c "import h5py, sys; sys.exit(h5py.File('t2.h5')['posterior/parameters'].shape[0] != 20)" \
  && pass "--force replaces the posterior file" || fail "--force did not replace t2.h5"
expect_exit 2 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/missing.record.toml" -o x.h5
expect_exit 2 "$BIN" calibrate "$D/gamma_poisson.toml" --record "$D/gamma_poisson.record.toml" --resume "$D/gamma_poisson.toml" -o x.h5
expect_output "calibration state"
[ ! -e x.h5 ] && pass "refused calibrations write nothing" || fail "a refused calibration wrote x.h5"
for bad in "$SRC"/tests/data/records/bad/*.toml; do
  want=$(head -1 "$bad" | sed 's/^# expect: //')
  expect_exit 2 "$BIN" calibrate "$SRC/tests/data/records/window.toml" --record "$bad" -o bad.h5
  expect_output "$want"
  [ "$(wc -l < "$WORK/out")" -eq 1 ] && pass "$(basename "$bad"): one line" || fail "$(basename "$bad"): not one line"
done
[ ! -e bad.h5 ] && pass "bad records write nothing" || fail "a bad record wrote bad.h5"

# --resume refuses a state when a config the forecast INHERITS changed since the state was
# written (the fingerprint hashes the configs' resolved texts): the files named on the
# command line stay byte-identical, only their base (gamma_poisson.toml, under invisible.toml,
# the forecast and the window config) is edited. Exit 2, one line, the state file and an
# existing output untouched; with the base restored the same state resumes (the control).
mkdir inherit
sed "s|^base = .*|base = \"$SRC/tests/configs/window-constant-rate.toml\"|" "$D/gamma_poisson.toml" > inherit/gamma_poisson.toml
cp "$D/invisible.toml" "$D/invisible.record.toml" inherit/
resume_args=(calibrate inherit/invisible.toml --record inherit/invisible.record.toml --particles 1000 --trajectories 20 --seed 8 --threads 2)
"$BIN" "${resume_args[@]}" -o inherit/post.h5 > inherit/int.log 2>&1 &
pid=$!
for _ in $(seq 1 6000); do  # until stage 1 is done (its line printed) or the run ended
  grep -q '^stage 1:' inherit/int.log && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
kill -INT $pid 2>/dev/null; wait $pid; code=$?
[ "$code" = 130 ] && [ -s inherit/post.h5.state ] && pass "inherit: interrupted after stage 1, state written" \
  || { fail "inherit: exit $code, state $(ls inherit)"; cat inherit/int.log; }
cp inherit/post.h5.state state.orig
named_before=$(sha256sum inherit/invisible.toml inherit/invisible.record.toml)
sed -i 's/shape = 4.0, rate = 0.4/shape = 5.0, rate = 0.4/' inherit/gamma_poisson.toml  # the base's prior
grep -q 'shape = 5.0' inherit/gamma_poisson.toml || fail "inherit: the base was not edited"
[ "$(sha256sum inherit/invisible.toml inherit/invisible.record.toml)" = "$named_before" ] \
  || fail "inherit: a file named on the command line changed"
printf 'an earlier posterior\n' > earlier && cp earlier inherit/post.h5
expect_exit 2 "$BIN" "${resume_args[@]}" -o inherit/post.h5 --force --resume inherit/post.h5.state
expect_output "post.h5.state: written by another calibration"
[ "$(wc -l < "$WORK/out")" -eq 1 ] && pass "inherit: one line" || fail "inherit: not one line"
cmp -s inherit/post.h5.state state.orig && cmp -s inherit/post.h5 earlier \
  && pass "inherit: the refused resume overwrote nothing" || fail "inherit: the refused resume changed a file"
sed -i 's/shape = 5.0, rate = 0.4/shape = 4.0, rate = 0.4/' inherit/gamma_poisson.toml
expect_exit 0 "$BIN" "${resume_args[@]}" -o inherit/post.h5 --force -q --resume inherit/post.h5.state
"$PY" -c "import h5py, sys; sys.exit(h5py.File('inherit/post.h5')['posterior/parameters'].shape[0] != 1000)" \
  && pass "inherit: the restored base resumes the same state" || fail "inherit: the restored base did not resume"

finish

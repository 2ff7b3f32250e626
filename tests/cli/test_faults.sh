# Faults (issue #5): Ctrl-C stops within 2 s and writes the finished batches as a valid
# partial file; --resume completes it to the uninterrupted datasets; SIGKILL never
# corrupts an existing result.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
cfg="$SRC/tests/configs/small.toml"
size=(--draws 120 --trajectories 8000)   # about 6 s on 2 cores with engine 1.1 (a shard 3 s): long enough to interrupt

"$BIN" run "$cfg" "${size[@]}" -q -o full.h5
[ $? -eq 0 ] && pass "uninterrupted run" || fail "uninterrupted run"

for signal in INT TERM; do
  "$BIN" run "$cfg" "${size[@]}" -o partial-$signal.h5 >run.log 2>&1 &
  pid=$!
  sleep 1.5
  start=$(date +%s.%N)
  kill -$signal $pid
  wait $pid
  code=$?
  took=$(echo "$(date +%s.%N) - $start" | bc)
  [ "$code" = 130 ] && pass "SIG$signal: exit 130" || { fail "SIG$signal: exit $code"; cat run.log; }
  if [ "$(echo "$took < 2.0" | bc)" = 1 ]; then pass "SIG$signal: stopped in ${took}s"; else fail "SIG$signal: took ${took}s"; fi
  grep -q "partial: interrupted" run.log && pass "SIG$signal: says partial" || fail "SIG$signal: no partial notice"
  expect_exit 0 "$BIN" summary partial-$signal.h5
  expect_output "PARTIAL"
  "${PYTHON:-/usr/bin/python3}" - partial-$signal.h5 <<'PY' && pass "SIG$signal: valid partial file" || fail "SIG$signal: invalid partial file"
import sys, h5py, numpy as np
with h5py.File(sys.argv[1]) as f:
    a = f.attrs
    assert a["complete"] == 0, "complete must be 0"
    assert 0 < a["trajectories_done"] < a["trajectories_planned"], (a["trajectories_done"], a["trajectories_planned"])
    np.testing.assert_allclose(f["occupancy"][:].sum(axis=1), 1.0)
PY
done

# Every sampling command exits 130 on Ctrl-C (one mapping of errors to exit codes).
interrupt() {  # interrupt LABEL OUTPUT ARGS...: SIGINT after 1.5 s, expect 130 and no OUTPUT file
  local label=$1 out=$2; shift 2
  "$BIN" "$@" >int.log 2>&1 &
  local pid=$!
  sleep 1.5
  kill -INT $pid
  wait $pid
  local code=$?
  [ "$code" = 130 ] && pass "$label: exit 130 on SIGINT" || { fail "$label: exit $code on SIGINT"; cat int.log; }
  grep -q "interrupted" int.log && pass "$label: says interrupted" || fail "$label: no interrupt message"
  [ ! -e "$out" ] && pass "$label: nothing written" || fail "$label: wrote $out"
}
interrupt "compare" cmp-int.h5 compare "$cfg" "$cfg" "${size[@]}" -q -o cmp-int.h5
interrupt "--target-ci" ci-int.h5 run "$SRC/tests/configs/closed-form.toml" --draws 200 --target-ci 0.0001 -q -o ci-int.h5

# Resume the interrupted run: the same datasets as the uninterrupted one.
expect_exit 0 "$BIN" run "$cfg" "${size[@]}" -q --resume partial-INT.h5
expect_exit 0 h5diff --exclude-attribute / full.h5 partial-INT.h5
expect_exit 2 "$BIN" run "$cfg" --draws 121 --trajectories 8000 -q --resume partial-TERM.h5 -o other.h5
expect_output "different config, seed or size"
expect_exit 2 "$BIN" run "$cfg" "${size[@]}" -q --resume full.h5 -o other.h5
expect_output "already complete"

# An interrupted shard: merge refuses it (exit 2, so a Slurm afterok chain stops),
# --shard 1/2 --resume finishes its own batches (still a shard), and the merge equals the
# uninterrupted run.
"$BIN" run "$cfg" "${size[@]}" --shard 1/2 -o shard-1.h5 >shard.log 2>&1 &
pid=$!
sleep 1.5
kill -INT $pid
wait $pid
code=$?
[ "$code" = 130 ] && pass "shard: exit 130 on SIGINT" || { fail "shard: exit $code on SIGINT"; cat shard.log; }
expect_exit 0 "$BIN" run "$cfg" "${size[@]}" -q --shard 2/2 -o shard-2.h5
expect_exit 2 "$BIN" merge shard-1.h5 shard-2.h5 -o merged-shards.h5
expect_output "incomplete part(s): shard-1.h5 (shard 1/2:"
expect_output "--resume"
[ ! -e merged-shards.h5 ] && pass "incomplete merge: nothing written" || fail "incomplete merge wrote a file"
expect_exit 2 "$BIN" run "$cfg" "${size[@]}" -q --shard 2/2 --resume shard-1.h5
expect_output "shard-1.h5 is shard 1/2; give its own --shard"
expect_exit 0 "$BIN" run "$cfg" "${size[@]}" -q --shard 1/2 --resume shard-1.h5
expect_exit 0 "$BIN" summary shard-1.h5
expect_output "shard 1/2"
expect_exit 2 "$BIN" run "$cfg" "${size[@]}" -q --shard 1/2 --resume shard-1.h5
expect_output "shard 1/2 is already complete (merge it)"
expect_exit 0 "$BIN" merge shard-1.h5 shard-2.h5 -q -o merged-shards.h5
expect_exit 0 h5diff --exclude-attribute / full.h5 merged-shards.h5

# SIGKILL while replacing an existing result: the old file survives intact.
cp full.h5 precious.h5
sum=$(md5sum < precious.h5)
"$BIN" run "$cfg" "${size[@]}" -q --force -o precious.h5 &
pid=$!
sleep 1
kill -KILL $pid
wait $pid 2>/dev/null
[ "$(md5sum < precious.h5)" = "$sum" ] && pass "SIGKILL: existing result unchanged" || fail "SIGKILL: existing result changed"
expect_exit 0 "$BIN" summary precious.h5

# Truncated and foreign files get a clear error, not a crash.
head -c 5000 full.h5 > truncated.h5
expect_exit 2 "$BIN" summary truncated.h5
expect_output "truncated.h5"
expect_exit 2 "$BIN" merge truncated.h5 -o merged.h5
expect_exit 2 "$BIN" compare "$cfg" truncated.h5 -o cmp.h5
expect_output "truncated.h5"
finish

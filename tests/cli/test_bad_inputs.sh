# The bad-input suite (tests/bad_inputs/): one case per file. Each declares in its header
#   # exit: CODE          expected exit code (2: bad input or usage; 1: runtime I/O fault)
#   # message: TEXT       a fragment the message must contain (file, line, key where there is one)
#   # args: ARGS          the command (default: run {case} -o {out}); {case} this file,
#                         {dir} its folder, {work} a scratch folder, {out} a result path in it;
#                         PRECREATE makes {out} exist first (and checks it is left untouched)
# and every case must end without a crash or traceback and leave no file behind.
source "$(dirname "$0")/lib.sh"
cases="$SRC/tests/bad_inputs"
for case in "$cases"/*.toml; do
  name=$(basename "$case" .toml)
  code=$(sed -n 's/^# exit: //p' "$case")
  message=$(sed -n 's/^# message: //p' "$case")
  args=$(sed -n 's/^# args: //p' "$case")
  [ -n "$args" ] || args="run {case} -o {out}"
  scratch="$WORK/$name"
  mkdir -p "$scratch/results"
  out="$scratch/results/out.h5"
  args=${args//\{case\}/$case}
  args=${args//\{dir\}/$cases}
  args=${args//\{work\}/$scratch}
  args=${args//\{out\}/$out}
  if [[ "$args" == *PRECREATE* ]]; then
    args=${args//PRECREATE/}
    echo "precious" > "$out"
  fi
  # shellcheck disable=SC2086
  (cd "$scratch" && "$BIN" $args) >"$WORK/out" 2>&1
  got=$?
  if [ "$got" = "$code" ]; then pass "$name: exit $code"; else fail "$name: exit $got, want $code"; cat "$WORK/out"; fi
  if grep -qF -- "$message" "$WORK/out"; then pass "$name: message"; else fail "$name: message lacks '$message'"; cat "$WORK/out"; fi
  if grep -qE "terminate called|Segmentation|Aborted|core dumped|internal error|HDF5-DIAG" "$WORK/out"; then
    fail "$name: crash or internal error"; cat "$WORK/out"
  fi
  [ "$(wc -l < "$WORK/out")" -le 2 ] && pass "$name: a short message" || { fail "$name: long output"; cat "$WORK/out"; }
  left=$(ls -A "$scratch/results" | grep -v '^out.h5$' || true)
  if [ -f "$out" ] && [ "$(cat "$out" 2>/dev/null)" != "precious" ]; then fail "$name: wrote $out"; fi
  [ -z "$left" ] && pass "$name: nothing left behind" || fail "$name: left $left"
done
finish

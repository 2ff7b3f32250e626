# Memory does not grow with trajectories: 10x the trajectories, peak RSS within 1.2x
# (docs/performance.md). Nothing is stored per trajectory: batches stream into integer tallies.
source "$(dirname "$0")/lib.sh"
cfg="$SRC/tests/configs/small.toml"
rss() {  # peak resident set in kB of one successful run of 4 draws x $1 trajectories; empty if it failed
  /usr/bin/time -v -o "$WORK/time.txt" "$BIN" run "$cfg" -q --force --threads 2 --draws 4 --trajectories "$1" \
    -o "$WORK/m.h5" >/dev/null 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; return; }
  awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$WORK/time.txt"
}
small=$(rss 250)
large=$(rss 2500)
echo "peak RSS: $small kB at 1000 trajectories, $large kB at 10000"
if [ -n "$small" ] && [ -n "$large" ] && [ "$large" -le $((small * 12 / 10)) ]; then
  pass "peak RSS ratio within 1.2"
else
  fail "peak RSS grew from $small to $large kB (or a run failed)"
fi
finish

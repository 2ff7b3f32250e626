# Memory does not grow with trajectories: 10x the trajectories, peak RSS within 1.2x.
source "$(dirname "$0")/lib.sh"
cfg="$SRC/tests/configs/small.toml"
rss() {  # peak resident set in kB of one run
  /usr/bin/time -v "$BIN" run "$cfg" -q --force --threads 2 --draws 4 --trajectories "$1" -o "$WORK/m.h5" 2>&1 >/dev/null |
    awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
}
small=$(rss 250)
large=$(rss 2500)
echo "peak RSS: $small kB at 1000 trajectories, $large kB at 10000"
if [ -n "$small" ] && [ -n "$large" ] && [ "$large" -le $((small * 12 / 10)) ]; then
  pass "peak RSS ratio within 1.2"
else
  fail "peak RSS grew from $small to $large kB"
fi
finish

#!/usr/bin/env bash
# Engines side by side (docs/performance.md): trajectories per CPU-second of a reference
# commit against the working tree's binary, with one thread, on the baseline and on
# baseline-2026, alternating A B A B so that both see the same load.
#
#   bash bench/compare.sh [REF]        REF defaults to c73a035 (engine v2.1)
#
# REF is built in a temporary directory (git worktree add --detach into mktemp -d, release
# preset, target escalate only) and its binary kept in build/compare/<commit>/ for the next
# call; the working tree's binary is build/release/engine/escalate (build it first:
# `make build`). CPU seconds are user + system of each run (/usr/bin/time), so time spent
# descheduled by other processes counts on neither side. Environment: PAIRS (default 5),
# DRAWS x TRAJECTORIES per run (default 20 x 1000: /usr/bin/time counts CPU in 10 ms steps,
# and at 10 x 300 the faster engine's 0.4-0.7 s runs were quantised to 1.5-2.5% and carried
# the process's start and the file's writing in every run; at 20 x 1000 both are under 0.5%;
# docs/performance.md), CONFIGS (default the two baselines).
set -euo pipefail
cd "$(dirname "$0")/.."
REF=${1:-c73a035}
PAIRS=${PAIRS:-5}
DRAWS=${DRAWS:-20}
TRAJECTORIES=${TRAJECTORIES:-1000}
CONFIGS=${CONFIGS:-"configs/baseline-2022.toml configs/baseline-2026.toml"}
PYTHON=${PYTHON:-/usr/bin/python3}

commit=$(git rev-parse --verify "$REF^{commit}")
short=${commit:0:12}
ref_bin=build/compare/$short/escalate
new_bin=build/release/engine/escalate
[ -x "$new_bin" ] || { echo "compare.sh: $new_bin is missing: run make build first" >&2; exit 2; }

if [ ! -x "$ref_bin" ]; then
  tmp=$(mktemp -d)
  trap 'git worktree remove --force "$tmp/src" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
  echo "building $REF ($short) in $tmp/src ..." >&2
  git worktree add --detach "$tmp/src" "$commit" >/dev/null 2>&1
  (cd "$tmp/src" && cmake --preset release >/dev/null && cmake --build --preset release -j2 --target escalate >/dev/null)
  mkdir -p "$(dirname "$ref_bin")"
  cp "$tmp/src/build/release/engine/escalate" "$ref_bin"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"; [ -n "${tmp:-}" ] && { git worktree remove --force "$tmp/src" >/dev/null 2>&1 || true; rm -rf "$tmp"; }' EXIT
n=$((DRAWS * TRAJECTORIES))

cpu_of() {  # binary config label -> prints user+sys seconds of one run
  /usr/bin/time -f "%U %S" -o "$out/time" "$1" run "$2" --draws "$DRAWS" --trajectories "$TRAJECTORIES" \
    --threads 1 -q --force -o "$out/$3.h5" >/dev/null
  awk '{ printf "%.3f", $1 + $2 }' "$out/time"
}

echo "A = $REF ($short), B = working tree ($(git describe --always --dirty)); $DRAWS x $TRAJECTORIES trajectories per run, 1 thread"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for config in $CONFIGS; do
  echo "$config"
  ratios=()
  for ((p = 1; p <= PAIRS; ++p)); do
    a=$(cpu_of "$ref_bin" "$config" a)
    b=$(cpu_of "$new_bin" "$config" b)
    ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')
    ratios+=("$ratio")
    awk -v p="$p" -v a="$a" -v b="$b" -v n="$n" -v r="$ratio" 'BEGIN {
      printf "  pair %d: A %.3f cpu s (%.0f traj/cpu-s)   B %.3f cpu s (%.0f traj/cpu-s)   B/A %.2fx\n", p, a, n / a, b, n / b, r }'
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "  median ratio of trajectories per CPU-second, B/A: ${median}x"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Statistical agreement and coupling of two engines (docs/performance.md): a reference
# commit (default c73a035, built by bench/compare.sh into build/compare/) against the
# working tree's binary.
#   1. the baseline, the eight policies and both Przewodów scenarios, run by each engine
#      with the same seed and sizes: z-scores of the headline probabilities;
#   2. `compare` of the baseline and the policies: the width of each paired interval;
#   3. a sweep of restraint.institutions 0.3 -> 0.6 over 40 draws: in how many draws
#      per-draw P(war) does not rise (common random numbers, §12).
#
#   bash bench/agreement.sh [REF]     environment: DRAWS x TRAJECTORIES (default 40 x 1000)
#                                     for 1 and 2, THREADS (default 2), OUT (kept files)
set -euo pipefail
cd "$(dirname "$0")/.."
REF=${1:-c73a035}
DRAWS=${DRAWS:-40}
TRAJECTORIES=${TRAJECTORIES:-1000}
THREADS=${THREADS:-2}
OUT=${OUT:-$(mktemp -d)}
commit=$(git rev-parse --verify "$REF^{commit}")
ref_bin=build/compare/${commit:0:12}/escalate
new_bin=build/release/engine/escalate
[ -x "$ref_bin" ] || { echo "agreement.sh: run bash bench/compare.sh $REF first (it builds $ref_bin)" >&2; exit 2; }
mkdir -p "$OUT"
configs="configs/baseline-2022.toml $(ls configs/policies/*.toml) configs/scenarios/przewodow-2022.toml configs/scenarios/przewodow-no-clarification.toml"
sizes=(--draws "$DRAWS" --trajectories "$TRAJECTORIES" --threads "$THREADS" -q --force)
for engine in ref new; do
  bin=$ref_bin; [ $engine = new ] && bin=$new_bin
  for config in $configs; do
    "$bin" run "$config" "${sizes[@]}" -o "$OUT/$engine-$(basename "$config" .toml).h5"
  done
  "$bin" compare configs/baseline-2022.toml configs/policies/*.toml "${sizes[@]}" -o "$OUT/$engine-compare.h5"
  "$bin" sweep configs/baseline-2022.toml --set restraint.institutions=0.3,0.6 --draws 40 --threads "$THREADS" \
    -q --force -o "$OUT/$engine-institutions.h5"
done
/usr/bin/python3 bench/agreement.py "$OUT" $configs
echo "(files in $OUT; $DRAWS draws x $TRAJECTORIES trajectories per run)"

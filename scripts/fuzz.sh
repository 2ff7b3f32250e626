#!/usr/bin/env bash
# Builds the fuzz preset and runs two libFuzzer targets for FUZZ_SECONDS each (default 60):
# the config loader (fuzz_config), seeded with every shipped config resolved and the bad
# inputs, and the result-file reader (fuzz_result_file), seeded with small result and
# comparison files, sealed and unsealed. Each first replays its regression inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
bin=$PWD/build/fuzz/tests/fuzz
escalate=$PWD/build/release/engine/escalate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config/corpus" "$work/config/seeds" "$work/result/corpus" "$work/result/seeds" build/fuzz/crashes

for f in configs/*.toml configs/policies/*.toml configs/scenarios/*.toml tests/configs/*.toml; do
  "$escalate" check "$f" > "$work/config/seeds/$(basename "$f")"   # resolved: no `base`
done
cp tests/bad_inputs/*.toml "$work/config/seeds/"

# Result seeds: a complete run, a shard, a comparison; each also without its 80-byte seal.
small=tests/configs/closed-form.toml  # a short config keeps each input fast
"$escalate" run "$small" -q --draws 2 --trajectories 20 -o "$work/result/seeds/whole.h5"
"$escalate" run "$small" -q --draws 3 --trajectories 20 --shard 2/3 -o "$work/result/seeds/shard.h5"
"$escalate" compare "$small" "$small" -q --draws 2 --trajectories 10 -o "$work/result/seeds/comparison.h5"
for f in "$work"/result/seeds/*.h5; do head -c -80 "$f" > "${f%.h5}-unsealed.h5"; done

fuzz() {  # fuzz TARGET REGRESSIONS_DIR MAX_LEN
  local target=$1 regressions=$2 max_len=$3 name=${1#fuzz_}
  local inputs=("$regressions"/*)
  if [ -e "${inputs[0]}" ]; then
    echo "fuzz: $target replays ${#inputs[@]} regression input(s)"
    LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp "$bin/$target" "${inputs[@]}"
  fi
  echo "fuzz: $seconds s on $target"
  local dir=$work/${name%_file}
  (cd "$dir" && LSAN_OPTIONS=suppressions=$OLDPWD/tests/fuzz/lsan.supp "$bin/$target" -artifact_prefix="$OLDPWD/build/fuzz/crashes/$target-" -max_total_time="$seconds" \
      -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus seeds 2>&1 | tail -15)
  echo "fuzz: no crash in $seconds s on $target"
}
fuzz fuzz_config tests/fuzz/regressions 65536
fuzz fuzz_result_file tests/fuzz/regressions-results 262144

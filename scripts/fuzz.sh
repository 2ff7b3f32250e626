#!/usr/bin/env bash
# Builds the fuzz preset and fuzzes the config loader for FUZZ_SECONDS (default 60):
# first the regression inputs, then new inputs from a seed corpus of resolved configs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
fuzzer=$PWD/build/fuzz/tests/fuzz/fuzz_config
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/seeds"
for f in configs/*.toml configs/policies/*.toml configs/scenarios/*.toml tests/configs/*.toml; do
  build/release/engine/escalate check "$f" > "$work/seeds/$(basename "$f")"   # resolved: no `base`
done
cp tests/bad_inputs/*.toml "$work/seeds/"
regressions=(tests/fuzz/regressions/*)
if [ -e "${regressions[0]}" ]; then
  echo "fuzz: replaying ${#regressions[@]} regression input(s)"
  "$fuzzer" "${regressions[@]}"
fi
echo "fuzz: $seconds s on the config loader"
cd "$work"
mkdir -p "$OLDPWD/build/fuzz/crashes"
"$fuzzer" -artifact_prefix="$OLDPWD/build/fuzz/crashes/" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 corpus seeds 2>&1 | tail -15
echo "fuzz: no crash in $seconds s"

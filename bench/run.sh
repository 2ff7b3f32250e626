#!/usr/bin/env bash
# The engine benchmark (docs/performance.md), run by `make bench`: the baseline by default.
# Arguments go to escalate_bench: another config (it replaces the baseline), --draws M,
# --trajectories N, --threads T, --repeat R.
set -euo pipefail
cd "$(dirname "$0")/.."
exec build/release/bench/escalate_bench configs/baseline-2022.toml "$@"

#!/usr/bin/env bash
# Runs the engine benchmark on the baseline (see docs/performance.md). `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
build/release/bench/escalate_bench configs/baseline-2022.toml "$@"

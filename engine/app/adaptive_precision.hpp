#pragma once
// Internal to the run service: --target-ci's rounds (adaptive_precision.cpp).
#include "escalate/app/callbacks.hpp"
#include "escalate/app/run.hpp"
#include "escalate/sim/driver.hpp"

namespace escalate::app {

// Rounds of trajectories per draw (256, 512, 1024, ... from the config's count rounded up
// to whole batches) until the Wilson half-width on pooled P(war) is at most the target, or
// the cap. Batches follow the cap's layout, so every round adds whole batches; the stopping
// rule reads integer tallies only, so the outcome is deterministic and equal to a plain run
// with the final count.
struct AdaptiveRun {
  Config config;  // with the final trajectories per draw
  DriverResult driver;
  PrecisionReport report;
  double wall_seconds = 0;
};

// `draws`: the outer loop's rows when given (--posterior), else drawn from the config.
AdaptiveRun run_adaptive(const RunRequest& request, const Config& first, const Callbacks& callbacks,
                         const DrawTable* draws = nullptr);

}  // namespace escalate::app

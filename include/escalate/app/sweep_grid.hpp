#pragma once
// The points of a sweep (the `sweep` service, app/compare.hpp): the grid of the swept
// paths' values, and the refusal of a swept run size or seed.
#include "escalate/config/config.hpp"
#include "escalate/output/sweep.hpp"

#include <string>
#include <utility>
#include <vector>

namespace escalate::app {

// The grid of every combination, the first path varying slowest; at most MAX_SWEEP_POINTS
// points, counted without overflow. A path given twice is refused (RequestError).
Sweep sweep_grid(const std::vector<std::pair<std::string, std::vector<double>>>& axes);
// Refuses (RequestError) a swept run.draws, run.trajectories or run.seed: every point runs
// with the first point's sizes and seed, so the swept values would be ignored; when the
// matching flag (--draws, ...) is also given, the message names both.
void check_swept_run_settings(const std::vector<std::string>& paths, const ConfigOverrides& overrides);

}  // namespace escalate::app

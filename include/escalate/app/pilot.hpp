#pragma once
// A dry run's pilot: a few whole batches spread over the draws, timed, to estimate a
// run's wall time; and the empty layout of a run, to measure its file's size. Nothing is
// written.
#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"

#include <cstdint>
#include <vector>

namespace escalate::app {

struct Pilot {
  DriverResult driver;  // the pilot's tallies (a layout of its own: few trajectories per draw)
  std::int64_t batches = 0, trajectories = 0, draws = 0;
  double seconds = 0;        // the pilot's wall time
  double fixed_seconds = 0;  // of a run of no batches: drawing the parameters, starting threads
};

// Runs the first few trajectories (about 2048 in all) of up to 64 draws spread over those
// with batches in `run_batches` (all draws without a mask); draws differ in cost.
Pilot run_pilot(const Config& config, int threads, const std::vector<std::uint8_t>* run_batches);
// The run's own layout with nothing done (and the pilot's draw table): for sizing its file.
DriverResult empty_run_of(const Config& config, const Pilot& pilot);
// The wall time of the batches in `run_batches` (all without a mask), from the pilot's.
double estimated_seconds(const Pilot& pilot, const Config& config, const std::vector<std::uint8_t>* run_batches);

}  // namespace escalate::app

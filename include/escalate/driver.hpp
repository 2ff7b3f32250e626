#pragma once
// The two-loop Monte Carlo driver (MODEL.md §11) on oneTBB.
//
// draws x trajectories are cut into batches whose layout depends only on the config
// (a batch is a block of trajectories of one draw). Batches run in parallel; each fills
// its own tally, which is merged into the run's. All tallies are integer counts, so the
// result is identical for any thread count and any order of completion. Memory does not
// grow with trajectories: nothing is kept per trajectory.
#include "escalate/config.hpp"
#include "escalate/tally.hpp"

#include <atomic>
#include <cstdint>
#include <vector>

namespace escalate {

struct BatchLayout {
  std::int64_t batch_size = 0;       // trajectories per batch (the last one of a draw may be short)
  std::int64_t batches_per_draw = 0;
  std::int64_t batches = 0;

  static BatchLayout of(const RunSettings& run);
  std::int64_t draw_of(std::int64_t batch) const { return batch / batches_per_draw; }
};

struct DriverOptions {
  int threads = 0;                                      // 0: all cores
  std::atomic<std::int64_t>* trajectories_done = nullptr;  // progress counter, if wanted
  const std::atomic<bool>* stop = nullptr;              // set to stop after the running batches
};

// What one batch's trajectories reached by the horizon: the units of batch-means
// intervals (compare with a single draw).
struct BatchOutcome {
  std::int64_t trajectories = 0, war = 0, spiral = 0, nuclear = 0;
};

struct DriverResult {
  RunTally tally;
  std::vector<BatchOutcome> batches;     // [batches], in batch order
  std::vector<std::uint8_t> batch_done;  // [batches]: 1 where the batch's trajectories are in `tally`
  bool complete = false;
  int threads = 0;
};

DriverResult run_simulation(const Config& config, const DriverOptions& options);

}  // namespace escalate

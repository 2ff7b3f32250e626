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
  const std::vector<std::uint8_t>* run_batches = nullptr;  // [batches]: run only where 1 (default: all)
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

// The contiguous block of batches that part `index` of `count` computes (a shard or an
// MPI rank): [first, last). Blocks partition the layout and depend only on the config.
std::pair<std::int64_t, std::int64_t> batch_block(const BatchLayout& layout, std::int64_t index, std::int64_t count);
std::vector<std::uint8_t> block_mask(const BatchLayout& layout, std::int64_t index, std::int64_t count);

// Every `count`-th batch from `index` (MPI ranks): draws differ in cost, so interleaving
// balances ranks better than contiguous blocks; results are the same either way.
std::vector<std::uint8_t> interleaved_mask(const BatchLayout& layout, std::int64_t index, std::int64_t count);

// Adds `other`'s batches to `into` (disjoint sets of batches of the same layout).
void merge_driver_results(DriverResult& into, const DriverResult& other);

}  // namespace escalate

#pragma once
// The two-loop Monte Carlo driver (MODEL §11) on oneTBB.
//
// draws x trajectories are cut into batches (batch_layout.hpp). Batches run in parallel;
// each fills its own BatchTally, which is folded into the run's tally. All tallies are
// integer counts, so the result is identical for any thread count and any order of
// completion. Memory does not grow with trajectories: nothing is kept per trajectory.
#include "escalate/config/config.hpp"
#include "escalate/sim/batch_layout.hpp"
#include "escalate/sim/draw_table.hpp"
#include "escalate/sim/tally.hpp"

#include <atomic>
#include <cstdint>
#include <vector>

namespace escalate {

struct DriverOptions {
  int threads = 0;                                           // 0: all cores
  std::atomic<std::int64_t>* trajectories_done = nullptr;    // progress counter, if wanted
  const std::atomic<bool>* stop = nullptr;                   // set to stop after the running trajectory
  const std::vector<std::uint8_t>* run_batches = nullptr;    // [batches]: run only where 1 (default: all)
  // The outer loop's rows, if given (a sensitivity design: one row per design point, with
  // config.run.draws rows of config.uncertain.size() values); default DrawTable::of(config).
  const DrawTable* draws = nullptr;
};

struct DriverResult {
  RunTally tally;    // counts of the batches marked done in it
  DrawTable draws;   // every draw's parameter values, drawn once
  bool complete = false;
  bool stopped = false;  // a stop request ended the run early
  int threads = 0;
};

// The empty result of a config: zero tallies in its layout, and its draw table.
DriverResult empty_result(const Config& config);

DriverResult run_simulation(const Config& config, const DriverOptions& options);

// Adds `other`'s batches to `into` (disjoint sets of batches of the same layout).
void merge_driver_results(DriverResult& into, const DriverResult& other);

}  // namespace escalate

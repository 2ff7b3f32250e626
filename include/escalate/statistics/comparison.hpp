#pragma once
// Policy comparison with common random numbers (issue #3).
//
// Every config runs with the reference's seed, draws and trajectories, so draw m of two
// configs shares the value of every uncertain parameter they both have (streams keyed by
// path) and trajectory (m, n) shares its chance events where the histories agree. The
// per-draw differences are then paired samples: their spread gives the paired interval.
// The unpaired interval is what two independent runs of the same size would give.
#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"
#include "escalate/sim/tally.hpp"
#include "escalate/statistics/results.hpp"
#include "escalate/statistics/statistics.hpp"

#include <array>
#include <ostream>
#include <string>
#include <vector>

namespace escalate {

inline constexpr int NUM_OUTCOMES = 4;
inline constexpr const char* OUTCOME_NAMES[NUM_OUTCOMES] = {"war", "clash", "spiral", "nuclear"};
enum OutcomeIndex : int { OUTCOME_WAR = 0, OUTCOME_CLASH, OUTCOME_SPIRAL, OUTCOME_NUCLEAR };

struct PairedEstimate {
  double difference = 0;  // mean over units of (other - reference)
  double paired_lo = 0, paired_hi = 0;      // 95%, Student t on the paired differences
  double unpaired_lo = 0, unpaired_hi = 0;  // 95%, Welch t as if the runs were independent
};

// Both vectors hold one probability per unit (draw or batch), in the same order.
PairedEstimate paired_estimate(const std::vector<double>& reference, const std::vector<double>& other);

struct ComparedRun {
  std::string name;  // unique: the config's file stem, de-duplicated
  Config config;
  DriverResult driver;
  Results results;
};

struct ComparisonRow {
  std::string name;
  std::array<PairedEstimate, NUM_OUTCOMES> outcomes;  // differences against the reference
  std::array<PooledEstimate, NUM_OUTCOMES> absolute;  // this config's own probabilities
  std::vector<double> per_draw_difference;  // [M, outcome]
  std::int64_t draws_paired_exactly = 0;    // draws in which every shared uncertain parameter is equal
  std::vector<std::string> differing_parameters;  // uncertain in one config only, or drawn differently
};

struct Comparison {
  std::string reference;
  std::string units;  // "draws", or "batches" when there is a single draw
  std::int64_t unit_count = 0;
  std::vector<ComparisonRow> rows;  // rows[0]: the reference against itself
};

Comparison compare_runs(const std::vector<ComparedRun>& runs);

}  // namespace escalate

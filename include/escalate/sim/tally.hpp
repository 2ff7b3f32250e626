#pragma once
// Mergeable tallies: integer counts of what trajectories did. Integers add exactly in any
// order, so threads, ranks, shards and resumed runs combine to bit-identical results.
// Every tally has `add` (one trajectory) and `merge_from` (another tally).
#include "escalate/parameters.hpp"
#include "escalate/trajectory.hpp"

#include <cstdint>
#include <vector>

namespace escalate {

// Counts pooled over every draw.
struct PooledTally {
  std::int64_t grid_points = 0, incident_types = 0, causes = 0;
  std::vector<std::int64_t> occupancy;     // [T, 5]: trajectories in phase k at grid time t
  std::vector<std::int64_t> reached;       // [T, 5]: trajectories whose running max >= k by t
  std::vector<std::int64_t> incidents;     // [K, 5]: incidents by type and phase when they happened
  std::vector<std::int64_t> war_cause;     // [C]: what triggered each war
  std::vector<std::int64_t> spiral_cause;  // [C]: what triggered each first spiral
  std::int64_t countermeasures = 0, signals = 0, evaluations = 0, trajectories = 0;
  std::int64_t chain_at_least[MAX_CHAIN_TALLY] = {};  // trajectories whose longest chain has >= k+1 links

  PooledTally() = default;
  PooledTally(std::int64_t T, std::int64_t K, std::int64_t C);
  void add(const TrajectoryRecord& r);
  void merge_from(const PooledTally& other);
  void clear();  // zero every count, keeping the allocation
};

// Counts for one parameter draw: its escalation probabilities.
struct DrawTally {
  std::vector<std::int64_t> war_by_time;  // [T]: trajectories at war by grid time t
  std::int64_t reached[NUM_PHASES] = {};  // trajectories whose running max >= k by the horizon
  std::int64_t nuclear = 0;
  std::int64_t trajectories = 0;

  DrawTally() = default;
  explicit DrawTally(std::int64_t T) : war_by_time(static_cast<std::size_t>(T), 0) {}
  void add(const TrajectoryRecord& r);
  void merge_from(const DrawTally& other);
  void clear();
};

struct RunTally {
  PooledTally pooled;
  std::vector<DrawTally> draws;  // [M]

  RunTally() = default;
  RunTally(std::int64_t M, std::int64_t T, std::int64_t K, std::int64_t C);
  void merge_from(const RunTally& other);
};

}  // namespace escalate

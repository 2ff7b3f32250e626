#include "escalate/tally.hpp"

#include <algorithm>
#include <iterator>

namespace escalate {

namespace {
void add_all(std::vector<std::int64_t>& into, const std::vector<std::int64_t>& from) {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] += from[i];
}
}  // namespace

PooledTally::PooledTally(std::int64_t T, std::int64_t K, std::int64_t C)
    : grid_points(T), incident_types(K), causes(C),
      occupancy(static_cast<std::size_t>(T * NUM_PHASES), 0), reached(static_cast<std::size_t>(T * NUM_PHASES), 0),
      incidents(static_cast<std::size_t>(K * NUM_PHASES), 0), war_cause(static_cast<std::size_t>(C), 0),
      spiral_cause(static_cast<std::size_t>(C), 0) {}

void PooledTally::add(const TrajectoryRecord& r) {
  for (std::size_t t = 0; t < r.phase_at_grid.size(); ++t) {
    ++occupancy[t * NUM_PHASES + r.phase_at_grid[t]];
    for (int k = 0; k <= r.max_phase_at_grid[t]; ++k) ++reached[t * NUM_PHASES + k];
  }
  for (std::size_t i = 0; i < r.incidents.size(); ++i) incidents[i] += r.incidents[i];
  if (r.war) ++war_cause[static_cast<std::size_t>(r.war_cause)];
  if (r.spiral_cause >= 0) ++spiral_cause[static_cast<std::size_t>(r.spiral_cause)];
  countermeasures += r.countermeasures;
  signals += r.signals;
  evaluations += static_cast<std::int64_t>(r.evaluations);
  for (std::uint32_t k = 0; k < MAX_CHAIN_TALLY && k < r.longest_chain; ++k) ++chain_at_least[k];
  ++trajectories;
}

void PooledTally::merge_from(const PooledTally& o) {
  add_all(occupancy, o.occupancy);
  add_all(reached, o.reached);
  add_all(incidents, o.incidents);
  add_all(war_cause, o.war_cause);
  add_all(spiral_cause, o.spiral_cause);
  countermeasures += o.countermeasures;
  signals += o.signals;
  evaluations += o.evaluations;
  for (int k = 0; k < MAX_CHAIN_TALLY; ++k) chain_at_least[k] += o.chain_at_least[k];
  trajectories += o.trajectories;
}

void PooledTally::clear() {
  for (auto* v : {&occupancy, &reached, &incidents, &war_cause, &spiral_cause}) std::fill(v->begin(), v->end(), 0);
  std::fill(std::begin(chain_at_least), std::end(chain_at_least), 0);
  countermeasures = signals = evaluations = trajectories = 0;
}

void DrawTally::clear() {
  std::fill(war_by_time.begin(), war_by_time.end(), 0);
  std::fill(std::begin(reached), std::end(reached), 0);
  nuclear = trajectories = 0;
}

void DrawTally::add(const TrajectoryRecord& r) {
  const std::size_t T = war_by_time.size();
  for (std::size_t t = 0; t < T; ++t) war_by_time[t] += r.phase_at_grid[t] == WAR;
  for (int k = 0; k <= r.max_phase_at_grid[T - 1]; ++k) ++reached[k];
  nuclear += r.nuclear;
  ++trajectories;
}

void DrawTally::merge_from(const DrawTally& o) {
  add_all(war_by_time, o.war_by_time);
  for (int k = 0; k < NUM_PHASES; ++k) reached[k] += o.reached[k];
  nuclear += o.nuclear;
  trajectories += o.trajectories;
}

RunTally::RunTally(std::int64_t M, std::int64_t T, std::int64_t K, std::int64_t C)
    : pooled(T, K, C), draws(static_cast<std::size_t>(M), DrawTally(T)) {}

void RunTally::merge_from(const RunTally& o) {
  pooled.merge_from(o.pooled);
  for (std::size_t m = 0; m < draws.size(); ++m) draws[m].merge_from(o.draws[m]);
}

}  // namespace escalate

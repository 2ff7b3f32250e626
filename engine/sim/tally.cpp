#include "escalate/sim/tally.hpp"

#include "escalate/model/parameters.hpp"

#include <algorithm>

namespace escalate {

std::span<std::int64_t> RunTally::at(const std::string& name, std::int64_t i) {
  const TallySlice& s = layout.slice(name);
  return {counts.data() + layout.start(s, i), static_cast<std::size_t>(s.size())};
}

std::span<const std::int64_t> RunTally::at(const std::string& name, std::int64_t i) const {
  const TallySlice& s = layout.slice(name);
  return {counts.data() + layout.start(s, i), static_cast<std::size_t>(s.size())};
}

void RunTally::merge_from(const RunTally& other) {
  for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
}

bool RunTally::complete() const {
  for (std::int64_t b = 0; b < layout.batches(); ++b) if (!batch_done(b)) return false;
  return true;
}

BatchTally::BatchTally(const TallyLayout& layout)
    : layout_(&layout), run_(static_cast<std::size_t>(layout.run_block()), 0),
      draw_(static_cast<std::size_t>(layout.draw_block()), 0) {
  auto at = [&](const char* name) { return layout.slice(name).offset; };
  occupancy_ = at("occupancy"), reached_ = at("reached"), incidents_ = at("incidents");
  war_cause_ = at("war_cause"), spiral_cause_ = at("spiral_cause"), chain_ = at("chain_at_least");
  counters_ = at("counters"), war_by_time_ = at("draw_war_by_time"), draw_reached_ = at("draw_reached");
  nuclear_ = at("draw_nuclear"), trajectories_ = at("draw_trajectories");
}

void BatchTally::clear() {
  std::fill(run_.begin(), run_.end(), 0);
  std::fill(draw_.begin(), draw_.end(), 0);
}

void BatchTally::add(const TrajectoryRecord& r) {
  std::int64_t* run = run_.data();
  std::int64_t* draw = draw_.data();
  for (std::size_t t = 0; t < r.phase_at_grid.size(); ++t) {
    ++run[occupancy_ + static_cast<std::int64_t>(t) * NUM_PHASES + r.phase_at_grid[t]];
    for (int k = 0; k <= r.max_phase_at_grid[t]; ++k) ++run[reached_ + static_cast<std::int64_t>(t) * NUM_PHASES + k];
    draw[war_by_time_ + static_cast<std::int64_t>(t)] += r.phase_at_grid[t] == WAR;
  }
  for (std::size_t i = 0; i < r.incidents.size(); ++i) run[incidents_ + static_cast<std::int64_t>(i)] += r.incidents[i];
  if (r.war) ++run[war_cause_ + r.war_cause];
  if (r.spiral_cause >= 0) ++run[spiral_cause_ + r.spiral_cause];
  for (std::uint32_t k = 0; k < MAX_CHAIN_TALLY && k < r.longest_chain; ++k) ++run[chain_ + k];
  run[counters_ + 0] += r.countermeasures;
  run[counters_ + 1] += r.signals;
  run[counters_ + 2] += static_cast<std::int64_t>(r.evaluations);
  run[counters_ + 3] += 1;
  const int top = r.max_phase_at_grid.empty() ? 0 : r.max_phase_at_grid.back();
  for (int k = 0; k <= top; ++k) ++draw[draw_reached_ + k];
  if (r.nuclear) ++draw[nuclear_];
  ++draw[trajectories_];
}

void BatchTally::fold_into(RunTally& run, std::int64_t m, std::int64_t b) const {
  for (std::size_t i = 0; i < run_.size(); ++i) run.counts[i] += run_[i];
  std::int64_t* draw = run.counts.data() + layout_->start(layout_->slice("draw_war_by_time"), m) - war_by_time_;
  for (std::size_t i = 0; i < draw_.size(); ++i) draw[i] += draw_[i];
  run.at("batch_done", b)[0] = 1;
  auto outcome = run.at("batch_outcome", b);
  outcome[0] = draw_[static_cast<std::size_t>(trajectories_)];
  outcome[1] = draw_[static_cast<std::size_t>(draw_reached_ + WAR)];
  outcome[2] = draw_[static_cast<std::size_t>(draw_reached_ + SPIRAL)];
  outcome[3] = draw_[static_cast<std::size_t>(nuclear_)];
}

}  // namespace escalate

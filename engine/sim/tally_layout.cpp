#include "escalate/sim/tally_layout.hpp"

#include "escalate/model/phase.hpp"
#include "escalate/model/ladder.hpp"

#include <stdexcept>

namespace escalate {

std::int64_t TallySlice::size() const {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

TallyLayout::TallyLayout(const Scenario& scenario, const BatchLayout& batches, std::int64_t draws)
    : draws_(draws), batches_(batches.batches), grid_days_(scenario.grid_days) {
  const std::int64_t T = scenario.grid_points();
  const std::int64_t K = scenario.incident_count();
  const std::int64_t C = scenario.cause_count();
  const auto D = static_cast<std::int64_t>(WAR_DURATION_EDGES.size());
  const std::string count = "integer tally (mergeable state)";
  using S = TallyScope;
  using I = TallyId;
  add(I::Occupancy, {"occupancy", S::Run, {"time", "phase"}, {T, PHASE_COUNT}, count});
  add(I::Reached, {"reached", S::Run, {"time", "phase"}, {T, PHASE_COUNT}, count});
  add(I::ClashByTime, {"clash_by_time", S::Run, {"time"}, {T}, count});
  add(I::Incidents, {"incidents", S::Run, {"incident", "incident_phase"}, {K, RATE_PHASE_COUNT}, count});
  add(I::Decisions, {"decisions", S::Run, {"cause", "rung"}, {C, RUNG_COUNT}, count});
  add(I::WarCause, {"war_cause", S::Run, {"cause"}, {C}, count});
  add(I::SpiralCause, {"spiral_cause", S::Run, {"cause"}, {C}, count});
  add(I::ClashCause, {"clash_cause", S::Run, {"cause"}, {C}, count});
  add(I::NuclearBySide, {"nuclear_by_side", S::Run, {"side"}, {2}, count});
  add(I::WarDurations, {"war_durations", S::Run, {"duration_bin"}, {D}, count});
  add(I::WarDurationsCensored, {"war_durations_censored", S::Run, {"duration_bin"}, {D}, count});
  add(I::Counters, {"counters", S::Run, {"state/counter"}, {COUNTER_COUNT}, count});
  add(I::DrawWarByTime, {"draw_war_by_time", S::Draw, {"time"}, {T}, count});
  add(I::DrawReached, {"draw_reached", S::Draw, {"phase"}, {PHASE_COUNT}, count});
  add(I::DrawClash, {"draw_clash", S::Draw, {}, {}, count});
  add(I::DrawIncidents, {"draw_incidents", S::Draw, {"incident"}, {K}, count});
  add(I::DrawIncidentDecisions, {"draw_incident_decisions", S::Draw, {"incident", "rung"}, {K, RUNG_COUNT}, count});  // decisions on random incidents
  add(I::DrawActOffspring, {"draw_act_offspring", S::Draw, {"state/ratio_part"}, {2}, count});
  add(I::DrawRunaways, {"draw_runaways", S::Draw, {}, {}, count});
  add(I::DrawTrajectories, {"draw_trajectories", S::Draw, {}, {}, count});
  add(I::BatchDone, {"batch_done", S::Batch, {}, {}, "1 where the batch is in the tallies"});
  add(I::BatchOutcome, {"batch_outcome", S::Batch, {"state/batch_field"}, {static_cast<std::int64_t>(BATCH_FIELD_NAMES.size())}, count});
  if (slices_.size() != static_cast<std::size_t>(TallyId::Count)) throw std::logic_error("a TallyId has no tally slice");
}

void TallyLayout::add(TallyId id, TallySlice slice) {
  if (static_cast<std::size_t>(id) != slices_.size()) throw std::logic_error("tally slice " + slice.name + " added out of TallyId's order");
  std::int64_t& block = block_[static_cast<int>(slice.scope)];
  slice.offset = block;
  block += slice.size();
  slices_.push_back(std::move(slice));
}

const TallySlice& TallyLayout::slice(const std::string& name) const {
  for (const auto& s : slices_) if (s.name == name) return s;
  throw std::out_of_range("no tally slice named " + name);
}

std::int64_t TallyLayout::start(const TallySlice& s, std::int64_t i) const {
  switch (s.scope) {
    case TallyScope::Run: return s.offset;
    case TallyScope::Draw: return block_[0] + i * block_[1] + s.offset;
    case TallyScope::Batch: return block_[0] + draws_ * block_[1] + i * block_[2] + s.offset;
  }
  return 0;
}

}  // namespace escalate

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
  using S = TallyScope;
  using I = TallyId;
  add(I::Occupancy, {"occupancy", S::Run, {T, PHASE_COUNT}});
  add(I::Reached, {"reached", S::Run, {T, PHASE_COUNT}});
  add(I::ClashByTime, {"clash_by_time", S::Run, {T}});
  add(I::Incidents, {"incidents", S::Run, {K, RATE_PHASE_COUNT}});
  add(I::Decisions, {"decisions", S::Run, {C, RUNG_COUNT}});
  add(I::WarCause, {"war_cause", S::Run, {C}});
  add(I::SpiralCause, {"spiral_cause", S::Run, {C}});
  add(I::ClashCause, {"clash_cause", S::Run, {C}});
  add(I::NuclearBySide, {"nuclear_by_side", S::Run, {2}});
  add(I::WarDurations, {"war_durations", S::Run, {D}});
  add(I::WarDurationsCensored, {"war_durations_censored", S::Run, {D}});
  add(I::Counters, {"counters", S::Run, {COUNTER_COUNT}});
  add(I::DrawWarByTime, {"draw_war_by_time", S::Draw, {T}});
  add(I::DrawReached, {"draw_reached", S::Draw, {PHASE_COUNT}});
  add(I::DrawClash, {"draw_clash", S::Draw, {}});
  add(I::DrawIncidents, {"draw_incidents", S::Draw, {K}});
  add(I::DrawIncidentDecisions, {"draw_incident_decisions", S::Draw, {K, RUNG_COUNT}});  // decisions on random incidents
  add(I::DrawActOffspring, {"draw_act_offspring", S::Draw, {2}});
  add(I::DrawRunaways, {"draw_runaways", S::Draw, {}});
  add(I::DrawTrajectories, {"draw_trajectories", S::Draw, {}});
  add(I::BatchDone, {"batch_done", S::Batch, {}});
  add(I::BatchOutcome, {"batch_outcome", S::Batch, {static_cast<std::int64_t>(BATCH_FIELD_NAMES.size())}});
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

#include "escalate/sim/tally.hpp"

#include "escalate/base/names.hpp"
#include "escalate/model/ladder.hpp"
#include "escalate/model/phase.hpp"

#include <algorithm>

namespace escalate {

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
  for (std::size_t k = 0; k < offset_.size(); ++k) offset_[k] = layout.slice(static_cast<TallyId>(k)).offset;
  incident_causes_ = layout.length(TallyAxis::Incident);
}

void BatchTally::clear() {
  std::fill(run_.begin(), run_.end(), 0);
  std::fill(draw_.begin(), draw_.end(), 0);
}

namespace {
std::int64_t duration_bin(double days) {
  auto it = std::upper_bound(WAR_DURATION_EDGES.begin(), WAR_DURATION_EDGES.end(), days);
  return std::max<std::int64_t>(0, static_cast<std::int64_t>(it - WAR_DURATION_EDGES.begin()) - 1);
}
}  // namespace

void BatchTally::add(const TrajectoryRecord& r) {
  std::int64_t* run = run_.data();
  std::int64_t* draw = draw_.data();
  const double grid_days = static_cast<double>(layout_->grid_days());
  using I = TallyId;
  auto at = [this](TallyId id) { return offset_[static_cast<std::size_t>(id)]; };
  const std::int64_t incidents = at(I::Incidents), decisions = at(I::Decisions), war_cause = at(I::WarCause),
                     spiral_cause = at(I::SpiralCause), clash_cause = at(I::ClashCause),
                     nuclear_by_side = at(I::NuclearBySide), durations = at(I::WarDurations),
                     durations_censored = at(I::WarDurationsCensored), counters = at(I::Counters);
  const std::int64_t war_by_time = at(I::DrawWarByTime), draw_reached = at(I::DrawReached), clash = at(I::DrawClash),
                     draw_incidents = at(I::DrawIncidents), incident_decisions = at(I::DrawIncidentDecisions),
                     offspring = at(I::DrawActOffspring), runaways = at(I::DrawRunaways),
                     trajectories = at(I::DrawTrajectories);
  const std::size_t T = r.phase_at_grid.size();
  std::int64_t* occupancy = run + at(I::Occupancy);
  std::int64_t* reached = run + at(I::Reached);
  static_assert(NUCLEAR == 5 && PHASE_COUNT == 6, "the switch below counts phases 0..5");
  for (std::size_t g = 0; g < T; ++g, occupancy += PHASE_COUNT, reached += PHASE_COUNT) {
    ++occupancy[r.phase_at_grid[g]];
    const int top = r.max_phase_at_grid[g];
    switch (top) {  // reached[k] for k = 0..top, without a loop's test per phase
      case NUCLEAR: ++reached[NUCLEAR]; [[fallthrough]];
      case WAR: ++reached[WAR]; [[fallthrough]];
      case SPIRAL: ++reached[SPIRAL]; [[fallthrough]];
      case DEEP: ++reached[DEEP]; [[fallthrough]];
      case ACTIVATED: ++reached[ACTIVATED]; [[fallthrough]];
      default: ++reached[DORMANT];
    }
    draw[war_by_time + static_cast<std::int64_t>(g)] += top >= WAR;  // P(war by t): reached, not at war now
  }
  if (r.first_clash_day >= 0) {  // clashed by t from the first grid point at or after the first clash on
    std::size_t g = 0;
    while (g < T && !(r.first_clash_day <= static_cast<double>(g) * grid_days)) ++g;
    for (; g < T; ++g) ++run[at(I::ClashByTime) + static_cast<std::int64_t>(g)];
  }
  for (std::size_t i = 0; i < r.incidents.size(); ++i) {
    const auto n = static_cast<std::int64_t>(r.incidents[i]);
    run[incidents + static_cast<std::int64_t>(i)] += n;
    draw[draw_incidents + static_cast<std::int64_t>(i / RATE_PHASE_COUNT)] += n;  // by type, all phases
  }
  for (std::size_t i = 0; i < r.decisions.size(); ++i) {
    const auto n = static_cast<std::int64_t>(r.decisions[i]);
    const auto cause_rung = static_cast<std::int64_t>(i);
    run[decisions + cause_rung] += n;
    // Per draw, the decisions on random incidents (causes 0..K-1, the incident types, in
    // the same cause-major order) by rung: injections, countermeasures and strikes are
    // causes of their own.
    if (cause_rung / RUNG_COUNT < incident_causes_) draw[incident_decisions + cause_rung] += n;
  }
  for (const WarSpell& w : r.war_spells) {
    if (w.trigger >= 0) ++run[war_cause + w.trigger];
    ++run[(w.censored ? durations_censored : durations) + duration_bin(w.days)];
    run[counters + WARS_CENSORED] += w.censored;
  }
  if (r.first_spiral_cause >= 0) ++run[spiral_cause + r.first_spiral_cause];
  if (r.first_clash_cause >= 0) ++run[clash_cause + r.first_clash_cause];
  if (r.nuclear && r.nuclear_side >= 0) ++run[nuclear_by_side + r.nuclear_side];
  std::int64_t* c = run + counters;
  c[TRAJECTORIES] += 1;
  c[EVALUATIONS] += static_cast<std::int64_t>(r.evaluations);
  c[COUNTERMEASURES] += static_cast<std::int64_t>(r.countermeasures);
  c[STRIKES] += static_cast<std::int64_t>(r.strikes);
  c[SIGNALS] += static_cast<std::int64_t>(r.signals);
  c[WARS] += static_cast<std::int64_t>(r.wars);
  c[CEASEFIRES] += static_cast<std::int64_t>(r.ceasefires);
  c[ATTRIBUTIONS_SCHEDULED] += static_cast<std::int64_t>(r.attributions_scheduled);
  c[ATTRIBUTIONS_ARRIVED] += static_cast<std::int64_t>(r.attributions_arrived);
  c[ATTRIBUTIONS_BEFORE_DECISION] += static_cast<std::int64_t>(r.attributions_arrived_before_decision);
  c[INJECTIONS_IGNORED] += static_cast<std::int64_t>(r.injections_ignored);
  c[RUNAWAYS] += r.runaway;
  const int top = r.max_phase_at_grid.empty() ? 0 : r.max_phase_at_grid.back();
  for (int k = 0; k <= top; ++k) ++draw[draw_reached + k];
  draw[clash] += r.first_clash_day >= 0;
  draw[offspring + 0] += static_cast<std::int64_t>(r.act_offspring_numerator);
  draw[offspring + 1] += static_cast<std::int64_t>(r.act_offspring_denominator);
  draw[runaways] += r.runaway;
  ++draw[trajectories];
}

void BatchTally::fold_into(RunTally& run, std::int64_t m, std::int64_t b) const {
  for (std::size_t i = 0; i < run_.size(); ++i) run.counts[i] += run_[i];
  std::int64_t* draw = run.counts.data() + layout_->block_start(TallyScope::Draw, m);
  for (std::size_t i = 0; i < draw_.size(); ++i) draw[i] += draw_[i];
  run.at(TallyId::BatchDone, b)[0] = 1;
  auto outcome = run.at(TallyId::BatchOutcome, b);
  auto count = [this](TallyId id, std::int64_t k = 0) { return draw_[static_cast<std::size_t>(offset_[static_cast<std::size_t>(id)] + k)]; };
  outcome[names::BATCH_TRAJECTORIES] = count(TallyId::DrawTrajectories);
  outcome[names::BATCH_WAR] = count(TallyId::DrawReached, WAR);
  outcome[names::BATCH_SPIRAL] = count(TallyId::DrawReached, SPIRAL);
  outcome[names::BATCH_NUCLEAR] = count(TallyId::DrawReached, NUCLEAR);
  outcome[names::BATCH_CLASH] = count(TallyId::DrawClash);
}

}  // namespace escalate

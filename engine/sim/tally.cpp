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
  auto at = [&](const char* name) { return layout.slice(name).offset; };
  occupancy_ = at("occupancy"), reached_ = at("reached"), clash_by_time_ = at("clash_by_time");
  incidents_ = at("incidents"), decisions_ = at("decisions"), war_cause_ = at("war_cause");
  spiral_cause_ = at("spiral_cause"), clash_cause_ = at("clash_cause"), nuclear_by_side_ = at("nuclear_by_side");
  durations_ = at("war_durations"), durations_censored_ = at("war_durations_censored"), counters_ = at("counters");
  war_by_time_ = at("draw_war_by_time"), draw_reached_ = at("draw_reached"), clash_ = at("draw_clash");
  draw_incidents_ = at("draw_incidents"), incident_decisions_ = at("draw_incident_decisions");
  incident_causes_ = layout.slice("draw_incidents").shape[0];
  offspring_ = at("draw_act_offspring"), runaways_ = at("draw_runaways"), trajectories_ = at("draw_trajectories");
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
  const std::size_t T = r.phase_at_grid.size();
  std::int64_t* occupancy = run + occupancy_;
  std::int64_t* reached = run + reached_;
  for (std::size_t g = 0; g < T; ++g, occupancy += PHASE_COUNT, reached += PHASE_COUNT) {
    ++occupancy[r.phase_at_grid[g]];
    const int top = r.max_phase_at_grid[g];
    for (int k = 0; k <= top; ++k) ++reached[k];
    draw[war_by_time_ + static_cast<std::int64_t>(g)] += top >= WAR;  // P(war by t): reached, not at war now
  }
  if (r.first_clash_day >= 0) {  // clashed by t from the first grid point at or after the first clash on
    std::size_t g = 0;
    while (g < T && !(r.first_clash_day <= static_cast<double>(g) * grid_days)) ++g;
    for (; g < T; ++g) ++run[clash_by_time_ + static_cast<std::int64_t>(g)];
  }
  for (std::size_t i = 0; i < r.incidents.size(); ++i) {
    const auto n = static_cast<std::int64_t>(r.incidents[i]);
    run[incidents_ + static_cast<std::int64_t>(i)] += n;
    draw[draw_incidents_ + static_cast<std::int64_t>(i / RATE_PHASE_COUNT)] += n;  // by type, all phases
  }
  for (std::size_t i = 0; i < r.decisions.size(); ++i) {
    const auto n = static_cast<std::int64_t>(r.decisions[i]);
    const auto cause_rung = static_cast<std::int64_t>(i);
    run[decisions_ + cause_rung] += n;
    // Per draw, the decisions on random incidents (causes 0..K-1, the incident types, in
    // the same cause-major order) by rung: injections, countermeasures and strikes are
    // causes of their own.
    if (cause_rung / RUNG_COUNT < incident_causes_) draw[incident_decisions_ + cause_rung] += n;
  }
  for (const WarSpell& w : r.war_spells) {
    if (w.trigger >= 0) ++run[war_cause_ + w.trigger];
    ++run[(w.censored ? durations_censored_ : durations_) + duration_bin(w.days)];
    run[counters_ + WARS_CENSORED] += w.censored;
  }
  if (r.first_spiral_cause >= 0) ++run[spiral_cause_ + r.first_spiral_cause];
  if (r.first_clash_cause >= 0) ++run[clash_cause_ + r.first_clash_cause];
  if (r.nuclear && r.nuclear_side >= 0) ++run[nuclear_by_side_ + r.nuclear_side];
  std::int64_t* c = run + counters_;
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
  for (int k = 0; k <= top; ++k) ++draw[draw_reached_ + k];
  draw[clash_] += r.first_clash_day >= 0;
  draw[offspring_ + 0] += static_cast<std::int64_t>(r.act_offspring_numerator);
  draw[offspring_ + 1] += static_cast<std::int64_t>(r.act_offspring_denominator);
  draw[runaways_] += r.runaway;
  ++draw[trajectories_];
}

void BatchTally::fold_into(RunTally& run, std::int64_t m, std::int64_t b) const {
  for (std::size_t i = 0; i < run_.size(); ++i) run.counts[i] += run_[i];
  std::int64_t* draw = run.counts.data() + layout_->start(layout_->slice("draw_war_by_time"), m) - war_by_time_;
  for (std::size_t i = 0; i < draw_.size(); ++i) draw[i] += draw_[i];
  run.at("batch_done", b)[0] = 1;
  auto outcome = run.at("batch_outcome", b);
  outcome[names::BATCH_TRAJECTORIES] = draw_[static_cast<std::size_t>(trajectories_)];
  outcome[names::BATCH_WAR] = draw_[static_cast<std::size_t>(draw_reached_ + WAR)];
  outcome[names::BATCH_SPIRAL] = draw_[static_cast<std::size_t>(draw_reached_ + SPIRAL)];
  outcome[names::BATCH_NUCLEAR] = draw_[static_cast<std::size_t>(draw_reached_ + NUCLEAR)];
  outcome[names::BATCH_CLASH] = draw_[static_cast<std::size_t>(clash_)];
}

}  // namespace escalate

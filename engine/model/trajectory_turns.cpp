// Turns of a trajectory that are not acts (docs/model.md §3, §8, §9.4, §10): pending items
// falling due, events, injections, war and its end, threshold crossings, and the phase
// at the end of every evaluation point.
#include "escalate/model/crossing.hpp"
#include "escalate/model/intent.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/trajectory.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>

namespace escalate {

void Trajectory::on_pending() {
  const PendingItem item = s_.pending.pop();
  advance(item.time);
  switch (item.kind) {
    case PendingKind::Attribution: on_attribution(item); break;
    case PendingKind::Decision: on_decision(item); break;
    case PendingKind::Countermeasure: on_countermeasure(item); break;
    case PendingKind::Strike: on_strike(item); break;
  }
}

void Trajectory::on_event(int event, double time) {
  s_.crossing_stale = BOTH_SIDES;  // fear or log-odds move here
  const auto e = static_cast<std::size_t>(event);
  const EventSpec& spec = scenario_.events[e];
  const EventParams& ep = k_->params.events[e];
  advance(time);
  if (spec.side >= 0) {
    SideState& side = s_.sides[static_cast<std::size_t>(spec.side)];
    side.fear = std::max(0.0, side.fear + ep.fear);
    side.logodds = clamp_logodds(side.logodds + ep.belief_logodds);
  }
  if (!spec.sets.empty()) {  // for the rest of this trajectory; the next one starts from the draw
    s_.rate_key = NO_RATE_KEY;  // the rates may change with the draw in force
    if (!s_.sets_applied) {
      s_.after_sets = draw_;
      s_.sets_applied = true;
      k_ = &s_.after_sets;
    }
    for (std::size_t j = 0; j < spec.sets.size(); ++j)
      s_.after_sets.params.at(spec.sets[j].target) = s_.after_sets.params.event_sets[e][j];
    s_.after_sets.derive(scenario_);
  }
  update_intents();
  settle(scenario_.cause_index(BuiltinCause::Event));
}

void Trajectory::on_injection(int injection) {
  const auto i = static_cast<std::size_t>(injection);
  if (s_.at_war) {  // §10: ignored and counted; not an evaluation point, no draws
    ++out_->injections_ignored;
    return;
  }
  const InjectionSpec& spec = scenario_.injections[i];
  advance(draw_.params.injects[i].day);
  const double severity = draw_.params.injects[i].severity;
  on_incident(spec.incident, spec.deliberate, severity, std::log(severity), scenario_.cause_index(BuiltinCause::Inject));
}

void Trajectory::start_war(int cause) {
  // §9.4: the harm the dilemma feared; §9.3: pending items vanish.
  s_.at_war = true;
  note_clash(cause);
  ++out_->wars;
  if (out_->first_war_day < 0) {
    out_->first_war_day = s_.now;
    out_->first_war_cause = cause;
  }
  out_->war_spells.push_back({s_.now, 0.0, cause, false, false});
  const double flip = clamp_logodds(k_->flip_logodds);
  for (std::size_t i = 0; i < 2; ++i) {
    s_.sides[i].fear = std::max(s_.sides[i].fear, k_->params.sides[i].flip_threshold);
    s_.sides[i].logodds = std::max(s_.sides[i].logodds, flip);
  }
  s_.pending.clear();
  s_.readings.clear();
  s_.free_readings.clear();
}

void Trajectory::note_clash(int cause) {
  if (out_->first_clash_day >= 0) return;
  out_->first_clash_day = s_.now;
  out_->first_clash_cause = cause;
}

void Trajectory::on_war_end() {
  advance(s_.war_end_time);
  WarSpell& spell = out_->war_spells.back();
  spell.days = s_.now - spell.start_day;
  const WarEnd end = war_end(k_->hazards, s_.streams.war.uniform());
  if (end == WarEnd::Ceasefire) {
    // Decay and drift resume from the state the war left; the phase by §3.
    s_.at_war = false;
    s_.war_end_time = std::numeric_limits<double>::infinity();
    ++out_->ceasefires;
    update_intents();
    settle(-1);
    return;
  }
  s_.nuclear = true;  // absorbing: the history ends here
  spell.nuclear = true;
  out_->nuclear = true;
  out_->nuclear_side = static_cast<int>(end);
  out_->nuclear_day = s_.now;
  settle(-1);
}

void Trajectory::on_crossing() {
  s_.crossing_stale = BOTH_SIDES;  // fear or log-odds move here
  // §3, §8: at a crossing instant the falling quantity counts as already below.
  advance(s_.crossing.time);
  SideState& side = s_.sides[static_cast<std::size_t>(s_.crossing.side)];
  if (s_.crossing.fear) {
    side.fear = just_below(side.fear, s_.crossing.threshold);
  } else {
    side.logodds = just_below(side.logodds, s_.crossing.threshold);
  }
  update_intents();
  settle(-1);  // a crossing only lowers the phase: it never causes a first spiral
}

void Trajectory::update_intents() {
  for (std::size_t i = 0; i < 2; ++i) update_intent(s_.sides[i], k_->params.sides[i], k_->flip_logodds);
}

namespace {
// A side's intent flags (innate, acquired: two adjacent bools) as one 16-bit number, for
// telling whether they changed since the crossing was planned.
std::uint64_t intent_bytes(const SideState& side) {
  static_assert(offsetof(SideState, innate) == 0 && offsetof(SideState, acquired) == 1);
  std::uint16_t bytes = 0;
  std::memcpy(&bytes, &side.innate, sizeof bytes);
  return bytes;
}
}  // namespace

template <bool Moved>
void Trajectory::settle(int cause) {
  // The last step of every evaluation point: the phase (§3), the running maximum, the
  // count of §9.5, then the times of what comes next.
  s_.phase = phase_of(s_.sides, s_.at_war, s_.nuclear, k_->params.model.fear_deep, k_->deep_logodds,
                      k_->activated_logodds);
  if (s_.phase > s_.max_phase) {
    if (s_.max_phase < SPIRAL && s_.phase >= SPIRAL) {
      out_->first_spiral_cause = cause;
      out_->first_spiral_day = s_.now;
    }
    s_.max_phase = s_.phase;
  }
  ++out_->evaluations;
  if (s_.nuclear) {
    s_.halted = true;
    return;
  }
  if (out_->evaluations >= static_cast<std::uint64_t>(scenario_.max_events)) {
    out_->runaway = true;
    s_.halted = true;
    return;
  }
  const std::uint64_t flags = intent_bytes(s_.sides[0]) | (intent_bytes(s_.sides[1]) << 16) |
                              (static_cast<std::uint64_t>(s_.at_war) << 32);
  if (s_.phase != s_.crossing_phase || flags != s_.crossing_flags || k_ != s_.crossing_draw)
    s_.crossing_stale = BOTH_SIDES;  // drift, revert thresholds or the draw changed: both sides
  if (Moved || s_.crossing_stale != 0) {
    plan_crossing(s_.crossing_stale);
    s_.crossing_stale = 0;
    s_.crossing_phase = s_.phase;
    s_.crossing_flags = flags;
    s_.crossing_draw = k_;
  }
  // §4: the rates in force depend on the phase (war and nuclear included), the offensive
  // flags, the draw in force and the reassurance windows; without windows, an unchanged
  // key means an unchanged total rate, and replan_arrival would leave the arrival alone.
  const unsigned rate_key = static_cast<unsigned>(s_.phase) * 4u + (s_.sides[0].offensive() ? 1u : 0u) +
                            (s_.sides[1].offensive() ? 2u : 0u);
  if (rate_key != s_.rate_key || !scenario_.signals.empty()) {
    s_.rate_key = rate_key;
    replan_arrival(s_.now);
  }
  if (s_.at_war) plan_war_end(s_.now);
}

template void Trajectory::settle<false>(int);
template void Trajectory::settle<true>(int);

}  // namespace escalate

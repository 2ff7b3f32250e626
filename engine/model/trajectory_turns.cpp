// Turns of a trajectory that are not acts (docs/model.md §3, §8, §9.4, §10): pending items
// falling due, events, injections, war and its end, threshold crossings, and the phase
// at the end of every evaluation point.
#include "escalate/model/crossing.hpp"
#include "escalate/model/intent.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/trajectory.hpp"

#include <algorithm>
#include <limits>

namespace escalate {

void Trajectory::on_pending() {
  const PendingItem item = pending_.pop();
  advance(item.time);
  switch (item.kind) {
    case PendingKind::Attribution: on_attribution(item); break;
    case PendingKind::Decision: on_decision(item); break;
    case PendingKind::Countermeasure: on_countermeasure(item); break;
    case PendingKind::Strike: on_strike(item); break;
  }
}

void Trajectory::on_event(int event, double time) {
  const auto e = static_cast<std::size_t>(event);
  const EventSpec& spec = scenario_.events[e];
  const EventParams& ep = params_.events[e];
  advance(time);
  if (spec.side >= 0) {
    SideState& side = sides_[static_cast<std::size_t>(spec.side)];
    side.fear = std::max(0.0, side.fear + ep.fear);
    side.logodds = clamp_logodds(side.logodds + ep.belief_logodds);
  }
  if (!spec.sets.empty()) {  // for the rest of this trajectory; run() restores the draw
    for (std::size_t j = 0; j < spec.sets.size(); ++j) params_.at(spec.sets[j].target) = params_.event_sets[e][j];
    params_dirty_ = true;
    derive();
  }
  update_intents();
  settle(scenario_.cause_index(BuiltinCause::Event));
}

void Trajectory::on_injection(int injection) {
  const auto i = static_cast<std::size_t>(injection);
  if (at_war_) {  // §10: ignored and counted; not an evaluation point, no draws
    ++out_->injections_ignored;
    return;
  }
  const InjectionSpec& spec = scenario_.injections[i];
  advance(params_.injects[i].day);
  on_incident(spec.incident, spec.deliberate, params_.injects[i].severity, scenario_.cause_index(BuiltinCause::Inject));
}

void Trajectory::start_war(int cause) {
  // §9.4: the harm the dilemma feared; §9.3: pending items vanish.
  at_war_ = true;
  note_clash(cause);
  ++out_->wars;
  if (out_->first_war_day < 0) {
    out_->first_war_day = now_;
    out_->first_war_cause = cause;
  }
  out_->war_spells.push_back({now_, 0.0, cause, false, false});
  const double flip = clamp_logodds(derived_.flip_logodds);
  for (std::size_t i = 0; i < 2; ++i) {
    sides_[i].fear = std::max(sides_[i].fear, params_.sides[i].flip_threshold);
    sides_[i].logodds = std::max(sides_[i].logodds, flip);
  }
  pending_.clear();
  readings_.clear();
  free_readings_.clear();
}

void Trajectory::note_clash(int cause) {
  if (out_->first_clash_day >= 0) return;
  out_->first_clash_day = now_;
  out_->first_clash_cause = cause;
}

void Trajectory::on_war_end() {
  advance(war_end_time_);
  WarSpell& spell = out_->war_spells.back();
  spell.days = now_ - spell.start_day;
  const WarEnd end = war_end(derived_.hazards, war_.uniform());
  if (end == WarEnd::Ceasefire) {
    // Decay and drift resume from the state the war left; the phase by §3.
    at_war_ = false;
    war_end_time_ = std::numeric_limits<double>::infinity();
    ++out_->ceasefires;
    update_intents();
    settle(-1);
    return;
  }
  nuclear_ = true;  // absorbing: the history ends here
  spell.nuclear = true;
  out_->nuclear = true;
  out_->nuclear_side = static_cast<int>(end);
  out_->nuclear_day = now_;
  settle(-1);
}

void Trajectory::on_crossing() {
  // §3, §8: at a crossing instant the falling quantity counts as already below.
  advance(crossing_.time);
  SideState& side = sides_[static_cast<std::size_t>(crossing_.side)];
  if (crossing_.fear) {
    side.fear = just_below(side.fear, crossing_.threshold);
  } else {
    side.logodds = just_below(side.logodds, crossing_.threshold);
  }
  update_intents();
  settle(-1);  // a crossing only lowers the phase: it never causes a first spiral
}

void Trajectory::update_intents() {
  for (std::size_t i = 0; i < 2; ++i) update_intent(sides_[i], params_.sides[i], derived_.flip_logodds);
}

void Trajectory::settle(int cause) {
  // The last step of every evaluation point: the phase (§3), the running maximum, the
  // count of §9.5, then the times of what comes next.
  phase_ = phase_of(sides_, at_war_, nuclear_, params_.model);
  if (phase_ > max_phase_) {
    if (max_phase_ < SPIRAL && phase_ >= SPIRAL) {
      out_->first_spiral_cause = cause;
      out_->first_spiral_day = now_;
    }
    max_phase_ = phase_;
  }
  ++out_->evaluations;
  if (nuclear_) {
    halted_ = true;
    return;
  }
  if (out_->evaluations >= static_cast<std::uint64_t>(scenario_.max_events)) {
    out_->runaway = true;
    halted_ = true;
    return;
  }
  plan_crossing();
  plan_arrival(now_);
  if (at_war_) plan_war_end(now_);
}

}  // namespace escalate

// Acts and what answers them (docs/model.md §4-§7, §9): incidents, attributions, decisions,
// countermeasures, limited strikes and reassurance signals.
#include "escalate/model/belief.hpp"
#include "escalate/model/fear.hpp"
#include "escalate/model/ladder.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/perception.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/trajectory.hpp"

#include <cmath>

namespace escalate {

void Trajectory::on_arrival() {
  advance(arrival_time_);
  // Which process fired, in proportion to the rates of the draw (unchanged since: any
  // evaluation point or window edge in between would have redrawn the arrival).
  const std::size_t K = accidental_.size();
  double pick = arrivals_.uniform() * total_rate_;
  std::size_t chosen = 0;
  for (std::size_t i = 0; i < K + signal_rate_.size(); ++i) {
    const double rate = i < K ? accidental_[i] + deliberate_[i] : signal_rate_[i - K];
    if (rate <= 0) continue;
    chosen = i;  // the last positive rate absorbs rounding at the end of the walk
    if (pick < rate) break;
    pick -= rate;
  }
  if (chosen >= K) return on_signal(static_cast<int>(chosen - K));
  // §4: deliberate with probability del / (del + acc); severity lognormal. Two draws.
  const double u = attributes_.uniform();
  const double z = attributes_.normal();
  const bool deliberate = u * (accidental_[chosen] + deliberate_[chosen]) < deliberate_[chosen];
  const IncidentParams& ip = params_.incidents[chosen];
  on_incident(static_cast<int>(chosen), deliberate, ip.severity_median * std::exp(ip.severity_sigma * z),
              static_cast<int>(chosen));
}

void Trajectory::on_incident(int type, bool deliberate, double severity, int cause) {
  // The state has been advanced to now_. Not at war (incidents are off, injections ignored).
  const auto k = static_cast<std::size_t>(type);
  const IncidentType& spec = scenario_.incidents[k];
  const IncidentParams& ip = params_.incidents[k];
  const auto v = static_cast<std::size_t>(spec.victim);
  const SideParams& vp = params_.sides[v];
  SideState& victim = sides_[v];
  const auto ph = static_cast<std::size_t>(phase_);
  const double m = params_.model.offensive_multiplier;
  ++out_->incidents[k * RATE_PHASE_COUNT + ph];

  // §5.1-5.2: prior, evidence (one normal), first reading, acting at once (§6, §7).
  const double prior = deliberate_prior(victim.belief(), ip.deliberate_rate[ph], ip.accidental_rate[ph], m);
  const double q0 = first_reading(prior, ip.clarity, vp.perception_noise, vp.bias, deliberate, perception_.normal());
  IncidentReading reading{now_, victim.logodds, q0, q0, m, derived_.fear_gain[v], derived_.sensitivity[v], severity,
                          spec.victim, cause, 1, false, false};
  victim.logodds = after_act(victim.logodds, q0, m);
  victim.fear = fear_after_act(victim.fear, reading.gain, reading.sensitivity, severity, q0);

  // §5.3: attribution. Three uniforms whatever happens: established?, wrong?, delay.
  const double u_clarified = attribution_.uniform();
  const double u_wrong = attribution_.uniform();
  const double wait = attribution_.standard_exponential();
  const bool clarified = u_clarified < ip.clarification;
  if (clarified) {
    const bool answer = deliberate != (u_wrong < ip.attribution_error);
    reading.qc = attributed_reading(answer, ip.attribution_error, params_.model.clarification_epsilon);
    reading.refs = 2;
  }
  const int slot = new_reading(reading);
  if (clarified) {
    PendingItem item;
    item.time = now_ + ip.clarification_delay_days * wait;
    item.kind = PendingKind::Attribution;
    item.side = spec.victim;
    item.reading = slot;
    pending_.push(item);  // before the decision's item: at equal times it comes first
    ++out_->attributions_scheduled;
  }
  // §5.4: the victim's decision, after its decision delay.
  schedule_decision(spec.victim, cause, q0, severity, slot);
  update_intents();
  settle(cause);
}

void Trajectory::on_attribution(const PendingItem& item) {
  IncidentReading& r = readings_[static_cast<std::size_t>(item.reading)];
  const auto v = static_cast<std::size_t>(r.victim);
  SideState& victim = sides_[v];
  // §5.3: the first reading is replaced by qc, as if qc had been read at the incident.
  victim.logodds = after_attribution(victim.logodds, r.logodds_at, r.q0, r.qc, r.multiplier);
  victim.fear = fear_after_attribution(victim.fear, r.gain, r.sensitivity, r.severity, r.q0, r.qc, now_ - r.time,
                                       params_.sides[v].fear_half_life_days);
  r.attributed = true;
  ++out_->attributions_arrived;
  if (!r.decided) ++out_->attributions_arrived_before_decision;
  const int cause = r.cause;
  release_reading(item.reading);
  update_intents();
  settle(cause);
}

void Trajectory::schedule_decision(int side, int cause, double q, double severity, int reading) {
  // Two draws at creation: the ladder uniform (decisions) and the delay (delays).
  PendingItem item;
  item.uniform = decisions_.uniform();
  item.time = now_ + params_.sides[static_cast<std::size_t>(side)].decision_delay_days * delays_.standard_exponential();
  item.kind = PendingKind::Decision;
  item.side = side;
  item.cause = cause;
  item.q = q;
  item.severity = severity;
  item.reading = reading;
  pending_.push(item);
}

void Trajectory::on_decision(const PendingItem& item) {
  const auto v = static_cast<std::size_t>(item.side);
  update_intents();  // §3: effects (none), intent, then the decision, then the phase
  double q = item.q;
  if (item.reading >= 0) {  // an incident: qc if its attribution has arrived, else q0
    IncidentReading& r = readings_[static_cast<std::size_t>(item.reading)];
    q = r.attributed ? r.qc : r.q0;
    r.decided = true;
    release_reading(item.reading);
  }
  const SideState& self = sides_[v];
  const LadderInput in{logit(clamp_reading(q, params_.model.clarification_epsilon)), std::log(item.severity),
                       self.fear / params_.sides[v].flip_threshold, self.offensive(), derived_.restraint[v]};
  const int rung = draw_rung(rung_at_least(params_.response, in), item.uniform);
  ++out_->decisions[static_cast<std::size_t>(item.cause) * RUNG_COUNT + static_cast<std::size_t>(rung)];
  if (item.cause == scenario_.cause_index(BuiltinCause::Countermeasure) ||
      item.cause == scenario_.cause_index(BuiltinCause::Strike)) {
    ++out_->act_offspring_denominator;  // §9.5
    if (rung == COUNTERMEASURE || rung == LIMITED_STRIKE) ++out_->act_offspring_numerator;
  }
  // The act's own draws, taken whatever the rung: a countermeasure delay and a strike severity.
  const ResponseParams& rp = params_.response;
  const double wait = delays_.standard_exponential();
  const double z = strikes_.normal();
  PendingItem act;
  act.side = 1 - item.side;  // the act lands on the other side
  if (rung == COUNTERMEASURE) {
    act.time = now_ + rp.countermeasure_delay_days * wait;
    act.kind = PendingKind::Countermeasure;
    pending_.push(act);
  } else if (rung == LIMITED_STRIKE) {
    act.time = now_;  // delay 0: after the items already queued at this instant
    act.kind = PendingKind::Strike;
    act.severity = rp.strike_severity_median * std::exp(rp.strike_severity_sigma * z);
    pending_.push(act);
    note_clash(item.cause);
  } else if (rung == WAR_RUNG) {
    start_war(item.cause);
  }
  settle(item.cause);
}

void Trajectory::on_countermeasure(const PendingItem& item) {
  // §9.3: its origin is known; the target reads it with q = countermeasure_hostility.
  const auto u = static_cast<std::size_t>(item.side);
  const ResponseParams& rp = params_.response;
  const double q = rp.countermeasure_hostility, s = rp.countermeasure_severity;
  sides_[u].logodds = after_act(sides_[u].logodds, q, rp.countermeasure_offensiveness);
  sides_[u].fear = fear_after_act(sides_[u].fear, derived_.fear_gain[u], derived_.sensitivity[u], s, q);
  ++out_->countermeasures;
  const int cause = scenario_.cause_index(BuiltinCause::Countermeasure);
  schedule_decision(item.side, cause, q, s, -1);
  update_intents();
  settle(cause);
}

void Trajectory::on_strike(const PendingItem& item) {
  // §9.3: a deliberate act of known origin, q = 1 - eps.
  const auto u = static_cast<std::size_t>(item.side);
  const ResponseParams& rp = params_.response;
  const double q = 1.0 - params_.model.clarification_epsilon;
  sides_[u].logodds = after_act(sides_[u].logodds, q, rp.strike_offensiveness);
  sides_[u].fear = fear_after_act(sides_[u].fear, derived_.fear_gain[u], derived_.sensitivity[u], item.severity, q);
  ++out_->strikes;
  const int cause = scenario_.cause_index(BuiltinCause::Strike);
  schedule_decision(item.side, cause, q, item.severity, -1);
  update_intents();
  settle(cause);
}

void Trajectory::on_signal(int signal) {
  // §6, §7: a costly signal from the sender to the other side.
  const auto s = static_cast<std::size_t>(signal);
  const ReassuranceParams& rp = params_.reassurance[s];
  const auto receiver = static_cast<std::size_t>(1 - scenario_.signals[s].sender);
  SideState& side = sides_[receiver];
  side.logodds = after_reassurance(side.logodds, params_.sides[receiver].open_mindedness, rp.credibility);
  side.fear = fear_after_reassurance(side.fear, rp.fear_relief);
  ++out_->signals;
  update_intents();
  settle(scenario_.cause_index(BuiltinCause::Reassurance));
}

int Trajectory::new_reading(const IncidentReading& reading) {
  if (!free_readings_.empty()) {
    const int slot = free_readings_.back();
    free_readings_.pop_back();
    readings_[static_cast<std::size_t>(slot)] = reading;
    return slot;
  }
  readings_.push_back(reading);
  return static_cast<int>(readings_.size()) - 1;
}

void Trajectory::release_reading(int slot) {
  if (--readings_[static_cast<std::size_t>(slot)].refs == 0) free_readings_.push_back(slot);
}

}  // namespace escalate

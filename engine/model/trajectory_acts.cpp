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
#include <limits>

namespace escalate {

void Trajectory::on_arrival() {
  const double now = s_.arrival_time;
  advance(now);
  // Which process fired, in proportion to the rates in force (unchanged since the arrival
  // was placed: a change would have moved it); then the next arrival's budget (§4).
  const auto ph = static_cast<std::size_t>(s_.phase);
  const double m = k_->params.model.offensive_multiplier;
  const std::size_t K = scenario_.incidents.size(), S = scenario_.signals.size();
  auto rates_of = [&](std::size_t k, double& accidental, double& deliberate) {
    const IncidentParams& ip = k_->params.incidents[k];
    const bool offensive = s_.sides[static_cast<std::size_t>(scenario_.incidents[k].suspect)].offensive();
    accidental = ip.accidental_rate[ph];
    deliberate = ip.deliberate_rate[ph] * (offensive ? m : 1.0);
  };
  double pick = s_.streams.arrivals.uniform() * s_.total_rate;
  std::size_t chosen = 0;
  const unsigned flags = (s_.sides[0].offensive() ? 1u : 0u) + (s_.sides[1].offensive() ? 2u : 0u);
  const double* type_rate = k_->type_rate.data() + (ph * 4 + flags) * K;  // rates_of's sums, per draw
  // One step of the walk: whether process i, of rate `rate`, is the one.
  auto fired = [&](std::size_t i, double rate) {
    if (rate <= 0) return false;
    chosen = i;  // the last positive rate absorbs rounding at the end of the walk
    if (pick < rate) return true;
    pick -= rate;
    return false;
  };
  bool done = false;
  for (std::size_t i = 0; i < K && !done; ++i) done = fired(i, type_rate[i]);
  for (std::size_t s = 0; s < S && !done; ++s) {
    const ReassuranceParams& rp = k_->params.reassurance[s];
    double rate = 0;
    if (rp.start_day <= now && now < rp.end_day) {
      const bool offensive = s_.sides[static_cast<std::size_t>(scenario_.signals[s].sender)].offensive();
      rate = rp.rate_per_year / (offensive ? rp.credibility : 1.0);
    }
    done = fired(K + s, rate);
  }
  s_.budget = s_.streams.arrivals.standard_exponential();
  s_.budget_time = now;
  s_.arrival_time = now + s_.budget * 365.0 / s_.total_rate;
  if (chosen >= K) return on_signal(static_cast<int>(chosen - K));
  // §4: deliberate with probability del / (del + acc); severity lognormal. Two draws.
  const double u = s_.streams.attributes.uniform();
  const double z = s_.streams.attributes.normal();
  double accidental = 0, deliberate_rate = 0;
  rates_of(chosen, accidental, deliberate_rate);
  const bool deliberate = u * (accidental + deliberate_rate) < deliberate_rate;
  const IncidentParams& ip = k_->params.incidents[chosen];
  on_incident(static_cast<int>(chosen), deliberate, ip.severity_median * std::exp(ip.severity_sigma * z),
              k_->log_severity_median[chosen] + ip.severity_sigma * z, static_cast<int>(chosen));
}

void Trajectory::on_incident(int type, bool deliberate, double severity, double log_severity, int cause) {
  // The state has been advanced to now. Not at war (incidents are off, injections ignored).
  const auto k = static_cast<std::size_t>(type);
  const IncidentType& spec = scenario_.incidents[k];
  s_.crossing_stale |= 1u << spec.victim;  // its fear and log-odds move here
  const IncidentParams& ip = k_->params.incidents[k];
  const auto v = static_cast<std::size_t>(spec.victim);
  const SideParams& vp = k_->params.sides[v];
  SideState& victim = s_.sides[v];
  const auto ph = static_cast<std::size_t>(s_.phase);
  const double m = k_->params.model.offensive_multiplier;
  ++out_->incidents[k * RATE_PHASE_COUNT + ph];
  if (periods_.active()) [[unlikely]] periods_.arrived(*out_, k, s_.now);

  // §5.1-5.2: prior, evidence (one normal), first reading, acting at once (§6, §7).
  // Jeffrey's increments, now and at the attribution, take x = e^-|l|; for l >= 0 it is
  // the belief's e^-l as well, so one exp serves all three.
  const double l = victim.logodds;
  const double x = std::exp(-std::abs(l));
  const double belief = l >= 0 ? 1.0 / (1.0 + x) : sigmoid(l);
  const double y = perceived_logodds(belief, ip.deliberate_rate[ph], ip.accidental_rate[ph], m, ip.clarity,
                                     k_->evidence_scale[v], vp.bias, deliberate, s_.streams.perception.normal());
  const double q0 = sigmoid(y);
  // The ladder's logit of q0 clamped to [eps, 1 - eps] is y clamped to [logit(eps), logit(1 - eps)].
  const double ladder_logit_q0 = y < k_->logit_low ? k_->logit_low : (y > k_->logit_high ? k_->logit_high : y);
  // Jeffrey's increment J(l, q0), kept for the attribution, which takes it away again.
  const bool moves = q0 != 0.0 && m != 1.0;
  const double increment = moves ? jeffrey_increment_given(l, q0, m, x) : std::numeric_limits<double>::quiet_NaN();
  const double gain = k_->fear_gain[v], sensitivity = k_->sensitivity[v];
  victim.logodds = moves ? clamp_logodds(l + increment) : after_act(l, q0, m, x);  // = after_act(l, q0, m, x)
  victim.fear = fear_after_act(victim.fear, gain, sensitivity, severity, q0);

  // §5.3: attribution. Three draws whatever happens: established?, wrong?, delay (its log
  // taken only when the attribution will come).
  RandomStream& stream = s_.streams.attribution;
  const double u_clarified = stream.uniform();
  const double u_wrong = stream.uniform();
  const RandomStream::result_type wait_bits = stream();
  const bool clarified = u_clarified < ip.clarification;
  double qc = q0;
  if (clarified) {
    const bool answer = deliberate != (u_wrong < ip.attribution_error);
    qc = attributed_reading(answer, ip.attribution_error, k_->params.model.clarification_epsilon);
  }
  // The reading, written in its slot: l and q0 as read at the incident, qc if clarified.
  const int slot = reading_slot();
  s_.readings[static_cast<std::size_t>(slot)] = {s_.now, l, q0, qc, m, gain, sensitivity, severity, ladder_logit_q0, x,
                                                 increment, spec.victim, cause, clarified ? 2 : 1, false, false,
                                                 static_cast<std::int16_t>(type)};
  if (clarified) {
    PendingItem item;
    item.time = s_.now + ip.clarification_delay_days * RandomStream::exponential_of(wait_bits);
    item.kind = PendingKind::Attribution;
    item.side = spec.victim;
    item.reading = slot;
    s_.pending.push(item);  // before the decision's item: at equal times it comes first
    ++out_->attributions_scheduled;
  }
  // §5.4: the victim's decision, after its decision delay.
  schedule_decision(spec.victim, cause, ladder_logit_q0, log_severity, slot);
  update_intents();
  settle<true>(cause);
}

void Trajectory::on_attribution(const PendingItem& item) {
  IncidentReading& r = s_.readings[static_cast<std::size_t>(item.reading)];
  s_.crossing_stale |= 1u << r.victim;  // its fear and log-odds move here
  const auto v = static_cast<std::size_t>(r.victim);
  SideState& victim = s_.sides[v];
  // §5.3: the first reading is replaced by qc, as if qc had been read at the incident.
  victim.logodds =
      after_attribution(victim.logodds, r.logodds_at, r.q0, r.qc, r.multiplier, r.exp_minus_abs_at, r.increment_at);
  victim.fear = fear_after_attribution(victim.fear, r.gain, r.sensitivity, r.severity, r.q0, r.qc, s_.now - r.time,
                                       k_->params.sides[v].fear_half_life_days);
  r.attributed = true;
  ++out_->attributions_arrived;
  if (!r.decided) ++out_->attributions_arrived_before_decision;
  const int cause = r.cause;
  release_reading(item.reading);
  update_intents();
  settle<true>(cause);
}

void Trajectory::schedule_decision(int side, int cause, double logit_q, double log_severity, int reading) {
  // Two draws at creation: the ladder uniform (decisions) and the delay (delays).
  PendingItem item;
  item.uniform = s_.streams.decisions.uniform();
  const double mean_delay = k_->params.sides[static_cast<std::size_t>(side)].decision_delay_days;
  const RandomStream::result_type delay_bits = s_.streams.delays();
  item.time = s_.now + (mean_delay == 0.0 ? 0.0 : mean_delay * RandomStream::exponential_of(delay_bits));
  item.kind = PendingKind::Decision;
  item.side = side;
  item.cause = cause;
  item.logit_q = logit_q;
  item.severity = log_severity;
  item.reading = reading;
  s_.pending.push(item);
}

void Trajectory::on_decision(const PendingItem& item) {
  const auto v = static_cast<std::size_t>(item.side);
  update_intents();  // §3: effects (none), intent, then the decision, then the phase
  double logit_q = item.logit_q;
  if (item.reading >= 0) {  // an incident: qc if its attribution has arrived, else q0
    IncidentReading& r = s_.readings[static_cast<std::size_t>(item.reading)];
    logit_q = r.attributed ? k_->ladder_logit(r.qc) : r.ladder_logit_q0;
    r.decided = true;
    release_reading(item.reading);
  }
  const SideState& self = s_.sides[v];
  const LadderInput in{logit_q, item.severity, self.fear / k_->params.sides[v].flip_threshold, self.offensive(),
                       k_->restraint[v]};
  const int rung = climb(k_->params.response, in, item.uniform);
  if (periods_.active() && item.reading >= 0) [[unlikely]] {
    // The reading's slot may have been released above, but only a new incident reuses it
    // and only a war clears the readings: it still holds this incident's type and day.
    const IncidentReading& r = s_.readings[static_cast<std::size_t>(item.reading)];
    periods_.decided(*out_, static_cast<std::size_t>(r.type), r.time, rung);
  }
  ++out_->decisions[static_cast<std::size_t>(item.cause) * RUNG_COUNT + static_cast<std::size_t>(rung)];
  if (item.cause == scenario_.cause_index(BuiltinCause::Countermeasure) ||
      item.cause == scenario_.cause_index(BuiltinCause::Strike)) {
    ++out_->act_offspring_denominator;  // §9.5
    if (rung == COUNTERMEASURE || rung == LIMITED_STRIKE) ++out_->act_offspring_numerator;
  }
  // The act's own draws, taken whatever the rung (§12): a countermeasure delay and a
  // strike severity; each transformed only on its rung.
  const ResponseParams& rp = k_->params.response;
  const RandomStream::result_type wait_bits = s_.streams.delays();
  const RandomStream::result_type severity_bits = s_.streams.strikes();
  PendingItem act;
  act.side = 1 - item.side;  // the act lands on the other side
  if (rung == COUNTERMEASURE) {
    act.time = s_.now + rp.countermeasure_delay_days * RandomStream::exponential_of(wait_bits);
    act.kind = PendingKind::Countermeasure;
    s_.pending.push(act);
  } else if (rung == LIMITED_STRIKE) {
    act.time = s_.now;  // delay 0: after the items already queued at this instant
    act.kind = PendingKind::Strike;
    act.severity = rp.strike_severity_median * std::exp(rp.strike_severity_sigma * RandomStream::normal_of(severity_bits));
    s_.pending.push(act);
    note_clash(item.cause);
  } else if (rung == WAR_RUNG) {
    start_war(item.cause);
  }
  settle(item.cause);
}

void Trajectory::on_countermeasure(const PendingItem& item) {
  s_.crossing_stale |= 1u << item.side;  // its fear and log-odds move here
  // §9.3: its origin is known; the target reads it with q = countermeasure_hostility.
  const auto u = static_cast<std::size_t>(item.side);
  const ResponseParams& rp = k_->params.response;
  const double q = rp.countermeasure_hostility, s = rp.countermeasure_severity;
  s_.sides[u].logodds = after_act(s_.sides[u].logodds, q, rp.countermeasure_offensiveness);
  s_.sides[u].fear = fear_after_act(s_.sides[u].fear, k_->fear_gain[u], k_->sensitivity[u], s, q);
  ++out_->countermeasures;
  const int cause = scenario_.cause_index(BuiltinCause::Countermeasure);
  schedule_decision(item.side, cause, k_->logit_countermeasure, k_->log_countermeasure_severity, -1);
  update_intents();
  settle<true>(cause);
}

void Trajectory::on_strike(const PendingItem& item) {
  s_.crossing_stale |= 1u << item.side;  // its fear and log-odds move here
  // §9.3: a deliberate act of known origin, q = 1 - eps.
  const auto u = static_cast<std::size_t>(item.side);
  const ResponseParams& rp = k_->params.response;
  const double q = 1.0 - k_->params.model.clarification_epsilon;
  s_.sides[u].logodds = after_act(s_.sides[u].logodds, q, rp.strike_offensiveness);
  s_.sides[u].fear = fear_after_act(s_.sides[u].fear, k_->fear_gain[u], k_->sensitivity[u], item.severity, q);
  ++out_->strikes;
  const int cause = scenario_.cause_index(BuiltinCause::Strike);
  schedule_decision(item.side, cause, k_->logit_strike, std::log(item.severity), -1);
  update_intents();
  settle<true>(cause);
}

void Trajectory::on_signal(int signal) {
  s_.crossing_stale = BOTH_SIDES;  // fear or log-odds move here
  // §6, §7: a costly signal from the sender to the other side.
  const auto s = static_cast<std::size_t>(signal);
  const ReassuranceParams& rp = k_->params.reassurance[s];
  const auto receiver = static_cast<std::size_t>(1 - scenario_.signals[s].sender);
  SideState& side = s_.sides[receiver];
  side.logodds = after_reassurance(side.logodds, k_->params.sides[receiver].open_mindedness, rp.credibility);
  side.fear = fear_after_reassurance(side.fear, rp.fear_relief);
  ++out_->signals;
  update_intents();
  settle(scenario_.cause_index(BuiltinCause::Reassurance));
}

int Trajectory::reading_slot() {
  if (!s_.free_readings.empty()) {
    const int slot = s_.free_readings.back();
    s_.free_readings.pop_back();
    return slot;
  }
  s_.readings.emplace_back();
  return static_cast<int>(s_.readings.size()) - 1;
}

}  // namespace escalate

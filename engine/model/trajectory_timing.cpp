// The flow between evaluation points (docs/model.md §3, §6, §7) and the times of what comes
// next: Poisson arrivals (§4, §10), war hazards (§9.4) and threshold crossings (§3).
#include "escalate/model/belief.hpp"
#include "escalate/model/crossing.hpp"
#include "escalate/model/fear.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/trajectory.hpp"

#include <algorithm>
#include <limits>

namespace escalate {

namespace {
constexpr double NEVER = std::numeric_limits<double>::infinity();
constexpr double DAYS_PER_YEAR = 365.0;
}  // namespace

void Trajectory::advance(double time) {
  // Fear decays and log-odds drift with the rates of the phase of the last evaluation
  // point (constant since then); nothing moves at war.
  const double dt = time - now_;
  if (dt > 0 && !at_war_ && !nuclear_) {
    const auto ph = static_cast<std::size_t>(phase_);
    for (std::size_t i = 0; i < 2; ++i) {
      sides_[i].fear = fear_decayed(sides_[i].fear, params_.sides[i].fear_half_life_days, dt);
      sides_[i].logodds = drifted(sides_[i].logodds, derived_.drift[i][ph], dt);
    }
  }
  now_ = time;
}

double Trajectory::fill_rates(double time) {
  const std::size_t K = scenario_.incidents.size(), S = scenario_.signals.size();
  accidental_.assign(K, 0.0);
  deliberate_.assign(K, 0.0);
  signal_rate_.assign(S, 0.0);
  if (at_war_ || nuclear_) return 0.0;  // §4: incidents and reassurance are off at war
  const auto ph = static_cast<std::size_t>(phase_);
  const double m = params_.model.offensive_multiplier;
  double total = 0;
  for (std::size_t k = 0; k < K; ++k) {
    const IncidentParams& ip = params_.incidents[k];
    const bool offensive = sides_[static_cast<std::size_t>(scenario_.incidents[k].suspect)].offensive();
    accidental_[k] = ip.accidental_rate[ph];
    deliberate_[k] = ip.deliberate_rate[ph] * (offensive ? m : 1.0);
    total += accidental_[k] + deliberate_[k];
  }
  for (std::size_t s = 0; s < S; ++s) {
    const ReassuranceParams& rp = params_.reassurance[s];
    if (!(rp.start_day <= time && time < rp.end_day)) continue;
    // §10: an offensive sender rarely pays for the signal.
    const bool offensive = sides_[static_cast<std::size_t>(scenario_.signals[s].sender)].offensive();
    signal_rate_[s] = rp.rate_per_year / (offensive ? rp.credibility : 1.0);
    total += signal_rate_[s];
  }
  return total;
}

double Trajectory::next_window_edge(double time) const {
  // Edges of every window with start < end, whatever its rate, so that configs that
  // differ only in a rate redraw at the same instants (common random numbers).
  double next = NEVER;
  for (const ReassuranceParams& rp : params_.reassurance) {
    if (!(rp.start_day < rp.end_day)) continue;
    if (rp.start_day > time) next = std::min(next, rp.start_day);
    if (rp.end_day > time) next = std::min(next, rp.end_day);
  }
  return next;
}

void Trajectory::plan_arrival(double time) {
  // One uniform per (re)draw, whatever the rates: memoryless, so the next arrival after
  // `time` is Exp(total rate) away (§4).
  const double wait = arrivals_.standard_exponential();
  total_rate_ = fill_rates(time);
  arrival_time_ = total_rate_ > 0 ? time + wait * DAYS_PER_YEAR / total_rate_ : NEVER;
  edge_time_ = (at_war_ || nuclear_) ? NEVER : next_window_edge(time);
}

void Trajectory::plan_war_end(double time) {
  const double wait = war_.standard_exponential();  // one uniform per (re)draw
  const double total = derived_.hazards.total();
  war_end_time_ = total > 0 ? time + wait / total : NEVER;
}

void Trajectory::plan_crossing() {
  // §3: the next instant a falling quantity reaches a threshold that matters: fear below
  // revert_threshold (a side whose acquired intent may revert) or below fear_deep,
  // log-odds below logit(belief_deep) or logit(belief_activated).
  crossing_ = {NEVER, 0, true, 0.0};
  if (at_war_ || nuclear_) return;
  const ModelParams& m = params_.model;
  const double deep = logit(m.belief_deep), activated = logit(m.belief_activated);
  const auto ph = static_cast<std::size_t>(phase_);
  double best = NEVER;
  auto consider = [&](double delay, int side, bool fear, double threshold) {
    if (delay < best) {
      best = delay;
      crossing_ = {0.0, side, fear, threshold};
    }
  };
  for (int i = 0; i < 2; ++i) {
    const auto si = static_cast<std::size_t>(i);
    const SideState& s = sides_[si];
    const SideParams& p = params_.sides[si];
    if (!s.innate && s.acquired)
      consider(fear_crossing_delay(s.fear, p.revert_threshold, p.fear_half_life_days), i, true, p.revert_threshold);
    consider(fear_crossing_delay(s.fear, m.fear_deep, p.fear_half_life_days), i, true, m.fear_deep);
    consider(logodds_crossing_delay(s.logodds, deep, derived_.drift[si][ph]), i, false, deep);
    consider(logodds_crossing_delay(s.logodds, activated, derived_.drift[si][ph]), i, false, activated);
  }
  crossing_.time = now_ + best;
}

}  // namespace escalate

// The flow between evaluation points (docs/model.md §3, §6, §7) and the times of what comes
// next: Poisson arrivals by their budget (§4, §10), war hazards (§9.4) and threshold
// crossings (§3).
#include "escalate/model/belief.hpp"
#include "escalate/model/crossing.hpp"
#include "escalate/model/fear.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/never.hpp"
#include "escalate/model/trajectory.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace escalate {

namespace {
constexpr double DAYS_PER_YEAR = 365.0;
}  // namespace

void Trajectory::advance(double time) {
  // Fear decays and log-odds drift with the rates of the phase of the last evaluation
  // point (constant since then); nothing moves at war.
  const double dt = time - s_.now;
  if (dt > 0 && !s_.at_war && !s_.nuclear) {
    const auto ph = static_cast<std::size_t>(s_.phase);
    for (std::size_t i = 0; i < 2; ++i) {
      SideState& side = s_.sides[i];
      if (side.fear != 0.0) side.fear = fear_decayed(side.fear, k_->params.sides[i].fear_half_life_days, dt);
      side.logodds = drifted(side.logodds, k_->drift[i][ph], dt);
    }
  }
  s_.now = time;
}

double Trajectory::total_rate(double time) const {
  // §4: the total rate per year in force from `time` on; 0 at war (incidents and
  // reassurance are off).
  if (s_.at_war || s_.nuclear) return 0.0;
  const bool off0 = s_.sides[0].offensive(), off1 = s_.sides[1].offensive();
  double total = k_->incident_rate[static_cast<std::size_t>(s_.phase)][(off0 ? 1u : 0u) + (off1 ? 2u : 0u)];
  for (std::size_t s = 0; s < scenario_.signals.size(); ++s) {
    const ReassuranceParams& rp = k_->params.reassurance[s];
    if (!(rp.start_day <= time && time < rp.end_day)) continue;
    // §10: an offensive sender rarely pays for the signal.
    const bool offensive = s_.sides[static_cast<std::size_t>(scenario_.signals[s].sender)].offensive();
    total += rp.rate_per_year / (offensive ? rp.credibility : 1.0);
  }
  return total;
}

void Trajectory::replan_arrival(double time) {
  // §4: the budget is spent against the integrated total rate. When the rate changes at
  // `time`, what is left of the budget is spent at the new rate from there on; when it
  // does not, the arrival stays where it was. A rate of 0 (at war) keeps the budget.
  const double rate = total_rate(time);
  if (rate == s_.total_rate) return;
  s_.budget = std::max(0.0, s_.budget - s_.total_rate * (time - s_.budget_time) / DAYS_PER_YEAR);
  s_.budget_time = time;
  s_.total_rate = rate;
  s_.arrival_time = rate > 0 ? time + s_.budget * DAYS_PER_YEAR / rate : NEVER;
}

void Trajectory::on_window_edge() {
  // A reassurance window opens or closes: not an evaluation point, only the rates change.
  replan_arrival(s_.edge_time);
  s_.edge_time = next_window_edge(s_.edge_time);
}

double Trajectory::next_window_edge(double time) const {
  double next = NEVER;
  for (const ReassuranceParams& rp : k_->params.reassurance) {
    if (!(rp.start_day < rp.end_day)) continue;
    if (rp.start_day > time) next = std::min(next, rp.start_day);
    if (rp.end_day > time) next = std::min(next, rp.end_day);
  }
  return next;
}

void Trajectory::plan_war_end(double time) {
  const double wait = s_.streams.war.standard_exponential();  // one uniform per (re)draw
  const double total = k_->hazards.total();
  s_.war_end_time = total > 0 ? time + wait / total : NEVER;
}

template <bool Exact>
bool Trajectory::crossing_from(const std::array<SideState, 2>& sides, double now) {
  // §3: the next instant a falling quantity reaches a threshold that matters: fear below
  // revert_threshold (a side whose acquired intent may revert) or below fear_deep,
  // log-odds below logit(belief_deep) or logit(belief_activated). One log2 per side:
  // F(t) reaches c after half_life (log2 F - log2 c) days. With Exact = false,
  // log2_lower_bound stands in for log2: every fear delay, and so the instant, can only
  // come out earlier (rounding is monotone), never later. Returns whether a fear
  // threshold was involved (otherwise both give the same instant).
  s_.crossing = {NEVER, 0, true, 0.0};
  if (s_.at_war || s_.nuclear) return false;
  const ModelParams& m = k_->params.model;
  const auto ph = static_cast<std::size_t>(s_.phase);
  double best = NEVER;
  bool fear_involved = false;
  auto consider = [&](double delay, int side, bool fear, double threshold) {
    if (delay < best) {
      best = delay;
      s_.crossing = {0.0, side, fear, threshold};
    }
  };
  for (int i = 0; i < 2; ++i) {
    const auto si = static_cast<std::size_t>(i);
    const SideState& s = sides[si];
    const SideParams& p = k_->params.sides[si];
    const bool revert = !s.innate && s.acquired && p.revert_threshold > 0.0 && s.fear >= p.revert_threshold;
    const bool deep = m.fear_deep > 0.0 && s.fear >= m.fear_deep;
    if (revert || deep) {
      fear_involved = true;
      const double log2_fear = Exact ? std::log2(s.fear) : log2_lower_bound(s.fear);
      if (revert) consider(std::max(0.0, p.fear_half_life_days * (log2_fear - k_->log2_revert[si])), i, true,
                           p.revert_threshold);
      if (deep) consider(std::max(0.0, p.fear_half_life_days * (log2_fear - k_->log2_fear_deep)), i, true, m.fear_deep);
    }
    const double drift = k_->drift[si][ph];
    if (drift > 0.0) {
      if (s.logodds >= k_->deep_logodds && k_->deep_logodds > -LOGODDS_LIMIT)
        consider((s.logodds - k_->deep_logodds) / drift, i, false, k_->deep_logodds);
      if (s.logodds >= k_->activated_logodds && k_->activated_logodds > -LOGODDS_LIMIT)
        consider((s.logodds - k_->activated_logodds) / drift, i, false, k_->activated_logodds);
    }
  }
  s_.crossing.time = now + best;
  return fear_involved;
}

void Trajectory::plan_crossing() {
  // Planned from the state as of now; with a fear threshold involved, first a lower bound
  // of the instant (no log2), made exact by resolve_crossing when the loop needs it.
  s_.crossing_planned_at = s_.now;
  s_.crossing_sides = s_.sides;
  s_.crossing_exact = !crossing_from<false>(s_.sides, s_.now);
}

void Trajectory::resolve_crossing() {
  crossing_from<true>(s_.crossing_sides, s_.crossing_planned_at);
  s_.crossing_exact = true;
}

}  // namespace escalate

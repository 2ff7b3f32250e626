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
bool Trajectory::side_crossing(const SideState& s, int i, double& best, Crossing& at) const {
  // Side i's candidates, in a fixed order (revert, deep fear, deep belief, activated
  // belief), each replacing `best` only when strictly earlier: the delay and what crosses
  // go to `best` and `at`. Returns whether a fear threshold was involved.
  const ModelParams& m = k_->params.model;
  const auto si = static_cast<std::size_t>(i);
  const SideParams& p = k_->params.sides[si];
  auto consider = [&](double delay, bool fear, double threshold) {
    if (delay < best) {
      best = delay;
      at = {0.0, i, fear, threshold};
    }
  };
  const bool revert = !s.innate && s.acquired && p.revert_threshold > 0.0 && s.fear >= p.revert_threshold;
  const bool deep = m.fear_deep > 0.0 && s.fear >= m.fear_deep;
  if (revert || deep) {
    const double log2_fear = Exact ? std::log2(s.fear) : log2_lower_bound(s.fear);
    if (revert) consider(std::max(0.0, p.fear_half_life_days * (log2_fear - k_->log2_revert[si])), true, p.revert_threshold);
    if (deep) consider(std::max(0.0, p.fear_half_life_days * (log2_fear - k_->log2_fear_deep)), true, m.fear_deep);
  }
  const double drift = k_->drift[si][static_cast<std::size_t>(s_.phase)];
  if (drift > 0.0) {
    if (s.logodds >= k_->deep_logodds && k_->deep_logodds > -LOGODDS_LIMIT)
      consider((s.logodds - k_->deep_logodds) / drift, false, k_->deep_logodds);
    if (s.logodds >= k_->activated_logodds && k_->activated_logodds > -LOGODDS_LIMIT)
      consider((s.logodds - k_->activated_logodds) / drift, false, k_->activated_logodds);
  }
  return revert || deep;
}

template <bool Exact>
bool Trajectory::crossing_from(const std::array<SideState, 2>& sides, double now) {
  // §3: the next instant a falling quantity reaches a threshold that matters: fear below
  // revert_threshold (a side whose acquired intent may revert) or below fear_deep,
  // log-odds below logit(belief_deep) or logit(belief_activated). One log2 per side:
  // F(t) reaches c after half_life (log2 F - log2 c) days. With Exact = false,
  // log2_lower_bound stands in for log2: every fear delay, and so the instant, can only
  // come out earlier (rounding is monotone), never later. Side 0's candidates come first
  // and the first of equal delays wins. Returns whether a fear threshold was involved
  // (otherwise both give the same instant). Each side's instant is kept in side_bound.
  s_.crossing = {NEVER, 0, true, 0.0};
  if (s_.at_war || s_.nuclear) {
    s_.side_bound = {NEVER, NEVER};
    return false;
  }
  double best = NEVER;
  bool fear_involved = false;
  for (int i = 0; i < 2; ++i) {
    double side_best = NEVER;
    Crossing side_at{};
    fear_involved = side_crossing<Exact>(sides[static_cast<std::size_t>(i)], i, side_best, side_at) || fear_involved;
    s_.side_bound[static_cast<std::size_t>(i)] = now + side_best;
    if (side_best < best) {
      best = side_best;
      s_.crossing = side_at;
    }
  }
  s_.crossing.time = now + best;
  return fear_involved;
}

void Trajectory::plan_crossing(unsigned moved) {
  // Planned from the state as of now. With a fear threshold involved, or with one side's
  // bound kept from an earlier plan (the side not moved, less the margin of crossing.hpp),
  // first a lower bound of the instant (no log2), made exact by resolve_crossing, from
  // both sides and the day kept here, when the loop needs it.
  s_.crossing_planned_at = s_.now;
  s_.crossing_sides = s_.sides;
  const std::uint64_t step = out_->evaluations;
  const int kept = moved == 1u ? 1 : (moved == 2u ? 0 : -1);  // the side not moved, if one
  if (kept < 0 || step - s_.side_planned_at[static_cast<std::size_t>(kept)] > CROSSING_BOUND_STEPS ||
      s_.at_war || s_.nuclear) {
    s_.crossing_exact = !crossing_from<false>(s_.sides, s_.now);
    s_.side_planned_at = {step, step};
    return;
  }
  const int fresh = 1 - kept;
  const auto kf = static_cast<std::size_t>(fresh), kk = static_cast<std::size_t>(kept);
  double best = NEVER;
  Crossing at{};
  side_crossing<false>(s_.sides[kf], fresh, best, at);
  s_.side_bound[kf] = s_.now + best;
  s_.side_planned_at[kf] = step;
  const double drift = k_->drift[kk][static_cast<std::size_t>(s_.phase)];
  const double margin = CROSSING_MARGIN_DAYS + (drift > 0.0 ? CROSSING_MARGIN_LOGODDS / drift : 0.0);
  s_.crossing = {std::min(s_.side_bound[kf], s_.side_bound[kk] - margin), 0, true, 0.0};
  s_.crossing_exact = false;
}

void Trajectory::resolve_crossing() {
  const std::array<double, 2> bounds = s_.side_bound;  // the sides' own bounds stand
  crossing_from<true>(s_.crossing_sides, s_.crossing_planned_at);
  s_.side_bound = bounds;
  s_.crossing_exact = true;
}

}  // namespace escalate

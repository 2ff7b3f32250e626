#pragma once
// The numbers of one parameter draw with everything derived from them (docs/model.md §2-§10):
// computed once when a draw is prepared, or when an event `set`s a parameter, and read
// unchanged by every step of a trajectory. Nothing here depends on the state of a
// trajectory; what does (the rates in force, the budget of the next arrival) is in
// TrajectoryState.
#include "escalate/model/parameters.hpp"
#include "escalate/model/scenario.hpp"
#include "escalate/model/war.hpp"

#include <array>
#include <vector>

namespace escalate {

// An event or injection of a trajectory, for ordering by time, then name (§3).
struct DatedItem {
  double time;
  int rank;   // position in name order
  int index;  // event or injection index
};

struct DrawConstants {
  Parameters params;

  // Per side v.
  std::array<double, 2> sensitivity{};      // §7 sens_v
  std::array<double, 2> restraint{};        // §9.2 R_v
  std::array<double, 2> fear_gain{};        // §7 g_eff_v
  std::array<double, 2> log2_revert{};      // log2(revert_threshold_v) (-inf if <= 0)
  std::array<double, 2> evidence_scale{};   // §5.2 sqrt(1 + perception_noise_v^2)
  std::array<std::array<double, RATE_PHASE_COUNT>, 2> drift{};  // §6 calm drift per day, by phase

  double flip_logodds = 0;       // logit(belief_flip)
  double deep_logodds = 0;       // logit(belief_deep)
  double activated_logodds = 0;  // logit(belief_activated)
  double log2_fear_deep = 0;     // log2(fear_deep) (-inf if <= 0)
  // §9.1: the ladder's logit of a reading clamped to [eps, 1 - eps] lies in
  // [logit_low, logit_high]; those of a countermeasure's and a strike's reading, and ln s
  // of a countermeasure's severity and of each incident type's median severity.
  double logit_low = 0, logit_high = 0, logit_countermeasure = 0, logit_strike = 0;
  double log_countermeasure_severity = 0;
  std::vector<double> log_severity_median;
  WarHazards hazards;            // §9.4, per day

  // §4: the total incident rate per year in rate phase p when the offensive flags of the
  // sides are (o0, o1): incident_rate[p][o0 + 2 o1]. Reassurance signals come on top.
  std::array<std::array<double, 4>, RATE_PHASE_COUNT> incident_rate{};
  // The same per type: accidental + deliberate rate (times the offensive multiplier when
  // its suspect is offensive), at [(p * 4 + o0 + 2 o1) * K + k]: the arrival's walk.
  std::vector<double> type_rate;

  std::vector<DatedItem> injections;  // in time then name order; those after the horizon left out (§10)

  // Everything derived from `p` for `scenario` (which must describe the same entries).
  // logit(clamp(q, eps, 1 - eps)) as the ladder takes it (§5.5, §9.1).
  double ladder_logit(double q) const;

  static DrawConstants of(const Scenario& scenario, const Parameters& p);
  // Recomputes the derived quantities after `params` changed (an event's `set`).
  void derive(const Scenario& scenario);
};

}  // namespace escalate

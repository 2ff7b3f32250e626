#pragma once
// The escalation ladder (docs/model.md §9.1).
#include "escalate/model/logistic.hpp"
#include "escalate/model/parameters.hpp"

#include <array>

namespace escalate {

enum Rung : int { NONE = 0, PROTEST = 1, COUNTERMEASURE = 2, LIMITED_STRIKE = 3, WAR_RUNG = 4 };
inline constexpr int RUNG_COUNT = 5;
inline const char* rung_name(int rung) {
  static constexpr const char* names[RUNG_COUNT] = {"none", "protest", "countermeasure", "limited_strike", "war"};
  return names[rung];
}

// What a decision sees (the state at the decision).
struct LadderInput {
  double logit_q;     // logit of the reading clamped to [eps, 1 - eps] (§5.5)
  double log_severity;  // ln(s)
  double fear_ratio;  // F_v / flip_threshold_v
  bool offensive;     // offensive_v
  double restraint;   // R_v
};

// u_r = intercept[r] + weight_attribution[r] logit(q) + weight_severity[r] ln(s)
//       + weight_fear[r] F/flip + weight_offensive[r] [offensive] - weight_restraint[r] R.
// A weight of 0 contributes 0 whatever its input.
// (Inline, with climb: every decision takes them.)
inline double ladder_term(double weight, double value) { return weight == 0.0 ? 0.0 : weight * value; }
inline double step_utility(const ResponseParams& p, int step, const LadderInput& in) {
  const auto r = static_cast<std::size_t>(step);
  return p.intercept[r] + ladder_term(p.weight_attribution[r], in.logit_q) +
         ladder_term(p.weight_severity[r], in.log_severity) + ladder_term(p.weight_fear[r], in.fear_ratio) +
         ladder_term(p.weight_offensive[r], in.offensive ? 1.0 : 0.0) - ladder_term(p.weight_restraint[r], in.restraint);
}

// P(rung >= r) for r = 0..4: prod_{j<r} sigmoid(u_j); element 0 is 1.
std::array<double, RUNG_COUNT> rung_at_least(const ResponseParams& p, const LadderInput& in);

// The rung drawn from one uniform U in (0, 1): the highest r with U < P(rung >= r).
int draw_rung(const std::array<double, RUNG_COUNT>& at_least, double uniform);

// The same rung, computing P(rung >= r) only up to the rung taken (a sigmoid per step):
// draw_rung(rung_at_least(p, in), uniform) without the steps above the rung taken, since
// P(rung >= r) only falls with r, the first r + 1 with U >= P(rung >= r + 1) ends it.
inline int climb(const ResponseParams& p, const LadderInput& in, double uniform) {
  double at_least = 1.0;
  int rung = 0;
  while (rung + 1 < RUNG_COUNT) {
    at_least *= sigmoid(step_utility(p, rung, in));
    if (!(uniform < at_least)) break;
    ++rung;
  }
  return rung;
}

}  // namespace escalate

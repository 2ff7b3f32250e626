#include "escalate/model/ladder.hpp"

#include "escalate/model/logistic.hpp"

namespace escalate {

namespace {
// weight * value, with 0 * anything = 0 (a zero weight switches a term off even if its
// input is infinite).
double term(double weight, double value) { return weight == 0.0 ? 0.0 : weight * value; }
}  // namespace

double step_utility(const ResponseParams& p, int step, const LadderInput& in) {
  const auto r = static_cast<std::size_t>(step);
  return p.intercept[r] + term(p.weight_attribution[r], in.logit_q) + term(p.weight_severity[r], in.log_severity) +
         term(p.weight_fear[r], in.fear_ratio) + term(p.weight_offensive[r], in.offensive ? 1.0 : 0.0) -
         term(p.weight_restraint[r], in.restraint);
}

std::array<double, RUNG_COUNT> rung_at_least(const ResponseParams& p, const LadderInput& in) {
  std::array<double, RUNG_COUNT> at_least{};
  at_least[0] = 1.0;
  for (int r = 0; r < STEP_COUNT; ++r)
    at_least[static_cast<std::size_t>(r) + 1] = at_least[static_cast<std::size_t>(r)] * sigmoid(step_utility(p, r, in));
  return at_least;
}

int draw_rung(const std::array<double, RUNG_COUNT>& at_least, double uniform) {
  int rung = 0;
  while (rung + 1 < RUNG_COUNT && uniform < at_least[static_cast<std::size_t>(rung) + 1]) ++rung;
  return rung;
}

int climb(const ResponseParams& p, const LadderInput& in, double uniform) {
  // draw_rung(rung_at_least(p, in), uniform) without the steps above the rung taken:
  // P(rung >= r) only falls with r, so the first r + 1 with U >= P(rung >= r + 1) ends it.
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

// The ladder's probabilities and the rung from them (docs/model.md §9.1); step_utility and
// climb, which every decision takes, are inline in ladder.hpp.
#include "escalate/model/ladder.hpp"

namespace escalate {

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

}  // namespace escalate

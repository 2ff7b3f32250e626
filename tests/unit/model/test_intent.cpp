#include "escalate/model/intent.hpp"
#include "escalate/model/logistic.hpp"

#include <catch2/catch.hpp>

using namespace escalate;

namespace {
SideParams thresholds() {
  SideParams p{};
  p.flip_threshold = 2.0;
  p.revert_threshold = 1.0;
  return p;
}
}  // namespace

TEST_CASE("acquired intent flips on with fear and belief, off with fear (docs/model.md 8)", "[intent]") {
  const SideParams p = thresholds();
  const double flip = logit(0.8);
  SideState s;
  s.fear = 2.0;
  s.logodds = flip;  // exactly at both thresholds: on
  update_intent(s, p, flip);
  CHECK(s.acquired);
  s.fear = 1.5;  // between revert and flip: stays on (hysteresis)
  s.logodds = -5;
  update_intent(s, p, flip);
  CHECK(s.acquired);
  s.fear = 1.0;  // at revert: not below, stays on
  update_intent(s, p, flip);
  CHECK(s.acquired);
  s.fear = std::nextafter(1.0, 0.0);
  update_intent(s, p, flip);
  CHECK_FALSE(s.acquired);
  s.fear = 1.5;  // between: stays off
  s.logodds = 5;
  update_intent(s, p, flip);
  CHECK_FALSE(s.acquired);
  s.fear = 3.0;  // fear enough, belief not
  s.logodds = std::nextafter(flip, -30.0);
  update_intent(s, p, flip);
  CHECK_FALSE(s.acquired);
}

TEST_CASE("an innate-offensive side is left as it is", "[intent]") {
  const SideParams p = thresholds();
  SideState s;
  s.innate = true;
  s.acquired = true;
  s.fear = 0.0;
  update_intent(s, p, logit(0.8));
  CHECK(s.acquired);
  CHECK(s.offensive());
  s.acquired = false;
  s.fear = 5.0;
  s.logodds = 5.0;
  update_intent(s, p, logit(0.8));
  CHECK_FALSE(s.acquired);
  CHECK(s.offensive());
}

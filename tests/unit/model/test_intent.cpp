#include "escalate/model/intent.hpp"
#include "escalate/model/logistic.hpp"

#include <catch2/catch.hpp>

using namespace escalate;

TEST_CASE("Intent flips on and reverts with hysteresis (MODEL.md 8)", "[intent]") {
  SideParams p{};
  p.flip_threshold = 4.0;
  p.revert_threshold = 1.0;
  SideState s;
  s.logodds = logit(0.8);
  s.fear = 3.9;
  update_intent(s, p, 0.7);
  CHECK_FALSE(s.acquired);
  s.fear = 4.0;
  update_intent(s, p, 0.7);
  CHECK(s.acquired);
  s.fear = 2.0;  // between thresholds: stays malign
  update_intent(s, p, 0.7);
  CHECK(s.acquired);
  s.fear = 0.99;
  update_intent(s, p, 0.7);
  CHECK_FALSE(s.acquired);
  s.fear = 5.0;
  s.logodds = logit(0.6);  // fearful but not convinced: no flip
  update_intent(s, p, 0.7);
  CHECK_FALSE(s.acquired);
  s.innate = true;  // innate intent never reverts
  s.fear = 0;
  update_intent(s, p, 0.7);
  CHECK(s.offensive());
}

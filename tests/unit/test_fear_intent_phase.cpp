#include "escalate/fear.hpp"
#include "escalate/intent.hpp"
#include "escalate/logistic.hpp"
#include "escalate/phase.hpp"

#include <catch2/catch.hpp>

using namespace escalate;

TEST_CASE("The weaker side is more sensitive (MODEL.md 7)", "[fear]") {
  CHECK(fear_sensitivity(1232.0, 86.4, 0.25) == Approx(std::pow(1232.0 / 86.4, 0.25)));
  CHECK(fear_sensitivity(86.4, 1232.0, 0.25) < 1.0);
  CHECK(fear_sensitivity(5.0, 1.0, 0.0) == 1.0);
  CHECK(fear_after_act(1.0, 2.0, 1.5, 0.5, 0.4) == Approx(1.6));
}

TEST_CASE("Fear halves every half-life and is additive over intervals", "[fear]") {
  CHECK(fear_decay(8.0, 30.0, 30.0) == 4.0);
  CHECK(fear_decay(8.0, 30.0, 90.0) == 1.0);
  CHECK(fear_decay(fear_decay(8.0, 30.0, 10.0), 30.0, 20.0) == Approx(4.0).epsilon(1e-15));
  CHECK(fear_after_reassurance(0.3, 0.5) == 0.0);
  CHECK(fear_after_reassurance(1.3, 0.5) == Approx(0.8));
}

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

TEST_CASE("Phase rules in order (MODEL.md 3)", "[phase]") {
  ModelParams m{};
  m.belief_activated = 0.3;
  m.belief_deep = 0.5;
  m.fear_deep = 1.0;
  std::array<SideState, 2> s{};
  s[0].logodds = s[1].logodds = logit(0.1);
  CHECK(phase_of(s, false, m) == DORMANT);
  s[1].logodds = logit(0.35);
  CHECK(phase_of(s, false, m) == ACTIVATED);
  s[1].logodds = logit(0.6);
  s[0].fear = 2.0;  // the fearful side is not the believing one: not deep
  CHECK(phase_of(s, false, m) == ACTIVATED);
  s[1].fear = 1.0;
  CHECK(phase_of(s, false, m) == DEEP);
  s[0].acquired = true;
  CHECK(phase_of(s, false, m) == SPIRAL);
  CHECK(phase_of(s, true, m) == WAR);
}

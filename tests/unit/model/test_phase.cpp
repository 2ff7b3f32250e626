#include "escalate/model/logistic.hpp"
#include "escalate/model/phase.hpp"

#include <array>
#include <catch2/catch.hpp>

using namespace escalate;

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

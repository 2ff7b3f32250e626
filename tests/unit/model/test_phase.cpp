#include "escalate/model/logistic.hpp"
#include "escalate/model/phase.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace escalate;

namespace {
ModelParams thresholds() { return {3.0, 0.3, 0.6, 1.0, 0.8, 0.01, 0.0}; }
SideState side(double belief, double fear, bool acquired = false) {
  SideState s;
  s.logodds = logit(belief);
  s.fear = fear;
  s.acquired = acquired;
  return s;
}
}  // namespace

TEST_CASE("phase_of follows docs/model.md 3 top-down", "[phase]") {
  const ModelParams m = thresholds();
  CHECK(phase_of({side(0.1, 0), side(0.1, 0)}, false, false, m) == DORMANT);
  CHECK(phase_of({side(0.1, 0), side(0.35, 0)}, false, false, m) == ACTIVATED);
  CHECK(phase_of({side(0.65, 0.5), side(0.1, 0)}, false, false, m) == ACTIVATED);  // fear below fear_deep
  CHECK(phase_of({side(0.65, 1.5), side(0.1, 0)}, false, false, m) == DEEP);
  CHECK(phase_of({side(0.1, 0.0), side(0.1, 0, true)}, false, false, m) == SPIRAL);
  CHECK(phase_of({side(0.1, 0.0), side(0.1, 0)}, true, false, m) == WAR);
  CHECK(phase_of({side(0.1, 0.0), side(0.1, 0)}, true, true, m) == NUCLEAR);
}

TEST_CASE("belief thresholds are met exactly at their log-odds", "[phase]") {
  const ModelParams m = thresholds();
  SideState s;
  s.logodds = logit(0.3);
  CHECK(phase_of({s, side(0.1, 0)}, false, false, m) == ACTIVATED);
  s.logodds = std::nextafter(logit(0.3), -1.0);
  CHECK(phase_of({s, side(0.1, 0)}, false, false, m) == DORMANT);
  s.logodds = logit(0.6);
  s.fear = 1.0;
  CHECK(phase_of({s, side(0.1, 0)}, false, false, m) == DEEP);
}

TEST_CASE("phases are ordered and named", "[phase]") {
  CHECK(DORMANT < ACTIVATED);
  CHECK(ACTIVATED < DEEP);
  CHECK(DEEP < SPIRAL);
  CHECK(SPIRAL < WAR);
  CHECK(WAR < NUCLEAR);
  CHECK(std::string(phase_name(NUCLEAR)) == "nuclear");
  CHECK(std::string(phase_name(DORMANT)) == "dormant");
}

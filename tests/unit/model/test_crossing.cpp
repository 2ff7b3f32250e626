#include "escalate/model/crossing.hpp"
#include "escalate/model/logistic.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate;

namespace {
constexpr double NEVER = std::numeric_limits<double>::infinity();
}

// Tolerance 1e-12: one log2 or one division.
TEST_CASE("fear crossings: dt = half_life log2(F / c) (docs/model.md 3)", "[crossing]") {
  CHECK(fear_crossing_delay(8.0, 2.0, 10.0) == Approx(20.0).margin(1e-12));
  CHECK(fear_crossing_delay(2.0, 1.0, 95.0) == 95.0);
  CHECK(fear_crossing_delay(1.0, 1.0, 95.0) == 0.0);  // at the threshold: below at once
  CHECK(fear_crossing_delay(0.5, 1.0, 95.0) == NEVER);  // already below
  CHECK(fear_crossing_delay(3.0, 0.0, 95.0) == NEVER);  // fear never falls below 0
  CHECK(fear_crossing_delay(3.0, -1.0, 95.0) == NEVER);
}

TEST_CASE("log-odds crossings: dt = (l - L) / k (docs/model.md 3)", "[crossing]") {
  CHECK(logodds_crossing_delay(2.0, 1.0, 0.5) == Approx(2.0).margin(1e-12));
  CHECK(logodds_crossing_delay(2.0, 1.0, 0.0) == NEVER);   // no drift
  CHECK(logodds_crossing_delay(0.5, 1.0, 0.5) == NEVER);   // already below
  CHECK(logodds_crossing_delay(2.0, -20.0, 0.5) == NEVER);  // the clamp stops at -20
  CHECK(logodds_crossing_delay(2.0, logit(0.0), 0.5) == NEVER);
  CHECK(logodds_crossing_delay(1.0, 1.0, 0.5) == 0.0);
}

TEST_CASE("at a crossing the value is just below its threshold", "[crossing]") {
  CHECK(just_below(1.0000000001, 1.0) == std::nextafter(1.0, 0.0));
  CHECK(just_below(0.5, 1.0) == 0.5);
  CHECK(just_below(-2.0, -1.0) == -2.0);
  CHECK(just_below(-1.0, -1.0) < -1.0);
}

#include "escalate/model/fear.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

// Tolerance 1e-12: a pow/exp/exp2 call and a few products on numbers of order 1.
TEST_CASE("the weaker side feels more (docs/model.md 7)", "[fear]") {
  CHECK(fear_sensitivity(2.0, 1.0, 0.5) == Approx(std::sqrt(2.0)).margin(1e-12));
  CHECK(fear_sensitivity(1.0, 4.0, 0.5) == Approx(0.5).margin(1e-12));
  CHECK(fear_sensitivity(3.0, 1.0, 0.0) == 1.0);
}

TEST_CASE("restraint damps fear (docs/model.md 7)", "[fear]") {
  CHECK(effective_fear_gain(2.0, 0.5, 2.0) == Approx(2.0 * std::exp(-1.0)).margin(1e-12));
  CHECK(effective_fear_gain(2.0, 0.0, 7.0) == 2.0);
}

TEST_CASE("fear after acts, attributions, decay and reassurance", "[fear]") {
  // 1 + g sens s q = 1 + 2 * 1.5 * 3 * 0.5.
  CHECK(fear_after_act(1.0, 2.0, 1.5, 3.0, 0.5) == Approx(5.5).margin(1e-12));
  // One half-life after the incident: 5 + 2 * 1 * 3 * (0.1 - 0.8) * 1/2 = 2.9.
  CHECK(fear_after_attribution(5.0, 2.0, 1.0, 3.0, 0.8, 0.1, 10.0, 10.0) == Approx(2.9).margin(1e-12));
  CHECK(fear_after_attribution(1.0, 2.0, 1.0, 3.0, 0.8, 0.1, 10.0, 10.0) == 0.0);  // max(0, ...)
  CHECK(fear_after_attribution(1.0, 2.0, 1.0, 3.0, 0.1, 0.8, 0.0, 10.0) == Approx(5.2).margin(1e-12));
  CHECK(fear_decayed(8.0, 10.0, 20.0) == Approx(2.0).margin(1e-12));
  CHECK(fear_decayed(8.0, 10.0, 0.0) == 8.0);
  CHECK(fear_after_reassurance(3.0, 1.0) == 2.0);
  CHECK(fear_after_reassurance(0.5, 1.0) == 0.0);
}

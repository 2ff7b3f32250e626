#include "escalate/model/fear.hpp"

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

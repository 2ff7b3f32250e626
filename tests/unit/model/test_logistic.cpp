#include "escalate/model/logistic.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate;

// Tolerances: these are one or two libm calls, correct to a few ulps; 1e-15 absolute on
// values of order 1 leaves room for that and nothing else.
TEST_CASE("sigmoid and logit are inverse and hit the hand values", "[logistic]") {
  CHECK(sigmoid(0.0) == 0.5);
  CHECK(sigmoid(std::log(3.0)) == Approx(0.75).margin(1e-15));
  CHECK(logit(0.75) == Approx(std::log(3.0)).margin(1e-15));
  CHECK(logit(0.5) == 0.0);
  CHECK(sigmoid(-1e9) == 0.0);
  CHECK(sigmoid(1e9) == 1.0);
  CHECK(logit(0.0) == -std::numeric_limits<double>::infinity());
  CHECK(logit(1.0) == std::numeric_limits<double>::infinity());
  for (double l : {-19.5, -3.0, -0.1, 0.7, 12.0}) CHECK(logit(sigmoid(l)) == Approx(l).margin(1e-7));
}

TEST_CASE("log-odds clamp to [-20, 20], readings to [eps, 1 - eps]", "[logistic]") {
  CHECK(clamp_logodds(25.0) == 20.0);
  CHECK(clamp_logodds(-20.5) == -20.0);
  CHECK(clamp_logodds(3.0) == 3.0);
  CHECK(clamp_logodds(-std::numeric_limits<double>::infinity()) == -20.0);
  CHECK(clamp_logodds(std::numeric_limits<double>::infinity()) == 20.0);
  CHECK(clamp_reading(0.0, 0.01) == 0.01);
  CHECK(clamp_reading(1.0, 0.01) == 0.99);
  CHECK(clamp_reading(0.3, 0.01) == 0.3);
}

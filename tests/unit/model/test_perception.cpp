#include "escalate/model/logistic.hpp"
#include "escalate/model/perception.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

namespace {
PerceptionInput base_input() {
  return {0.4, 2.0, 3.0, 3.0, 1.5, 0.0, 0.0, 0.0, 0.01, true};
}
}  // namespace

TEST_CASE("Prior of a deliberate act follows the victim's belief (MODEL.md 5.1)", "[perception]") {
  // b = 0.4, D = 2, A = 3, m = 3: w = 2 (1.2 + 0.6) = 3.6, pi = 3.6 / 6.6.
  CHECK(deliberate_prior(0.4, 2, 3, 3) == Approx(3.6 / 6.6).epsilon(1e-14));
  CHECK(deliberate_prior(0.9, 0, 0, 3) == 0.5);  // w + A = 0
  CHECK(deliberate_prior(0.5, 0, 1, 3) == 0.0);
  CHECK(deliberate_prior(0.5, 1, 0, 3) == 1.0);
  // Monotone in belief when m > 1.
  CHECK(deliberate_prior(0.8, 2, 3, 3) > deliberate_prior(0.2, 2, 3, 3));
}

TEST_CASE("Evidence moves the prior by d x plus bias (MODEL.md 5.2)", "[perception]") {
  PerceptionInput in = base_input();
  double pi = 3.6 / 6.6;
  // deliberate, z = 0.3, noise 0: x = 0.75 + 0.3 = 1.05; q = sigmoid(logit(pi) + 1.5 * 1.05).
  CHECK(perceive(in, 0.3, 0.99) == Approx(sigmoid(logit(pi) + 1.5 * 1.05)).epsilon(1e-13));
  in.deliberate = false;
  in.noise = 2.0;
  in.bias = 0.7;
  // accidental, noise 2: x = -0.75 + sqrt(5) * 0.3
  CHECK(perceive(in, 0.3, 0.99) == Approx(sigmoid(logit(pi) + 1.5 * (-0.75 + std::sqrt(5.0) * 0.3) + 0.7)).epsilon(1e-13));
}

TEST_CASE("A prior of 0 or 1 is not moved by evidence, only by clarification", "[perception]") {
  PerceptionInput in = base_input();
  in.accidental_rate = 0;  // pi = 1
  in.bias = -50;
  CHECK(perceive(in, 2.0, 0.99) == 1.0);
  in.deliberate = false;
  in.clarification = 1.0;
  CHECK(perceive(in, 2.0, 0.5) == 0.01);
}

TEST_CASE("Clarification establishes the truth up to epsilon (MODEL.md 5.3)", "[perception]") {
  PerceptionInput in = base_input();
  in.clarification = 0.3;
  in.deliberate = false;
  in.bias = 10;  // a paranoid reading ...
  CHECK(perceive(in, 0.0, 0.1) == 0.01);            // ... corrected when clarified (u < 0.3)
  CHECK(perceive(in, 0.0, 0.5) > 0.99);              // ... and not when not
  in.deliberate = true;
  CHECK(perceive(in, 0.0, 0.1) == Approx(0.99));
}

TEST_CASE("Clarity 0 with bias -1000 dismisses everything (the MODEL.md 14 calm case)", "[perception]") {
  PerceptionInput in = base_input();
  in.clarity = 0;
  in.bias = -1000;
  CHECK(perceive(in, 3.0, 0.9) == 0.0);
}

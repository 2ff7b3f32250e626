#include "escalate/model/logistic.hpp"
#include "escalate/model/perception.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

// Tolerance 1e-12: a handful of exp/log calls on values of order 1.
TEST_CASE("the prior that an incident is deliberate (docs/model.md 5.1)", "[perception]") {
  // b = 0.5, D = 2, A = 1, m = 3: w = 2 (1.5 + 0.5) = 4, pi = 4 / 5.
  CHECK(deliberate_prior(0.5, 2.0, 1.0, 3.0) == Approx(0.8).margin(1e-12));
  // b = 0: w = D.
  CHECK(deliberate_prior(0.0, 1.0, 3.0, 5.0) == Approx(0.25).margin(1e-12));
  CHECK(deliberate_prior(0.7, 0.0, 0.0, 3.0) == 0.5);  // w + A = 0
  CHECK(deliberate_prior(0.7, 0.0, 2.0, 3.0) == 0.0);  // never deliberate
  CHECK(deliberate_prior(0.7, 2.0, 0.0, 3.0) == 1.0);  // never accidental
}

TEST_CASE("the first reading (docs/model.md 5.2)", "[perception]") {
  // pi = 1/2, d = 2, no noise, deliberate, z = 0: x = +1, q0 = sigmoid(0 + 2 * 1) = 0.880797...
  CHECK(first_reading(0.5, 2.0, 0.0, 0.0, true, 0.0) == Approx(0.8807970779778823).margin(1e-12));
  // Accidental: x = -1, q0 = sigmoid(-2).
  CHECK(first_reading(0.5, 2.0, 0.0, 0.0, false, 0.0) == Approx(1 - 0.8807970779778823).margin(1e-12));
  // noise 1, z = 1: x = 1 + sqrt(2), q0 = sigmoid(2 (1 + sqrt 2)) = 0.992064...
  CHECK(first_reading(0.5, 2.0, 1.0, 0.0, true, 1.0) == Approx(0.9920643847719655).margin(1e-12));
  // Bias adds to the log-odds: pi = 0.2, clarity 0, bias ln 4: logit = ln(1/4) + ln 4 = 0.
  CHECK(first_reading(0.2, 0.0, 0.0, std::log(4.0), true, 3.0) == Approx(0.5).margin(1e-12));
  // A bias of -1000 reads everything as accidental (docs/model.md 14 calm check).
  CHECK(first_reading(0.5, 0.0, 0.0, -1000.0, true, 0.0) == 0.0);
  // pi of 0 or 1: no evidence moves it, nor does the bias.
  CHECK(first_reading(0.0, 5.0, 0.0, 10.0, true, 2.0) == 0.0);
  CHECK(first_reading(1.0, 5.0, 0.0, -10.0, false, -2.0) == 1.0);
}

TEST_CASE("the reading of an established attribution (docs/model.md 5.3)", "[perception]") {
  CHECK(attributed_reading(true, 0.0, 0.01) == 0.99);
  CHECK(attributed_reading(false, 0.0, 0.01) == 0.01);
  CHECK(attributed_reading(true, 0.2, 0.01) == 0.8);
  CHECK(attributed_reading(false, 0.2, 0.01) == 0.2);
}

TEST_CASE("perceived_reading is first_reading of deliberate_prior", "[perception]") {
  for (double b : {0.01, 0.3, 0.9})
    for (double D : {0.0, 0.7, 4.0})
      for (double A : {0.0, 1.5})
        for (bool deliberate : {false, true})
          for (double z : {-2.0, 0.1, 1.3}) {
            const double noise = 0.6, d = 1.2, bias = 0.4, m = 3.0;
            const double expected = first_reading(deliberate_prior(b, D, A, m), d, noise, bias, deliberate, z);
            INFO("b " << b << " D " << D << " A " << A << " deliberate " << deliberate << " z " << z);
            CHECK(perceived_reading(b, D, A, m, d, std::sqrt(1 + noise * noise), bias, deliberate, z) ==
                  Approx(expected).margin(1e-14));
          }
}

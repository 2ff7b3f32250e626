#include "escalate/model/belief.hpp"
#include "escalate/model/logistic.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

TEST_CASE("Jeffrey's rule mixes the Bayes update and the prior by q (MODEL.md 6)", "[belief]") {
  // b = 0.2, m = 3: Bayes gives 0.6 / (0.6 + 0.8) = 3/7; q = 0.5 gives (3/7 + 0.2) / 2.
  double l = logit(0.2);
  CHECK(sigmoid(jeffrey_update(l, 1.0, 3.0)) == Approx(3.0 / 7.0).epsilon(1e-13));
  CHECK(sigmoid(jeffrey_update(l, 0.5, 3.0)) == Approx(0.5 * (3.0 / 7.0 + 0.2)).epsilon(1e-13));
  CHECK(jeffrey_update(l, 0.0, 3.0) == Approx(l).epsilon(1e-13));  // dismissed: no change
  CHECK(jeffrey_update(l, 1.0, 1.0) == Approx(l).epsilon(1e-13));  // uninformative act
}

TEST_CASE("Beliefs are clamped to [-20, 20]", "[belief]") {
  CHECK(jeffrey_update(19.9, 1.0, 1e6) == 20.0);
  CHECK(calm_drift(-19.9, 1.0, 3.0, 100.0, 365.0) == -20.0);
  CHECK(reassurance_update(-19.99, 1.0, 10.0) == -20.0);
}

TEST_CASE("Calm drift is linear in time and additive over intervals", "[belief]") {
  // open_mindedness 0.5, m = 3, D = 2/yr, 73 days: 0.5 * 2 * 2 * 0.2 = 0.4.
  CHECK(calm_drift(1.0, 0.5, 3.0, 2.0, 73.0) == Approx(0.6).epsilon(1e-14));
  double split = calm_drift(calm_drift(1.0, 0.5, 3.0, 2.0, 30.0), 0.5, 3.0, 2.0, 43.0);
  CHECK(split == Approx(0.6).epsilon(1e-14));
  CHECK(calm_drift(1.0, 0.0, 3.0, 2.0, 73.0) == 1.0);  // Hobbesian: silence proves nothing
}

TEST_CASE("A reassurance signal lowers log-odds by open_mindedness ln(credibility)", "[belief]") {
  CHECK(reassurance_update(1.0, 0.5, 4.0) == Approx(1.0 - 0.5 * std::log(4.0)).epsilon(1e-14));
}

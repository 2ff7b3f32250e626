#include "escalate/model/belief.hpp"
#include "escalate/model/logistic.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate;

// Tolerance 1e-12: each value is a few exp/log calls on numbers of order 1.
TEST_CASE("Jeffrey's rule in log-odds (docs/model.md 6)", "[belief]") {
  // b = 1/2, m = 3, q = 1: b' = 0.5 * 3 / 2 = 0.75, J = ln 3.
  CHECK(jeffrey_increment(0.0, 1.0, 3.0) == Approx(std::log(3.0)).margin(1e-12));
  // q = 1/2: b' = 0.5 * 0.75 + 0.5 * 0.5 = 0.625, J = ln(5/3).
  CHECK(jeffrey_increment(0.0, 0.5, 3.0) == Approx(std::log(5.0 / 3.0)).margin(1e-12));
  // b = 0.2, m = 2, q = 0.4: b m / (b m + 1 - b) = 0.4 / 1.2 = 1/3; b' = 0.4/3 + 0.6 * 0.2 = 0.25333...
  const double b_new = 0.4 / 3.0 + 0.12;
  CHECK(jeffrey_increment(logit(0.2), 0.4, 2.0) == Approx(logit(b_new) - logit(0.2)).margin(1e-12));
  // Nothing is learnt from q = 0 or m = 1: exactly 0.
  CHECK(jeffrey_increment(1.3, 0.0, 3.0) == 0.0);
  CHECK(jeffrey_increment(1.3, 0.7, 1.0) == 0.0);
  // m < 1 (a countermeasure read as a sign of a benign type) lowers the belief.
  CHECK(jeffrey_increment(0.0, 1.0, 0.5) == Approx(std::log(0.5)).margin(1e-12));
}

TEST_CASE("log-odds stay finite and clamped near certainty", "[belief]") {
  CHECK(std::isfinite(jeffrey_increment(20.0, 1.0, 1e6)));
  CHECK(after_act(20.0, 1.0, 1e6) == 20.0);
  CHECK(after_act(19.0, 1.0, 1e6) == 20.0);
  CHECK(after_act(-5.0, 1.0, 0.0) == -20.0);  // m = 0, q = 1: b' = 0
}

TEST_CASE("an attribution replaces the first reading (docs/model.md 5.3)", "[belief]") {
  // Read at l = 0 with q0 = 1 and m = 3 (+ ln 3), then 0.1 more from elsewhere; qc = 0
  // takes the ln 3 back: 0.1 remains.
  CHECK(after_attribution(std::log(3.0) + 0.1, 0.0, 1.0, 0.0, 3.0) == Approx(0.1).margin(1e-12));
  // Replacing q0 by itself changes nothing.
  CHECK(after_attribution(0.37, -1.0, 0.6, 0.6, 3.0) == 0.37);
}

TEST_CASE("calm drift and reassurance (docs/model.md 6)", "[belief]") {
  const double k = calm_drift_per_day(0.4, 3.0, 1.0);
  CHECK(k == Approx(0.8 / 365.0).margin(1e-15));
  CHECK(drifted(2.0, k, 365.0) == Approx(1.2).margin(1e-12));
  CHECK(drifted(-19.9, 1.0, 1.0) == -20.0);
  CHECK(calm_drift_per_day(0.4, 1.0, 5.0) == 0.0);  // m = 1: silence says nothing
  CHECK(after_reassurance(1.0, 0.5, std::exp(2.0)) == Approx(0.0).margin(1e-12));
}

TEST_CASE("Jeffrey's increment in its one-exp form matches the rule in long double", "[belief]") {
  // b' = q b m / (b m + 1 - b) + (1 - q) b computed in long double, then logit(b') - l.
  auto reference = [](long double l, long double q, long double m) {
    const long double b = 1.0L / (1.0L + std::exp(-l)), nb = 1.0L / (1.0L + std::exp(l));
    const long double up = q * b * m / (b * m + nb) + (1 - q) * b, down = q * nb / (b * m + nb) + (1 - q) * nb;
    return static_cast<double>(std::log(up) - std::log(down) - l);
  };
  for (double l : {-20.0, -7.5, -1.0, -1e-9, 0.0, 0.3, 4.0, 19.99, 20.0})
    for (double q : {1e-6, 0.01, 0.37, 0.5, 0.99, 1.0})
      for (double m : {0.0, 0.5, 1.5, 3.0, 40.0}) {
        if (m == 0.0 && q == 1.0) continue;  // -inf, checked above
        INFO("l = " << l << ", q = " << q << ", m = " << m);
        CHECK(jeffrey_increment(l, q, m) == Approx(reference(l, q, m)).margin(1e-13));
      }
  // Beyond the clamp it stays finite, with the limits of the rule: -ln(q / m + 1 - q) as
  // b -> 1 and ln(q m + 1 - q) as b -> 0.
  CHECK(jeffrey_increment(800.0, 0.5, 3.0) == Approx(std::log(1.5)).margin(1e-15));
  CHECK(jeffrey_increment(-800.0, 0.5, 3.0) == Approx(std::log(2.0)).margin(1e-15));
}

TEST_CASE("an attribution's correction is the difference of two increments at the incident", "[belief]") {
  for (double l_at : {-12.0, -0.4, 0.0, 2.5, 18.0})
    for (double q0 : {0.02, 0.6, 0.97})
      for (double qc : {0.01, 0.99}) {
        const double expected = 0.3 + jeffrey_increment(l_at, qc, 2.5) - jeffrey_increment(l_at, q0, 2.5);
        CHECK(after_attribution(0.3, l_at, q0, qc, 2.5) == Approx(expected).margin(1e-14));
      }
}

TEST_CASE("after_act and after_attribution given e^-|l| are bit-identical to the plain forms", "[belief]") {
  // The incident's victim passes the e^-l of its belief sigmoid (l >= 0) to save an exp;
  // the datasets stay the same only if every bit does.
  const double ls[] = {-0.0, 0.0, 1e-300, 0.3, 1.0, 2.5, 7.0, 19.999, 20.0, -0.3, -4.0, -20.0};
  const double qs[] = {0.0, 1e-9, 0.01, 0.37, 0.5, 0.9, 1.0};
  const double ms[] = {0.0, 0.5, 1.0, 1.5, 3.0, 40.0};
  for (double l : ls)
    for (double q : qs)
      for (double m : ms) {
        const double given = after_act(l, q, m, std::exp(-std::abs(l)));
        const double plain = after_act(l, q, m);
        CHECK(std::signbit(given) == std::signbit(plain));
        CHECK((given == plain || (std::isnan(given) && std::isnan(plain))));
        // The attribution's form, from a log-odds of 1.25 now and l at the incident.
        const double attributed = after_attribution(1.25, l, q, 0.8, m, std::exp(-std::abs(l)));
        const double attributed_plain = after_attribution(1.25, l, q, 0.8, m);
        CHECK((attributed == attributed_plain || (std::isnan(attributed) && std::isnan(attributed_plain))));
      }
}

TEST_CASE("an attribution given the incident's increment J(l, q0) is bit-identical to the plain form", "[belief]") {
  // The incident keeps the increment it added (NaN when it added none: q0 = 0 or m = 1),
  // and the attribution takes it away instead of computing it again.
  const double ls[] = {-0.0, 0.0, 1e-300, 0.3, 1.0, 2.5, 7.0, 19.999, 20.0, -0.3, -4.0, -20.0};
  const double qs[] = {0.0, 1e-9, 0.01, 0.37, 0.5, 0.9, 1.0};
  const double ms[] = {0.0, 0.5, 1.0, 1.5, 3.0, 40.0};
  const double qcs[] = {1e-6, 0.37, 0.8, 1.0 - 1e-6};
  for (double l : ls)
    for (double q0 : qs)
      for (double m : ms) {
        const double x = std::exp(-std::abs(l));
        const bool moves = q0 != 0.0 && m != 1.0;
        const double increment = moves ? jeffrey_increment_given(l, q0, m, x) : std::numeric_limits<double>::quiet_NaN();
        if (moves) {  // the incident adds it: after_act's number
          const double act = clamp_logodds(l + increment);
          const double plain = after_act(l, q0, m);
          CHECK(std::signbit(act) == std::signbit(plain));
          CHECK((act == plain || (std::isnan(act) && std::isnan(plain))));
        }
        for (double qc : qcs) {
          const double given = after_attribution(1.25, l, q0, qc, m, x, increment);
          const double plain = after_attribution(1.25, l, q0, qc, m);
          CHECK(std::signbit(given) == std::signbit(plain));
          CHECK((given == plain || (std::isnan(given) && std::isnan(plain))));
        }
      }
}

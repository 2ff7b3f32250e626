#include "escalate/model/crossing.hpp"
#include "escalate/model/belief.hpp"
#include "escalate/model/fear.hpp"
#include "escalate/model/logistic.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
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

TEST_CASE("log2_lower_bound is never above log2 and at most 6e-4 below it", "[crossing]") {
  // The trajectory takes a crossing's lower bound from it and the exact instant only when
  // that bound is not after everything else due: a bound above log2 would skip a crossing.
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto check = [](double x) {
    const double exact = std::log2(x), bound = log2_lower_bound(x);
    CHECK(bound <= exact);
    CHECK(exact - bound < 6e-4);
  };
  for (int i = 0; i < 200000; ++i) {  // log-uniform over [2^-600, 2^600]
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(state >> 11) * 0x1.0p-53;
    check(std::exp2(-600.0 + 1200.0 * u));
  }
  for (int e = -60; e <= 60; ++e) {  // powers of two, and the doubles either side of them
    const double x = std::ldexp(1.0, e);
    check(x);
    check(std::nextafter(x, 0.0));
    check(std::nextafter(x, NEVER));
  }
  CHECK(log2_lower_bound(0.0) == -NEVER);  // no libm-free answer: log2 itself
  CHECK(log2_lower_bound(NEVER) == NEVER);
  CHECK(std::isnan(log2_lower_bound(-1.0)));
}

TEST_CASE("a side's crossing bound kept through 100000 steps of the flow stays below its exact instant", "[crossing]") {
  // trajectory_timing.cpp keeps the bound of a side that did not move, computed up to
  // CROSSING_BOUND_STEPS evaluation points earlier, less the margin: if it came out after
  // the exact instant planned now, a crossing could be skipped. The flow here is the
  // trajectory's own (fear_decayed, drifted, days as differences of event times), with
  // steps of random length that stop short of both crossings.
  std::uint64_t state = 0x2545f4914f6cdd1dULL;
  auto uniform = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (static_cast<double>(state >> 11) + 0.5) * 0x1.0p-53;
  };
  const double drifts[] = {1e-7, 1e-4, 3e-2};
  const double half_lives[] = {7.0, 95.0, 700.0};
  for (double k : drifts)
    for (double h : half_lives) {
      const double l0 = 19.5, threshold_l = -2.0, f0 = 37.0, threshold_f = 1.5, start = 730.25;
      const double l_bound = start + logodds_crossing_delay(l0, threshold_l, k);
      const double f_bound = start + std::max(0.0, h * (log2_lower_bound(f0) - std::log2(threshold_f)));
      // Stop at 90% of the earlier exact crossing, in CROSSING_BOUND_STEPS steps.
      const double span = 0.9 * std::min((l0 - threshold_l) / k, h * std::log2(f0 / threshold_f));
      double now = start, l = l0, f = f0;
      for (std::uint64_t step = 0; step < CROSSING_BOUND_STEPS; ++step) {
        const double time = now + 2.0 * uniform() * span / static_cast<double>(CROSSING_BOUND_STEPS);
        const double dt = time - now;
        f = fear_decayed(f, h, dt);
        l = drifted(l, k, dt);
        now = time;
      }
      const double margin = CROSSING_MARGIN_DAYS + CROSSING_MARGIN_LOGODDS / k;
      CHECK(l_bound - margin <= now + logodds_crossing_delay(l, threshold_l, k));
      CHECK(f_bound - margin <= now + h * (std::log2(f) - std::log2(threshold_f)));
      // The kept bound is close: a loose one would only cost exact plans, but shows a slip.
      CHECK(now + logodds_crossing_delay(l, threshold_l, k) - l_bound < 1e-6 + 1e-8 / k);
    }
}

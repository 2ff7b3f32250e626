#pragma once
// Exact threshold-crossing times between evaluation points (docs/model.md §3).
//
// Between evaluation points fear decays by its half-life and log-odds drift down at a
// constant rate, so the instant a falling quantity reaches a threshold is known in
// closed form. Each function returns the delay (days, >= 0) until the quantity falls
// below `threshold`, or +inf if it never does (it is already below, it does not fall,
// or the threshold is out of its reach). A quantity exactly at its threshold crosses
// at once (delay 0): it is below it for every later instant.
#include <bit>
#include <cmath>
#include <cstdint>

namespace escalate {

// F(t) = F 2^(-t / half_life) reaches c > 0 at t = half_life log2(F / c).
double fear_crossing_delay(double fear, double threshold, double half_life_days);

// l(t) = max(-20, l - k t) reaches L at t = (l - L) / k (k > 0, L > -20; a clamped
// log-odds never gets below -20).
double logodds_crossing_delay(double logodds, double threshold_logodds, double drift_per_day);

// The value a quantity takes at its crossing instant: the largest double below the
// threshold (and no more than the value reached), so that comparisons `x >= threshold`
// at the crossing read it as already below (§8).
double just_below(double value, double threshold);

// A side's bound of its next crossing may stand while only the other side moves
// (trajectory_timing.cpp), for at most CROSSING_BOUND_STEPS evaluation points and less a
// margin of CROSSING_MARGIN_DAYS + CROSSING_MARGIN_LOGODDS / drift days: the flow applies
// decay and drift once per evaluation point, each step off the closed form by a few ulps
// (a log-odds of at most 20 by about 2e-15, log2 of a fear by about 5e-16; differences of
// nearby days are exact), so over that many steps a log-odds is off by below 2e-10 and
// log2 of a fear by below 5e-11 (its bound is 1.9e-4 below log2 anyway), and the days
// themselves by below 1e-12. test_crossing follows a side through that many steps.
inline constexpr std::uint64_t CROSSING_BOUND_STEPS = 100000;
inline constexpr double CROSSING_MARGIN_DAYS = 1e-6;
inline constexpr double CROSSING_MARGIN_LOGODDS = 1e-9;

// A lower bound of std::log2(x) for x > 0, less than it by at most 6e-4 and never above
// it, without a libm call: x = 2^e m with m in [1, 2), log2 m by a degree-4 polynomial in
// m - 1 (a Chebyshev fit, error within [-1.5e-4, 2.1e-4] on [1, 2]) minus 4e-4. The
// trajectory bounds a crossing's instant with it from below, and takes the exact log2
// only when that bound comes before everything else that is due (trajectory_timing.cpp).
// Zero, subnormals, infinities and NaN take std::log2 itself.
inline double log2_lower_bound(double x) {
  const auto bits = std::bit_cast<std::uint64_t>(x);
  const auto field = static_cast<int>((bits >> 52) & 0x7ff);
  if (field == 0 || field == 0x7ff || (bits >> 63) != 0) return std::log2(x);
  const double t = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL) - 1.0;
  const double poly =
      0x1.ac5ba66087000p-13 +
      t * (0x1.6fa40f62f15cfp+0 + t * (-0x1.56ca579fd76b2p-1 + t * (0x1.3fb4652a4c4f0p-2 + t * -0x1.44325ac9eede0p-4)));
  return static_cast<double>(field - 1023) + (poly - 4e-4);
}

}  // namespace escalate

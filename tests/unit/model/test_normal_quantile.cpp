// normal_quantile (AS 241): closed forms, accuracy against Boost's long double inverse,
// exact antisymmetry, and monotonicity where its three approximations meet.
#include "escalate/model/normal_quantile.hpp"

#include <catch2/catch.hpp>

#include <boost/math/special_functions/erf.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

using namespace escalate;

namespace {

// Phi^-1(p) in long double (64-bit significand: about 2000 times finer than a double's ulp).
double reference(double p) { return static_cast<double>(-std::sqrt(2.0L) * boost::math::erfc_inv(2.0L * p)); }

double ulps_from_reference(double p) {
  const double ref = reference(p);
  const double ulp = std::nextafter(std::fabs(ref), INFINITY) - std::fabs(ref);
  return std::fabs(normal_quantile(p) - ref) / ulp;
}

}  // namespace

TEST_CASE("normal_quantile gives the textbook percentage points", "[normal_quantile]") {
  CHECK(normal_quantile(0.5) == 0.0);
  CHECK(normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-15));
  CHECK(normal_quantile(0.025) == Approx(-1.959963984540054).epsilon(1e-15));
  CHECK(normal_quantile(0.8413447460685429) == Approx(1.0).epsilon(1e-15));  // Phi(1)
  CHECK(normal_quantile(1e-10) == Approx(-6.361340902404056).epsilon(1e-15));
  // The engine's extremes (RandomStream::UNIFORM_MIN = 2^-54 and UNIFORM_MAX = 1 - 2^-53).
  CHECK(normal_quantile(0x1.0p-54) == Approx(reference(0x1.0p-54)).epsilon(1e-15));
  CHECK(normal_quantile(1.0 - 0x1.0p-53) == Approx(reference(1.0 - 0x1.0p-53)).epsilon(1e-15));
  CHECK(std::fabs(normal_quantile(0x1.0p-54)) < 8.3);
}

TEST_CASE("normal_quantile is within 8 ulps of a long double reference, centre and tails", "[normal_quantile]") {
  double worst = 0;
  std::uint64_t x = 0x9e3779b97f4a7c15ULL;
  for (int i = 0; i < 60000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;  // an LCG: any spread of p will do
    double p = (static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53;
    if (i % 3 == 1) p = std::ldexp(p, -static_cast<int>((x >> 3) % 54));        // the lower tail
    if (i % 3 == 2) p = 1.0 - std::ldexp(p, -static_cast<int>((x >> 3) % 50));  // the upper tail
    if (p <= 0.0 || p >= 1.0) continue;
    worst = std::max(worst, ulps_from_reference(p));
  }
  // Measured: at most 5.6 ulps (Boost's double policy, the engine's inverse before 1.2.0: 3.5).
  CHECK(worst < 8.0);
  CHECK(worst > 0.0);  // the check compares something
}

TEST_CASE("normal_quantile is exactly antisymmetric: Phi^-1(1 - p) = -Phi^-1(p) for p >= 1/2", "[normal_quantile]") {
  // For p >= 1/2, 1 - p is exact (Sterbenz), and both tails read the same number.
  std::uint64_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const double p = 0.5 + 0.5 * ((static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53);
    CHECK(normal_quantile(1.0 - p) == -normal_quantile(p));
  }
}

TEST_CASE("normal_quantile is continuous where its approximations meet and increasing across them",
          "[normal_quantile]") {
  // The joins: |p - 0.5| = 0.425, and sqrt(-ln(p)) = 5, i.e. p = e^-25 (and 1 - p). Between
  // neighbouring doubles the value may step back by rounding (a ratio of polynomials is not
  // monotone to the last ulp: about 0.5% of neighbouring steps, Boost's inverse far fewer),
  // but never by more than 2 ulps, nor rise by more than twice the slope allows: a wrong
  // coefficient or branch would jump by far more.
  for (double join : {0.075, 0.925, std::exp(-25.0), 1.0 - std::exp(-25.0)}) {
    double p = join;
    for (int k = 0; k < 300; ++k) p = std::nextafter(p, 0.0);
    const double first = normal_quantile(p);
    double previous = first;
    for (int k = 0; k < 600; ++k) {
      const double step = std::nextafter(p, 1.0) - p;
      p += step;
      const double z = normal_quantile(p);
      const double ulp = std::nextafter(std::fabs(z), INFINITY) - std::fabs(z);
      const double density = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
      INFO("p = " << p);
      CHECK(z - previous >= -2.0 * ulp);
      CHECK(z - previous <= 2.0 * step / density + 4.0 * ulp);  // dz/dp = 1 / density
      previous = z;
    }
    CHECK(previous > first);
  }
  // On a grid far coarser than the rounding (steps of 0.1% in p), it increases strictly.
  double previous = normal_quantile(1e-300);
  for (double p = 1.001e-300; p < 0.5; p *= 1.001) {
    const double z = normal_quantile(p);
    CHECK(z > previous);
    previous = z;
  }
}

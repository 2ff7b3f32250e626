// The engine's normal quantile (AS 241, engine 1.2.0) against the one it replaced (Boost's
// erfc_inv with the double policy, engine 1.1.0): nanoseconds per call over the same
// uniforms the streams give, and how far the two are apart (docs/performance.md, "The sixth
// round"), and the error of each against a 50-digit reference over the centre and both
// tails. Usage: escalate_bench_normal_quantile [calls, default 4194304] [reference points,
// default 20000]
#include "escalate/model/normal_quantile.hpp"
#include "escalate/model/random_stream.hpp"

#include <boost/math/special_functions/erf.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <vector>

namespace {

namespace bp = boost::math::policies;
using DoublePolicy = bp::policy<bp::promote_double<false>, bp::domain_error<bp::ignore_error>,
                                bp::pole_error<bp::ignore_error>, bp::overflow_error<bp::ignore_error>,
                                bp::underflow_error<bp::ignore_error>, bp::evaluation_error<bp::ignore_error>>;

__attribute__((noinline)) double boost_quantile(double u) {
  return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * u, DoublePolicy());
}

__attribute__((noinline)) double as241_quantile(double u) { return escalate::normal_quantile(u); }

template <class F>
double ns_per_call(F f, const std::vector<double>& u, double& sink) {
  double best = 1e300;
  for (int rep = 0; rep < 5; ++rep) {  // the least disturbed of five passes
    const auto t0 = std::chrono::steady_clock::now();
    double s = 0;
    for (double x : u) s += f(x);
    const auto t1 = std::chrono::steady_clock::now();
    sink += s;
    best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(u.size()));
  }
  return best;
}

// Largest and mean error in ulps of the double nearest the 50-digit value, over points
// spread through the centre, the lower tail (down to 2^-54) and the upper tail.
struct UlpError {
  double largest = 0, mean = 0;
};

template <class F>
UlpError ulp_error(F f, const std::vector<double>& points) {
  using Digits50 = boost::multiprecision::cpp_bin_float_50;
  UlpError e;
  for (double p : points) {
    const Digits50 exact = -boost::multiprecision::sqrt(Digits50(2)) * boost::math::erfc_inv(Digits50(2) * Digits50(p));
    const double nearest = static_cast<double>(exact);
    const double ulp = std::nextafter(std::fabs(nearest), INFINITY) - std::fabs(nearest);
    const double err = static_cast<double>(abs(Digits50(f(p)) - exact)) / ulp;
    e.largest = std::max(e.largest, err);
    e.mean += err / static_cast<double>(points.size());
  }
  return e;
}

std::vector<double> reference_points(long n) {
  escalate::RandomStream stream(7, escalate::RandomDomain::Perception, 0, 0);
  std::vector<double> points;
  for (long i = 0; i < n; ++i) {
    double p = stream.uniform();
    const int shift = static_cast<int>(stream() % 54);
    if (i % 3 == 1) p = std::max(0x1.0p-54, std::ldexp(p, -shift));
    if (i % 3 == 2) p = std::min(1.0 - 0x1.0p-53, 1.0 - std::ldexp(p, -std::min(shift, 52)));
    points.push_back(p);
  }
  return points;
}

}  // namespace

int main(int argc, char** argv) {
  const long calls = argc > 1 ? std::atol(argv[1]) : 4194304L;
  const long points = argc > 2 ? std::atol(argv[2]) : 20000L;
  if (calls <= 0 || points <= 0) {
    std::fprintf(stderr, "usage: escalate_bench_normal_quantile [calls > 0] [reference points > 0]\n");
    return 2;
  }
  escalate::RandomStream stream(20261207, escalate::RandomDomain::Strikes, 0, 0);
  std::vector<double> u(static_cast<std::size_t>(calls));
  for (double& x : u) x = stream.uniform();
  double sink = 0, most_apart = 0;
  for (double x : u) {
    const double a = boost_quantile(x), b = as241_quantile(x);
    most_apart = std::max(most_apart, std::fabs(a - b) / std::max(1.0, std::fabs(a)));
  }
  const double boost_ns = ns_per_call(boost_quantile, u, sink), as241_ns = ns_per_call(as241_quantile, u, sink);
  std::printf("%ld uniforms from a strikes stream; ns per call (least of 5 passes):\n", calls);
  std::printf("  Boost erfc_inv, double policy (engine 1.1.0)  %6.2f\n", boost_ns);
  std::printf("  AS 241 (engine 1.2.0)                          %6.2f   (%.2fx faster)\n", as241_ns, boost_ns / as241_ns);
  std::printf("largest |difference| / max(1, |z|): %.3g  (checksum %.6g)\n", most_apart, sink);
  const std::vector<double> at = reference_points(points);
  const UlpError b = ulp_error(boost_quantile, at), a = ulp_error(as241_quantile, at);
  std::printf("error against a 50-digit reference, %ld points (centre, lower and upper tails), in ulps:\n", points);
  std::printf("  Boost erfc_inv, double policy   largest %.2f  mean %.3f\n", b.largest, b.mean);
  std::printf("  AS 241                          largest %.2f  mean %.3f\n", a.largest, a.mean);
  return 0;
}

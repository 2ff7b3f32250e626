// Priors: densities that integrate to one, quantiles that invert them, closed-form
// moments, and refusals of improper numbers.
#include "escalate/infer/prior.hpp"

#include <boost/math/distributions.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate::infer;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<Prior> all_kinds() {
  return {Prior::uniform(-1.0, 3.0),          Prior::normal(2.0, 0.5),      Prior::lognormal(1.5, 0.4),
          Prior::beta(2.0, 5.0),              Prior::triangular(0, 1, 4),   Prior::gamma(3.0, 2.0),
          Prior::truncated_normal(0.5, 1, 0, kInf), Prior::truncated_normal(0, 2, -1, 0.5)};
}

// Q(u) on a midpoint grid of u: averages over it are expectations (for these priors the
// error of 50,000 midpoints is below 1e-4 relative on the mean and 1e-3 on the variance).
std::vector<double> quantile_grid(const Prior& p) {
  const int n = 50000;
  std::vector<double> x(n);
  for (int k = 0; k < n; ++k) x[k] = p.quantile((k + 0.5) / n);
  return x;
}

}  // namespace

TEST_CASE("Each prior's density integrates to one over its support", "[infer][prior]") {
  for (const Prior& p : all_kinds()) {
    INFO(p.text());
    // Trapezoid rule on the central 1e-7..1-1e-7 quantile range: mass within 2e-7 of one.
    const double lo = p.quantile(1e-7), hi = p.quantile(1 - 1e-7);
    const int n = 400000;
    double total = 0.0;
    for (int k = 0; k <= n; ++k) {
      const double x = lo + (hi - lo) * k / n;
      total += (k == 0 || k == n ? 0.5 : 1.0) * std::exp(p.log_density(x));
    }
    CHECK(total * (hi - lo) / n == Approx(1.0).margin(1e-3));
  }
}

TEST_CASE("Each prior's quantile inverts its density, and its closed-form moments agree", "[infer][prior]") {
  for (const Prior& p : all_kinds()) {
    INFO(p.text());
    const auto grid = quantile_grid(p);
    double mean = 0.0, var = 0.0;
    for (double x : grid) mean += x / static_cast<double>(grid.size());
    for (double x : grid) var += (x - mean) * (x - mean) / static_cast<double>(grid.size());
    CHECK(p.mean() == Approx(mean).epsilon(1e-3).margin(1e-4));
    CHECK(p.variance() == Approx(var).epsilon(2e-3));
    // The density's derivative of the CDF: P(Q(0.3) < X < Q(0.7)) = 0.4 by integrating it.
    const double a = p.quantile(0.3), b = p.quantile(0.7);
    double mass = 0.0;
    const int n = 20000;
    for (int k = 0; k < n; ++k) mass += std::exp(p.log_density(a + (b - a) * (k + 0.5) / n));
    CHECK(mass * (b - a) / n == Approx(0.4).epsilon(1e-4));
  }
}

TEST_CASE("A prior is zero outside its support", "[infer][prior]") {
  CHECK(Prior::beta(2, 2).log_density(0.0) == -kInf);
  CHECK(Prior::beta(2, 2).log_density(1.2) == -kInf);
  CHECK(Prior::gamma(2, 1).log_density(-1.0) == -kInf);
  CHECK(Prior::uniform(0, 1).log_density(1.0) == -kInf);
  CHECK(Prior::truncated_normal(0, 1, 0, 1).log_density(-0.1) == -kInf);
  CHECK(std::isfinite(Prior::normal(0, 1).log_density(30.0)));
}

TEST_CASE("A prior that is not a distribution is refused with the parameter's name", "[infer][prior]") {
  CHECK_THROWS_WITH(Prior::normal(0, 0).check("rates.x"), Catch::Contains("rates.x") && Catch::Contains("sd > 0"));
  CHECK_THROWS_WITH(Prior::uniform(2, 1).check("u"), Catch::Contains("low < high"));
  CHECK_THROWS_WITH(Prior::beta(0, 1).check("b"), Catch::Contains("a > 0"));
  CHECK_THROWS_WITH(Prior::triangular(0, 5, 4).check("t"), Catch::Contains("mode"));
  CHECK_THROWS_WITH(Prior::truncated_normal(0, 1, 50, 60).check("t"), Catch::Contains("no mass"));
  CHECK_NOTHROW(Prior::lognormal(1, 0.5).check("l"));
}

TEST_CASE("Each prior's CDF agrees with Boost.Math and inverts its quantile", "[infer][prior]") {
  namespace bm = boost::math;
  // Independent references: Boost.Math's distributions (the triangular's and the
  // truncated normal's built from them).
  auto reference = [](const Prior& p, double x) {
    switch (p.kind) {
      case Prior::Kind::Uniform: return bm::cdf(bm::uniform_distribution<double>(p.a, p.b), x);
      case Prior::Kind::Normal: return bm::cdf(bm::normal_distribution<double>(p.a, p.b), x);
      case Prior::Kind::Lognormal: return bm::cdf(bm::lognormal_distribution<double>(std::log(p.a), p.b), x);
      case Prior::Kind::Beta: return bm::cdf(bm::beta_distribution<double>(p.a, p.b), x);
      case Prior::Kind::Gamma: return bm::cdf(bm::gamma_distribution<double>(p.a, 1.0 / p.b), x);
      case Prior::Kind::Triangular: return bm::cdf(bm::triangular_distribution<double>(p.a, p.b, p.c), x);
      case Prior::Kind::TruncatedNormal: {
        const bm::normal_distribution<double> n(p.a, p.b);
        const double lo = std::isfinite(p.c) ? bm::cdf(n, p.c) : 0.0, hi = std::isfinite(p.d) ? bm::cdf(n, p.d) : 1.0;
        return (bm::cdf(n, x) - lo) / (hi - lo);
      }
    }
    return -1.0;
  };
  for (const Prior& p : all_kinds()) {
    INFO(p.text());
    for (const double u : {1e-9, 1e-4, 0.01, 0.2, 0.5, 0.77, 0.99, 1 - 1e-6}) {
      const double x = p.quantile(u);
      CHECK(p.cdf(x) == Approx(reference(p, x)).epsilon(1e-9).margin(1e-15));
      CHECK(p.cdf(x) == Approx(u).epsilon(1e-7).margin(1e-15));
    }
    CHECK(p.cdf(p.lower() - 1.0) == 0.0);
    CHECK(p.cdf(std::isfinite(p.upper()) ? p.upper() + 1.0 : 1e300) == 1.0);
  }
}

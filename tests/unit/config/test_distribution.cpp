#include "escalate/config/distribution.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace escalate;
using Kind = Distribution::Kind;

TEST_CASE("Range membership and containment respect open ends", "[distribution]") {
  CHECK(Range::unit().contains(0.0));
  CHECK(Range::unit().contains(1.0));
  CHECK_FALSE(Range::open_unit().contains(0.0));
  CHECK_FALSE(Range::positive().contains(0.0));
  CHECK_FALSE(Range::unit().contains(std::nan("")));
  CHECK(Range::unit().contains(Range::open_unit()));
  CHECK_FALSE(Range::open_unit().contains(Range::unit()));
  CHECK_FALSE(Range::unit().contains(Range::any()));  // a normal cannot be a probability
  CHECK(Range::positive().contains(Distribution{Kind::Lognormal, 1, 1}.support()));
  CHECK(Range::unit().text() == "[0, 1]");
  CHECK(Range::positive().text() == "(0, inf)");
}

TEST_CASE("Samples stay in the support and match the closed-form mean", "[distribution]") {
  struct Case { Distribution d; double mean; double sd; };
  std::vector<Case> cases = {
      {{Kind::Uniform, 2, 6}, 4.0, 4 / std::sqrt(12.0)},
      {{Kind::Normal, -1, 2}, -1.0, 2.0},
      {{Kind::Lognormal, 3, 0.5}, 3 * std::exp(0.125), 3 * std::sqrt((std::exp(0.25) - 1) * std::exp(0.25))},
      {{Kind::Beta, 2, 6}, 0.25, std::sqrt(2.0 * 6 / (64.0 * 9))},
      {{Kind::Triangular, 0, 1, 4}, 5.0 / 3, std::sqrt((0 + 1 + 16 - 0 - 0 - 4) / 18.0)},
  };
  for (const auto& c : cases) {
    RandomStream s(3, RandomDomain::ParameterDraw, 0, 0);
    const int n = 100000;
    double sum = 0;
    for (int i = 0; i < n; ++i) {
      double x = c.d.sample(s);
      REQUIRE(c.d.support().contains(x));
      sum += x;
    }
    INFO(c.d.text());
    // 5 standard errors of the mean.
    CHECK(std::abs(sum / n - c.mean) < 5 * c.sd / std::sqrt(n));
  }
}

TEST_CASE("Triangular median is the mode value used for fixed templates", "[distribution]") {
  CHECK(Distribution{Kind::Triangular, 0, 1, 4}.median() == 1.0);
  CHECK(Distribution{Kind::Beta, 2, 6}.median() == 0.25);
}

TEST_CASE("quantile inverts cdf, matches closed forms and stays in the support", "[distribution]") {
  const std::vector<Distribution> all = {{Kind::Uniform, 2, 6}, {Kind::Normal, -1, 2}, {Kind::Lognormal, 3, 0.5},
                                         {Kind::Beta, 2, 6}, {Kind::Triangular, 0, 1, 4}, {Kind::Gamma, 2, 0.5}};
  for (const auto& d : all) {
    INFO(d.text());
    double previous = -std::numeric_limits<double>::infinity();
    for (double u : {1e-9, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 - 1e-9}) {
      const double x = d.quantile(u);
      CHECK(d.support().contains(x));
      CHECK(x > previous);  // strictly increasing
      CHECK(d.cdf(x) == Approx(u).margin(1e-9));
      previous = x;
    }
  }
  CHECK(Distribution{Kind::Uniform, 2, 6}.quantile(0.25) == 3.0);
  CHECK(Distribution{Kind::Normal, -1, 2}.quantile(0.975) == Approx(-1 + 2 * 1.959963984540054).epsilon(1e-12));
  CHECK(Distribution{Kind::Lognormal, 3, 0.5}.quantile(0.5) == Approx(3.0).epsilon(1e-12));  // the median
  // Triangular: F(mode) = (mode - low) / (high - low) = 1/4.
  CHECK(Distribution{Kind::Triangular, 0, 1, 4}.quantile(0.25) == Approx(1.0).epsilon(1e-12));
  // Gamma(shape 2, rate 0.5) = chi-square with 4 degrees of freedom: median 3.356694.
  CHECK(Distribution{Kind::Gamma, 2, 0.5}.quantile(0.5) == Approx(3.356694).epsilon(1e-6));
  CHECK(Distribution{Kind::Beta, 2, 6}.cdf(-1) == 0.0);
  CHECK(Distribution{Kind::Beta, 2, 6}.cdf(2) == 1.0);
}

TEST_CASE("quantile of a uniform variate draws the distribution", "[distribution]") {
  // Mapping Philox uniforms through quantile gives the distribution's mean (what a design
  // relies on): Beta(2, 6) has mean 1/4 and sd 0.1443.
  RandomStream s(9, RandomDomain::ParameterDraw, 0, 0);
  const Distribution d{Kind::Beta, 2, 6};
  double sum = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) sum += d.quantile(s.uniform());
  CHECK(std::abs(sum / n - 0.25) < 5 * 0.1443 / std::sqrt(n));
}

TEST_CASE("A distribution's reach is its quantiles at the sampler's extreme uniforms", "[distribution]") {
  CHECK(RandomStream::UNIFORM_MIN > 0);
  CHECK(RandomStream::UNIFORM_MAX < 1);
  const Range z = Distribution{Kind::Normal, 0, 1}.reach();
  CHECK(z.lo == Approx(-8.29).margin(0.01));  // Phi^-1(2^-54)
  CHECK(z.hi == Approx(8.21).margin(0.01));   // Phi^-1(1 - 2^-53)
  const Range u = Distribution{Kind::Uniform, 2, 6}.reach();
  CHECK(u.lo >= 2);  // 2 + 4 * 2^-54 rounds to 2
  CHECK(u.hi <= 6);
  // Every draw lies inside the reach (draws by inversion: the same quantile function).
  const Distribution ln{Kind::Lognormal, 2, 0.5};
  RandomStream s(7, RandomDomain::ParameterDraw, 0, 0);
  for (int i = 0; i < 10000; ++i) {
    const double x = ln.sample(s);
    CHECK((x >= ln.reach().lo && x <= ln.reach().hi));
  }
}

TEST_CASE("Distributions whose draws can leave the finite doubles have an end that is not finite", "[distribution]") {
  auto finite = [](const Distribution& d) { return std::isfinite(d.reach().lo) && std::isfinite(d.reach().hi); };
  CHECK(finite(Distribution{Kind::Lognormal, 1e300, 1}));
  CHECK_FALSE(finite(Distribution{Kind::Lognormal, 1e300, 100}));  // the example: draws of inf
  CHECK_FALSE(finite(Distribution{Kind::Lognormal, 1, 100}));      // exp(100 * 8.2) overflows too
  CHECK_FALSE(finite(Distribution{Kind::Uniform, -1e308, 1e308}));  // high - low overflows
  CHECK_FALSE(finite(Distribution{Kind::Normal, 1e308, 1e308}));
  CHECK_FALSE(finite(Distribution{Kind::Gamma, 1, 1e-308}));         // scale 1e308
  CHECK(finite(Distribution{Kind::Gamma, 2, 0.5}));
  CHECK(finite(Distribution{Kind::Beta, 2, 5}));
  CHECK(finite(Distribution{Kind::Triangular, 0, 1, 2}));
}

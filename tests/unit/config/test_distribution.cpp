#include "escalate/config/distribution.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
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

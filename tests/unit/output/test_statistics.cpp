#include "escalate/output/statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

TEST_CASE("Wilson interval matches the textbook value", "[statistics]") {
  // 10 of 100 at z = 1.96: [0.05523, 0.17437] (Wilson 1927; e.g. statsmodels proportion_confint).
  auto [lo, hi] = wilson_interval(10, 100, 1.96);
  CHECK(lo == Approx(0.05523).margin(5e-5));
  CHECK(hi == Approx(0.17437).margin(5e-5));
  auto [zlo, zhi] = wilson_interval(0, 50);
  CHECK(zlo == 0.0);
  CHECK(zhi > 0.0);
  CHECK(std::isnan(wilson_interval(0, 0).first));
}

TEST_CASE("Quantiles interpolate like numpy's default", "[statistics]") {
  std::vector<double> v = {4, 1, 3, 2, 5};
  CHECK(quantile(v, 0.5) == 3.0);
  CHECK(quantile(v, 0.25) == 2.0);
  CHECK(quantile(v, 0.1) == Approx(1.4));  // numpy.quantile([1..5], 0.1) = 1.4
  std::vector<double> empty;
  CHECK(std::isnan(quantile(empty, 0.5)));
}

TEST_CASE("Spearman correlation of monotone, reversed, tied and constant data", "[statistics]") {
  CHECK(spearman({1, 2, 3, 4}, {10, 20, 30, 1000}) == Approx(1.0));
  CHECK(spearman({1, 2, 3, 4}, {4, 3, 2, 1}) == Approx(-1.0));
  // scipy.stats.spearmanr([1,2,2,3],[1,3,2,4]) = 0.9486832980505138
  CHECK(spearman({1, 2, 2, 3}, {1, 3, 2, 4}) == Approx(0.9486832980505138).epsilon(1e-12));
  CHECK(std::isnan(spearman({1, 1, 1}, {1, 2, 3})));
}

#include "escalate/model/random_stream.hpp"
#include "escalate/statistics/statistics.hpp"

#include <boost/random/beta_distribution.hpp>

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

TEST_CASE("pooled_estimate: mean of per-draw estimates, t and Wilson hull, noise-corrected sd (MODEL 11)", "[statistics]") {
  // Hand-computed: p = 0.1, 0.3 (10 trials each). mean 0.2; sd = 0.141421; t(1) = 12.7062;
  // half = 12.7062 * 0.141421 / sqrt(2) = 1.27062 -> clipped to [0, 1]; binomial term
  // mean(p(1-p)/9) = (0.01 + 0.023333) / 2 = 0.0166667; var 0.02 -> sd* = sqrt(0.0033333).
  PooledEstimate e = pooled_estimate({1, 3}, {10, 10});
  CHECK(e.mean == Approx(0.2));
  CHECK(e.lo == 0.0);
  CHECK(e.hi == 1.0);
  CHECK(e.between_draw_sd == Approx(std::sqrt(0.02 - 0.0166666667)).epsilon(1e-6));
  CHECK(e.draws == 2);
  // One draw: the Wilson interval; draws without trajectories are skipped.
  PooledEstimate one = pooled_estimate({3, 0}, {10, 0});
  auto [lo, hi] = wilson_interval(3, 10);
  CHECK(one.mean == Approx(0.3));
  CHECK(one.lo == lo);
  CHECK(one.hi == hi);
  CHECK(std::isnan(one.between_draw_sd));
  // Nothing seen anywhere: the Wilson part keeps the interval non-empty.
  PooledEstimate none = pooled_estimate({0, 0, 0}, {100, 100, 100});
  CHECK(none.mean == 0.0);
  CHECK(none.hi > 0.0);
  CHECK(none.between_draw_sd == 0.0);
}

TEST_CASE("The two-loop interval covers E[p] at its nominal rate; the Wilson interval alone does not", "[statistics][coverage]") {
  // 20 draws of p ~ Beta(2, 8) (E[p] = 0.2), 200 trials each, 2000 replications with a
  // fixed stream. A correct 95% interval covers 0.2 in about 95% of replications; its
  // standard error over 2000 is 0.5%, so >= 92% is a 6-sigma safe bound. Wilson on the
  // pooled count ignores the between-draw spread and must fall far short (~40% here).
  RandomStream stream(7, RandomDomain::Decisions, 0, 0);
  boost::random::beta_distribution<double> beta(2.0, 8.0);
  int covered = 0, wilson_covered = 0;
  const int replications = 2000;
  for (int rep = 0; rep < replications; ++rep) {
    std::vector<std::int64_t> k(20), n(20, 200);
    for (auto& km : k) {
      double p = beta(stream);
      km = 0;
      for (int j = 0; j < 200; ++j) km += stream.uniform() < p;
    }
    PooledEstimate e = pooled_estimate(k, n);
    covered += e.lo <= 0.2 && 0.2 <= e.hi;
    std::int64_t total = 0;
    for (auto km : k) total += km;
    auto [lo, hi] = wilson_interval(total, 4000);
    wilson_covered += lo <= 0.2 && 0.2 <= hi;
  }
  INFO("two-loop " << covered << ", Wilson " << wilson_covered << " of " << replications);
  CHECK(covered >= 0.92 * replications);
  CHECK(wilson_covered < 0.75 * replications);
}

TEST_CASE("The noise-corrected between-draw sd recovers the spread of the true probabilities", "[statistics]") {
  // p ~ Beta(2, 8): sd = sqrt(a b / ((a+b)^2 (a+b+1))) = sqrt(16 / 1100) = 0.120605.
  // Binomial noise at 50 trials (sd ~ 0.057) inflates the raw sd to ~0.133; the corrected
  // value averaged over 500 replications of 40 draws must be within 0.005 of the truth.
  RandomStream stream(8, RandomDomain::Decisions, 0, 0);
  boost::random::beta_distribution<double> beta(2.0, 8.0);
  double sum = 0;
  for (int rep = 0; rep < 500; ++rep) {
    std::vector<std::int64_t> k(40), n(40, 50);
    for (auto& km : k) {
      double p = beta(stream);
      km = 0;
      for (int j = 0; j < 50; ++j) km += stream.uniform() < p;
    }
    sum += pooled_estimate(k, n).between_draw_sd;
  }
  CHECK(sum / 500 == Approx(0.120605).margin(0.005));
}

TEST_CASE("spearman_threshold: independent data exceed it about 5% of the time", "[statistics]") {
  // t(98, 0.975) = 1.984467 (scipy.stats.t.ppf(0.975, 98)): 1.984467 / sqrt(98 + 1.984467^2).
  CHECK(spearman_threshold(100) == Approx(0.196551).margin(2e-6));
  CHECK(std::isnan(spearman_threshold(2)));
  CHECK(spearman_threshold(200) < spearman_threshold(100));
  for (int n : {12, 100}) {
    const int replicates = 4000;
    int above = 0;
    for (int r = 0; r < replicates; ++r) {
      RandomStream s(5, RandomDomain::ParameterDraw, static_cast<std::uint64_t>(r), static_cast<std::uint64_t>(n));
      std::vector<double> x, y;
      for (int i = 0; i < n; ++i) x.push_back(s.uniform()), y.push_back(s.uniform());
      above += std::abs(spearman(x, y)) > spearman_threshold(n);
    }
    // Binomial(4000, 0.05): sd 0.0034; the t approximation is a little off at n = 12.
    INFO("n = " << n << ": " << above << " of " << replicates);
    CHECK(above > 0.035 * replicates);
    CHECK(above < 0.065 * replicates);
  }
}

// The prior-refresh proposal: the prior variances it compares against, its inclusion
// probabilities, and its fresh draws (docs/inference.md §5).
#include "escalate/infer/prior_refresh.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate::infer;

TEST_CASE("Prior variances on the unconstrained scale match their closed forms", "[infer][prior_refresh]") {
  // Normal(1, 2): identity map, variance 4; Lognormal(median 3, sigma 0.5): log map, the
  // log is Normal(log 3, 0.25). The midpoint rule over 1,000 quantiles cuts the tails
  // beyond the 0.05% quantiles: about 1% of a normal variance.
  const ParameterSpace space({{"a", Prior::normal(1.0, 2.0)}, {"b", Prior::lognormal(3.0, 0.5)}});
  const auto v = unconstrained_prior_variances(space);
  REQUIRE(v.size() == 2);
  CHECK(v[0] == Approx(4.0).epsilon(0.02));
  CHECK(v[1] == Approx(0.25).epsilon(0.02));
  // The means beside them (the posterior's summary measures shifts against them): the
  // midpoint rule is symmetric, so the normal's and the log's means are exact.
  const auto m = unconstrained_prior_moments(space);
  REQUIRE(m.size() == 2);
  CHECK(m[0].mean == Approx(1.0).margin(1e-9));
  CHECK(m[1].mean == Approx(std::log(3.0)).margin(1e-9));
  CHECK(m[0].variance == v[0]);
  CHECK(m[1].variance == v[1]);
}

TEST_CASE("A prior refresh redraws a coordinate with probability min(1, r)^power, from its prior",
          "[infer][prior_refresh]") {
  // Particles with variance 1/4 of the prior's in the first coordinate and the prior's in
  // the second (a Beta(2, 3), redrawn on the logit scale).
  const ParameterSpace space({{"narrow", Prior::normal(0.0, 1.0)}, {"wide", Prior::beta(2.0, 3.0)}});
  const auto prior_variance = unconstrained_prior_variances(space);
  Matrix particles;
  for (std::uint64_t i = 0; i < 4000; ++i) {
    auto z = space.sample_unconstrained(StreamKey{1, 0, 0, i});
    z[0] *= 0.5;
    particles.push_back(z);
  }
  const PriorRefresh refresh(space, prior_variance, particles, 1.0);
  // Sampling error of a variance from 4,000 draws: about 2%.
  CHECK(refresh.inclusion()[0] == Approx(0.25).epsilon(0.06));
  CHECK(refresh.inclusion()[1] == Approx(1.0).epsilon(0.06));
  const PriorRefresh squared(space, prior_variance, particles, 2.0);
  CHECK(squared.inclusion()[0] == Approx(refresh.inclusion()[0] * refresh.inclusion()[0]));

  // 40,000 proposals from one point: coordinate 0 changes in a quarter of them, and the
  // new values of coordinate 1 have the Beta(2, 3) mean 0.4 and variance 0.04.
  const std::vector<double> from = {0.3, -0.2};
  std::size_t changed0 = 0, empty = 0;
  double sum = 0, sum2 = 0;
  std::size_t drawn1 = 0;
  for (std::uint64_t i = 0; i < 40000; ++i) {
    InferStream stream(StreamKey{2, 1, 2, i}, StreamPurpose::Refresh);
    const auto proposal = refresh.propose(from, stream);
    if (!proposal) {
      ++empty;
      continue;
    }
    changed0 += (*proposal)[0] != from[0];
    if ((*proposal)[1] != from[1]) {
      const double x = space.to_constrained(*proposal)[1];
      sum += x, sum2 += x * x, ++drawn1;
    }
  }
  const double p0 = refresh.inclusion()[0], p1 = refresh.inclusion()[1];
  CHECK(static_cast<double>(changed0) / 40000 == Approx(p0).margin(0.01));
  CHECK(static_cast<double>(empty) / 40000 == Approx((1 - p0) * (1 - p1)).margin(0.01));
  const double mean = sum / static_cast<double>(drawn1);
  CHECK(mean == Approx(0.4).margin(0.005));
  CHECK(sum2 / static_cast<double>(drawn1) - mean * mean == Approx(0.04).epsilon(0.03));
  CHECK_THROWS_AS(PriorRefresh(space, {1.0}, particles, 1.0), std::invalid_argument);
}

TEST_CASE("A prior refresh with given inclusions redraws each coordinate that often, and refuses bad ones",
          "[infer][prior_refresh]") {
  const ParameterSpace space({{"kept", Prior::normal(0.0, 1.0)}, {"half", Prior::gamma(2.0, 0.5)}});
  const PriorRefresh refresh(space, {0.0, 0.5});
  const std::vector<double> from = {0.3, 1.0};
  std::size_t changed0 = 0, changed1 = 0;
  for (std::uint64_t i = 0; i < 20000; ++i) {
    InferStream stream(StreamKey{3, 1, 2, i}, StreamPurpose::Refresh);
    const auto proposal = refresh.propose(from, stream);
    if (!proposal) continue;
    changed0 += (*proposal)[0] != from[0];
    changed1 += (*proposal)[1] != from[1];
  }
  CHECK(changed0 == 0);
  // Binomial(20,000, 0.5): sd 0.0035 of the fraction.
  CHECK(static_cast<double>(changed1) / 20000 == Approx(0.5).margin(0.015));
  CHECK_THROWS_AS(PriorRefresh(space, std::vector<double>{0.5}), std::invalid_argument);
  CHECK_THROWS_AS(PriorRefresh(space, std::vector<double>{0.5, 1.5}), std::invalid_argument);
}

// The pCN move (pcn_move.hpp): its map to the Gaussianised prior scale inverts, its steps
// follow the particles' spread, and it preserves every prior: many moves from prior draws
// with a constant likelihood (every proposal accepted) leave each coordinate's
// distribution its prior.
#include "escalate/infer/pcn_move.hpp"

#include "escalate/infer/bijection.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace escalate::infer;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

ParameterSpace every_kind() {
  return ParameterSpace({{"normal", Prior::normal(2.0, 0.5)},
                         {"lognormal", Prior::lognormal(1.5, 0.4)},
                         {"beta", Prior::beta(2.0, 5.0)},
                         {"triangular", Prior::triangular(0, 1, 4)},
                         {"gamma", Prior::gamma(3.0, 2.0)},
                         {"truncated", Prior::truncated_normal(0.5, 1, 0, kInf)},
                         {"uniform", Prior::uniform(-1.0, 3.0)},
                         {"skewed beta", Prior::beta(0.5, 8.0)}});
}

// The Kolmogorov-Smirnov distance of a sample from the prior's CDF.
double ks_distance(std::vector<double> x, const Prior& prior) {
  std::sort(x.begin(), x.end());
  const double n = static_cast<double>(x.size());
  double worst = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double f = prior.cdf(x[k]);
    worst = std::max({worst, f - static_cast<double>(k) / n, static_cast<double>(k + 1) / n - f});
  }
  return worst;
}

}  // namespace

TEST_CASE("The pCN map to the Gaussianised prior scale inverts, tails included", "[infer][pcn]") {
  const ParameterSpace space = every_kind();
  const PcnMove move(space, std::vector<double>(space.size(), 0.5));
  for (std::size_t j = 0; j < space.size(); ++j) {
    INFO(space.names()[j]);
    for (const double g : {-6.0, -2.5, -0.3, 0.0, 1.1, 3.0, 6.0}) {
      const double z = move.from_gaussian(j, g);
      REQUIRE(std::isfinite(z));
      CHECK(move.to_gaussian(j, z) == Approx(g).margin(1e-6));
    }
    // Far tails are clamped to |g| <= 8.2: never NaN, never an exception (at most the end
    // of the support, which the sampler rejects).
    CHECK_FALSE(std::isnan(move.from_gaussian(j, 40.0)));
    CHECK_FALSE(std::isnan(move.from_gaussian(j, -40.0)));
    CHECK(move.to_gaussian(j, move.from_gaussian(j, 40.0)) <= 8.3);
  }
}

TEST_CASE("The pCN step is a full redraw where the particles keep the prior's spread and small where they are narrow",
          "[infer][pcn]") {
  const ParameterSpace space({{"free", Prior::gamma(2.0, 0.5)}, {"narrow", Prior::normal(0.0, 1.0)}});
  // Particles: the free coordinate at its prior quantiles, the narrow one at 0.2 prior sds.
  Matrix particles;
  const Bijection free_map = Bijection::of(space.parameters()[0].prior);
  for (int k = 0; k < 400; ++k) {
    const double u = (k + 0.5) / 400;
    particles.push_back({free_map.to_unconstrained(space.parameters()[0].prior.quantile(u)),
                         0.2 * Prior::normal(0.0, 1.0).quantile(u)});
  }
  const PcnMove move(space, particles, 1.0);
  CHECK(move.steps()[0] == 1.0);
  // r = 0.04: l = 1/sqrt(1/0.04 - 1) = 0.204.
  CHECK(move.steps()[1] == Approx(0.204).epsilon(0.03));
  CHECK(PcnMove(space, particles, 0.5).steps()[1] == Approx(0.102).epsilon(0.03));
  CHECK_THROWS_AS(PcnMove(space, particles, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(PcnMove(space, std::vector<double>{0.5}), std::invalid_argument);
  CHECK_THROWS_AS(PcnMove(space, std::vector<double>{0.5, 1.5}), std::invalid_argument);
}

TEST_CASE("Many pCN moves from prior draws leave every prior unchanged", "[infer][pcn]") {
  // 4,000 chains from independent prior draws, 50 moves each at steps from small to full,
  // every proposal accepted (a constant likelihood): if the move preserves the prior, each
  // coordinate is still distributed as its prior. KS distance below 1.63/sqrt(4000) =
  // 0.026 (alpha 0.01 for one test), mean within 4 standard errors and variance within
  // 10%. The check can fail: a move that forgets the Crank-Nicolson factor sqrt(1 - s^2)
  // (g' = g + s xi, a random walk on the Gaussian scale) spreads every coordinate out and
  // fails the KS check, as the second part shows.
  const ParameterSpace space = every_kind();
  const std::vector<double> steps = {0.05, 0.2, 0.5, 0.8, 0.95, 1.0, 0.3, 0.1};
  const PcnMove move(space, steps);
  const std::size_t chains = 4000, moves = 50;
  std::vector<std::vector<double>> kept(space.size()), walked(space.size());
  for (std::size_t c = 0; c < chains; ++c) {
    std::vector<double> z = space.sample_unconstrained(StreamKey{3, 0, 0, c});
    std::vector<double> w = z;
    for (std::size_t m = 1; m <= moves; ++m) {
      InferStream stream(StreamKey{3, 1, m, c}, StreamPurpose::Refresh);
      z = move.propose(z, stream);
      InferStream again(StreamKey{3, 1, m, c}, StreamPurpose::Refresh);
      for (std::size_t j = 0; j < w.size(); ++j)  // the planted regression
        w[j] = move.from_gaussian(j, move.to_gaussian(j, w[j]) + steps[j] * again.normal());
    }
    const std::vector<double> x = space.to_constrained(z), y = space.to_constrained(w);
    for (std::size_t j = 0; j < x.size(); ++j) kept[j].push_back(x[j]), walked[j].push_back(y[j]);
  }
  auto mean_var = [](const std::vector<double>& v) {
    double m = 0, s = 0;
    for (double x : v) m += x / static_cast<double>(v.size());
    for (double x : v) s += (x - m) * (x - m) / static_cast<double>(v.size() - 1);
    return std::pair{m, s};
  };
  for (std::size_t j = 0; j < space.size(); ++j) {
    const Prior& prior = space.parameters()[j].prior;
    INFO(space.names()[j] << " at step " << steps[j]);
    const auto [m, v] = mean_var(kept[j]);
    CHECK(ks_distance(kept[j], prior) < 0.026);
    CHECK(std::abs(m - prior.mean()) < 4 * std::sqrt(prior.variance() / chains));
    CHECK(v == Approx(prior.variance()).epsilon(0.10));
    // The random walk on the Gaussian scale: its spread grows as sqrt(1 + 50 s^2).
    if (steps[j] >= 0.2) CHECK(ks_distance(walked[j], prior) > 0.026);
  }
}

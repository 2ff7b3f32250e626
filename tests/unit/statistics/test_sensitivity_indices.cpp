#include "escalate/model/random_stream.hpp"
#include "escalate/statistics/sensitivity_indices.hpp"

#include <boost/random/binomial_distribution.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace escalate;

namespace {

constexpr double PI = std::numbers::pi;

// Ishigami & Homma (1990) with a = 7, b = 0.1 on [-pi, pi]^3, from the unit cube.
double ishigami(std::span<const double> u) {
  const double x1 = -PI + 2 * PI * u[0], x2 = -PI + 2 * PI * u[1], x3 = -PI + 2 * PI * u[2];
  return std::sin(x1) + 7 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

// Its indices in closed form (e.g. Saltelli et al. 2008, Global Sensitivity Analysis: The
// Primer, section 4.6): S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
struct Truth {
  double first[3], total[3];
};
Truth ishigami_truth() {
  const double a = 7, b = 0.1, pi4 = std::pow(PI, 4), pi8 = std::pow(PI, 8);
  const double V1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5), V2 = a * a / 8, V13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
  const double V = V1 + V2 + V13;
  return {{V1 / V, V2 / V, 0.0}, {(V1 + V13) / V, V2 / V, V13 / V}};
}

std::vector<double> outputs(const SensitivityDesign& d, double (*f)(std::span<const double>)) {
  std::vector<double> y;
  for (std::int64_t i = 0; i < d.points(); ++i) y.push_back(f(d.row(i)));
  return y;
}

// The engine's situation: each point's output is a binomial estimate from T trials of a
// probability g(x), here the Ishigami function rescaled into (0.008, 0.96) (Sobol' indices
// do not change under an affine map), with the unbiased noise estimate p(1 - p)/(T - 1).
void binomial_outputs(const SensitivityDesign& d, int T, std::uint64_t seed, std::vector<double>& y, std::vector<double>& noise) {
  y.clear(), noise.clear();
  for (std::int64_t i = 0; i < d.points(); ++i) {
    const double g = (ishigami(d.row(i)) + 11) / 30;
    RandomStream s(seed, RandomDomain::Arrivals, static_cast<std::uint64_t>(i), 0);
    const double p = boost::random::binomial_distribution<int>(T, g)(s) / static_cast<double>(T);
    y.push_back(p);
    noise.push_back(p * (1 - p) / (T - 1));
  }
}

}  // namespace

TEST_CASE("Sobol' indices of the Ishigami function: the known values lie in the bootstrap intervals", "[sensitivity]") {
  const Truth truth = ishigami_truth();
  REQUIRE(truth.first[0] == Approx(0.3139).margin(1e-4));
  REQUIRE(truth.total[2] == Approx(0.2437).margin(1e-4));
  const SensitivityDesign d = saltelli_design(3, 4096, 1);
  const std::vector<double> y = outputs(d, ishigami), zero(y.size(), 0.0);
  const SobolIndices s = sobol_indices(y, zero, 3, 1);
  CHECK(s.variance == Approx(13.845).margin(0.3));
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("parameter " << i << ": S1 " << s.first[i].value << " [" << s.first[i].lo << ", " << s.first[i].hi << "], ST "
                      << s.total[i].value << " [" << s.total[i].lo << ", " << s.total[i].hi << "]");
    CHECK(s.first[i].lo <= truth.first[i]);
    CHECK(truth.first[i] <= s.first[i].hi);
    CHECK(s.total[i].lo <= truth.total[i]);
    CHECK(truth.total[i] <= s.total[i].hi);
    CHECK(s.first[i].hi - s.first[i].lo < 0.12);  // and they are informative
    CHECK(s.total[i].hi - s.total[i].lo < 0.12);
  }
  // Deterministic: the same seed gives the same intervals, another seed other resamples.
  const SobolIndices again = sobol_indices(y, zero, 3, 1);
  CHECK(again.first[0].lo == s.first[0].lo);
  CHECK(sobol_indices(y, zero, 3, 2).first[0].lo != s.first[0].lo);
}

TEST_CASE("Noise correction: with binomial outputs the corrected indices are unbiased, the textbook ones not", "[sensitivity]") {
  // 20 replicates (design shift and binomial draws both from the seed) with T = 20 trials per
  // point: the noise is about 40% of the outputs' variance. The mean of the replicates'
  // estimates is compared with the truth, in units of its standard error.
  const Truth truth = ishigami_truth();
  const int replicates = 20;
  double corrected[2][3] = {}, textbook[2][3] = {}, corrected_sq[2][3] = {};
  std::vector<double> y, noise;
  for (int r = 0; r < replicates; ++r) {
    const SensitivityDesign d = saltelli_design(3, 1024, 100 + static_cast<std::uint64_t>(r));
    binomial_outputs(d, 20, 100 + static_cast<std::uint64_t>(r), y, noise);
    const SobolIndices c = sobol_indices(y, noise, 3, 1, 0);
    const SobolIndices t = sobol_indices(y, std::vector<double>(y.size(), 0.0), 3, 1, 0);
    CHECK(c.noise_variance > 0.3 * (c.variance + c.noise_variance));
    for (std::size_t i = 0; i < 3; ++i) {
      corrected[0][i] += c.first[i].value / replicates, corrected_sq[0][i] += c.first[i].value * c.first[i].value / replicates;
      corrected[1][i] += c.total[i].value / replicates, corrected_sq[1][i] += c.total[i].value * c.total[i].value / replicates;
      textbook[0][i] += t.first[i].value / replicates, textbook[1][i] += t.total[i].value / replicates;
    }
  }
  int textbook_off = 0;
  for (int kind = 0; kind < 2; ++kind) {
    for (std::size_t i = 0; i < 3; ++i) {
      const double want = kind == 0 ? truth.first[i] : truth.total[i];
      const double sd = std::sqrt(std::max(1e-12, corrected_sq[kind][i] - corrected[kind][i] * corrected[kind][i]));
      const double se = sd / std::sqrt(replicates - 1.0);
      INFO((kind ? "ST" : "S1") << " of parameter " << i << ": truth " << want << ", corrected mean " << corrected[kind][i]
                                 << " (se " << se << "), textbook mean " << textbook[kind][i]);
      CHECK(std::abs(corrected[kind][i] - want) < 3.5 * se + 0.005);
      textbook_off += std::abs(textbook[kind][i] - want) > 10 * se + 0.02;
    }
  }
  // The textbook estimators miss every index but S1 of the inert x3 (0 either way).
  CHECK(textbook_off == 5);
}

TEST_CASE("Sobol' indices are undefined when the outputs vary no more than their noise", "[sensitivity]") {
  const SensitivityDesign d = saltelli_design(2, 64, 1);
  std::vector<double> y(static_cast<std::size_t>(d.points()), 0.3), noise(y.size(), 0.01);
  const SobolIndices s = sobol_indices(y, noise, 2, 1);
  CHECK(s.variance < 0);
  CHECK(std::isnan(s.first[0].value));
  CHECK(std::isnan(s.total[1].hi));
  CHECK_THROWS_AS(sobol_indices(std::vector<double>(7, 0.0), std::vector<double>(7, 0.0), 2, 1), std::invalid_argument);
}

namespace {
double linear(std::span<const double> u) { return 10 * u[0] - 5 * u[1] + 1 * u[2] + 0 * u[3]; }

// Sobol' g-function, a = (0, 1, 4.5, 9, 99): importance falls with a (Saltelli et al. 2008, 3.5).
double g_function(std::span<const double> u) {
  const double a[5] = {0, 1, 4.5, 9, 99};
  double g = 1;
  for (std::size_t i = 0; i < 5; ++i) g *= (std::abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}
}  // namespace

TEST_CASE("Morris measures: exact on a linear function, the g-function's ranking", "[sensitivity]") {
  const SensitivityDesign d = morris_design(4, 10, 4, 1);
  const std::vector<double> y = outputs(d, linear), zero(y.size(), 0.0);
  const MorrisMeasures m = morris_measures(d, y, zero, 1);
  const double coefficient[4] = {10, -5, 1, 0};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(m.mu[i] == Approx(coefficient[i]).margin(1e-9));
    CHECK(m.mu_star[i].value == Approx(std::abs(coefficient[i])).margin(1e-9));
    CHECK(m.sigma[i] == Approx(0).margin(1e-6));
    CHECK(m.noise_floor[i] == 0.0);
  }
  const SensitivityDesign dg = morris_design(5, 50, 4, 3);
  const std::vector<double> yg = outputs(dg, g_function);
  const MorrisMeasures mg = morris_measures(dg, yg, std::vector<double>(yg.size(), 0.0), 3);
  for (std::size_t i = 0; i + 1 < 5; ++i) {
    INFO("mu* " << i << " = " << mg.mu_star[i].value << ", " << i + 1 << " = " << mg.mu_star[i + 1].value);
    CHECK(mg.mu_star[i].value > mg.mu_star[i + 1].value);
    CHECK(mg.mu_star[i].lo <= mg.mu_star[i].value);
    CHECK(mg.mu_star[i].value <= mg.mu_star[i].hi);
  }
  CHECK(mg.sigma[0] > 0);  // interactions: the effect of u0 depends on the others
}

TEST_CASE("Morris with noisy outputs: sigma loses the noise, mu* of an inert parameter sits at the noise floor", "[sensitivity]") {
  const SensitivityDesign d = morris_design(4, 2000, 4, 7);
  const double noise_sd = 0.5;
  std::vector<double> y = outputs(d, linear), noise(y.size(), noise_sd * noise_sd);
  for (std::size_t i = 0; i < y.size(); ++i) {
    RandomStream s(7, RandomDomain::Perception, i, 0);
    y[i] += noise_sd * s.normal();
  }
  const MorrisMeasures corrected = morris_measures(d, y, noise, 7);
  const MorrisMeasures textbook = morris_measures(d, y, std::vector<double>(y.size(), 0.0), 7);
  // An elementary effect's noise: variance 2 * 0.5^2 / (1/2)^2 = 2; its mean |.| sqrt(2/pi) sqrt(2) = 1.128.
  CHECK(corrected.noise_floor[3] == Approx(std::sqrt(2 / PI) * std::sqrt(2.0)).epsilon(1e-9));
  CHECK(corrected.mu_star[3].value == Approx(corrected.noise_floor[3]).epsilon(0.08));  // se about 2%
  for (std::size_t i = 0; i < 4; ++i) {
    // The true effects are constant (sigma 0): the textbook sigma^2 is the noise's 2
    // (se 0.06 with 2000 paths), the corrected one about 0.
    INFO("parameter " << i << ": sigma corrected " << corrected.sigma[i] << ", textbook " << textbook.sigma[i]);
    CHECK(textbook.sigma[i] * textbook.sigma[i] == Approx(2.0).margin(0.25));
    CHECK(corrected.sigma[i] * corrected.sigma[i] < 0.2);
  }
  CHECK(corrected.mu[0] == Approx(10).margin(0.2));
  CHECK(corrected.mu_star[0].lo < 10);
  CHECK(corrected.mu_star[0].hi > 10);
}

TEST_CASE("A corrected variance within two of its standard errors of 0 leaves the indices n/a", "[sensitivity]") {
  CHECK(variance_is_positive(1.0, 0.1));
  CHECK_FALSE(variance_is_positive(1e-18, 1e-3));  // round-off left over: was S1 of 3e15
  CHECK_FALSE(variance_is_positive(0.0, 0.0));
  CHECK_FALSE(variance_is_positive(-1e-18, 0.0));
  CHECK_FALSE(variance_is_positive(std::nan(""), 0.1));
  // Outputs whose spread is all noise: each point's noise estimate equals the sample
  // variance less 1e-9, so V = 1e-9 > 0, which the old rule (V > 0) divided by.
  const std::int64_t P = 2, N = 64;
  std::vector<double> y;
  for (std::int64_t i = 0; i < N * (P + 2); ++i) y.push_back(0.5 + 0.2 * std::sin(1.7 * static_cast<double>(i)));
  double mean = 0, ss = 0;
  for (std::int64_t j = 0; j < N; ++j) mean += y[static_cast<std::size_t>(j * (P + 2))] + y[static_cast<std::size_t>(j * (P + 2) + P + 1)];
  mean /= 2.0 * N;
  for (std::int64_t j = 0; j < N; ++j) {
    for (std::int64_t k : {std::int64_t{0}, P + 1}) ss += std::pow(y[static_cast<std::size_t>(j * (P + 2) + k)] - mean, 2);
  }
  const std::vector<double> noise(y.size(), ss / (2.0 * N - 1) - 1e-9);
  const SobolIndices s = sobol_indices(y, noise, P, 5, 50);
  CHECK(s.variance == Approx(1e-9).margin(1e-12));
  CHECK(s.variance > 0);
  CHECK(s.variance_se > 1e-4);
  for (std::int64_t i = 0; i < P; ++i) {
    CHECK(std::isnan(s.first[static_cast<std::size_t>(i)].value));
    CHECK(std::isnan(s.total[static_cast<std::size_t>(i)].value));
  }
  // The same outputs without noise: V is the sample variance, many standard errors above 0.
  const SobolIndices clean = sobol_indices(y, std::vector<double>(y.size(), 0.0), P, 5, 50);
  CHECK(clean.variance > VARIANCE_STANDARD_ERRORS * clean.variance_se);
  CHECK(std::isfinite(clean.first[0].value));
}

// Synthetic likelihoods against the exact Gaussian density they estimate.
#include "escalate/infer/infer_stream.hpp"
#include "escalate/infer/synthetic_likelihood.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numbers>

using namespace escalate::infer;

namespace {

// Summaries from N((1, -2), [[1, 0.6], [0.6, 2]]) and that density in closed form.
const std::vector<double> kMean = {1.0, -2.0};
const double kRho = 0.6 / std::sqrt(2.0);

Matrix gaussian_rows(std::size_t n, std::uint64_t key) {
  InferStream s(StreamKey{17, key, 0, 0}, StreamPurpose::Likelihood);
  Matrix rows;
  for (std::size_t i = 0; i < n; ++i) {
    const double a = s.normal(), b = s.normal();
    rows.push_back({kMean[0] + a, kMean[1] + 0.6 * a + std::sqrt(2.0 - 0.36) * b});
  }
  return rows;
}

double exact_log_density(const std::vector<double>& y) {
  // det = 2 - 0.36 = 1.64; inverse = [[2, -0.6], [-0.6, 1]] / 1.64.
  const double a = y[0] - kMean[0], b = y[1] - kMean[1];
  const double q = (2 * a * a - 1.2 * a * b + b * b) / 1.64;
  return -std::log(2 * std::numbers::pi) - 0.5 * std::log(1.64) - 0.5 * q;
}

}  // namespace

TEST_CASE("With many simulations each synthetic likelihood approaches the exact density", "[infer][synthetic]") {
  const Matrix sims = gaussian_rows(20000, 1);
  for (const std::vector<double>& y : {std::vector<double>{1.0, -2.0}, {1.8, -0.5}, {0.2, -3.0}}) {
    const double exact = exact_log_density(y);
    INFO("y = (" << y[0] << ", " << y[1] << "), exact " << exact);
    // Monte Carlo error of the estimated mean and covariance: about 0.01 in log density.
    CHECK(gaussian_synthetic_log_likelihood(sims, y) == Approx(exact).margin(0.03));
    CHECK(unbiased_gaussian_synthetic_log_likelihood(sims, y) == Approx(exact).margin(0.03));
    // Kernel smoothing widens each marginal by h = 0.9 sd n^-0.2 (14% of sd): a bias of
    // a few hundredths at these points.
    CHECK(semiparametric_synthetic_log_likelihood(sims, y) == Approx(exact).margin(0.08));
  }
  const Matrix r = gaussian_rank_correlation(sims);
  CHECK(r[0][0] == 1.0);
  CHECK(r[0][1] == Approx(kRho).margin(0.02));
  CHECK(r[1][0] == r[0][1]);
}

TEST_CASE("The unbiased Gaussian estimate is unbiased for the density with few simulations", "[infer][synthetic]") {
  // n = 8 simulations per estimate (d = 2 needs n > 5). The mean of exp(estimate) over
  // 40,000 independent estimates is the density within 3% (its Monte Carlo error is about 1%).
  const std::vector<double> y = {1.5, -1.0};
  const double exact = std::exp(exact_log_density(y));
  double unbiased = 0.0, plain = 0.0;
  const int reps = 40000;
  for (int k = 0; k < reps; ++k) {
    const Matrix sims = gaussian_rows(8, 100 + static_cast<std::uint64_t>(k));
    unbiased += std::exp(unbiased_gaussian_synthetic_log_likelihood(sims, y)) / reps;
    plain += std::exp(gaussian_synthetic_log_likelihood(sims, y)) / reps;
  }
  INFO("exact " << exact << ", mean of unbiased estimates " << unbiased << ", of plug-in ones " << plain);
  CHECK(unbiased == Approx(exact).epsilon(0.03));
}

TEST_CASE("Summaries that never vary give a zero likelihood unless floored", "[infer][synthetic]") {
  Matrix sims;
  for (int i = 0; i < 30; ++i) sims.push_back({0.0, static_cast<double>(i % 5)});
  const double neg_inf = -std::numeric_limits<double>::infinity();
  CHECK(gaussian_synthetic_log_likelihood(sims, {0.0, 2.0}) == neg_inf);
  CHECK(semiparametric_synthetic_log_likelihood(sims, {0.0, 2.0}) == neg_inf);
  SyntheticLikelihoodOptions floor;
  floor.variance_floor = 1.0 / 12;
  floor.min_bandwidth = 0.5;
  const double at_zero = gaussian_synthetic_log_likelihood(sims, {0.0, 2.0}, floor);
  CHECK(std::isfinite(at_zero));
  CHECK(gaussian_synthetic_log_likelihood(sims, {1.0, 2.0}, floor) < at_zero - 5);
  CHECK(std::isfinite(semiparametric_synthetic_log_likelihood(sims, {0.0, 2.0}, floor)));
  CHECK(std::isfinite(unbiased_gaussian_synthetic_log_likelihood(sims, {0.0, 2.0}, floor)));
}

TEST_CASE("Too few simulations or mismatched summaries are refused", "[infer][synthetic]") {
  CHECK_THROWS_WITH(unbiased_gaussian_synthetic_log_likelihood(gaussian_rows(5, 2), {0, 0}),
                    Catch::Contains("at least 6"));
  CHECK_THROWS_WITH(gaussian_synthetic_log_likelihood({{1.0, 2.0}, {1.0}}, {0, 0}), Catch::Contains("observed one 2"));
}

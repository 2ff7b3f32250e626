#include "escalate/infer/synthetic_likelihood.hpp"

#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <string>

namespace escalate::infer {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
const double kLog2Pi = std::log(2 * std::numbers::pi);

void check_sizes(const Matrix& simulated, const std::vector<double>& observed, std::size_t minimum) {
  if (simulated.size() < minimum)
    throw std::invalid_argument("synthetic likelihood: " + std::to_string(simulated.size()) +
                                " simulations, at least " + std::to_string(minimum) + " needed");
  for (const auto& row : simulated)
    if (row.size() != observed.size())
      throw std::invalid_argument("synthetic likelihood: a simulated summary has " + std::to_string(row.size()) +
                                  " values, the observed one " + std::to_string(observed.size()));
}

Matrix floored_covariance(const Matrix& simulated, const SyntheticLikelihoodOptions& options) {
  Matrix cov = sample_covariance(simulated);
  for (std::size_t j = 0; j < cov.size(); ++j) cov[j][j] += options.variance_floor;
  return cov;
}

// log c(k, v) of Ghurye & Olkin: c(k, v) = 2^(-kv/2) pi^(-k(k-1)/4) / prod_i Gamma((v-i+1)/2).
double log_wishart_constant(double k, double v) {
  double total = -0.5 * k * v * std::numbers::ln2 - 0.25 * k * (k - 1) * std::log(std::numbers::pi);
  for (int i = 1; i <= static_cast<int>(k); ++i) total -= std::lgamma(0.5 * (v - i + 1));
  return total;
}

double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }
double standard_normal_quantile(double p) { return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * p); }

// Average ranks (1..n) of a column; ties share the mean of their ranks.
std::vector<double> average_ranks(const std::vector<double>& column) {
  const std::size_t n = column.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return column[a] < column[b]; });
  std::vector<double> rank(n);
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start;
    while (end + 1 < n && column[order[end + 1]] == column[order[start]]) ++end;
    const double shared = 0.5 * static_cast<double>(start + end) + 1.0;
    for (std::size_t k = start; k <= end; ++k) rank[order[k]] = shared;
    start = end + 1;
  }
  return rank;
}

}  // namespace

double gaussian_synthetic_log_likelihood(const Matrix& simulated, const std::vector<double>& observed,
                                         const SyntheticLikelihoodOptions& options) {
  check_sizes(simulated, observed, 2);
  const auto mean = column_means(simulated);
  const auto factor = cholesky(floored_covariance(simulated, options));
  if (!factor) return kNegInf;
  std::vector<double> diff(observed.size());
  for (std::size_t j = 0; j < diff.size(); ++j) diff[j] = observed[j] - mean[j];
  const double d = static_cast<double>(observed.size());
  return -0.5 * (d * kLog2Pi + log_determinant(*factor) + inverse_quadratic_form(*factor, diff));
}

double unbiased_gaussian_synthetic_log_likelihood(const Matrix& simulated, const std::vector<double>& observed,
                                                  const SyntheticLikelihoodOptions& options) {
  check_sizes(simulated, observed, observed.size() + 4);
  const double n = static_cast<double>(simulated.size()), d = static_cast<double>(observed.size());
  const auto mean = column_means(simulated);
  const Matrix cov = floored_covariance(simulated, options);
  // M = (n-1) S and Psi = M - (mu - y)(mu - y)^T / (1 - 1/n), which must be positive definite.
  Matrix m = cov, psi = cov;
  for (std::size_t j = 0; j < cov.size(); ++j)
    for (std::size_t k = 0; k < cov.size(); ++k) {
      m[j][k] = (n - 1) * cov[j][k];
      psi[j][k] = m[j][k] - (mean[j] - observed[j]) * (mean[k] - observed[k]) / (1 - 1 / n);
    }
  const auto m_factor = cholesky(m);
  const auto psi_factor = cholesky(psi);
  if (!m_factor || !psi_factor) return kNegInf;
  return -0.5 * d * kLog2Pi + log_wishart_constant(d, n - 2) - log_wishart_constant(d, n - 1) -
         0.5 * d * std::log(1 - 1 / n) - 0.5 * (n - d - 2) * log_determinant(*m_factor) +
         0.5 * (n - d - 3) * log_determinant(*psi_factor);
}

Matrix gaussian_rank_correlation(const Matrix& rows) {
  const std::size_t n = rows.size(), d = rows.empty() ? 0 : rows[0].size();
  Matrix scores(n, std::vector<double>(d));
  for (std::size_t j = 0; j < d; ++j) {
    std::vector<double> column(n);
    for (std::size_t i = 0; i < n; ++i) column[i] = rows[i][j];
    const auto rank = average_ranks(column);
    for (std::size_t i = 0; i < n; ++i)
      scores[i][j] = standard_normal_quantile(rank[i] / (static_cast<double>(n) + 1));
  }
  double denominator = 0.0;  // sum of squared normal scores of 1..n: the no-ties scale
  for (std::size_t i = 1; i <= n; ++i) {
    const double s = standard_normal_quantile(static_cast<double>(i) / (static_cast<double>(n) + 1));
    denominator += s * s;
  }
  Matrix r(d, std::vector<double>(d, 0.0));
  for (std::size_t j = 0; j < d; ++j)
    for (std::size_t k = 0; k < d; ++k) {
      double s = 0.0;
      for (std::size_t i = 0; i < n; ++i) s += scores[i][j] * scores[i][k];
      r[j][k] = j == k ? 1.0 : s / denominator;
    }
  return r;
}

double semiparametric_synthetic_log_likelihood(const Matrix& simulated, const std::vector<double>& observed,
                                               const SyntheticLikelihoodOptions& options) {
  check_sizes(simulated, observed, 2);
  const std::size_t n = simulated.size(), d = observed.size();
  const Matrix cov = sample_covariance(simulated);
  double log_marginals = 0.0;
  std::vector<double> eta(d);
  for (std::size_t j = 0; j < d; ++j) {
    // Silverman's rule of thumb (R's bw.nrd0 without the IQR branch): 0.9 sd n^(-1/5).
    const double h = std::max(0.9 * std::sqrt(cov[j][j]) * std::pow(static_cast<double>(n), -0.2),
                              options.min_bandwidth);
    if (!(h > 0)) return kNegInf;
    double density = 0.0, cdf = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double t = (observed[j] - simulated[i][j]) / h;
      density += std::exp(-0.5 * t * t);
      cdf += standard_normal_cdf(t);
    }
    density /= static_cast<double>(n) * h * std::sqrt(2 * std::numbers::pi);
    cdf /= static_cast<double>(n);
    if (!(density > 0)) return kNegInf;
    log_marginals += std::log(density);
    eta[j] = standard_normal_quantile(std::clamp(cdf, 1e-12, 1 - 1e-12));
  }
  const Matrix r = gaussian_rank_correlation(simulated);
  const auto factor = cholesky(r);
  if (!factor) return kNegInf;
  // Gaussian copula density: |R|^(-1/2) exp(-eta^T (R^-1 - I) eta / 2).
  double eta_sq = 0.0;
  for (double e : eta) eta_sq += e * e;
  return log_marginals - 0.5 * log_determinant(*factor) - 0.5 * (inverse_quadratic_form(*factor, eta) - eta_sq);
}

}  // namespace escalate::infer

#include "escalate/infer/linear_algebra.hpp"

#include <cmath>

namespace escalate::infer {

std::vector<double> column_means(const Matrix& rows) {
  const std::size_t d = rows.empty() ? 0 : rows[0].size();
  std::vector<double> mean(d, 0.0);
  for (const auto& r : rows)
    for (std::size_t j = 0; j < d; ++j) mean[j] += r[j];
  for (auto& m : mean) m /= static_cast<double>(rows.size());
  return mean;
}

Matrix sample_covariance(const Matrix& rows) {
  const std::size_t n = rows.size();
  const std::vector<double> mean = column_means(rows);
  const std::size_t d = mean.size();
  Matrix cov(d, std::vector<double>(d, 0.0));
  for (const auto& r : rows)
    for (std::size_t j = 0; j < d; ++j)
      for (std::size_t k = 0; k <= j; ++k) cov[j][k] += (r[j] - mean[j]) * (r[k] - mean[k]);
  const double divisor = n > 1 ? static_cast<double>(n - 1) : 1.0;
  for (std::size_t j = 0; j < d; ++j)
    for (std::size_t k = 0; k <= j; ++k) cov[k][j] = cov[j][k] = cov[j][k] / divisor;
  return cov;
}

std::optional<Matrix> cholesky(const Matrix& matrix) {
  const std::size_t d = matrix.size();
  Matrix l(d, std::vector<double>(d, 0.0));
  for (std::size_t j = 0; j < d; ++j) {
    double diag = matrix[j][j];
    for (std::size_t k = 0; k < j; ++k) diag -= l[j][k] * l[j][k];
    if (!(diag > 0) || !std::isfinite(diag)) return std::nullopt;
    l[j][j] = std::sqrt(diag);
    for (std::size_t i = j + 1; i < d; ++i) {
      double s = matrix[i][j];
      for (std::size_t k = 0; k < j; ++k) s -= l[i][k] * l[j][k];
      l[i][j] = s / l[j][j];
    }
  }
  return l;
}

double log_determinant(const Matrix& lower) {
  double total = 0.0;
  for (std::size_t j = 0; j < lower.size(); ++j) total += std::log(lower[j][j]);
  return 2.0 * total;
}

double inverse_quadratic_form(const Matrix& lower, const std::vector<double>& v) {
  // Solve L w = v; then v^T A^-1 v = w^T w.
  const std::size_t d = v.size();
  std::vector<double> w(d);
  double total = 0.0;
  for (std::size_t j = 0; j < d; ++j) {
    double s = v[j];
    for (std::size_t k = 0; k < j; ++k) s -= lower[j][k] * w[k];
    w[j] = s / lower[j][j];
    total += w[j] * w[j];
  }
  return total;
}

}  // namespace escalate::infer

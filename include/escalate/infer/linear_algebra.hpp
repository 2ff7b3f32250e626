#pragma once
// The few dense-matrix operations the sampler and the synthetic likelihoods need, on
// small matrices (a few dozen rows): covariance, Cholesky factor, log-determinant and a
// quadratic form. Row-major vectors of rows; no external library.
#include <optional>
#include <vector>

namespace escalate::infer {

using Matrix = std::vector<std::vector<double>>;

// The column means of rows.
std::vector<double> column_means(const Matrix& rows);

// The sample covariance (divisor n - 1) of rows.
Matrix sample_covariance(const Matrix& rows);

// Lower Cholesky factor of a symmetric matrix; nullopt when it is not positive definite.
std::optional<Matrix> cholesky(const Matrix& matrix);

// log det A from A's Cholesky factor L: 2 sum log L_jj.
double log_determinant(const Matrix& lower);

// v^T A^-1 v from A's Cholesky factor L (two triangular solves).
double inverse_quadratic_form(const Matrix& lower, const std::vector<double>& v);

}  // namespace escalate::infer

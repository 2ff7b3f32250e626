#include "escalate/infer/random_walk.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace escalate::infer {

RandomWalk::RandomWalk(const Matrix& particles, double scale, double shrinkage)
    : covariance_(sample_covariance(particles)) {
  const std::size_t d = covariance_.size();
  if (!(shrinkage >= 0 && shrinkage <= 1)) throw std::invalid_argument("random walk: shrinkage must be in [0, 1]");
  for (std::size_t j = 0; j < d; ++j)
    for (std::size_t k = 0; k < d; ++k)
      if (j != k) covariance_[j][k] *= 1.0 - shrinkage;
  double largest = 0.0;
  for (std::size_t j = 0; j < d; ++j) largest = std::max(largest, covariance_[j][j]);
  const double ridge = std::max(1e-10 * largest, 1e-12);
  auto scaled = covariance_;
  for (std::size_t j = 0; j < d; ++j) {
    for (std::size_t k = 0; k < d; ++k) scaled[j][k] *= scale;
    scaled[j][j] += scale * ridge;
  }
  auto factor = cholesky(scaled);
  if (!factor) {
    // Rounding made the covariance indefinite (collinear particles): fall back to its
    // diagonal, still a valid symmetric proposal.
    for (std::size_t j = 0; j < d; ++j)
      for (std::size_t k = 0; k < d; ++k) scaled[j][k] = j == k ? scaled[j][k] : 0.0;
    factor = cholesky(scaled);
  }
  if (!factor) throw std::domain_error("random walk: the particles' covariance is not finite");
  cholesky_ = std::move(*factor);
}

std::vector<double> RandomWalk::propose(const std::vector<double>& z, InferStream& stream) const {
  const std::size_t d = z.size();
  std::vector<double> e(d);
  for (auto& v : e) v = stream.normal();
  std::vector<double> out = z;
  for (std::size_t j = 0; j < d; ++j)
    for (std::size_t k = 0; k <= j; ++k) out[j] += cholesky_[j][k] * e[k];
  return out;
}

}  // namespace escalate::infer

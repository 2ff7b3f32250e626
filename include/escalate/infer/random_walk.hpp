#pragma once
// The Metropolis-Hastings random-walk proposal of the move step (docs/inference.md §5):
// z' = z + L e, e ~ N(0, I), L L^T = scale * (covariance of the particles + a small
// ridge). Symmetric, so the acceptance ratio needs no proposal density.
#include "escalate/infer/infer_stream.hpp"
#include "escalate/infer/linear_algebra.hpp"

#include <vector>

namespace escalate::infer {

class RandomWalk {
 public:
  // From equally weighted particles (rows) in unconstrained space. The ridge
  // (1e-10 times the largest variance, at least 1e-12) keeps the Cholesky factor defined
  // when particles coincide in some direction. `shrinkage` in [0, 1] pulls the
  // covariance toward its diagonal, (1 - shrinkage) Σ̂ + shrinkage diag(Σ̂): with fewer
  // distinct particles than parameters Σ̂ is singular and the walk could only move
  // within the particles' span.
  RandomWalk(const Matrix& particles, double scale, double shrinkage = 0.0);

  std::vector<double> propose(const std::vector<double>& z, InferStream& stream) const;
  const Matrix& covariance() const { return covariance_; }

 private:
  Matrix covariance_;  // particle covariance (after shrinkage), before scaling
  Matrix cholesky_;    // lower triangle of scale * (covariance + ridge)
};

}  // namespace escalate::infer

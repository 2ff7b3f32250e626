#pragma once
// The preconditioned Crank-Nicolson move of the sampler (docs/inference.md §5), in each
// parameter's Gaussianised prior scale. With independent priors, g_j = Phi^-1(F_j(x_j))
// is N(0, 1) under the prior; the move proposes
//   g'_j = rho_j g_j + s_j xi_j,   s_j = sqrt(1 - rho_j^2),   xi_j ~ N(0, 1),
// and x'_j = F_j^-1(Phi(g'_j)). The proposal is reversible with respect to the prior, so
// the Metropolis-Hastings acceptance is min(1, (L(θ')/L(θ))^t), like the prior
// refresh's (pseudo-marginal: the estimate stays with the particle). s_j = 1 redraws
// coordinate j from its prior, s_j = 0 leaves it alone.
//
// The step per coordinate is s_j = min(1, lambda l_j), where l_j = 1/sqrt(1/r_j - 1) is
// the likelihood's width in prior sds implied by r_j, the variance of the (resampled)
// particles' g_j (the prior's is 1), capped below 1: a coordinate the likelihood does not
// see (r_j near 1) is redrawn whole, one it pins down moves by about lambda of its
// posterior width. lambda is the sampler's, adapted between stages.
#include "escalate/infer/bijection.hpp"
#include "escalate/infer/infer_stream.hpp"
#include "escalate/infer/linear_algebra.hpp"
#include "escalate/infer/parameter_space.hpp"

#include <cstddef>
#include <vector>

namespace escalate::infer {

class PcnMove {
 public:
  // particles in unconstrained space (rows), equally weighted; lambda > 0. Throws
  // std::invalid_argument for sizes that differ or a lambda that is not positive.
  PcnMove(const ParameterSpace& space, const Matrix& particles, double lambda);
  // With the steps s_j given (one per parameter, each in [0, 1]).
  PcnMove(const ParameterSpace& space, std::vector<double> steps);

  // The proposal for the particle at z (unconstrained), from a stream of purpose Refresh:
  // one normal per coordinate.
  std::vector<double> propose(const std::vector<double>& z, InferStream& stream) const;

  // The Gaussianised scale of coordinate j and back (Phi(g) clamped inside (0, 1), so
  // the quantile stays finite).
  double to_gaussian(std::size_t j, double z) const;
  double from_gaussian(std::size_t j, double g) const;

  const std::vector<double>& steps() const { return steps_; }

 private:
  void set_priors(const ParameterSpace& space);

  std::vector<Prior> priors_;
  std::vector<Bijection> bijections_;
  std::vector<double> steps_;  // s_j
};

}  // namespace escalate::infer

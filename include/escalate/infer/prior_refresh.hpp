#pragma once
// The prior-refresh proposal of the move step (docs/inference.md §5): a block of
// coordinates is drawn afresh from their priors, the others are kept. The priors are
// independent, so the proposal density cancels the prior in the Metropolis-Hastings ratio
// and a move is accepted with probability min(1, (L(θ')/L(θ))^t): exact for
// p(θ) L(θ)^t, with the likelihood estimate carried pseudo-marginally. For a coordinate
// the likelihood does not see, an accepted refresh is an exact, independent draw from its
// posterior (its prior), however many parameters there are and however the particles'
// cloud has shrunk: the random walk alone cannot do that in high dimension.
//
// Coordinate j enters a particle's block with probability min(1, r_j)^power, where r_j is
// the variance of the (resampled) particles over the prior variance, both on the
// unconstrained scale: a coordinate the likelihood pins down (small r_j) is rarely
// redrawn, one the likelihood ignores (r_j near 1) almost always. The inclusion draws use
// the proposal's stream, never the particle's state, so the move is a mixture of
// block-refresh kernels, each leaving the target invariant.
#include "escalate/infer/bijection.hpp"
#include "escalate/infer/infer_stream.hpp"
#include "escalate/infer/linear_algebra.hpp"
#include "escalate/infer/parameter_space.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace escalate::infer {

// Each parameter's prior mean and variance on the unconstrained scale z, by the midpoint
// rule over `points` quantiles of its prior (deterministic: no random numbers). The
// posterior's summary measures its shrinkage against these (report/posterior_summary.hpp).
struct UnconstrainedMoments {
  double mean = 0, variance = 0;
};
std::vector<UnconstrainedMoments> unconstrained_prior_moments(const ParameterSpace& space, std::size_t points = 1000);
// Their variances alone.
std::vector<double> unconstrained_prior_variances(const ParameterSpace& space, std::size_t points = 1000);

class PriorRefresh {
 public:
  // prior_variance from unconstrained_prior_variances(space); particles in unconstrained
  // space (rows), equally weighted. Throws std::invalid_argument for sizes that differ
  // or a power below 0.
  PriorRefresh(const ParameterSpace& space, const std::vector<double>& prior_variance,
               const Matrix& particles, double power);
  // With the inclusion probabilities given (one per parameter, each in [0, 1]).
  PriorRefresh(const ParameterSpace& space, std::vector<double> inclusion);

  // The proposal for the particle at z, from a stream of purpose Refresh: two uniforms per
  // coordinate, whatever is drawn. nullopt when the block is empty (the particle stays,
  // and no likelihood is needed).
  std::optional<std::vector<double>> propose(const std::vector<double>& z, InferStream& stream) const;

  // The probability that coordinate j is redrawn.
  const std::vector<double>& inclusion() const { return inclusion_; }

 private:
  std::vector<Prior> priors_;
  std::vector<Bijection> bijections_;
  std::vector<double> inclusion_;
};

}  // namespace escalate::infer

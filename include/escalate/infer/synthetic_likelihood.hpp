#pragma once
// Synthetic likelihoods (docs/inference.md §5): the log-likelihood of an observed
// summary vector y estimated from n summary vectors simulated at the same θ.
//
// - Gaussian (Wood 2010; Price et al. 2018, "BSL"): N(y; sample mean, sample covariance).
// - Unbiased Gaussian (Price et al. 2018, "uBSL", after Ghurye & Olkin 1969): an unbiased
//   estimate of the Gaussian density with the true mean and covariance; needs n > d + 3.
//   With it the pseudo-marginal sampler targets exactly the posterior of the Gaussian
//   model of the summaries, whatever n.
// - Semi-parametric (An, Nott & Drovandi 2020, "semiBSL"): a kernel density estimate per
//   summary and a Gaussian copula whose correlation is the Gaussian rank correlation
//   (Boudt et al. 2012): robust to skewed, bounded marginals such as small counts.
//
// All return -infinity when the simulations cannot support a density at y (a summary
// that never varies, a singular covariance): a zero likelihood, not an error. Throws
// std::invalid_argument for too few simulations or mismatched sizes.
#include "escalate/infer/linear_algebra.hpp"

#include <vector>

namespace escalate::infer {

struct SyntheticLikelihoodOptions {
  // Added to every variance of the Gaussian forms (0: none). For integer summaries a
  // floor such as 1/12 (the variance of a unit-width uniform) keeps a summary that never
  // varied at θ from making the likelihood zero when y differs from it by little.
  double variance_floor = 0.0;
  // Smallest kernel bandwidth of the semi-parametric form (0: Silverman's rule alone).
  // For counts 0.5 keeps the kernel at least half a count wide.
  double min_bandwidth = 0.0;
};

double gaussian_synthetic_log_likelihood(const Matrix& simulated, const std::vector<double>& observed,
                                         const SyntheticLikelihoodOptions& options = {});

double unbiased_gaussian_synthetic_log_likelihood(const Matrix& simulated, const std::vector<double>& observed,
                                                  const SyntheticLikelihoodOptions& options = {});

double semiparametric_synthetic_log_likelihood(const Matrix& simulated, const std::vector<double>& observed,
                                               const SyntheticLikelihoodOptions& options = {});

// The Gaussian rank correlation of the columns of rows (Boudt, Cornelissen & Croux
// 2012): the correlation of normal scores of ranks (average ranks for ties).
Matrix gaussian_rank_correlation(const Matrix& rows);

}  // namespace escalate::infer

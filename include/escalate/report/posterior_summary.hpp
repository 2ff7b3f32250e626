#pragma once
// `escalate summary posterior.h5`: what the record taught, as text under 100 columns.
//   - each parameter: its prior, prior mean, posterior mean, posterior 90% interval (5% and
//     95% quantiles of the draws) and the shrinkage 1 - var_post / var_prior. The means and
//     the interval are on the parameter's own scale; the shrinkage is on the sampler's
//     unconstrained scale (infer/bijection.hpp: log for a positive parameter, logit for a
//     bounded one, none for an unbounded one), the prior's variance there by quadrature
//     (infer/prior_refresh.hpp): on its own scale a heavy-tailed prior's variance lives
//     in a tail a hundred draws rarely reach, and the ratio means little;
//   - the posterior predictive check: observed, median, 90% band, PIT, outliers flagged;
//     an unobserved (held-out) row says "held out";
//   - the sampler's stages (temperature, ESS, acceptance), the misfits, and the parameters
//     the record leaves at their prior (left_at_prior below).
#include "escalate/output/posterior_file.hpp"

#include <cstdint>
#include <ostream>
#include <string>

namespace escalate {

// What the posterior draws say of one parameter against its prior.
struct ParameterShift {
  double prior_mean = 0, prior_sd = 0;
  double mean = 0, q05 = 0, q95 = 0;
  // On the unconstrained scale z: 1 - var_post(z) / var_prior(z), and the distance of the
  // posterior mean of z from the prior's, in prior sd of z. NaN for a prior text that does
  // not read back as a prior (infer/prior_text.hpp) or a prior without spread.
  double shrinkage = 0;
  double mean_shift = 0;
};
ParameterShift parameter_shift(const PosteriorFile& posterior, std::size_t parameter);

// The rule for "the record leaves it at its prior": shrinkage below 0.1 and the posterior
// mean within 0.2 prior standard deviations of the prior mean, both on the unconstrained
// scale (shrinkage and mean_shift).
inline constexpr double AT_PRIOR_SHRINKAGE = 0.1;
inline constexpr double AT_PRIOR_MEAN_SHIFT = 0.2;  // in prior sd
bool left_at_prior(const ParameterShift& shift);

// How many of the draws are distinct, and how often the most repeated one occurs. The final
// ESS measures only the last reweighting: when the last moves fail to separate the copies
// the final resampling made (a particle kept by a lucky likelihood estimate), the draws
// hold fewer distinct values than their number, and every spread and forecast computed from
// them is less certain than that number suggests. print_posterior_summary says so below
// DISTINCT_DRAWS_WARNING of the draws.
struct DrawDiversity {
  std::int64_t distinct = 0;
  std::int64_t most_copies = 0;
};
DrawDiversity draw_diversity(const PosteriorFile& posterior);
inline constexpr double DISTINCT_DRAWS_WARNING = 0.8;

void print_posterior_summary(std::ostream& out, const std::string& path, const PosteriorFile& posterior);

}  // namespace escalate

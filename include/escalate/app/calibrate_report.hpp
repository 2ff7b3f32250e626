#pragma once
// The calibrate service's own pieces (and its tests'): the progress line of a finished stage and the
// posterior file assembled from the sampler's draws, the check and the provenance.
#include "escalate/app/predictive_check.hpp"
#include "escalate/infer/smc_sampler.hpp"
#include "escalate/output/posterior_file.hpp"

#include <string>

namespace escalate::app {

// "stage 3: temperature 0.0123, ESS 250/500, acceptance 0.31 (4 moves), 2,000 likelihood
// estimates (400,000 trajectories); 45 s elapsed, about 1 min to go".
std::string stage_line(const infer::SmcState& state, std::size_t particles, double trajectories_per_estimate,
                       double elapsed_seconds);

PosteriorFile posterior_file_of(const infer::ParameterSpace& space, const infer::Posterior& posterior,
                                PredictiveCheck check, PosteriorProvenance provenance);

}  // namespace escalate::app

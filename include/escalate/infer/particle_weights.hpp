#pragma once
// Weights of a particle population (docs/inference.md §4): effective sample size,
// the adaptive choice of the next temperature, systematic resampling. All on log
// weights, all serial, so the result does not depend on who computed the likelihoods.
#include <cstddef>
#include <vector>

namespace escalate::infer {

// log sum_i exp(w_i); -infinity when every w_i is -infinity.
double log_sum_exp(const std::vector<double>& log_weights);

// (sum w)^2 / sum w^2 of the weights exp(log_weights); 0 when every weight is 0.
double effective_sample_size(const std::vector<double>& log_weights);

// The incremental log weights delta * l_i of a temperature step (l_i = -infinity gives
// -infinity whatever delta, including 0).
std::vector<double> incremental_log_weights(const std::vector<double>& log_likelihood, double delta);

// The next temperature after `temperature`: the largest t in (temperature, 1] whose
// incremental weights keep ESS >= fraction * N, found by bisection on the increment
// (Jasra et al. 2011); 1 if the step to 1 already keeps that ESS. ESS is decreasing in
// the increment, so bisection converges; `iterations` halvings (default 60) reach
// double precision.
double next_temperature(const std::vector<double>& log_likelihood, double temperature, double fraction,
                        int iterations = 60);

// Systematic resampling (Kitagawa 1996): N indices, ancestor i appearing
// floor or ceil of N w_i times, from one uniform u in (0, 1). Indices are increasing.
std::vector<std::size_t> systematic_resample(const std::vector<double>& log_weights, double u);

}  // namespace escalate::infer

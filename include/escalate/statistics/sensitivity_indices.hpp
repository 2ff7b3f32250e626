#pragma once
// Sensitivity estimators (docs/sensitivity.md), pure functions of a design's outputs:
// Sobol' first-order and total indices (Saltelli 2010, Jansen 1999) and Morris's
// elementary-effect measures, each with a percentile bootstrap interval, and corrected for
// noise in the outputs. Every output y of a design point may carry an unbiased estimate
// of its own noise variance (the inner loop's binomial noise: p(1 - p)/(T - 1) for an
// estimate from T trajectories); all zeros gives the textbook estimators.
#include "escalate/statistics/sensitivity_design.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace escalate {

inline constexpr int BOOTSTRAP_RESAMPLES = 1000;
inline constexpr double BOOTSTRAP_LEVEL = 0.95;

// An estimate with its percentile bootstrap interval (NaN where undefined).
struct IntervalEstimate {
  double value = 0, lo = 0, hi = 0;
};

// The noise-corrected variance V counts as positive, so that indices divided by it are
// defined, only when it is more than this many of its own standard errors above zero: a V
// left as round-off (1e-18) or as noise gave S1 of 3e15. V is the mean of 2N terms
// d = (y - mean)^2 2N/(2N - 1) - noise over the A and B points, so SE(V) = sd(d)/sqrt(2N).
inline constexpr double VARIANCE_STANDARD_ERRORS = 2.0;
bool variance_is_positive(double variance, double standard_error);

struct SobolIndices {
  std::vector<IntervalEstimate> first, total;  // [P] S1, ST
  double variance = 0;        // Var(f): the variance of the outputs less their mean noise variance
  double variance_se = 0;     // the standard error of `variance`
  double noise_variance = 0;  // the mean noise variance of the A and B points
};

// From the outputs of a Saltelli design (N blocks of P + 2 points in SALib's order):
//   V   = s^2(y over A and B, divisor 2N - 1) - mean(noise over A and B)
//   S1_i = mean_j( y_Bj (y_ABij - y_Aj) ) / V
//   ST_i = mean_j( (y_Aj - y_ABij)^2 / 2 - (noise_Aj + noise_ABij) / 2 ) / V
// with the interval from `resamples` bootstrap resamples of the N blocks (Philox stream
// keyed by `seed`). Undefined (NaN) unless variance_is_positive(V, SE(V)): the outputs
// vary no more than their noise, within the estimate's own precision.
SobolIndices sobol_indices(std::span<const double> y, std::span<const double> noise, std::int64_t parameters,
                           std::uint64_t seed, int resamples = BOOTSTRAP_RESAMPLES);

struct MorrisMeasures {
  std::vector<IntervalEstimate> mu_star;  // [P] mean |EE|, with its bootstrap interval
  std::vector<double> mu;                 // [P] mean EE
  std::vector<double> sigma;              // [P] sd of the true EE: sqrt(max(0, s^2(EE) - mean noise of EE))
  std::vector<double> noise_floor;        // [P] mean |EE| of a parameter without effect: sqrt(2/pi) * noise sd of an EE
};

// From the outputs of a Morris design (r paths of P + 1 points; unit coordinates as in
// SensitivityDesign): EE = (y_after - y_before) / (u_after - u_before) of the parameter a
// step moves, its noise (noise_before + noise_after) / (u_after - u_before)^2; paths are
// resampled for the interval of mu*.
MorrisMeasures morris_measures(const SensitivityDesign& design, std::span<const double> y, std::span<const double> noise,
                               std::uint64_t seed, int resamples = BOOTSTRAP_RESAMPLES);

}  // namespace escalate

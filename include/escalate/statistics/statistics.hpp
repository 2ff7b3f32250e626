#pragma once
// Small statistics used for the results: intervals, quantiles, rank correlation.
#include <cstdint>
#include <utility>
#include <vector>

namespace escalate {

inline constexpr double Z95 = 1.959963984540054;  // standard normal 97.5% quantile

// Wilson score interval for a binomial proportion (successes of n), at z.
std::pair<double, double> wilson_interval(std::int64_t successes, std::int64_t n, double z = Z95);

// The pooled estimate of E[p] over parameter draws and its 95% Monte Carlo interval, which
// must account for both loops (MODEL §11). Draw m contributes p_m = successes[m] / trials[m]
// (draws without trials are skipped). With M >= 2 draws: mean of the p_m, and the hull of
// mean ± t(M-1, 0.975) sd/sqrt(M) (clipped to [0, 1]) and the Wilson interval of the pooled
// count (so an event seen in no draw still gets a non-empty interval); with one draw, the
// Wilson interval. between_draw_sd is the spread of the *true* per-draw probabilities:
// sqrt(max(0, var(p_m) - mean(p_m (1 - p_m) / (N_m - 1)))), NaN with fewer than two draws.
struct PooledEstimate {
  double mean = 0, lo = 0, hi = 0;
  double between_draw_sd = 0;
  double within_draw_sd = 0;  // binomial noise of one draw's estimate: sqrt(mean(p_m (1 - p_m) / (N_m - 1)))
  std::int64_t draws = 0;     // draws with trajectories
};
PooledEstimate pooled_estimate(const std::vector<std::int64_t>& successes, const std::vector<std::int64_t>& trials);

// Quantile p of the chi-square distribution with `df` degrees of freedom.
double chi_square_quantile(double df, double p);

// Two-sided 95% Student t quantile with `df` degrees of freedom (df may be fractional).
double t_quantile_95(double df);

// Quantile p of `values` (sorted in place), linear interpolation between order
// statistics (Hyndman & Fan type 7, numpy's default). NaN for an empty vector.
double quantile(std::vector<double>& values, double p);

// Spearman rank correlation (average ranks for ties); NaN when either side is constant.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

// The noise threshold of a Spearman correlation over n pairs: the |rho| that independent
// variables exceed with probability 5%, by the t approximation
// rho = t / sqrt(n - 2 + t^2), t = t(n - 2, 0.975) (good from n of about 10); NaN for n < 3.
double spearman_threshold(std::int64_t n);

}  // namespace escalate

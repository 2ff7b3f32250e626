#pragma once
// Small statistics used for the results: intervals, quantiles, rank correlation.
#include <cstdint>
#include <utility>
#include <vector>

namespace escalate {

inline constexpr double Z95 = 1.959963984540054;  // standard normal 97.5% quantile

// Wilson score interval for a binomial proportion (successes of n), at z.
std::pair<double, double> wilson_interval(std::int64_t successes, std::int64_t n, double z = Z95);

// Quantile p of `values` (sorted in place), linear interpolation between order
// statistics (Hyndman & Fan type 7, numpy's default). NaN for an empty vector.
double quantile(std::vector<double>& values, double p);

// Spearman rank correlation (average ranks for ties); NaN when either side is constant.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace escalate

#include "escalate/statistics/statistics.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace escalate {

std::pair<double, double> wilson_interval(std::int64_t successes, std::int64_t n, double z) {
  if (n <= 0) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  double nn = static_cast<double>(n);
  double p = static_cast<double>(successes) / nn;
  double z2 = z * z;
  double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double chi_square_quantile(double df, double p) {
  return boost::math::quantile(boost::math::chi_squared(df), p);
}

double t_quantile_95(double df) {
  if (!(df >= 1) || !std::isfinite(df)) return df > 0 ? Z95 : std::numeric_limits<double>::quiet_NaN();
  return boost::math::quantile(boost::math::students_t(df), 0.975);
}

PooledEstimate pooled_estimate(const std::vector<std::int64_t>& successes, const std::vector<std::int64_t>& trials) {
  constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
  PooledEstimate e;
  std::vector<double> p;
  std::int64_t k = 0, n = 0;
  double binomial = 0;  // sum of p_m (1 - p_m) / (N_m - 1)
  bool noise_known = true;
  for (std::size_t m = 0; m < trials.size(); ++m) {
    if (trials[m] <= 0) continue;
    const double pm = static_cast<double>(successes[m]) / static_cast<double>(trials[m]);
    p.push_back(pm);
    k += successes[m];
    n += trials[m];
    if (trials[m] >= 2) binomial += pm * (1 - pm) / static_cast<double>(trials[m] - 1);
    else noise_known = false;
  }
  e.draws = static_cast<std::int64_t>(p.size());
  if (p.empty()) return {NaN, NaN, NaN, NaN, NaN, 0};
  const double M = static_cast<double>(p.size());
  e.mean = std::accumulate(p.begin(), p.end(), 0.0) / M;
  auto [wlo, whi] = wilson_interval(k, n);
  e.within_draw_sd = noise_known ? std::sqrt(binomial / M) : NaN;
  if (p.size() == 1) {
    e.lo = wlo, e.hi = whi, e.between_draw_sd = NaN;
    return e;
  }
  double ss = 0;
  for (double x : p) ss += (x - e.mean) * (x - e.mean);
  const double var = ss / (M - 1);
  const double half = t_quantile_95(M - 1) * std::sqrt(var / M);
  e.lo = std::min(wlo, std::max(0.0, e.mean - half));
  e.hi = std::max(whi, std::min(1.0, e.mean + half));
  e.between_draw_sd = noise_known ? std::sqrt(std::max(0.0, var - binomial / M)) : NaN;
  return e;
}

double quantile(std::vector<double>& values, double p) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  double h = (static_cast<double>(values.size()) - 1) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

namespace {
std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    double average = 0.5 * static_cast<double>(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
    i = j + 1;
  }
  return r;
}
}  // namespace

double spearman_threshold(std::int64_t n) {
  if (n < 3) return std::numeric_limits<double>::quiet_NaN();
  const double t = t_quantile_95(static_cast<double>(n - 2));
  return t / std::sqrt(static_cast<double>(n - 2) + t * t);
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  if (n < 2 || y.size() != n) return std::numeric_limits<double>::quiet_NaN();
  std::vector<double> rx = ranks(x), ry = ranks(y);
  double mean = 0.5 * static_cast<double>(n + 1);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  if (sxx == 0 || syy == 0) return std::numeric_limits<double>::quiet_NaN();
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace escalate

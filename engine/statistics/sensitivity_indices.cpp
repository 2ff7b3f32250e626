#include "escalate/statistics/sensitivity_indices.hpp"

#include "escalate/model/random_stream.hpp"
#include "escalate/statistics/statistics.hpp"
#include "escalate/statistics/not_a_number.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace escalate {

namespace {

// `resamples` bootstrap resamples of n units (blocks or paths): indices drawn with
// replacement from the Philox stream (seed, Bootstrap, resample).
std::vector<std::int64_t> resample(std::int64_t n, std::uint64_t seed, int b) {
  RandomStream stream(seed, RandomDomain::Bootstrap, static_cast<std::uint64_t>(b), 0);
  std::vector<std::int64_t> out(static_cast<std::size_t>(n));
  for (auto& j : out) j = std::min(n - 1, static_cast<std::int64_t>(stream.uniform() * static_cast<double>(n)));
  return out;
}

// The percentile interval of the bootstrap values of one estimate; NaN when more than
// the interval's tail mass of the resamples left it undefined.
void percentile_interval(std::vector<double>& values, int resamples, IntervalEstimate& e) {
  const double tail = (1 - BOOTSTRAP_LEVEL) / 2;
  if (static_cast<double>(values.size()) < (1 - tail) * resamples || values.empty()) {
    e.lo = e.hi = NaN;
    return;
  }
  e.lo = quantile(values, tail);
  e.hi = quantile(values, 1 - tail);
}

struct SobolPoint {
  std::vector<double> first, total;
  double variance = 0, variance_se = 0, noise = 0;
};

// The estimators of sobol_indices() over the blocks `blocks` (a sample or a resample).
SobolPoint sobol_estimate(std::span<const double> y, std::span<const double> noise, std::int64_t P,
                          const std::vector<std::int64_t>& blocks) {
  const std::int64_t stride = P + 2;
  const double n = static_cast<double>(blocks.size());
  auto Y = [&](std::int64_t j, std::int64_t k) { return y[static_cast<std::size_t>(j * stride + k)]; };
  auto E = [&](std::int64_t j, std::int64_t k) { return noise[static_cast<std::size_t>(j * stride + k)]; };
  double mean = 0, noise_mean = 0;
  for (auto j : blocks) mean += Y(j, 0) + Y(j, P + 1), noise_mean += E(j, 0) + E(j, P + 1);
  mean /= 2 * n, noise_mean /= 2 * n;
  // V = mean over the 2n points of d_k = (y_k - mean)^2 2n/(2n - 1) - noise_k, which is
  // s^2 - mean noise; its standard error is sd(d) / sqrt(2n).
  const double scale = 2 * n / (2 * n - 1);
  double sum_d = 0, sum_d2 = 0;
  for (auto j : blocks) {
    for (std::int64_t k : {std::int64_t{0}, P + 1}) {
      const double d = (Y(j, k) - mean) * (Y(j, k) - mean) * scale - E(j, k);
      sum_d += d, sum_d2 += d * d;
    }
  }
  SobolPoint s;
  s.noise = noise_mean;
  s.variance = sum_d / (2 * n);
  s.variance_se = std::sqrt(std::max(0.0, sum_d2 / (2 * n) - s.variance * s.variance) / (2 * n - 1));
  const bool defined = variance_is_positive(s.variance, s.variance_se);
  for (std::int64_t i = 0; i < P; ++i) {
    double first = 0, total = 0;
    for (auto j : blocks) {
      const double a = Y(j, 0), ab = Y(j, i + 1), b = Y(j, P + 1);
      first += (b - mean) * (ab - a);  // centred: a constant times (ab - a) has mean zero
      total += 0.5 * (a - ab) * (a - ab) - 0.5 * (E(j, 0) + E(j, i + 1));
    }
    s.first.push_back(defined ? first / n / s.variance : NaN);
    s.total.push_back(defined ? total / n / s.variance : NaN);
  }
  return s;
}

}  // namespace

bool variance_is_positive(double variance, double standard_error) {
  return std::isfinite(variance) && std::isfinite(standard_error) && variance > VARIANCE_STANDARD_ERRORS * standard_error &&
         variance > 0;
}

SobolIndices sobol_indices(std::span<const double> y, std::span<const double> noise, std::int64_t parameters,
                           std::uint64_t seed, int resamples) {
  const std::int64_t P = parameters;
  if (P < 1 || y.size() != noise.size() || y.size() % static_cast<std::size_t>(P + 2) != 0 || y.size() < 2 * static_cast<std::size_t>(P + 2)) {
    throw std::invalid_argument("sobol_indices: need N >= 2 blocks of P + 2 outputs and noise of the same size");
  }
  const auto N = static_cast<std::int64_t>(y.size()) / (P + 2);
  std::vector<std::int64_t> all(static_cast<std::size_t>(N));
  for (std::int64_t j = 0; j < N; ++j) all[static_cast<std::size_t>(j)] = j;
  const SobolPoint point = sobol_estimate(y, noise, P, all);
  SobolIndices out;
  out.variance = point.variance;
  out.variance_se = point.variance_se;
  out.noise_variance = point.noise;
  std::vector<std::vector<double>> first(static_cast<std::size_t>(P)), total(static_cast<std::size_t>(P));
  for (int b = 0; b < resamples; ++b) {
    const SobolPoint s = sobol_estimate(y, noise, P, resample(N, seed, b));
    for (std::size_t i = 0; i < static_cast<std::size_t>(P); ++i) {
      if (std::isfinite(s.first[i])) first[i].push_back(s.first[i]);
      if (std::isfinite(s.total[i])) total[i].push_back(s.total[i]);
    }
  }
  for (std::size_t i = 0; i < static_cast<std::size_t>(P); ++i) {
    IntervalEstimate f{point.first[i], NaN, NaN}, t{point.total[i], NaN, NaN};
    if (std::isfinite(f.value)) percentile_interval(first[i], resamples, f);
    if (std::isfinite(t.value)) percentile_interval(total[i], resamples, t);
    out.first.push_back(f);
    out.total.push_back(t);
  }
  return out;
}

MorrisMeasures morris_measures(const SensitivityDesign& design, std::span<const double> y, std::span<const double> noise,
                               std::uint64_t seed, int resamples) {
  const std::int64_t P = design.parameters;
  const std::int64_t points = design.points();
  if (P < 1 || points % (P + 1) != 0 || points < 2 * (P + 1) || y.size() != static_cast<std::size_t>(points) ||
      noise.size() != y.size()) {
    throw std::invalid_argument("morris_measures: need r >= 2 paths of P + 1 outputs and noise of the same size");
  }
  const std::int64_t r = points / (P + 1);
  const auto at = [](std::int64_t t, std::int64_t i, std::int64_t P_) { return static_cast<std::size_t>(t * P_ + i); };
  std::vector<double> ee(static_cast<std::size_t>(r * P), NaN), ee_noise(static_cast<std::size_t>(r * P), NaN);
  for (std::int64_t t = 0; t < r; ++t) {
    for (std::int64_t step = 1; step <= P; ++step) {
      const std::int64_t row = t * (P + 1) + step;
      const auto before = design.row(row - 1), after = design.row(row);
      std::int64_t moved = -1;
      for (std::int64_t k = 0; k < P; ++k) {
        if (after[static_cast<std::size_t>(k)] == before[static_cast<std::size_t>(k)]) continue;
        if (moved >= 0) throw std::invalid_argument("morris_measures: a step moves more than one parameter");
        moved = k;
      }
      if (moved < 0 || std::isfinite(ee[at(t, moved, P)])) {
        throw std::invalid_argument("morris_measures: a path must move each parameter exactly once");
      }
      const double du = after[static_cast<std::size_t>(moved)] - before[static_cast<std::size_t>(moved)];
      const auto i = static_cast<std::size_t>(row);
      ee[at(t, moved, P)] = (y[i] - y[i - 1]) / du;
      ee_noise[at(t, moved, P)] = (noise[i] + noise[i - 1]) / (du * du);
    }
  }
  MorrisMeasures out;
  const double R = static_cast<double>(r);
  for (std::int64_t k = 0; k < P; ++k) {
    double mu = 0, mu_star = 0, nu = 0;
    for (std::int64_t t = 0; t < r; ++t) mu += ee[at(t, k, P)], mu_star += std::abs(ee[at(t, k, P)]), nu += ee_noise[at(t, k, P)];
    mu /= R, mu_star /= R, nu /= R;
    double ss = 0;
    for (std::int64_t t = 0; t < r; ++t) ss += (ee[at(t, k, P)] - mu) * (ee[at(t, k, P)] - mu);
    out.mu.push_back(mu);
    out.sigma.push_back(std::sqrt(std::max(0.0, ss / (R - 1) - nu)));
    out.noise_floor.push_back(std::sqrt(2 / std::numbers::pi) * std::sqrt(nu));
    out.mu_star.push_back({mu_star, NaN, NaN});
  }
  std::vector<std::vector<double>> boot(static_cast<std::size_t>(P));
  for (int b = 0; b < resamples; ++b) {
    const auto paths = resample(r, seed, b);
    for (std::int64_t k = 0; k < P; ++k) {
      double m = 0;
      for (auto t : paths) m += std::abs(ee[at(t, k, P)]);
      boot[static_cast<std::size_t>(k)].push_back(m / R);
    }
  }
  for (std::size_t k = 0; k < static_cast<std::size_t>(P); ++k) percentile_interval(boot[k], resamples, out.mu_star[k]);
  return out;
}

}  // namespace escalate

#include "escalate/infer/particle_weights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace escalate::infer {

namespace {
constexpr double kNegInf = -std::numeric_limits<double>::infinity();
}

double log_sum_exp(const std::vector<double>& log_weights) {
  double top = kNegInf;
  for (double w : log_weights) top = std::max(top, w);
  if (top == kNegInf) return kNegInf;
  double sum = 0.0;
  for (double w : log_weights) sum += std::exp(w - top);
  return top + std::log(sum);
}

double effective_sample_size(const std::vector<double>& log_weights) {
  double top = kNegInf;
  for (double w : log_weights) top = std::max(top, w);
  if (top == kNegInf) return 0.0;
  double sum = 0.0, sum_sq = 0.0;
  for (double w : log_weights) {
    const double e = std::exp(w - top);
    sum += e;
    sum_sq += e * e;
  }
  return sum * sum / sum_sq;
}

std::vector<double> incremental_log_weights(const std::vector<double>& log_likelihood, double delta) {
  std::vector<double> out(log_likelihood.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = log_likelihood[i] == kNegInf ? kNegInf : delta * log_likelihood[i];
  return out;
}

double next_temperature(const std::vector<double>& log_likelihood, double temperature, double fraction,
                        int iterations) {
  const double target = fraction * static_cast<double>(log_likelihood.size());
  auto ess = [&](double delta) { return effective_sample_size(incremental_log_weights(log_likelihood, delta)); };
  const double full = 1.0 - temperature;
  if (ess(full) >= target) return 1.0;
  double lo = 0.0, hi = full;  // ess(lo) >= target > ess(hi)
  for (int k = 0; k < iterations; ++k) {
    const double mid = 0.5 * (lo + hi);
    (ess(mid) >= target ? lo : hi) = mid;
  }
  // lo may be 0 if one particle dominates at any positive step; move by the smallest
  // step that changes the temperature, so the sampler always advances.
  const double next = temperature + lo;
  return next > temperature ? next : std::nextafter(temperature, 2.0);
}

std::vector<std::size_t> systematic_resample(const std::vector<double>& log_weights, double u) {
  const std::size_t n = log_weights.size();
  const double total = log_sum_exp(log_weights);
  if (total == kNegInf) throw std::domain_error("systematic_resample: every weight is zero");
  std::vector<double> w(n);
  std::size_t last_positive = 0;
  for (std::size_t i = 0; i < n; ++i) {
    w[i] = std::exp(log_weights[i] - total);
    if (w[i] > 0) last_positive = i;
  }
  std::vector<std::size_t> out(n);
  double cumulative = 0.0;
  std::size_t i = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const double point = (static_cast<double>(k) + u) / static_cast<double>(n);
    while (i < last_positive && (cumulative + w[i] <= point || w[i] == 0)) cumulative += w[i++];
    out[k] = i;
  }
  return out;
}

}  // namespace escalate::infer

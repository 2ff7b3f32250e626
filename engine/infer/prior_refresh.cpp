#include "escalate/infer/prior_refresh.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace escalate::infer {

std::vector<UnconstrainedMoments> unconstrained_prior_moments(const ParameterSpace& space, std::size_t points) {
  std::vector<UnconstrainedMoments> out;
  for (const Parameter& p : space.parameters()) {
    const Bijection map = Bijection::of(p.prior);
    double mean = 0.0, m2 = 0.0;  // Welford over the quantile points
    for (std::size_t k = 0; k < points; ++k) {
      const double u = (static_cast<double>(k) + 0.5) / static_cast<double>(points);
      const double z = map.to_unconstrained(p.prior.quantile(u));
      const double delta = z - mean;
      mean += delta / static_cast<double>(k + 1);
      m2 += delta * (z - mean);
    }
    out.push_back({mean, m2 / static_cast<double>(points)});
  }
  return out;
}

std::vector<double> unconstrained_prior_variances(const ParameterSpace& space, std::size_t points) {
  std::vector<double> out;
  for (const UnconstrainedMoments& m : unconstrained_prior_moments(space, points)) out.push_back(m.variance);
  return out;
}

PriorRefresh::PriorRefresh(const ParameterSpace& space, const std::vector<double>& prior_variance,
                           const Matrix& particles, double power) {
  const std::size_t d = space.size();
  if (prior_variance.size() != d) throw std::invalid_argument("prior refresh: one prior variance per parameter");
  if (!(power >= 0)) throw std::invalid_argument("prior refresh: the power must be at least 0");
  for (const Parameter& p : space.parameters()) {
    priors_.push_back(p.prior);
    bijections_.push_back(Bijection::of(p.prior));
  }
  const std::vector<double> mean = column_means(particles);
  inclusion_.assign(d, 0.0);
  for (std::size_t j = 0; j < d; ++j) {
    double v = 0.0;
    for (const auto& row : particles) v += (row[j] - mean[j]) * (row[j] - mean[j]);
    v /= static_cast<double>(std::max<std::size_t>(particles.size(), 2) - 1);
    const double ratio = prior_variance[j] > 0 ? std::min(1.0, v / prior_variance[j]) : 0.0;
    inclusion_[j] = std::pow(ratio, power);
  }
}

PriorRefresh::PriorRefresh(const ParameterSpace& space, std::vector<double> inclusion)
    : inclusion_(std::move(inclusion)) {
  if (inclusion_.size() != space.size()) throw std::invalid_argument("prior refresh: one inclusion per parameter");
  for (double q : inclusion_)
    if (!(q >= 0 && q <= 1)) throw std::invalid_argument("prior refresh: inclusions must be in [0, 1]");
  for (const Parameter& p : space.parameters()) {
    priors_.push_back(p.prior);
    bijections_.push_back(Bijection::of(p.prior));
  }
}

std::optional<std::vector<double>> PriorRefresh::propose(const std::vector<double>& z, InferStream& stream) const {
  std::vector<double> out = z;
  bool moved = false;
  for (std::size_t j = 0; j < z.size(); ++j) {
    const double pick = stream.uniform(), draw = stream.uniform();
    if (pick < inclusion_[j]) {
      out[j] = bijections_[j].to_unconstrained(priors_[j].quantile(draw));
      moved = true;
    }
  }
  if (!moved) return std::nullopt;
  return out;
}

}  // namespace escalate::infer

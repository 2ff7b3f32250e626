#include "escalate/infer/pcn_move.hpp"

#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <utility>

namespace escalate::infer {

namespace {

// r_j is capped here: l_j = 1/sqrt(1/r - 1) is then at most about 1,000 prior sds, so
// s_j = 1 for any lambda above 0.001.
constexpr double kMaxRatio = 1.0 - 1e-6;

// Phi(g) kept inside [2^-53, 1 - 2^-53] (|g| <= 8.2), symmetric, so the quantile stays
// finite and Boost's inverse incomplete beta converges; the mass beyond is 1e-16. Where a
// prior's quantile still reaches the end of its support (a truncation point), the
// proposal is outside it and the sampler rejects it.
constexpr double kLowest = std::numeric_limits<double>::epsilon() / 2;
constexpr double kHighest = 1.0 - std::numeric_limits<double>::epsilon() / 2;

double standard_normal_cdf(double g) { return 0.5 * std::erfc(-g / std::numbers::sqrt2); }

// Phi^-1(p) for p in (0, 1), from the complement so the lower tail keeps its precision.
double standard_normal_quantile(double p) { return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * p); }

}  // namespace

void PcnMove::set_priors(const ParameterSpace& space) {
  for (const Parameter& p : space.parameters()) {
    priors_.push_back(p.prior);
    bijections_.push_back(Bijection::of(p.prior));
  }
}

PcnMove::PcnMove(const ParameterSpace& space, const Matrix& particles, double lambda) {
  if (!(lambda > 0)) throw std::invalid_argument("pCN move: lambda must be positive");
  set_priors(space);
  const std::size_t d = space.size();
  steps_.assign(d, 1.0);
  for (std::size_t j = 0; j < d; ++j) {
    double mean = 0.0, m2 = 0.0;
    std::size_t k = 0;
    for (const auto& row : particles) {
      if (row.size() != d) throw std::invalid_argument("pCN move: a particle has the wrong size");
      const double g = to_gaussian(j, row[j]);
      const double delta = g - mean;
      mean += delta / static_cast<double>(++k);
      m2 += delta * (g - mean);
    }
    const double r = std::clamp(m2 / static_cast<double>(std::max<std::size_t>(k, 2) - 1), 0.0, kMaxRatio);
    const double width = r > 0 ? 1.0 / std::sqrt(1.0 / r - 1.0) : 0.0;
    steps_[j] = std::min(1.0, lambda * width);
  }
}

PcnMove::PcnMove(const ParameterSpace& space, std::vector<double> steps) : steps_(std::move(steps)) {
  if (steps_.size() != space.size()) throw std::invalid_argument("pCN move: one step per parameter");
  for (double s : steps_)
    if (!(s >= 0 && s <= 1)) throw std::invalid_argument("pCN move: steps must be in [0, 1]");
  set_priors(space);
}

double PcnMove::to_gaussian(std::size_t j, double z) const {
  const double p = priors_[j].cdf(bijections_[j].to_constrained(z));
  return standard_normal_quantile(std::clamp(p, kLowest, kHighest));
}

double PcnMove::from_gaussian(std::size_t j, double g) const {
  const double p = std::clamp(standard_normal_cdf(g), kLowest, kHighest);
  return bijections_[j].to_unconstrained(priors_[j].quantile(p));
}

std::vector<double> PcnMove::propose(const std::vector<double>& z, InferStream& stream) const {
  std::vector<double> out = z;
  for (std::size_t j = 0; j < z.size(); ++j) {
    const double xi = stream.normal();
    const double s = steps_[j];
    if (s <= 0) continue;
    const double g = s >= 1 ? xi : std::sqrt(1.0 - s * s) * to_gaussian(j, z[j]) + s * xi;
    out[j] = from_gaussian(j, g);
  }
  return out;
}

}  // namespace escalate::infer

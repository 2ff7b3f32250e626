#include "escalate/infer/parameter_space.hpp"

#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

namespace escalate::infer {

ParameterSpace::ParameterSpace(std::vector<Parameter> parameters) : parameters_(std::move(parameters)) {
  if (parameters_.empty()) throw std::invalid_argument("inference needs at least one parameter");
  std::set<std::string> seen;
  for (const auto& p : parameters_) {
    if (p.name.empty()) throw std::invalid_argument("an inferred parameter has an empty name");
    if (!seen.insert(p.name).second)
      throw std::invalid_argument("parameter '" + p.name + "' is listed twice");
    p.prior.check(p.name);
    bijections_.push_back(Bijection::of(p.prior));
  }
}

std::vector<std::string> ParameterSpace::names() const {
  std::vector<std::string> out;
  for (const auto& p : parameters_) out.push_back(p.name);
  return out;
}

std::vector<double> ParameterSpace::to_constrained(const std::vector<double>& z) const {
  std::vector<double> x(z.size());
  for (std::size_t j = 0; j < z.size(); ++j) x[j] = bijections_[j].to_constrained(z[j]);
  return x;
}

std::vector<double> ParameterSpace::to_unconstrained(const std::vector<double>& x) const {
  std::vector<double> z(x.size());
  for (std::size_t j = 0; j < x.size(); ++j) z[j] = bijections_[j].to_unconstrained(x[j]);
  return z;
}

double ParameterSpace::log_prior(const std::vector<double>& z) const {
  double total = 0.0;
  for (std::size_t j = 0; j < z.size(); ++j) {
    const double x = bijections_[j].to_constrained(z[j]);
    total += parameters_[j].prior.log_density(x) + bijections_[j].log_jacobian(z[j]);
  }
  return std::isnan(total) ? -std::numeric_limits<double>::infinity() : total;
}

std::vector<double> ParameterSpace::sample_unconstrained(const StreamKey& key) const {
  InferStream stream(key, StreamPurpose::PriorDraw);
  std::vector<double> z(size());
  for (std::size_t j = 0; j < size(); ++j) {
    const double x = parameters_[j].prior.quantile(stream.uniform());
    z[j] = bijections_[j].to_unconstrained(x);
  }
  return z;
}

}  // namespace escalate::infer

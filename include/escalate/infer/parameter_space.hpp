#pragma once
// The inferred parameters θ: names, priors and their bijections (docs/inference.md §2-3).
// The sampler holds particles as unconstrained vectors z; this class turns them into
// parameter values x and gives the prior's log density on z (the density of x times
// |dx/dz|), which is what the random-walk moves target.
#include "escalate/infer/bijection.hpp"
#include "escalate/infer/infer_stream.hpp"
#include "escalate/infer/prior.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace escalate::infer {

struct Parameter {
  std::string name;  // the path the engine knows it by, e.g. "rates.airspace-violation"
  Prior prior;
};

class ParameterSpace {
 public:
  // Throws std::invalid_argument for an empty list, a duplicate or empty name, or a
  // prior that is not a proper distribution (naming the parameter).
  explicit ParameterSpace(std::vector<Parameter> parameters);

  std::size_t size() const { return parameters_.size(); }
  const std::vector<Parameter>& parameters() const { return parameters_; }
  std::vector<std::string> names() const;

  std::vector<double> to_constrained(const std::vector<double>& z) const;
  std::vector<double> to_unconstrained(const std::vector<double>& x) const;
  // log p(z) = sum_j log p_j(x_j(z_j)) + log |dx_j/dz_j|; -infinity where x leaves the
  // support by rounding (the proposal is then rejected).
  double log_prior(const std::vector<double>& z) const;
  // One prior draw, in unconstrained space, from the stream of `key` (one uniform per
  // parameter, by inversion).
  std::vector<double> sample_unconstrained(const StreamKey& key) const;

 private:
  std::vector<Parameter> parameters_;
  std::vector<Bijection> bijections_;
};

}  // namespace escalate::infer

#pragma once
// Uncertain parameters (docs/model.md §11): a number may be a distribution table.
#include "escalate/config/range.hpp"
#include "escalate/model/random_stream.hpp"

#include <string>

namespace escalate {

struct Distribution {
  enum class Kind { Uniform, Normal, Lognormal, Beta, Triangular, Gamma };
  Kind kind;
  double a = 0, b = 0, c = 0;  // uniform(low, high), normal(mean, sd), lognormal(median,
                               // sigma), beta(a, b), triangular(low, mode, high), gamma(shape, rate)

  Range support() const;
  double sample(RandomStream& stream) const;
  double median() const;  // a representative value (used by `check` and as a default)
  // The inverse CDF at u in (0, 1): maps a point of the unit hypercube of a sensitivity
  // design to a value (Boost.Math; the triangular by the same formula `sample` uses).
  double quantile(double u) const;
  // The quantiles at the extreme probabilities the sampler draws (RandomStream::UNIFORM_MIN
  // and UNIFORM_MAX): the range its draws can reach. An end is NaN where the quantile
  // cannot be computed (it overflows); a distribution with an end that is not finite can
  // draw inf and is refused (config/toml_values.cpp).
  Range reach() const;
  // P(X <= x): a value of a user-supplied design back to the unit interval.
  double cdf(double x) const;
  std::string text() const;
};

}  // namespace escalate

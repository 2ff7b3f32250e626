#pragma once
// A map from a parameter's support to the whole real line (docs/inference.md §3), so
// that random-walk moves never leave the support: identity on R, log on (low, inf),
// log(high - x) on (-inf, high), a scaled logit on (low, high). The sampler works on
// z = to_unconstrained(x) and adds log|dx/dz| to the prior's log density.
#include "escalate/infer/prior.hpp"

namespace escalate::infer {

struct Bijection {
  enum class Kind { Identity, LowerBound, UpperBound, Interval };
  Kind kind = Kind::Identity;
  double low = 0, high = 0;

  // The bijection for a prior's support.
  static Bijection of(const Prior& prior);

  double to_unconstrained(double x) const;
  double to_constrained(double z) const;
  // log |dx/dz| at z.
  double log_jacobian(double z) const;
};

}  // namespace escalate::infer

#include "escalate/infer/bijection.hpp"

#include <cmath>

namespace escalate::infer {

namespace {

// log(1 + e^t) without overflow.
double softplus(double t) { return t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t)); }

// 1 / (1 + e^-t), written so that neither branch overflows.
double logistic(double t) {
  if (t >= 0) return 1.0 / (1.0 + std::exp(-t));
  const double e = std::exp(t);
  return e / (1.0 + e);
}

}  // namespace

Bijection Bijection::of(const Prior& prior) {
  const double lo = prior.lower(), hi = prior.upper();
  const bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
  if (has_lo && has_hi) return {Kind::Interval, lo, hi};
  if (has_lo) return {Kind::LowerBound, lo, 0};
  if (has_hi) return {Kind::UpperBound, 0, hi};
  return {Kind::Identity, 0, 0};
}

double Bijection::to_unconstrained(double x) const {
  switch (kind) {
    case Kind::Identity: return x;
    case Kind::LowerBound: return std::log(x - low);
    case Kind::UpperBound: return std::log(high - x);
    case Kind::Interval: {
      const double p = (x - low) / (high - low);
      return std::log(p) - std::log1p(-p);
    }
  }
  return x;
}

double Bijection::to_constrained(double z) const {
  switch (kind) {
    case Kind::Identity: return z;
    case Kind::LowerBound: return low + std::exp(z);
    case Kind::UpperBound: return high - std::exp(z);
    case Kind::Interval: return low + (high - low) * logistic(z);
  }
  return z;
}

double Bijection::log_jacobian(double z) const {
  switch (kind) {
    case Kind::Identity: return 0.0;
    case Kind::LowerBound: case Kind::UpperBound: return z;
    // dx/dz = (high - low) s(z) s(-z), and log s(z) = -softplus(-z).
    case Kind::Interval: return std::log(high - low) - softplus(-z) - softplus(z);
  }
  return 0.0;
}

}  // namespace escalate::infer

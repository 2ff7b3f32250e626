#pragma once
// The prior of one inferred parameter (docs/inference.md §2). Plain data: the calibrator
// copies each uncertain parameter of a config into one of these, so this layer never
// includes a config header. Kinds and parametrisations mirror the engine's
// `Distribution` (docs/model.md §11), plus the truncated normal.
#include <string>

namespace escalate::infer {

struct Prior {
  enum class Kind { Uniform, Normal, Lognormal, Beta, Triangular, Gamma, TruncatedNormal };
  Kind kind = Kind::Normal;
  // uniform(low, high), normal(mean, sd), lognormal(median, sigma), beta(a, b),
  // triangular(low, mode, high), gamma(shape, rate), truncated_normal(mean, sd, low, high)
  // (low may be -infinity and high +infinity).
  double a = 0, b = 1, c = 0, d = 0;

  static Prior uniform(double low, double high) { return {Kind::Uniform, low, high}; }
  static Prior normal(double mean, double sd) { return {Kind::Normal, mean, sd}; }
  static Prior lognormal(double median, double sigma) { return {Kind::Lognormal, median, sigma}; }
  static Prior beta(double a, double b) { return {Kind::Beta, a, b}; }
  static Prior triangular(double low, double mode, double high) {
    return {Kind::Triangular, low, mode, high};
  }
  static Prior gamma(double shape, double rate) { return {Kind::Gamma, shape, rate}; }
  static Prior truncated_normal(double mean, double sd, double low, double high) {
    return {Kind::TruncatedNormal, mean, sd, low, high};
  }

  // Throws std::invalid_argument naming `name` when the numbers do not define a
  // proper distribution (sd <= 0, low >= high, ...).
  void check(const std::string& name) const;
  // log p(x); -infinity outside the support (the boundary counts as outside).
  double log_density(double x) const;
  // The inverse CDF at u in (0, 1): one uniform per draw, so a prior draw consumes a
  // fixed number of random numbers.
  double quantile(double u) const;
  // The CDF F(x) = P(X <= x): 0 below the support, 1 above; quantile(cdf(x)) = x inside
  // it (the pCN move's map to a Gaussian scale, pcn_move.hpp).
  double cdf(double x) const;
  double lower() const;  // the support's ends (+-infinity when unbounded)
  double upper() const;
  double mean() const;
  double variance() const;
  std::string text() const;
};

}  // namespace escalate::infer

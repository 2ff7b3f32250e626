#include "escalate/infer/prior.hpp"

#include "escalate/base/number_text.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace escalate::infer {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
const double kLogSqrt2Pi = 0.5 * std::log(2 * std::numbers::pi);

double normal_log_density(double x, double mean, double sd) {
  const double z = (x - mean) / sd;
  return -0.5 * z * z - std::log(sd) - kLogSqrt2Pi;
}

// The standard normal density; 0 at +-infinity (an unbounded side of a truncation).
double phi(double t) { return std::isfinite(t) ? std::exp(-0.5 * t * t - kLogSqrt2Pi) : 0.0; }

double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

// The mass a truncated normal keeps: Phi(beta) - Phi(alpha).
double kept_mass(double mean, double sd, double low, double high) {
  return standard_normal_cdf((high - mean) / sd) - standard_normal_cdf((low - mean) / sd);
}

}  // namespace

void Prior::check(const std::string& name) const {
  auto fail = [&](const std::string& why) {
    throw std::invalid_argument("parameter '" + name + "': " + text() + " " + why);
  };
  if (!std::isfinite(a) || !std::isfinite(b)) fail("has a non-finite number");
  switch (kind) {
    case Kind::Uniform: if (!(a < b)) fail("needs low < high"); break;
    case Kind::Normal: if (!(b > 0)) fail("needs sd > 0"); break;
    case Kind::Lognormal: if (!(a > 0 && b > 0)) fail("needs median > 0 and sigma > 0"); break;
    case Kind::Beta: if (!(a > 0 && b > 0)) fail("needs a > 0 and b > 0"); break;
    case Kind::Gamma: if (!(a > 0 && b > 0)) fail("needs shape > 0 and rate > 0"); break;
    case Kind::Triangular:
      if (!(a <= b && b <= c && a < c) || !std::isfinite(c)) fail("needs low <= mode <= high, low < high");
      break;
    case Kind::TruncatedNormal:
      if (!(b > 0 && c < d)) fail("needs sd > 0 and low < high");
      if (!(kept_mass(a, b, c, d) > 1e-12)) fail("keeps no mass between low and high");
      break;
  }
}

double Prior::lower() const {
  switch (kind) {
    case Kind::Uniform: case Kind::Triangular: return a;
    case Kind::Normal: return -kInf;
    case Kind::Lognormal: case Kind::Beta: case Kind::Gamma: return 0.0;
    case Kind::TruncatedNormal: return c;
  }
  return -kInf;
}

double Prior::upper() const {
  switch (kind) {
    case Kind::Uniform: return b;
    case Kind::Triangular: return c;
    case Kind::Beta: return 1.0;
    case Kind::Normal: case Kind::Lognormal: case Kind::Gamma: return kInf;
    case Kind::TruncatedNormal: return d;
  }
  return kInf;
}

double Prior::log_density(double x) const {
  if (!(x > lower() && x < upper())) return -kInf;
  switch (kind) {
    case Kind::Uniform: return -std::log(b - a);
    case Kind::Normal: return normal_log_density(x, a, b);
    case Kind::Lognormal: return normal_log_density(std::log(x), std::log(a), b) - std::log(x);
    case Kind::Beta:
      return (a - 1) * std::log(x) + (b - 1) * std::log1p(-x) -
             (std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b));
    case Kind::Gamma: return a * std::log(b) + (a - 1) * std::log(x) - b * x - std::lgamma(a);
    case Kind::Triangular:
      return x < b ? std::log(2 * (x - a) / ((c - a) * (b - a)))
                   : std::log(2 * (c - x) / ((c - a) * (c - b)));
    case Kind::TruncatedNormal: return normal_log_density(x, a, b) - std::log(kept_mass(a, b, c, d));
  }
  return -kInf;
}

double Prior::quantile(double u) const {
  namespace bm = boost::math;
  switch (kind) {
    case Kind::Uniform: return a + (b - a) * u;
    case Kind::Normal: return bm::quantile(bm::normal(a, b), u);
    case Kind::Lognormal: return a * std::exp(bm::quantile(bm::normal(0.0, b), u));
    case Kind::Beta: return bm::quantile(bm::beta_distribution<double>(a, b), u);
    case Kind::Gamma: return bm::quantile(bm::gamma_distribution<double>(a, 1.0 / b), u);
    case Kind::Triangular: {
      const double width = c - a, split = (b - a) / width;
      return u < split ? a + std::sqrt(u * width * (b - a)) : c - std::sqrt((1 - u) * width * (c - b));
    }
    case Kind::TruncatedNormal: {
      const double lo = standard_normal_cdf((c - a) / b);
      const double p = lo + u * kept_mass(a, b, c, d);
      return std::clamp(bm::quantile(bm::normal(a, b), p), c, d);
    }
  }
  return a;
}

double Prior::cdf(double x) const {
  namespace bm = boost::math;
  if (!(x > lower())) return 0.0;
  if (!(x < upper())) return 1.0;
  switch (kind) {
    case Kind::Uniform: return (x - a) / (b - a);
    case Kind::Normal: return standard_normal_cdf((x - a) / b);
    case Kind::Lognormal: return standard_normal_cdf((std::log(x) - std::log(a)) / b);
    case Kind::Beta: return bm::ibeta(a, b, x);
    case Kind::Gamma: return bm::gamma_p(a, b * x);
    case Kind::Triangular:
      return x < b ? (x - a) * (x - a) / ((c - a) * (b - a)) : 1.0 - (c - x) * (c - x) / ((c - a) * (c - b));
    case Kind::TruncatedNormal:
      return std::clamp((standard_normal_cdf((x - a) / b) - standard_normal_cdf((c - a) / b)) / kept_mass(a, b, c, d),
                        0.0, 1.0);
  }
  return 0.0;
}

double Prior::mean() const {
  switch (kind) {
    case Kind::Uniform: return 0.5 * (a + b);
    case Kind::Normal: return a;
    case Kind::Lognormal: return a * std::exp(0.5 * b * b);
    case Kind::Beta: return a / (a + b);
    case Kind::Gamma: return a / b;
    case Kind::Triangular: return (a + b + c) / 3;
    case Kind::TruncatedNormal: {
      const double alpha = (c - a) / b, beta = (d - a) / b, z = kept_mass(a, b, c, d);
      return a + b * (phi(alpha) - phi(beta)) / z;
    }
  }
  return a;
}

double Prior::variance() const {
  switch (kind) {
    case Kind::Uniform: return (b - a) * (b - a) / 12;
    case Kind::Normal: return b * b;
    case Kind::Lognormal: return (std::exp(b * b) - 1) * a * a * std::exp(b * b);
    case Kind::Beta: return a * b / ((a + b) * (a + b) * (a + b + 1));
    case Kind::Gamma: return a / (b * b);
    case Kind::Triangular: return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    case Kind::TruncatedNormal: {
      const double alpha = (c - a) / b, beta = (d - a) / b, z = kept_mass(a, b, c, d);
      auto t_phi = [&](double t) { return std::isfinite(t) ? t * phi(t) : 0.0; };
      const double r = (phi(alpha) - phi(beta)) / z;
      return b * b * (1 + (t_phi(alpha) - t_phi(beta)) / z - r * r);
    }
  }
  return 0.0;
}

std::string Prior::text() const {
  auto n = [](double v) { return shortest_number(v); };
  switch (kind) {
    case Kind::Uniform: return "uniform(low=" + n(a) + ", high=" + n(b) + ")";
    case Kind::Normal: return "normal(mean=" + n(a) + ", sd=" + n(b) + ")";
    case Kind::Lognormal: return "lognormal(median=" + n(a) + ", sigma=" + n(b) + ")";
    case Kind::Beta: return "beta(a=" + n(a) + ", b=" + n(b) + ")";
    case Kind::Gamma: return "gamma(shape=" + n(a) + ", rate=" + n(b) + ")";
    case Kind::Triangular: return "triangular(low=" + n(a) + ", mode=" + n(b) + ", high=" + n(c) + ")";
    case Kind::TruncatedNormal:
      return "truncated_normal(mean=" + n(a) + ", sd=" + n(b) + ", low=" + n(c) + ", high=" + n(d) + ")";
  }
  return "?";
}

}  // namespace escalate::infer

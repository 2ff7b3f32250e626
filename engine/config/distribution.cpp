#include "escalate/config/distribution.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/random/beta_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>

#include <cmath>
#include <limits>
#include <sstream>

namespace escalate {

Range Distribution::support() const {
  switch (kind) {
    case Kind::Uniform: return {a, b, false, false};
    case Kind::Normal: return Range::any();
    case Kind::Lognormal: return Range::positive();
    case Kind::Beta: return Range::open_unit();
    case Kind::Triangular: return {a, c, false, false};
    case Kind::Gamma: return Range::positive();
  }
  return Range::any();
}

double Distribution::sample(RandomStream& stream) const {
  switch (kind) {
    case Kind::Uniform: return a + (b - a) * stream.uniform();
    case Kind::Normal: return a + b * stream.normal();
    case Kind::Lognormal: return a * std::exp(b * stream.normal());
    case Kind::Beta: return boost::random::beta_distribution<double>(a, b)(stream);
    case Kind::Triangular: {
      // Inverse CDF; F(mode) = (mode - low) / (high - low).
      double u = stream.uniform();
      double width = c - a;
      double split = (b - a) / width;
      return u < split ? a + std::sqrt(u * width * (b - a))
                       : c - std::sqrt((1 - u) * width * (c - b));
    }
    case Kind::Gamma: return boost::random::gamma_distribution<double>(a, 1.0 / b)(stream);  // shape, scale = 1/rate
  }
  return a;
}

double Distribution::median() const {
  switch (kind) {
    case Kind::Uniform: return 0.5 * (a + b);
    case Kind::Normal: return a;
    case Kind::Lognormal: return a;
    case Kind::Beta: return a / (a + b);  // the mean: beta has no closed-form median
    case Kind::Triangular: return b;
    case Kind::Gamma: return a / b;  // the mean (shape / rate)
  }
  return a;
}

double Distribution::quantile(double u) const {
  namespace bm = boost::math;
  switch (kind) {
    case Kind::Uniform: return a + (b - a) * u;
    case Kind::Normal: return bm::quantile(bm::normal(a, b), u);
    case Kind::Lognormal: return bm::quantile(bm::lognormal(std::log(a), b), u);
    case Kind::Beta: return bm::quantile(bm::beta_distribution<double>(a, b), u);
    case Kind::Triangular: {
      const double width = c - a, split = (b - a) / width;
      return u < split ? a + std::sqrt(u * width * (b - a)) : c - std::sqrt((1 - u) * width * (c - b));
    }
    case Kind::Gamma: return bm::quantile(bm::gamma_distribution<double>(a, 1.0 / b), u);
  }
  return a;
}

Range Distribution::reach() const {
  auto at = [&](double u) {
    try {
      return quantile(u);
    } catch (const std::exception&) {  // Boost.Math's overflow_error and kin
      return std::numeric_limits<double>::quiet_NaN();
    }
  };
  return {at(RandomStream::UNIFORM_MIN), at(RandomStream::UNIFORM_MAX), false, false};
}

double Distribution::cdf(double x) const {
  namespace bm = boost::math;
  if (!(x >= support().lo)) return 0.0;
  if (!(x <= support().hi)) return 1.0;
  switch (kind) {
    case Kind::Uniform: return (x - a) / (b - a);
    case Kind::Normal: return bm::cdf(bm::normal(a, b), x);
    case Kind::Lognormal: return bm::cdf(bm::lognormal(std::log(a), b), x);
    case Kind::Beta: return bm::cdf(bm::beta_distribution<double>(a, b), x);
    case Kind::Triangular: return bm::cdf(bm::triangular_distribution<double>(a, b, c), x);
    case Kind::Gamma: return bm::cdf(bm::gamma_distribution<double>(a, 1.0 / b), x);
  }
  return 0.0;
}

std::string Distribution::text() const {
  switch (kind) {
    case Kind::Uniform: return "uniform(low=" + short_number(a) + ", high=" + short_number(b) + ")";
    case Kind::Normal: return "normal(mean=" + short_number(a) + ", sd=" + short_number(b) + ")";
    case Kind::Lognormal: return "lognormal(median=" + short_number(a) + ", sigma=" + short_number(b) + ")";
    case Kind::Beta: return "beta(a=" + short_number(a) + ", b=" + short_number(b) + ")";
    case Kind::Triangular:
      return "triangular(low=" + short_number(a) + ", mode=" + short_number(b) + ", high=" + short_number(c) + ")";
    case Kind::Gamma: return "gamma(shape=" + short_number(a) + ", rate=" + short_number(b) + ")";
  }
  return "?";
}

}  // namespace escalate

#include "escalate/distribution.hpp"

#include <boost/random/beta_distribution.hpp>

#include <cmath>
#include <limits>
#include <sstream>

namespace escalate {

namespace {
constexpr double INF = std::numeric_limits<double>::infinity();

std::string number(double x) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::ostringstream os;
  os << x;
  return os.str();
}
}  // namespace

bool Range::contains(double x) const {
  if (std::isnan(x)) return false;
  if (lo_open ? !(x > lo) : !(x >= lo)) return false;
  if (hi_open ? !(x < hi) : !(x <= hi)) return false;
  return true;
}

bool Range::contains(const Range& inner) const {
  auto lo_ok = inner.lo > lo || (inner.lo == lo && (!lo_open || inner.lo_open));
  auto hi_ok = inner.hi < hi || (inner.hi == hi && (!hi_open || inner.hi_open));
  return lo_ok && hi_ok;
}

std::string Range::text() const {
  return std::string(lo_open ? "(" : "[") + number(lo) + ", " + number(hi) + (hi_open ? ")" : "]");
}

Range Range::any() { return {-INF, INF, true, true}; }
Range Range::unit() { return {0, 1, false, false}; }
Range Range::open_unit() { return {0, 1, true, true}; }
Range Range::non_negative() { return {0, INF, false, true}; }
Range Range::positive() { return {0, INF, true, true}; }
Range Range::above_one() { return {1, INF, true, true}; }
Range Range::half_open_eps() { return {0, 0.5, true, true}; }

Range Distribution::support() const {
  switch (kind) {
    case Kind::Uniform: return {a, b, false, false};
    case Kind::Normal: return Range::any();
    case Kind::Lognormal: return Range::positive();
    case Kind::Beta: return Range::open_unit();
    case Kind::Triangular: return {a, c, false, false};
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
  }
  return a;
}

std::string Distribution::text() const {
  switch (kind) {
    case Kind::Uniform: return "uniform(low=" + number(a) + ", high=" + number(b) + ")";
    case Kind::Normal: return "normal(mean=" + number(a) + ", sd=" + number(b) + ")";
    case Kind::Lognormal: return "lognormal(median=" + number(a) + ", sigma=" + number(b) + ")";
    case Kind::Beta: return "beta(a=" + number(a) + ", b=" + number(b) + ")";
    case Kind::Triangular:
      return "triangular(low=" + number(a) + ", mode=" + number(b) + ", high=" + number(c) + ")";
  }
  return "?";
}

}  // namespace escalate

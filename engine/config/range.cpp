#include "escalate/config/range.hpp"

#include "escalate/base/number_text.hpp"

#include <cmath>
#include <limits>

namespace escalate {

namespace {
constexpr double INF = std::numeric_limits<double>::infinity();
}  // namespace

std::string short_number(double x) { return shortest_number(x); }

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
  return std::string(lo_open ? "(" : "[") + short_number(lo) + ", " + short_number(hi) + (hi_open ? ")" : "]");
}

Range Range::any() { return {-INF, INF, true, true}; }
Range Range::unit() { return {0, 1, false, false}; }
Range Range::open_unit() { return {0, 1, true, true}; }
Range Range::non_negative() { return {0, INF, false, true}; }
Range Range::positive() { return {0, INF, true, true}; }
Range Range::above_one() { return {1, INF, true, true}; }
Range Range::half_open_eps() { return {0, 0.5, true, true}; }

}  // namespace escalate

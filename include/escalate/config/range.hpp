#pragma once
// An interval of the real line, each end open or closed: the admissible range of a
// parameter and the support of a distribution.
#include <string>

namespace escalate {

struct Range {
  double lo;
  double hi;
  bool lo_open = false;
  bool hi_open = false;

  bool contains(double x) const;
  bool contains(const Range& inner) const;
  std::string text() const;  // "[0, 1]", "(0, inf)"

  static Range any();
  static Range unit();           // [0, 1]
  static Range open_unit();      // (0, 1)
  static Range non_negative();   // [0, inf)
  static Range positive();       // (0, inf)
  static Range above_one();      // (1, inf)
  static Range half_open_eps();  // (0, 0.5)
};

// A bound or parameter as people read it: "inf", "-inf", or the shortest text that reads
// back to the same double (base/number_text.hpp).
std::string short_number(double x);

}  // namespace escalate

#pragma once
// Uncertain parameters (MODEL.md §11): a number may be a distribution table.
#include "escalate/random_stream.hpp"

#include <string>

namespace escalate {

// An interval of the real line, each end open or closed; used both for the admissible
// range of a parameter and for the support of a distribution.
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

struct Distribution {
  enum class Kind { Uniform, Normal, Lognormal, Beta, Triangular };
  Kind kind;
  double a = 0, b = 0, c = 0;  // uniform(low, high), normal(mean, sd), lognormal(median,
                               // sigma), beta(a, b), triangular(low, mode, high)

  Range support() const;
  double sample(RandomStream& stream) const;
  double median() const;  // a representative value (used by `check` and as a default)
  std::string text() const;
};

}  // namespace escalate

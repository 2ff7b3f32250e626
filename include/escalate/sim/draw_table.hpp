#pragma once
// The outer loop's parameter draws (MODEL §11), drawn once per run: the value of every
// uncertain parameter in every draw. The driver prepares each batch from it, and results
// and comparisons read it instead of drawing again.
#include "escalate/config/config.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace escalate {

struct DrawTable {
  std::int64_t draws = 0;
  std::int64_t parameters = 0;  // P: config.uncertain.size()
  std::vector<double> values;   // [draws, P], row-major

  static DrawTable of(const Config& config);  // samples every draw (in parallel; deterministic)
  std::span<const double> row(std::int64_t m) const {
    return {values.data() + m * parameters, static_cast<std::size_t>(parameters)};
  }
};

}  // namespace escalate

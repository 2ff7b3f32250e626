#pragma once
// The outer loop's parameter draws (MODEL §11), drawn once per run: the value of every
// uncertain parameter in every draw. The driver prepares each batch from it, and results
// and comparisons read it instead of drawing again.
#include "escalate/config/config.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace escalate {

// Columns of the outer loop given from outside instead of drawn: the draws of a posterior
// file (`escalate run --posterior`). `rows` x paths.size() values, row-major.
struct GivenColumns {
  std::string source;               // names them in errors ("posterior.h5")
  std::vector<std::string> paths;   // canonical paths of uncertain parameters of the config
  std::int64_t rows = 0;
  std::vector<double> values;
};

struct DrawTable {
  std::int64_t draws = 0;
  std::int64_t parameters = 0;  // P: config.uncertain.size()
  std::vector<double> values;   // [draws, P], row-major

  static DrawTable of(const Config& config);  // samples every draw (in parallel; deterministic)
  // Draw m of each given column from its row m, every other column as of(config) draws it
  // (config.draw_values(m)). Refuses (RequestError) given paths that are not uncertain
  // parameters of the config, naming them, more draws than given rows, naming both
  // numbers, and a given value outside its parameter's support.
  static DrawTable of(const Config& config, const GivenColumns& given);
  std::span<const double> row(std::int64_t m) const {
    return {values.data() + m * parameters, static_cast<std::size_t>(parameters)};
  }
};

}  // namespace escalate

#pragma once
// A user's sensitivity design as CSV (docs/sensitivity.md): a header naming the config's
// uncertain parameters by path (as `escalate check` lists them), in any order, then one
// row per design point with each parameter's value in its own units. Lines starting with
// '#' are comments (say where the design comes from); blank lines are skipped.
#include "escalate/config/config.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

inline constexpr std::size_t MAX_DESIGN_BYTES = std::size_t{256} << 20;  // 256 MiB

struct DesignValues {
  std::vector<double> values;       // [points, P] row-major, columns in the order of config.uncertain
  std::vector<std::int64_t> lines;  // [points] the line of each point in the file
};

// Reads and checks a design for `config`. Throws FileError naming file, line and column:
// an unknown column (with "did you mean"), a column given twice or missing, a row with
// the wrong number of fields, a field that is not a finite number, a value outside the
// support of the parameter's distribution, no rows.
DesignValues read_design_csv(const std::string& path, const Config& config);

}  // namespace escalate

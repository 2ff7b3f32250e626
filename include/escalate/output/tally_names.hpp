#pragma once
// What a result file's `state/` group calls each tally slice's axes, and its long name: the
// netCDF side of sim's TallyLayout, which knows only names and shapes.
#include "escalate/sim/tally_layout.hpp"

#include <string>
#include <vector>

namespace escalate {

struct TallyNames {
  TallyId id;
  std::vector<std::string> dims;  // of one instance: a draw slice is stored under ("draw", ...),
                                  // a batch slice under ("state/batch", ...)
  std::string long_name;
};
// The names of the slice `id` (one per TallyId, in its order).
const TallyNames& tally_names(TallyId id);

// Dimensions that exist only in the state group, with their labels.
struct StateDimension {
  std::string name;
  std::vector<std::string> labels;
  std::string long_name;
};
extern const std::vector<StateDimension> STATE_DIMENSIONS;

}  // namespace escalate

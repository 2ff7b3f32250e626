#pragma once
// What a file calls the tallies: the netCDF side of sim's slices (sim/tally_slices.hpp),
// which know only their names, scopes and axes. Each axis has one dimension name; the
// `state/` group stores every slice under the names of its axes; and the result datasets
// that publish a run-wide count as it is (war_durations, decisions, ...) are registered
// here, one row each, so that computing and writing them is one loop (results.cpp,
// result_file.cpp).
#include "escalate/sim/tally_slices.hpp"

#include <string>
#include <vector>

namespace escalate {

// The dimension a file calls an axis ("time", "cause", "state/counter", ...).
const std::string& axis_dimension(TallyAxis axis);

struct TallyNames {
  TallyId id;
  std::vector<std::string> dims;  // of one instance: a draw slice is stored under ("draw", ...),
                                  // a batch slice under ("state/batch", ...)
  std::string long_name;
};
// The names of the slice `id` in the state group: its axes' dimensions and its long name.
const TallyNames& tally_names(TallyId id);

// A result dataset that is a run-wide count slice as it is: the dataset `name` in the
// run's group, under the dimensions of the slice's axes, with this long name (units 1).
struct CountDataset {
  TallyId id;
  const char* name;
  const char* long_name;
};
extern const std::vector<CountDataset> COUNT_DATASETS;

// Dimensions that exist only in the state group, with their labels.
struct StateDimension {
  std::string name;
  std::vector<std::string> labels;
  std::string long_name;
};
extern const std::vector<StateDimension> STATE_DIMENSIONS;

}  // namespace escalate

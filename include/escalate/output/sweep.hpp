#pragma once
// A sweep: one run per value of one or more config paths (a grid when several), all with
// the same seed and sizes, so the points share their random numbers where their structure
// agrees. Stored as a comparison (one group per point, paired differences against the
// first point) plus a `sweep/` group whose coordinates are the swept paths and values.
#include "escalate/statistics/comparison.hpp"

#include <string>
#include <vector>

namespace escalate {

struct Sweep {
  std::vector<std::string> paths;           // [S] swept config paths
  std::vector<std::vector<double>> values;  // [N][S] the values of each point
  // [S] the values of each path, when the points are the full grid of them (the first path
  // varying slowest, as sweep_grid makes them); empty for an irregular design.
  std::vector<std::vector<double>> axes;
};

// The netCDF dimension of each swept path in the `sweep` group: the path with every
// character but a letter, digit or '_' made '_' ("ladder.war.intercept.0" ->
// "ladder_war_intercept_0", "incident.stray-missile.rate" -> "incident_stray_missile_rate"),
// a leading digit prefixed by '_', and '_' appended until the name is not one the group
// already has (point, path, outcome, bound, value, probability, interval, grid_*) or an
// earlier path's: valid netCDF names that are Python identifiers, so
// `ds.sel(ladder_war_intercept_0=0.5)` works. The path itself is the coordinate's `path`.
std::vector<std::string> sweep_dimension_names(const std::vector<std::string>& paths);

inline constexpr std::size_t MAX_SWEEP_POINTS = 1000;  // points of a whole sweep (and values of one --set)

class H5Writer;
void write_sweep(H5Writer& h5, const Sweep& sweep, const std::vector<ComparedRun>& runs);

}  // namespace escalate

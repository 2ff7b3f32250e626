#pragma once
// A sweep: one run per value of one or more config paths (a grid when several), all with
// the same seed and sizes, so the points share their random numbers where their structure
// agrees. Stored as a comparison (one group per point, paired differences against the
// first point) plus a `sweep/` group whose coordinates are the swept paths and values.
#include "escalate/output/comparison.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace escalate {

struct Sweep {
  std::vector<std::string> paths;           // [S] swept config paths
  std::vector<std::vector<double>> values;  // [N][S] the values of each point
};

// "PATH=v1,v2,..." or "PATH=lo:hi:n" (n values from lo to hi inclusive). Throws UsageError.
std::pair<std::string, std::vector<double>> parse_sweep_spec(const std::string& spec);
// The grid of every combination, the first path varying slowest.
Sweep sweep_grid(const std::vector<std::pair<std::string, std::vector<double>>>& axes);

class H5Writer;
void write_sweep(H5Writer& h5, const Sweep& sweep, const std::vector<ComparedRun>& runs);
void print_sweep(std::ostream& out, const Sweep& sweep, const std::vector<ComparedRun>& runs, const Comparison& comparison);

}  // namespace escalate

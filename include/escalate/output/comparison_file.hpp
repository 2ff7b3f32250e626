#pragma once
// A comparison file: one group per config (its result datasets) and the `comparison` group
// with the paired and unpaired differences against the reference.
#include "escalate/statistics/comparison.hpp"

#include <string>
#include <vector>

namespace escalate {

class H5Writer;
void write_comparison(H5Writer& h5, const Comparison& comparison, const std::vector<ComparedRun>& runs,
                      const std::string& command_line);

}  // namespace escalate

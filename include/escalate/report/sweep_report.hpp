#pragma once
// A sweep's table: the swept values of each point, its P(war) with the 95% interval,
// P(clash), P(nuclear use) and the paired difference in P(war) against the first point.
#include "escalate/output/sweep.hpp"

#include <ostream>
#include <vector>

namespace escalate {

void print_sweep(std::ostream& out, const Sweep& sweep, const std::vector<ComparedRun>& runs, const Comparison& comparison);

}  // namespace escalate

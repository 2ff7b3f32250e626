#pragma once
// The end-of-run table: P(reach each phase by the horizon) pooled with a 95% interval,
// the 5/50/95% quantiles across draws, nuclear war, and the top war triggers.
#include "escalate/statistics/results.hpp"

#include <ostream>

namespace escalate {

void print_summary(std::ostream& out, const Results& results, const RunSettings& run);

}  // namespace escalate

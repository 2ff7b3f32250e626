#pragma once
// The comparison table on stdout: each config's P(war), P(clash), P(nuclear use) and its
// paired difference from the reference with the 95% interval, sorted by dP(war).
#include "escalate/statistics/comparison.hpp"

#include <cstdint>
#include <ostream>

namespace escalate {

void print_comparison(std::ostream& out, const Comparison& comparison, const RunSettings& run, std::int64_t horizon_days);

}  // namespace escalate

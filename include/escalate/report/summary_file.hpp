#pragma once
// `escalate summary FILE.h5`: the end-of-run table (or the comparison table) of any result
// or comparison file with its provenance, as text, or as JSON or CSV for scripts.
#include "escalate/statistics/comparison.hpp"
#include "escalate/statistics/results.hpp"

#include <ostream>
#include <string>

namespace escalate {

enum class SummaryFormat { Text, Json, Csv };

// CSV (summary_csv.cpp): a header, then one row per quantity, numbers in their shortest
// exact form, empty where a column does not apply:
//   config,quantity,estimate,lower,upper,draws_q05,draws_q50,draws_q95,between_draw_sd,
//   difference,paired_lower,paired_upper,unpaired_lower,unpaired_upper
// A result file: quantities p_activated, p_deep, p_spiral, p_war, p_nuclear, p_clash
// (P(reached by the horizon), with the two-loop 95% interval, quantiles across draws and
// sd*) and act_offspring_ratio (estimate only). A comparison file: p_war, p_clash, p_spiral,
// p_nuclear for each config, with its difference from the reference and both intervals.
inline constexpr const char* SUMMARY_CSV_HEADER =
    "config,quantity,estimate,lower,upper,draws_q05,draws_q50,draws_q95,between_draw_sd,"
    "difference,paired_lower,paired_upper,unpaired_lower,unpaired_upper";

void summarize_file(std::ostream& out, const std::string& path, SummaryFormat format);

// The CSV of one run's results (`config`: its name in the first column) and of a comparison.
void write_results_csv(std::ostream& out, const std::string& config, const Results& results);
void write_comparison_csv(std::ostream& out, const Comparison& comparison);

}  // namespace escalate

#pragma once
// Internal to the `escalate` binary: how a dry run's estimates are printed (dry_run_report.cpp).
#include "escalate/app/compare.hpp"
#include "escalate/app/pilot.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace escalate::cli {

std::string human_bytes(std::uint64_t bytes);   // "1.07 MB"
std::string human_seconds(double seconds);      // "45 s", "12 min", "3.1 h"
// "200 draws x 400 trajectories, horizon 1825 days: 80000 trajectories in 400 batches of up to 256; 2 threads"
std::string sizes_line(const Config& config, const std::vector<std::uint8_t>* run_batches, int threads);
// "a pilot of 2048 trajectories from 8 draw(s) took 1.02 s"
std::string pilot_line(const app::Pilot& pilot);

// The dry run of a comparison or sweep: each run's estimate, the sizes, the total, the file.
void print_comparison_estimate(std::ostream& out, const std::vector<ComparedRun>& runs,
                               const app::ComparisonEstimate& estimate, const std::string& output);

}  // namespace escalate::cli

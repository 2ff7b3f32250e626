// How a dry run's estimates are printed: sizes, times, bytes in human units.
#include "dry_run_report.hpp"

#include "escalate/base/printable_text.hpp"
#include "escalate/sim/batch_layout.hpp"

#include <algorithm>
#include <cstdio>

namespace escalate::cli {

std::string human_bytes(std::uint64_t bytes) {
  char buffer[32];
  const double b = static_cast<double>(bytes);
  if (b < 1e6) std::snprintf(buffer, sizeof buffer, "%.0f kB", b / 1e3);
  else if (b < 1e9) std::snprintf(buffer, sizeof buffer, "%.*f MB", b < 1e7 ? 2 : b < 1e8 ? 1 : 0, b / 1e6);
  else std::snprintf(buffer, sizeof buffer, "%.2f GB", b / 1e9);
  return buffer;
}

std::string human_seconds(double s) {
  char buffer[32];
  if (s < 10) std::snprintf(buffer, sizeof buffer, "%.1f s", s);
  else if (s < 120) std::snprintf(buffer, sizeof buffer, "%.0f s", s);
  else if (s < 7200) std::snprintf(buffer, sizeof buffer, "%.0f min", s / 60);
  else std::snprintf(buffer, sizeof buffer, "%.1f h", s / 3600);
  return buffer;
}

std::string sizes_line(const Config& config, const std::vector<std::uint8_t>* run_batches, int threads) {
  const BatchLayout layout = BatchLayout::of(config.run);
  const std::int64_t trajectories = trajectories_in(layout, run_batches);
  std::int64_t batches = layout.batches;
  if (run_batches) batches = std::count(run_batches->begin(), run_batches->end(), std::uint8_t{1});
  std::string line = std::to_string(config.run.draws) + " draws x " + std::to_string(config.run.trajectories) +
                     " trajectories, horizon " + std::to_string(config.scenario.horizon_days) + " days: ";
  if (batches == layout.batches) {
    line += std::to_string(trajectories) + " trajectories in " + std::to_string(batches) + " batches";
  } else {
    line += std::to_string(trajectories) + " trajectories to run, in " + std::to_string(batches) + " of the " +
            std::to_string(layout.batches) + " batches";
  }
  return line + " of up to " + std::to_string(layout.batch_size) + (threads > 0 ? "; " + std::to_string(threads) + " threads" : "");
}

std::string pilot_line(const app::Pilot& pilot) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f s", pilot.seconds);
  return "a pilot of " + std::to_string(pilot.trajectories) + " trajectories from " + std::to_string(pilot.draws) +
         " draw(s) took " + seconds;
}

void print_comparison_estimate(std::ostream& out, const std::vector<ComparedRun>& runs,
                               const app::ComparisonEstimate& estimate, const std::string& output) {
  out << "Dry run of " << runs.size() << " runs: valid; nothing was written.\n";
  std::size_t width = 8;
  for (const auto& run : runs) width = std::max(width, run.name.size() + 2);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const ComparedRun& run = runs[i];
    out << "  " << run.name << std::string(width - run.name.size(), ' ');
    if (!estimate.pilots[i]) {
      out << "a result file, compared as stored (nothing to run)\n";
      continue;
    }
    out << "about " << human_seconds(estimate.seconds[i]) << " (" << pilot_line(*estimate.pilots[i]) << ")\n";
  }
  out << "  sizes   each: " << sizes_line(runs.front().config, nullptr, estimate.threads) << "\n"
      << "  time    about " << human_seconds(estimate.total_seconds) << " in all (an estimate from the pilots)\n"
      << "  output  " << printable_text(output) << ", about " << human_bytes(estimate.bytes) << "\n";
}

}  // namespace escalate::cli

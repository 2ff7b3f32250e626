// --dry-run: everything a command checks, then a short pilot instead of the work. The pilot
// runs a few whole batches spread over the draws (draws differ in cost), times them and
// extrapolates to the batches the command would run; the output's size is measured by
// writing the file, with the pilot's tallies, in memory. Nothing is written to disk.
#include "commands.hpp"

#include "escalate/base/printable_text.hpp"
#include "escalate/output/file_publish.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

namespace escalate::cli {

namespace {
// Draws differ a lot in cost (one that spirals early answers act with act), so the pilot
// takes a few trajectories from many draws rather than whole batches from a few.
constexpr std::int64_t PILOT_DRAWS = 64;
constexpr std::int64_t PILOT_TRAJECTORIES = 2048;  // in all, at most 256 per draw
}  // namespace

Pilot run_pilot(const Config& config, int threads, const std::vector<std::uint8_t>* run_batches) {
  const BatchLayout layout = BatchLayout::of(config.run);
  std::vector<std::int64_t> draws;  // with batches to run
  for (std::int64_t b = 0; b < layout.batches; ++b) {
    if (run_batches && !(*run_batches)[static_cast<std::size_t>(b)]) continue;
    if (draws.empty() || draws.back() != layout.draw_of(b)) draws.push_back(layout.draw_of(b));
  }
  const auto D = static_cast<std::int64_t>(draws.size());
  const std::int64_t cores = threads > 0 ? threads : static_cast<std::int64_t>(std::max(1u, std::thread::hardware_concurrency()));
  const std::int64_t k = std::min(D, std::max(PILOT_DRAWS, 2 * cores));
  // The first trajectories of k draws spread over them: trajectory (m, n) is the same in
  // any layout, so a config with fewer trajectories per draw (one batch each) samples them.
  Config pilot_config = config;
  pilot_config.run.trajectories =
      std::min({config.run.trajectories, BATCH_SIZE, std::max<std::int64_t>(16, PILOT_TRAJECTORIES / std::max<std::int64_t>(1, k))});
  const BatchLayout pilot_layout = BatchLayout::of(pilot_config.run);
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(pilot_layout.batches), 0);
  DriverOptions options;
  options.threads = threads;
  options.run_batches = &mask;
  Pilot pilot;
  // What every run costs before its first batch (drawing the parameters, starting threads).
  auto start = std::chrono::steady_clock::now();
  pilot.driver = run_simulation(pilot_config, options);
  pilot.fixed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::int64_t i = 0; i < k; ++i) {
    const std::int64_t m = draws[static_cast<std::size_t>(i * D / k)];
    mask[static_cast<std::size_t>(m * pilot_layout.batches_per_draw)] = 1;
  }
  start = std::chrono::steady_clock::now();
  pilot.driver = run_simulation(pilot_config, options);
  pilot.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  pilot.batches = k;
  pilot.draws = k;
  pilot.trajectories = trajectories_in(pilot_layout, &mask);
  return pilot;
}

DriverResult empty_run_of(const Config& config, const Pilot& pilot) {
  DriverResult shape = empty_result(config);
  shape.draws = pilot.driver.draws;  // the same seed and draws: the same table
  shape.threads = pilot.driver.threads;
  return shape;
}

double estimated_seconds(const Pilot& pilot, const Config& config, const std::vector<std::uint8_t>* run_batches) {
  const BatchLayout layout = BatchLayout::of(config.run);
  const std::int64_t trajectories = trajectories_in(layout, run_batches);
  std::int64_t batches = layout.batches;
  if (run_batches) batches = std::count(run_batches->begin(), run_batches->end(), std::uint8_t{1});
  if (pilot.trajectories == 0) return pilot.fixed_seconds;
  // Whole batches run in parallel: a pilot of fewer batches than threads left threads idle.
  const double threads = std::max(1, pilot.driver.threads);
  const double pilot_parallel = std::min<double>(threads, static_cast<double>(pilot.batches));
  const double run_parallel = std::min<double>(threads, static_cast<double>(std::max<std::int64_t>(1, batches)));
  const double work = std::max(0.0, pilot.seconds - pilot.fixed_seconds);
  return pilot.fixed_seconds +
         work * static_cast<double>(trajectories) / static_cast<double>(pilot.trajectories) * pilot_parallel / run_parallel;
}

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

std::string pilot_line(const Pilot& pilot) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f s", pilot.seconds);
  return "a pilot of " + std::to_string(pilot.trajectories) + " trajectories from " + std::to_string(pilot.draws) +
         " draw(s) took " + seconds;
}

// --dry-run: pilots the configs still to run; the file's size from a comparison of their
// empty layouts (and the stored runs) written in memory.
int dry_run_comparison(std::vector<ComparedRun>& runs, const std::vector<bool>& stored, const SamplingFlags& flags,
                       const std::string& output, const std::function<void(H5Writer&, const Comparison&)>& fill) {
  std::cout << "Dry run of " << runs.size() << " runs: valid; nothing was written.\n";
  std::size_t width = 8;
  for (const auto& run : runs) width = std::max(width, run.name.size() + 2);
  double total = 0;
  int threads = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ComparedRun& run = runs[i];
    std::cout << "  " << run.name << std::string(width - run.name.size(), ' ');
    if (stored[i]) {
      std::cout << "a result file, compared as stored (nothing to run)\n";
      continue;
    }
    const Pilot pilot = run_pilot(run.config, flags.threads, nullptr);
    const double seconds = estimated_seconds(pilot, run.config, nullptr);
    total += seconds;
    run.driver = empty_run_of(run.config, pilot);
    run.results = compute_results(run.config, run.driver, Provenance::of(run.driver, "", 0));
    std::cout << "about " << human_seconds(seconds) << " (" << pilot_line(pilot) << ")\n";
    threads = pilot.driver.threads;
  }
  std::cout << "  sizes   each: " << sizes_line(runs.front().config, nullptr, threads) << "\n";
  const Comparison comparison = compare_runs(runs);
  std::cout << "  time    about " << human_seconds(total) << " in all (an estimate from the pilots)\n"
            << "  output  " << printable_text(output) << ", about "
            << human_bytes(file_size_of([&](H5Writer& h5) { fill(h5, comparison); })) << "\n";
  return 0;
}

}  // namespace escalate::cli

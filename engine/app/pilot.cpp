// A dry run's pilot: a few whole batches spread over the draws (draws differ in cost),
// timed and extrapolated to the batches the command would run; and the empty layout of a
// run, whose file is written in memory to measure its size. Nothing is written to disk.
#include "escalate/app/pilot.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace escalate::app {

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

}  // namespace escalate::app

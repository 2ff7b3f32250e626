// Throughput of the engine on a config (default: the baseline): trajectories/s and
// events/s per core, with 1 thread and with all cores, and the scaling ratio between
// them. Speed targets live here and in docs/performance.md, never in the tests.
//
//   build/release/bench/escalate_bench [CONFIG] [--draws M] [--trajectories N]
#include "escalate/config/config.hpp"
#include "escalate/bench_floor.hpp"
#include "escalate/sim/driver.hpp"

#include <oneapi/tbb/info.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

using namespace escalate;

namespace {
struct Measurement {
  double seconds, trajectories, evaluations, incidents, countermeasures, grid_points;
};

Measurement measure(const Config& config, int threads) {
  DriverOptions options;
  options.threads = threads;
  auto start = std::chrono::steady_clock::now();
  DriverResult r = run_simulation(config, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto occupancy = r.tally.at("occupancy");
  const auto counters = r.tally.at("counters");
  double incidents = 0, grid = 0;
  for (auto k : r.tally.at("incidents")) incidents += static_cast<double>(k);
  for (std::size_t t = 0; t < occupancy.size(); ++t) {
    grid += static_cast<double>(occupancy[t]);
  }
  return {seconds, static_cast<double>(counters[TRAJECTORIES]), static_cast<double>(counters[EVALUATIONS]), incidents,
          static_cast<double>(counters[COUNTERMEASURES]), grid};
}
}  // namespace

int main(int argc, char** argv) {
  std::string path = "configs/baseline-2022.toml";
  ConfigOverrides overrides;
  overrides.draws = 40;
  overrides.trajectories = 500;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--draws") && i + 1 < argc) overrides.draws = std::stoll(argv[++i]);
    else if (!std::strcmp(argv[i], "--trajectories") && i + 1 < argc) overrides.trajectories = std::stoll(argv[++i]);
    else path = argv[i];
  }
  Config config = load_config(path, overrides);
  const int cores = tbb::info::default_concurrency();
  std::printf("config %s: %lld draws x %lld trajectories, horizon %lld days\n", path.c_str(),
              static_cast<long long>(config.run.draws), static_cast<long long>(config.run.trajectories),
              static_cast<long long>(config.scenario.horizon_days));
  measure(config, cores);  // warm-up: page in, spin up the thread pool
  Measurement one = measure(config, 1);
  Measurement all = measure(config, cores);
  auto line = [](const char* label, int threads, const Measurement& m) {
    std::printf("%-10s threads=%d  %7.2f s  %10.0f trajectories/s  %10.0f trajectories/s/core  %12.0f events/s/core  "
                "%6.1f events/trajectory  %6.0f ns/event\n",
                label, threads, m.seconds, m.trajectories / m.seconds, m.trajectories / m.seconds / threads,
                m.evaluations / m.seconds / threads, m.evaluations / m.trajectories,
                1e9 * m.seconds * threads / m.evaluations);
  };
  line("serial", 1, one);
  line("parallel", cores, all);
  std::printf("speed-up with %d threads: %.2fx (ideal %d)\n", cores, one.seconds / all.seconds, cores);

  // The floor: the draws and math the observed events require, priced by bench_floor.
  FloorCosts f = measure_floor();
  double other = one.evaluations - one.incidents - one.countermeasures - one.grid_points;  // signals, events
  double floor_ns = one.incidents * f.incident + one.countermeasures * f.countermeasure +
                    (one.grid_points + std::max(0.0, other)) * f.grid;
  std::printf("floor bundles: incident %.1f ns, countermeasure %.1f ns, grid point %.1f ns\n", f.incident,
              f.countermeasure, f.grid);
  std::printf("event mix per trajectory: %.0f incidents, %.0f countermeasure arrivals, %.0f grid points, %.0f other\n",
              one.incidents / one.trajectories, one.countermeasures / one.trajectories, one.grid_points / one.trajectories,
              other / one.trajectories);
  std::printf("floor %.0f ns/event, engine %.0f ns/event (serial): ratio %.2f (target <= 3)\n",
              floor_ns / one.evaluations, 1e9 * one.seconds / one.evaluations, 1e9 * one.seconds / floor_ns);
  return 0;
}

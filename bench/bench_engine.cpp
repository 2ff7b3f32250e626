// Throughput of the engine on a config (default: the baseline): the event mix per
// trajectory, trajectories/s and evaluation points/s per core with 1 thread and with all
// cores, the speed-up between them, and the ratio of the engine's time to the floor (the
// draws and libm calls the model requires for that mix, bench_floor.cpp). Speed targets
// live here and in docs/performance.md, never in the tests.
//
//   build/release/bench/escalate_bench [CONFIG] [--draws M] [--trajectories N]
//                                      [--threads T] [--repeat R]
//
// Defaults: 20 draws x 500 trajectories, T = all cores, R = 2. Each measurement (1 thread,
// T threads, the floor) is taken R times, interleaved, and the least disturbed is kept
// (shortest wall time, least CPU time). The engine/floor ratio compares CPU times: the
// floor's is its thread's, the engine's that of its 1-thread run.
#include "escalate/bench_floor.hpp"
#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"

#include <oneapi/tbb/info.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>

using namespace escalate;

namespace {
// Evaluation points (and grid points) of a run, by kind, from its tallies.
struct Mix {
  double trajectories = 0, evaluations = 0, grid = 0;
  double incidents = 0, attributions = 0, decisions = 0, countermeasures = 0, strikes = 0, signals = 0;
  double war_ends = 0, wars = 0;
  double other = 0;  // the rest: threshold crossings, events and the initial evaluation of each trajectory
};

Mix mix_of(const DriverResult& r) {
  auto sum = [&](const char* slice) {
    double s = 0;
    for (auto k : r.tally.at(slice)) s += static_cast<double>(k);
    return s;
  };
  const auto c = r.tally.at("counters");
  auto counter = [&](Counter k) { return static_cast<double>(c[k]); };
  Mix m;
  m.trajectories = counter(TRAJECTORIES);
  m.evaluations = counter(EVALUATIONS);
  m.grid = sum("occupancy");  // one count per trajectory and grid point
  m.incidents = sum("incidents");  // injections included (not those ignored during a war)
  m.attributions = counter(ATTRIBUTIONS_ARRIVED);
  m.decisions = sum("decisions");
  m.countermeasures = counter(COUNTERMEASURES);
  m.strikes = counter(STRIKES);
  m.signals = counter(SIGNALS);
  m.wars = counter(WARS);
  m.war_ends = counter(CEASEFIRES) + sum("nuclear_by_side");
  m.other = m.evaluations - m.incidents - m.attributions - m.decisions - m.countermeasures - m.strikes - m.signals -
            m.war_ends;
  return m;
}

// Floor nanoseconds of a mix (all trajectories).
double floor_of(const Mix& m, const FloorCosts& f) {
  return m.incidents * f.incident + m.attributions * f.attribution + m.decisions * f.decision +
         m.countermeasures * f.countermeasure + m.strikes * f.strike + m.war_ends * f.war_end +
         (m.signals + m.other) * f.other + m.grid * f.grid;
}

double cpu_seconds() {  // CPU time of the whole process, all threads
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Timing {
  double wall = 1e300, cpu = 1e300;  // the least disturbed runs: shortest wall time, least CPU time
};

void time_run(const Config& config, int threads, Timing& best, Mix* mix = nullptr) {
  DriverOptions options;
  options.threads = threads;
  const double cpu0 = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  const DriverResult r = run_simulation(config, options);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu0;
  if (mix) *mix = mix_of(r);
  best.wall = std::min(best.wall, wall);
  best.cpu = std::min(best.cpu, cpu);
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one.empty() ? "?" : one;
}

FloorCosts fastest(const FloorCosts& a, const FloorCosts& b) {
  return {std::min(a.incident, b.incident),   std::min(a.attribution, b.attribution),
          std::min(a.decision, b.decision),   std::min(a.countermeasure, b.countermeasure),
          std::min(a.strike, b.strike),       std::min(a.war_end, b.war_end),
          std::min(a.other, b.other),         std::min(a.grid, b.grid)};
}
}  // namespace

int main(int argc, char** argv) {
  std::string path = "configs/baseline-2022.toml";
  ConfigOverrides overrides;
  overrides.draws = 20;
  overrides.trajectories = 500;
  int threads = tbb::info::default_concurrency();
  int repeat = 2;
  for (int i = 1; i < argc; ++i) {
    const bool value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--draws") && value) overrides.draws = std::stoll(argv[++i]);
    else if (!std::strcmp(argv[i], "--trajectories") && value) overrides.trajectories = std::stoll(argv[++i]);
    else if (!std::strcmp(argv[i], "--threads") && value) threads = std::max(1, std::stoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--repeat") && value) repeat = std::max(1, std::stoi(argv[++i]));
    else if (argv[i][0] == '-') {
      std::fprintf(stderr, "usage: escalate_bench [CONFIG] [--draws M] [--trajectories N] [--threads T] [--repeat R]\n");
      return 2;
    } else path = argv[i];
  }
  Config config;
  try {
    config = load_config(path, overrides);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "escalate_bench: %s\n", e.what());
    return 2;
  }
  const std::string load_before = load_average();
  std::printf("config %s: %lld draws x %lld trajectories, horizon %lld days, grid %lld days\n", path.c_str(),
              static_cast<long long>(config.run.draws), static_cast<long long>(config.run.trajectories),
              static_cast<long long>(config.scenario.horizon_days), static_cast<long long>(config.scenario.grid_days));

  Mix mix;
  Timing warm_up, serial, parallel;
  time_run(config, threads, warm_up, &mix);  // page in, spin up the thread pool; the mix
  FloorCosts f{};
  for (int k = 0; k < repeat; ++k) {
    time_run(config, 1, serial);
    time_run(config, threads, parallel);
    f = k == 0 ? measure_floor() : fastest(f, measure_floor());
  }

  const double n = mix.trajectories;
  std::printf("event mix per trajectory: %.2f evaluation points, %.0f grid points\n", mix.evaluations / n, mix.grid / n);
  std::printf("  incidents %.3f  attributions %.3f  decisions %.3f  countermeasures %.3f  strikes %.4f\n",
              mix.incidents / n, mix.attributions / n, mix.decisions / n, mix.countermeasures / n, mix.strikes / n);
  std::printf("  signals %.3f  war ends %.4f  crossings+events+initial %.3f   (wars started %.4f)\n", mix.signals / n,
              mix.war_ends / n, mix.other / n, mix.wars / n);

  std::printf("%-8s %8s %8s %15s %26s\n", "threads", "wall s", "cpu s", "trajectories/s", "evaluation points/s/core");
  auto line = [&](int t, const Timing& m) {
    std::printf("%-8d %8.3f %8.3f %15.0f %26.0f\n", t, m.wall, m.cpu, n / m.wall, mix.evaluations / m.wall / t);
  };
  line(1, serial);
  line(threads, parallel);
  // cpu s / wall s below the thread count: the threads did not get their cores (a busy machine).
  std::printf("speed-up with %d threads: %.2fx (ideal %d; cores used: %.2f with 1 thread, %.2f with %d)\n", threads,
              serial.wall / parallel.wall, threads, serial.cpu / serial.wall, parallel.cpu / parallel.wall, threads);

  std::printf("floor, ns per evaluation point: incident %.1f, attribution %.1f, decision %.1f, countermeasure %.1f,\n"
              "  strike %.1f, war end %.1f, crossing/other %.1f, grid point %.1f\n",
              f.incident, f.attribution, f.decision, f.countermeasure, f.strike, f.war_end, f.other, f.grid);
  // Both sides in CPU time, so that time spent descheduled by other processes counts on neither.
  const double floor_ns = floor_of(mix, f);
  std::printf("per trajectory (CPU time, 1 thread): floor %.1f us, engine %.1f us: engine/floor %.2f\n",
              floor_ns / n / 1e3, 1e9 * serial.cpu / n / 1e3, 1e9 * serial.cpu / floor_ns);
  std::printf("(least disturbed of %d runs each; load average %s before, %s after)\n", repeat, load_before.c_str(),
              load_average().c_str());
  return 0;
}

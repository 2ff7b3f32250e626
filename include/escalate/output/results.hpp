#pragma once
// The datasets of MODEL.md §13, computed from a run's integer tallies. Everything here
// is a deterministic function of the tallies and the config, so equal tallies give
// bit-identical results.
#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

inline const std::vector<double> QUANTILE_LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

struct Provenance {
  std::string command_line;
  int threads = 0;
  int ranks = 1;
  double wall_seconds = 0;
  bool complete = true;

  // How a driver result came to be: its threads and completeness, with the command line
  // and the wall time (ranks is set by the caller that reduced them).
  static Provenance of(const DriverResult& driver, std::string command_line, double wall_seconds) {
    return {std::move(command_line), driver.threads, 1, wall_seconds, driver.complete};
  }
};

struct Results {
  std::int64_t M = 0, T = 0, K = 0, C = 0, P = 0, Q = 0;
  // Coordinates.
  std::vector<std::int64_t> time_days;      // [T]
  std::vector<std::string> phase;           // [5]
  std::vector<std::int64_t> draw;           // [M]
  std::vector<std::string> parameter;       // [P] paths of the uncertain parameters
  std::vector<std::string> incident;        // [K]
  std::vector<std::string> cause;           // [C] incident names, then other causes
  std::vector<double> quantile;             // [Q]
  // Pooled over draws.
  std::vector<double> occupancy;            // [T, 5]
  std::vector<double> reached;              // [T, 5]
  std::vector<double> p_reached;            // [5] pooled E[P(reach >= k by the horizon)]: mean over draws
  std::vector<double> p_reached_interval;   // [5, 2] 95%, both loops (statistics.hpp pooled_estimate)
  std::vector<double> p_reached_sd;         // [5] noise-corrected between-draw sd
  std::vector<double> p_war_by_time;        // [T] pooled E[P(war by t)] (mean over draws)
  std::vector<double> p_war_by_time_interval;  // [T, 2] its 95% interval over both loops
  double p_nuclear = 0;
  std::vector<double> p_nuclear_interval;   // [2]
  double p_nuclear_sd = 0;
  std::vector<std::int64_t> incident_count; // [K, 5]
  std::vector<std::int64_t> war_trigger;    // [C]
  std::vector<std::int64_t> spiral_trigger; // [C]
  std::vector<std::int64_t> chain_length;   // [L] 1..MAX_CHAIN_TALLY
  std::vector<double> p_chain;              // [L] P(a countermeasure chain of >= k links by the horizon)
  std::vector<double> p_chain_interval;     // [L, 2]
  // Per draw.
  std::vector<double> p_war, p_spiral, p_nuclear_by_draw;  // [M]
  std::vector<double> p_reached_by_draw;    // [M, 5]
  std::vector<double> parameters;           // [M, P]
  std::vector<float> war_by_draw;           // [M, T]
  std::vector<double> war_quantiles;        // [Q, T] across draws of P(war by t)
  std::vector<double> reached_quantiles;    // [Q, 5] across draws of P(reach >= k by horizon)
  std::vector<double> sensitivity;          // [P] Spearman rank correlation of p_war with each parameter
  // Counts.
  std::int64_t trajectories_done = 0;
  std::int64_t trajectories_planned = 0;
  std::int64_t countermeasures = 0, signals = 0, evaluations = 0;
  Provenance provenance;
};

// From the driver's tallies and its draw table (the parameter values are never drawn again).
Results compute_results(const Config& config, const DriverResult& driver, const Provenance& provenance);

}  // namespace escalate

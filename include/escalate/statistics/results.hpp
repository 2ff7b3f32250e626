#pragma once
// The datasets of MODEL §13, computed from a run's integer tallies and its draw table.
// Everything here is a deterministic function of those, so equal tallies give
// bit-identical results.
#include "escalate/config/config.hpp"
#include "escalate/statistics/statistics.hpp"
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
  std::vector<std::string> history;  // CF history of the files this result was made from (merge, --resume)
  // The posterior file whose draws the run took (--posterior), and its SHA-256; "" for none.
  std::string posterior, posterior_sha256;

  // How a driver result came to be: its threads and completeness, with the command line
  // and the wall time (ranks is set by the caller that reduced them).
  static Provenance of(const DriverResult& driver, std::string command_line, double wall_seconds) {
    return {std::move(command_line), driver.threads, 1, wall_seconds, driver.complete, {}, {}, {}};
  }
};

// A pooled probability over both loops (statistics.hpp) with its per-draw values.
struct Outcome {
  PooledEstimate pooled;
  std::vector<double> by_draw;  // [M], NaN for draws without trajectories
};

struct Results {
  std::int64_t M = 0, T = 0, K = 0, C = 0, P = 0, Q = 0;
  // Coordinates.
  std::vector<std::int64_t> time_days;      // [T]
  std::vector<std::string> phase;           // [6]
  std::vector<std::string> incident_phase;  // [4] phases in which incident rates are given
  std::vector<std::string> rung;            // [5]
  std::vector<std::string> side;            // [2]
  std::vector<std::int64_t> draw;           // [M]
  std::vector<std::string> parameter;       // [P] paths of the uncertain parameters
  std::vector<std::string> incident;        // [K]
  std::vector<std::string> cause;           // [C] incident names, then the built-in causes
  std::vector<double> quantile;             // [Q]
  std::vector<double> duration_bin;         // [D] lower edges of the war-duration bins (days)
  // Pooled over draws and trajectories.
  std::vector<double> occupancy;            // [T, 6] fraction in each phase at t
  std::vector<double> reached;              // [T, 6] fraction whose running max >= k by t
  std::vector<double> clash_by_time;        // [T] fraction with a first clash by t
  std::vector<Outcome> reach;               // [6] P(reach phase >= k by the horizon)
  Outcome clash;                            // P(first clash by the horizon)
  std::vector<double> p_war_by_time;        // [T] pooled E[P(war by t)]
  std::vector<double> p_war_by_time_interval;  // [T, 2]
  std::vector<float> war_by_draw;           // [M, T] per-draw P(war by t)
  std::vector<double> war_quantiles;        // [Q, T] across draws of P(war by t)
  std::vector<double> reached_quantiles;    // [Q, 6] across draws of P(reach >= k by the horizon)
  std::vector<double> clash_quantiles;      // [Q]
  std::vector<double> parameters;           // [M, P] the draw table
  std::vector<double> sensitivity;          // [P] Spearman rank correlation of per-draw P(war) with each parameter
  double sensitivity_threshold = 0;         // |rho| a null correlation exceeds with probability 5% (spearman_threshold)
  std::vector<double> incidents_by_draw;    // [M, K] per draw: incidents per trajectory, by type
  std::vector<double> incident_decisions_by_draw;  // [M, K, 5] per draw: decisions on incidents per trajectory, by type and rung
  std::vector<double> act_offspring;        // [M] per draw: acts answering acts / decisions on acts (MODEL 9.5)
  double act_offspring_pooled = 0;
  // Every run-wide count slice as it is, by TallyId (empty for draw and batch slices):
  // incidents, decisions, the causes of wars, war durations, the counters, ...
  // (sim/tally_slices.hpp; the result file publishes those output/tally_names.hpp registers).
  std::vector<std::vector<std::int64_t>> counts;
  std::int64_t trajectories_done = 0;
  std::int64_t trajectories_planned = 0;
  std::vector<std::string> warnings;
  Provenance provenance;

  const std::vector<std::int64_t>& count(TallyId id) const { return counts[static_cast<std::size_t>(id)]; }
  std::int64_t counter(int c) const { return count(TallyId::Counters)[static_cast<std::size_t>(c)]; }
};

// From the driver's tallies and its draw table (the parameter values are never drawn again).
Results compute_results(const Config& config, const DriverResult& driver, const Provenance& provenance);

}  // namespace escalate

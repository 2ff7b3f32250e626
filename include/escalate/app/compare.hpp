#pragma once
// The `compare` and `sweep` services: several configs (or one config at several values of
// its paths) run with common random numbers and compared against the first; one file.
#include "escalate/app/callbacks.hpp"
#include "escalate/app/pilot.hpp"
#include "escalate/config/config.hpp"
#include "escalate/statistics/comparison.hpp"
#include "escalate/output/sweep.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace escalate::app {

// What a dry run of several configs measured instead of running them.
struct ComparisonEstimate {
  std::vector<std::optional<Pilot>> pilots;  // [run]: none for a stored result file
  std::vector<double> seconds;               // [run]: estimated wall time (0 when stored)
  double total_seconds = 0;
  int threads = 0;
  std::uint64_t bytes = 0;                   // the output file's size
};

struct CompareRequest {
  std::vector<std::string> configs;  // configs or result files of `run`; the first is the reference
  ConfigOverrides overrides;         // draws, trajectories, seed of the reference (and so of every config)
  std::string posterior;             // a posterior file whose draws every config takes ("": none)
  std::string output;                // "": results/compare-<reference>.h5
  int threads = 0;
  bool force = false;
  bool dry_run = false;
  std::string command_line;
};

struct CompareOutcome {
  std::vector<ComparedRun> runs;
  Comparison comparison;             // empty for a dry run
  std::string output;
  std::optional<ComparisonEstimate> estimate;  // a dry run: nothing written
};

// Throws Interrupted (nothing written) if a run is stopped: a comparison needs complete runs.
CompareOutcome compare(const CompareRequest& request, const Callbacks& callbacks);

struct SweepRequest {
  std::string config;
  std::vector<std::pair<std::string, std::vector<double>>> axes;  // path -> values; a grid when several
  ConfigOverrides overrides;
  std::string posterior;             // a posterior file whose draws every point takes ("": none)
  std::string output;                // "": results/sweep-<stem>.h5
  int threads = 0;
  bool force = false;
  bool dry_run = false;
  std::string command_line;
};

struct SweepOutcome {
  Sweep sweep;
  std::vector<ComparedRun> runs;     // one per point
  Comparison comparison;
  std::string output;
  std::optional<ComparisonEstimate> estimate;
};

SweepOutcome sweep(const SweepRequest& request, const Callbacks& callbacks);

}  // namespace escalate::app

#pragma once
// The `run` service: one config sampled in one process, across MPI ranks, as one shard of
// a job array, resumed from a partial file, or to a precision target; then its result
// file written. A dry run checks everything, times a pilot and sizes the file instead.
#include "escalate/app/callbacks.hpp"
#include "escalate/app/pilot.hpp"
#include "escalate/config/config.hpp"
#include "escalate/statistics/results.hpp"
#include "escalate/output/run_state.hpp"
#include "escalate/sim/cluster.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalate::app {

struct RunRequest {
  std::string config;              // the config file
  ConfigOverrides overrides;       // draws, trajectories, seed
  std::string output;              // "": results/<stem>.h5, the resumed file, or <stem>.part-i-of-n.h5
  int threads = 0;                 // 0: all cores
  bool force = false;              // replace an existing output
  bool dry_run = false;            // check, pilot, estimate; write nothing
  std::string resume;              // a partial result of the same config to continue
  std::string posterior;           // a posterior file: draw m of its parameters is its draw m ("": none)
  double target_ci = 0;            // > 0: add trajectories until the 95% half-width on P(war) is at most this
  std::int64_t max_trajectories = 0;  // per draw, for target_ci (0: 64x the first round)
  std::optional<ShardInfo> shard;  // only this part (0-based index) of the run's batches
  std::string shard_label;         // the shard as the user wrote it ("2/8"), for messages
  std::string command_line;        // for the file's provenance
};

// What --target-ci found.
struct PrecisionReport {
  double target = 0;
  double half_width = 0;
  double draw_floor = 0;          // the half-width the spread between draws alone gives
  std::int64_t draws_needed = 0;  // > 0: the target needs more draws, not more trajectories
  int rounds = 0;
};

// What a dry run measured instead of running.
struct RunEstimate {
  Pilot pilot;
  double seconds = 0;                // the run's estimated wall time
  std::uint64_t bytes = 0;           // its result file's size
  std::vector<std::uint8_t> batches; // the batches it would run (empty: all)
};

struct RunOutcome {
  Config config;                 // as run (with the final trajectories of a target_ci run)
  Results results;
  std::string output;
  ShardInfo shard;
  bool written = false;          // false: a dry run, or an MPI rank other than 0
  bool stopped = false;          // an interrupt left batches of this part undone: a partial result
  std::optional<PrecisionReport> precision;
  std::optional<RunEstimate> estimate;  // a dry run
};

// Every check comes before the work, on every rank (a refusal is thrown by the lowest
// failing rank, SilentExit on the others). Throws RequestError, ConfigError, FileError,
// IoError, and Interrupted when target_ci rounds are stopped.
RunOutcome run(const RunRequest& request, Cluster& cluster, const Callbacks& callbacks);

}  // namespace escalate::app

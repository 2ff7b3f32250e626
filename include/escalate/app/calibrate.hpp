#pragma once
// The `calibrate` service (issue 19; docs/calibration.md, "How escalate calibrate works"):
// draws from p(θ | record) ∝ p(record | θ) p(θ), θ every uncertain parameter of the
// forecast config plus the record's uncertain reporting probabilities, by the tempered SMC
// sampler of escalate_infer with a synthetic likelihood estimated by simulating every
// window of the record; then the posterior predictive check; then the posterior file.
// A dry run checks everything and times a pilot instead. Ctrl-C (Callbacks::interrupt)
// writes the sampler's state beside the output and throws Interrupted; `resume` continues
// from it to the posterior an uninterrupted run gives.
#include "escalate/app/callbacks.hpp"
#include "escalate/output/posterior_file.hpp"
#include "escalate/sim/cluster.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalate::app {

struct CalibrateRequest {
  std::string forecast;               // the forecast config (its uncertain parameters are inferred)
  std::string record;                 // the record file
  std::string output;                 // "": results/<forecast-stem>-posterior.h5
  std::int64_t particles = 500;
  std::int64_t trajectories = 100;    // per window and likelihood estimate
  std::optional<std::uint64_t> seed;  // default: the forecast's run.seed
  int threads = 0;                    // 0: all cores; the posterior does not depend on it
  bool force = false;                 // replace an existing output
  bool dry_run = false;               // check, time a pilot, estimate; write nothing
  std::string resume;                 // the state file of an interrupted calibration
  std::string command_line;           // for the file's provenance
};

// What a dry run measured instead of calibrating.
struct CalibrateEstimate {
  std::int64_t pilot_estimates = 0;   // likelihood estimates timed
  double seconds_per_estimate = 0;    // of one thread
  double estimates = 0;               // expected likelihood estimates of the run
  double simulations = 0;             // trajectories: estimates x windows x trajectories
  double seconds = 0;                 // expected wall time on `threads`
  int threads = 0;
};

struct CalibrateOutcome {
  std::string output;
  std::vector<std::string> parameters;  // the inferred paths
  std::size_t windows = 0;
  std::size_t summaries = 0;            // the summary dimension over all windows
  PosteriorFile posterior;              // as written (empty for a dry run)
  bool written = false;
  std::optional<CalibrateEstimate> estimate;
};

// The likelihood estimates a run of N particles is expected to ask for, for --dry-run and
// the progress bar's total: an estimate, not a bound (that is N (1 + stages x max_moves)).
// Measured with sampler smc-3 on the real record at 100 particles: 133 and 166 per particle
// (two seeds, docs/calibration.md "The published forecast"); 144-177 on the 125-parameter
// toys; small toys with few parameters need fewer (26.5 before smc-3, docs/inference.md §10).
inline constexpr double ESTIMATES_PER_PARTICLE = 150.0;

// Under MPI every rank runs the same sampler; the likelihood's rows and the predictive
// check's draws are split across the ranks and gathered in row order (the same posterior as
// one process); rank 0 writes (written is false on the others). A dry run is one process.
// Throws RequestError, ConfigError, FileError before any work (on every rank); IoError
// writing; Interrupted after writing the state file when the interrupt was set on any
// rank; InferenceError when the record cannot be fitted (no prior particle gives it a
// positive likelihood).
CalibrateOutcome calibrate(const CalibrateRequest& request, Cluster& cluster, const Callbacks& callbacks);

}  // namespace escalate::app

#pragma once
// Internal to the `escalate` binary: the command-line commands, one file each
// (command_run.cpp, command_compare.cpp, command_merge.cpp, command_inspect.cpp), and what
// they share (command_execute.cpp). main.cpp only defines the CLI and dispatches.
#include "escalate/config/config.hpp"
#include "escalate/output/comparison.hpp"
#include "escalate/output/results.hpp"
#include "escalate/output/summary_file.hpp"
#include "escalate/sim/cluster.hpp"
#include "escalate/sim/driver.hpp"

#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <vector>

namespace escalate {
class H5Writer;
}

namespace escalate::cli {

// What every sampling command (run, compare) takes.
struct SamplingFlags {
  std::string output;
  ConfigOverrides overrides;  // --draws, --trajectories, --seed
  int threads = 0;
  bool force = false;
  bool quiet = false;
  bool dry_run = false;  // check, pilot, estimate; write nothing
};

struct RunFlags : SamplingFlags {
  std::string config;
  std::string resume;                 // a partial result to continue
  double target_ci = 0;               // 0: off
  std::int64_t max_trajectories = 0;  // per draw, for --target-ci (0: 64x the first round)
  std::string shard;                  // "i/n", 1-based
};

struct CompareFlags : SamplingFlags {
  std::vector<std::string> configs;
};

struct MergeFlags {
  std::vector<std::string> parts;
  std::string output;
  bool force = false;
  bool quiet = false;
  bool allow_partial = false;  // write an incomplete result (missing or interrupted shards) and exit 0
};

struct SweepFlags : SamplingFlags {
  std::string config;
  std::vector<std::string> sets;  // "PATH=v1,v2,..." or "PATH=lo:hi:n"
};

// `escalate sensitivity` (command_sensitivity.cpp). Integers are kept as text and parsed
// exactly there, like --draws.
struct SensitivityFlags : SamplingFlags {
  std::string config;
  std::string method;         // "sobol" (default) or "morris"
  bool method_given = false;
  std::string base_samples;   // Saltelli N or Morris paths r ("" : the method's default)
  std::string levels;         // Morris grid levels ("" : DEFAULT_MORRIS_LEVELS)
  std::string design;         // a user's design (CSV)
  std::string design_layout;  // "free", "saltelli" or "morris" (with --design)
  bool json = false;
};
// Defaults sized for the baseline (24 uncertain parameters) in about 330,000 trajectories,
// a couple of minutes on 2 cores (docs/sensitivity.md): Sobol' estimators average over
// many points, so each point can be noisy (the noise is removed); a Morris effect is the
// difference of two points, so each point needs to be precise.
inline constexpr std::int64_t DEFAULT_SOBOL_TRAJECTORIES = 50;
inline constexpr std::int64_t DEFAULT_MORRIS_TRAJECTORIES = 400;
inline constexpr std::int64_t DEFAULT_SOBOL_BASE_SAMPLES = 256;
inline constexpr std::int64_t DEFAULT_MORRIS_PATHS = 32;
inline constexpr std::int64_t DEFAULT_MORRIS_LEVELS = 4;

// The tallies of a run and how it ran; callers compute Results once, when the tallies are
// final (after an MPI reduce, a resume's merge).
struct Execution {
  DriverResult driver;
  Provenance provenance;
};

// Prints what a config asks that can never happen (Config::warnings) on stderr.
void report_warnings(const Config& config);

// results/<config-stem>.h5
std::string default_output(const std::string& config);

// An integer given on the command line: decimal digits, or exact scientific notation
// ("1e12", "2.5e3"). Refuses signs, fractions, NaN and anything outside [low, high] with
// a UsageError naming `flag`.
std::uint64_t parse_integer_flag(const std::string& flag, const std::string& text, std::uint64_t low, std::uint64_t high);

// Refuses (ConfigError) a config whose resolved text, as result files store it, would not
// load back to the same config: toml++ 3.3.0 writes some keys unquoted (a side name with a
// newline), which `summary`, `merge` and `--resume` would then refuse after the whole run.
void check_config_reads_back(const Config& config);

// The TOML text with every float written as the shortest text that reads back to the same
// double (0.35, not 0.34999999999999998): how `check` prints a resolved config.
std::string with_shortest_floats(const std::string& toml);

// Whether two paths name the same existing file (device and inode).
bool same_file(const std::string& a, const std::string& b);

// Removes the temporary files of killed runs beside `output` and says so on stderr.
void report_stale_temporaries(const std::string& output);

// Runs `config` (only `run_batches`, if given; over the rows of `draws`, if given, instead
// of random draws) on all cores with progress on stderr; Ctrl-C or SIGTERM stops after the
// running trajectory and leaves a partial result.
Execution execute(const Config& config, int threads, bool quiet, const std::string& command_line,
                  const std::vector<std::uint8_t>* run_batches = nullptr, const DrawTable* draws = nullptr);

// --dry-run (dry_run.cpp): a pilot of a few whole batches spread over the draws, timed.
struct Pilot {
  DriverResult driver;  // the pilot's tallies (a layout of its own: few trajectories per draw)
  std::int64_t batches = 0, trajectories = 0, draws = 0;
  double seconds = 0;        // the pilot's wall time
  double fixed_seconds = 0;  // of a run of no batches: drawing the parameters, starting threads
};
// Runs the first few trajectories (about 2048 in all) of up to 64 draws spread over those
// with batches in `run_batches` (all draws without a mask); draws differ in cost.
Pilot run_pilot(const Config& config, int threads, const std::vector<std::uint8_t>* run_batches);
// The run's own layout with nothing done (and the pilot's draw table): for sizing its file.
DriverResult empty_run_of(const Config& config, const Pilot& pilot);
// The wall time of the batches in `run_batches` (all without a mask), from the pilot's.
double estimated_seconds(const Pilot& pilot, const Config& config, const std::vector<std::uint8_t>* run_batches);
std::string human_bytes(std::uint64_t bytes);   // "1.07 MB"
std::string human_seconds(double seconds);      // "45 s", "12 min", "3.1 h"
// "200 draws x 400 trajectories, horizon 1825 days: 80000 trajectories in 400 batches of up to 256; 2 threads"
std::string sizes_line(const Config& config, const std::vector<std::uint8_t>* run_batches, int threads);
// "a pilot of 2048 trajectories from 8 draw(s) took 1.02 s"
std::string pilot_line(const Pilot& pilot);

// --dry-run of compare and sweep: a pilot of each run still to compute (not `stored`), its
// time and the output's size (`fill` writes the comparison file, here in memory).
int dry_run_comparison(std::vector<ComparedRun>& runs, const std::vector<bool>& stored, const SamplingFlags& flags,
                       const std::string& output, const std::function<void(H5Writer&, const Comparison&)>& fill);

// The one mapping of errors to exit codes (see escalate/base/error.hpp): 2 for bad input,
// usage or a damaged input file, 130 for an interrupt, 1 otherwise.
int exit_code_of(const std::exception& e);
// The words before an error's message: "config error: ", "I/O error: ", "internal error: " or "".
std::string error_kind(const std::exception& e);

int command_run(const RunFlags& flags, const std::string& command_line, Cluster& cluster);
int command_compare(const CompareFlags& flags, const std::string& command_line);
int command_sweep(const SweepFlags& flags, const std::string& command_line);
int command_sensitivity(const SensitivityFlags& flags, const std::string& command_line);

// Runs every config of a comparison (all with the same run settings) but those read from
// result files (`stored`), refusing to go on after an interrupt; fills each run's driver
// result and results.
void execute_all(std::vector<ComparedRun>& runs, const SamplingFlags& flags, const std::string& command_line,
                 const std::vector<bool>* stored = nullptr);
int command_merge(const MergeFlags& flags, const std::string& command_line);
int command_summary(const std::string& path, SummaryFormat format);
int command_check(const std::string& path);

}  // namespace escalate::cli

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
#include <string>
#include <vector>

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

// Runs `config` (only `run_batches`, if given) on all cores with progress on stderr;
// Ctrl-C or SIGTERM stops after the running trajectory and leaves a partial result.
Execution execute(const Config& config, int threads, bool quiet, const std::string& command_line,
                  const std::vector<std::uint8_t>* run_batches = nullptr);

// The one mapping of errors to exit codes (see escalate/base/error.hpp): 2 for bad input,
// usage or a damaged input file, 130 for an interrupt, 1 otherwise.
int exit_code_of(const std::exception& e);
// The words before an error's message: "config error: ", "I/O error: ", "internal error: " or "".
std::string error_kind(const std::exception& e);

int command_run(const RunFlags& flags, const std::string& command_line, Cluster& cluster);
int command_compare(const CompareFlags& flags, const std::string& command_line);
int command_sweep(const SweepFlags& flags, const std::string& command_line);

// Runs every config of a comparison (all with the same run settings), refusing to go on
// after an interrupt; fills each run's driver result and results.
void execute_all(std::vector<ComparedRun>& runs, const SamplingFlags& flags, const std::string& command_line);
int command_merge(const MergeFlags& flags, const std::string& command_line);
int command_summary(const std::string& path, SummaryFormat format);
int command_check(const std::string& path);

}  // namespace escalate::cli

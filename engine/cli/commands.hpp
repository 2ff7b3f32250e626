#pragma once
// Internal to the `escalate` binary: one file per command (run_command.cpp, ...), each
// defining its CLI11 subcommand and, once the line is parsed, turning its flags into a
// service request (include/escalate/app), calling the service and printing the outcome.
// main.cpp builds the app from them and maps errors to exit codes.
#include "escalate/config/config.hpp"
#include "escalate/report/summary_file.hpp"
#include "escalate/sim/cluster.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <exception>
#include <functional>
#include <string>

namespace escalate::cli {

// A subcommand as defined on the app, and what runs it once the command line is parsed
// (on every MPI rank; only `run` may be started with several).
struct Command {
  CLI::App* subcommand = nullptr;
  std::function<int(Cluster&)> run;
};

Command add_run_command(CLI::App& app, const std::string& command_line);
Command add_compare_command(CLI::App& app, const std::string& command_line);
Command add_sweep_command(CLI::App& app, const std::string& command_line);
Command add_sensitivity_command(CLI::App& app, const std::string& command_line);
Command add_merge_command(CLI::App& app, const std::string& command_line);
Command add_calibrate_command(CLI::App& app, const std::string& command_line);
Command add_summary_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_names_command(CLI::App& app);

// `summary` and `check` (command_inspect.cpp), defined on the app by add_summary_command
// and add_check_command (inspect_options.cpp).
int command_summary(const std::string& path, SummaryFormat format);
int command_check(const std::string& path);

// What the sampling commands (run, compare, sweep) share. Integers are taken as text and
// parsed exactly (1e12 is 1000000000000; 2^64 is refused, never clamped).
struct SamplingOptions {
  std::string output;
  std::string draws, trajectories, seed;  // as given
  std::string posterior;                  // --posterior FILE
  int threads = 0;
  bool force = false;
  bool quiet = false;
  bool dry_run = false;
};
// Adds -o, --draws, --trajectories, --seed, --posterior, --threads, --force, -q and --dry-run;
// `scope` ends their help ("" or " for every config").
void add_sampling_options(CLI::App* command, SamplingOptions& options, const std::string& output_help,
                          const std::string& scope);
// --draws, --trajectories and --seed as overrides (UsageError for a bad integer).
ConfigOverrides overrides_of(const SamplingOptions& options);
// The sampling options every sampling request carries (run, compare, sweep): the
// overrides, output, threads, force, dry run and the command line for the file's history.
template <class Request>
void fill_sampling(Request& request, const SamplingOptions& options, const std::string& command_line) {
  request.overrides = overrides_of(options);
  request.posterior = options.posterior;
  request.output = options.output;
  request.threads = options.threads;
  request.force = options.force;
  request.dry_run = options.dry_run;
  request.command_line = command_line;
}

// ConfigOverrides::seed's type decides the seeds this build can take: [0, 2^64).
std::uint64_t max_seed();

// An integer given on the command line: decimal digits, or exact scientific notation
// ("1e12", "2.5e3"). Refuses signs, fractions, NaN and anything outside [low, high] with
// a UsageError naming `flag`.
std::uint64_t parse_integer_flag(const std::string& flag, const std::string& text, std::uint64_t low, std::uint64_t high);

// The TOML text with every float written as the shortest text that reads back to the same
// double (0.35, not 0.34999999999999998): how `check` prints a resolved config.
std::string with_shortest_floats(const std::string& toml);

}  // namespace escalate::cli

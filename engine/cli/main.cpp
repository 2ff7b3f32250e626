// The `escalate` command line: defines the commands and flags (CLI11), dispatches to
// engine/cli/command_*.cpp, and turns every error into one message and its exit code
// (exit_code_of: 2 bad input, usage or input file; 130 interrupted; 1 runtime fault).
#include "commands.hpp"
#include "escalate/base/error.hpp"
#include "escalate/version.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <limits>
#include <string>

using namespace escalate;
using namespace escalate::cli;

int run_main(int argc, char** argv, const std::string& command_line);

int main(int argc, char** argv) {
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  try {
    return run_main(argc, argv, command_line);
  } catch (const SilentExit& e) {
    return e.code;  // another rank failed and said why
  } catch (const std::exception& e) {
    std::cerr << "escalate: " << error_kind(e) << e.what() << "\n";
    return exit_code_of(e);
  }
}

int run_main(int argc, char** argv, const std::string& command_line) {
  Cluster cluster(argc, argv);

  CLI::App app{"Escalate: Monte Carlo escalation risk in a security-dilemma phase model.\n"
               "Samples incidents under uncertain intent and misperception, propagates them through\n"
               "dormant -> activated -> deep -> spiral -> war, and writes escalation probability\n"
               "distributions to HDF5 (xarray/netCDF readable).",
               "escalate"};
  app.set_version_flag("--version", std::string("escalate ") + ENGINE_VERSION + " (" + GIT_SHA1 + ")");
  app.require_subcommand(1);
  app.footer("Examples:\n"
             "  escalate check configs/baseline-2022.toml\n"
             "  escalate run configs/baseline-2022.toml                 # -> results/baseline-2022.h5\n"
             "  escalate run configs/baseline-2022.toml --draws 50 --trajectories 500 -o /tmp/quick.h5\n"
             "  escalate compare configs/baseline-2022.toml configs/policies/*.toml\n"
             "  escalate sweep configs/baseline-2022.toml --set restraint.institutions=0:1:11\n"
             "Exit codes: 0 success, 2 bad input or usage, 1 runtime I/O fault, 130 interrupted (partial file written).");

  const auto positive = CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max());
  // The options run and compare share; `scope` ends their help ("" or " for every config").
  auto add_sampling_options = [&](CLI::App* command, SamplingFlags& flags, const std::string& output_help,
                                  const std::string& scope) {
    command->add_option("-o,--output", flags.output, output_help);
    command->add_option("--draws", flags.overrides.draws, "Override run.draws (parameter draws, the outer loop)" + scope)
        ->check(positive);
    command->add_option("--trajectories", flags.overrides.trajectories,
                        "Override run.trajectories (trajectories per draw, the inner loop)" + scope)->check(positive);
    command->add_option("--seed", flags.overrides.seed, "Override run.seed" + scope)
        ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()));
    command->add_option("--threads", flags.threads, "Worker threads (default 0: all cores); results do not depend on it")
        ->check(CLI::Range(0, 4096));
    command->add_flag("--force", flags.force, "Replace the result file if it exists");
    command->add_flag("-q,--quiet", flags.quiet, "No progress and no table");
  };

  RunFlags run_flags;
  auto* run = app.add_subcommand("run", "Sample a config and write its results to HDF5");
  run->add_option("config", run_flags.config, "Config file (TOML, MODEL.md section 15)")->required();
  add_sampling_options(run, run_flags, "Result file (default: results/<config-stem>.h5)", "");
  run->add_option("--resume", run_flags.resume,
                  "Continue a partial result (interrupted, or a shard) of the same config; writes it complete "
                  "(to the same file unless -o)");
  run->add_option("--target-ci", run_flags.target_ci,
                  "Add trajectories (doubling per draw) until the 95% half-width on pooled P(war) is at most W")
      ->check(CLI::Range(1e-6, 0.5));
  run->add_option("--max-trajectories", run_flags.max_trajectories,
                  "Cap per draw for --target-ci (default 64x the first round)")->check(positive);
  run->add_option("--shard", run_flags.shard,
                  "Compute only part i of n (1-based), for job arrays; combine the parts with `escalate merge`");
  run->footer("The same seed gives bit-identical datasets for any --threads. Ctrl-C stops after the running\n"
              "batches and writes what is done, marked complete = 0.");

  CompareFlags compare_flags;
  auto* compare = app.add_subcommand("compare", "Run several configs with common random numbers and rank them against the first");
  compare->add_option("configs", compare_flags.configs, "Configs; the first is the reference")->required()->expected(2, -1);
  add_sampling_options(compare, compare_flags, "Result file (default: results/compare-<reference>.h5)", " for every config");
  compare->footer("Every config runs with the reference's seed, draws and trajectories (its [run] table, after\n"
                  "these flags); horizons must match. Example:\n"
                  "  escalate compare configs/baseline-2022.toml configs/policies/*.toml");

  SweepFlags sweep_flags;
  auto* sweep = app.add_subcommand("sweep", "Run a config at several values of one or more parameters (common random numbers)");
  sweep->add_option("config", sweep_flags.config, "Config file")->required();
  sweep->add_option("--set", sweep_flags.sets,
                    "PATH=v1,v2,... or PATH=lo:hi:n (n values from lo to hi); repeat for a grid")->required();
  add_sampling_options(sweep, sweep_flags, "Result file (default: results/sweep-<config-stem>.h5)", " for every point");
  sweep->footer("Every point runs with the same seed, draws and trajectories; the table shows P(war), P(clash),\n"
                "P(nuclear) at each value and the paired difference in P(war) against the first point.\n"
                "Examples:\n"
                "  escalate sweep configs/baseline-2022.toml --set restraint.institutions=0:1:11\n"
                "  escalate sweep configs/scenarios/przewodow-2022.toml \\\n"
                "      --set incident.stray-missile.clarification_delay_days=0.25,1,3,7,30");

  std::vector<std::string> merge_parts;
  std::string merge_output;
  bool merge_force = false, merge_quiet = false;
  auto* merge = app.add_subcommand("merge", "Combine the shards of a run (run --shard i/n) into one result, bit for bit");
  merge->add_option("parts", merge_parts, "Shard files, any order")->required()->expected(1, -1);
  merge->add_option("-o,--output", merge_output, "Merged result file")->required();
  merge->add_flag("--force", merge_force, "Replace the output if it exists");
  merge->add_flag("-q,--quiet", merge_quiet, "No table");
  merge->footer("Refuses parts of different configs, seeds, schema or engine versions, and missing or duplicate shards.\n"
                "Example:\n  for i in 1 2 3; do escalate run cfg.toml --shard $i/3 -o part-$i.h5; done\n"
                "  escalate merge part-*.h5 -o all.h5");

  std::string summary_path;
  bool summary_json = false;
  auto* summary = app.add_subcommand("summary", "Print the summary table and provenance of a result or comparison file");
  summary->add_option("file", summary_path, "Result or comparison file (.h5)")->required();
  summary->add_flag("--json", summary_json, "Machine-readable JSON instead of the table");

  std::string check_path;
  auto* check = app.add_subcommand("check", "Validate a config; print it resolved (after `base`) and its uncertain parameters");
  check->add_option("config", check_path, "Config file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::CallForAllHelp& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::CallForVersion& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::ParseError& e) {
    if (cluster.root()) app.exit(e);
    return 2;
  }
  if (cluster.size() > 1 && !*run) throw UsageError("only `escalate run` uses MPI ranks; start other commands without mpirun");
  if (*run) return command_run(run_flags, command_line, cluster);
  if (*check) return command_check(check_path);
  if (*compare) return command_compare(compare_flags, command_line);
  if (*sweep) return command_sweep(sweep_flags, command_line);
  if (*merge) return command_merge(merge_parts, merge_output, merge_force, merge_quiet, command_line);
  if (*summary) return command_summary(summary_path, summary_json);
  return 0;
}

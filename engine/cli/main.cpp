// The `escalate` command line: defines the commands and flags (CLI11), dispatches to
// engine/cli/command_*.cpp, and turns every error into one message and its exit code
// (exit_code_of: 2 bad input, usage or input file; 130 interrupted; 1 runtime fault).
#include "commands.hpp"
#include "help.hpp"
#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/version.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <type_traits>
#include <limits>
#include <string>

using namespace escalate;
using namespace escalate::cli;

int run_main(int argc, char** argv, const std::string& command_line, Cluster& cluster);

namespace {
// The rank of this process under mpirun (0 otherwise), for errors raised before or
// outside a collective step: every rank meets the same refusal, rank 0 prints it.
int launcher_rank() {
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"}) {
    if (const char* v = std::getenv(name)) return std::atoi(v);
  }
  return 0;
}

// What the integer flags were given as (parsed exactly by parse_integer_flag).
struct IntegerFlags {
  std::string draws, trajectories, seed, max_trajectories;
};

// ConfigOverrides::seed's type decides the seeds this build can take: [0, 2^64).
using SeedValue = std::remove_cvref_t<decltype(*ConfigOverrides{}.seed)>;
constexpr std::uint64_t MAX_SEED = static_cast<std::uint64_t>(std::numeric_limits<SeedValue>::max());

void apply_integer_flags(const IntegerFlags& given, ConfigOverrides& overrides, std::int64_t* max_trajectories) {
  constexpr auto MAX = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!given.draws.empty()) overrides.draws = static_cast<std::int64_t>(parse_integer_flag("--draws", given.draws, 1, MAX));
  if (!given.trajectories.empty()) {
    overrides.trajectories = static_cast<std::int64_t>(parse_integer_flag("--trajectories", given.trajectories, 1, MAX));
  }
  if (!given.seed.empty()) {
    overrides.seed = static_cast<SeedValue>(parse_integer_flag("--seed", given.seed, 0, MAX_SEED));
  }
  if (!given.max_trajectories.empty() && max_trajectories) {
    *max_trajectories = static_cast<std::int64_t>(parse_integer_flag("--max-trajectories", given.max_trajectories, 1, MAX));
  }
}
}  // namespace

int main(int argc, char** argv) {
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  // The cluster outlives the message: MPI_Finalize (in its destructor, after the catch)
  // holds the other ranks until the failing one has printed, so mpirun, which aborts the
  // job when a rank exits non-zero, cannot cut the message off.
  std::optional<Cluster> cluster;
  try {
    cluster.emplace(argc, argv);
    return run_main(argc, argv, command_line, *cluster);
  } catch (const SilentExit& e) {
    return e.code;  // another rank failed and said why
  } catch (const std::exception& e) {
    if (launcher_rank() == 0) std::cerr << "escalate: " << error_kind(e) << printable_text(e.what()) << "\n";  // one line, whatever it quotes
    return exit_code_of(e);
  }
}

int run_main(int argc, char** argv, const std::string& command_line, Cluster& cluster) {

  CLI::App app{"Escalate: Monte Carlo escalation risk in a security-dilemma phase model.\n"
               "Samples incidents under uncertain intent and misperception, propagates them through\n"
               "dormant -> activated -> deep -> spiral -> war, and writes escalation probability\n"
               "distributions to HDF5 (xarray/netCDF readable).",
               "escalate"};
  app.set_version_flag("--version", std::string("escalate ") + ENGINE_VERSION + " (" + GIT_SHA1 + ")");
  app.require_subcommand(1);

  // The options run and compare share; `scope` ends their help ("" or " for every config").
  // Integers are taken as text and parsed exactly (1e12 is 1000000000000; 2^64 is refused,
  // never clamped).
  IntegerFlags run_integers, compare_integers, sweep_integers;
  auto add_sampling_options = [&](CLI::App* command, SamplingFlags& flags, IntegerFlags& integers,
                                  const std::string& output_help, const std::string& scope) {
    command->add_option("-o,--output", flags.output, output_help);
    command->add_option("--draws", integers.draws, "Override run.draws (parameter draws, the outer loop)" + scope);
    command->add_option("--trajectories", integers.trajectories,
                        "Override run.trajectories (trajectories per draw, the inner loop; 1e6 style allowed)" + scope);
    command->add_option("--seed", integers.seed,
                        "Override run.seed, an integer in [0, " + std::to_string(MAX_SEED) + "]" + scope);
    command->add_option("--threads", flags.threads, "Worker threads (default 0: all cores); results do not depend on it")
        ->check(CLI::Range(0, 4096));
    command->add_flag("--force", flags.force, "Replace the result file if it exists");
    command->add_flag("-q,--quiet", flags.quiet, "No progress and no table");
    command->add_flag("--dry-run", flags.dry_run,
                      "Check everything and print the sizes, a time estimate from a short pilot and the output "
                      "file's size; write nothing");
  };

  RunFlags run_flags;
  auto* run = app.add_subcommand("run", "Sample a config and write its results to HDF5");
  run->add_option("config", run_flags.config, "Config file (TOML, docs/model.md section 15)")->required();
  add_sampling_options(run, run_flags, run_integers, "Result file (default: results/<config-stem>.h5)", "");
  run->add_option("--resume", run_flags.resume,
                  "Continue a partial result of the same config (and flags) to the datasets of an uninterrupted "
                  "run (to the same file unless -o); with --shard i/n (the file's own), finish only that shard");
  std::string target_ci;
  run->add_option("--target-ci", target_ci,
                  "Add trajectories (doubling per draw) until the 95% half-width on pooled P(war) is at most W, "
                  "a number in [1e-6, 0.5]");
  run->add_option("--max-trajectories", run_integers.max_trajectories,
                  "Cap per draw for --target-ci (default 64x the first round)");
  run->add_option("--shard", run_flags.shard,
                  "Compute only part i of n (1-based), for job arrays; combine the parts with `escalate merge`");

  CompareFlags compare_flags;
  auto* compare = app.add_subcommand("compare", "Run several configs with common random numbers and rank them against the first");
  compare->add_option("configs", compare_flags.configs,
                      "Configs (TOML) or result files (.h5 of `escalate run`); the first is the reference")
      ->required()->expected(2, -1);
  add_sampling_options(compare, compare_flags, compare_integers, "Result file (default: results/compare-<reference>.h5)",
                       " for every config");

  SweepFlags sweep_flags;
  auto* sweep = app.add_subcommand("sweep", "Run a config at several values of one or more parameters (common random numbers)");
  sweep->add_option("config", sweep_flags.config, "Config file")->required();
  sweep->add_option("--set", sweep_flags.sets,
                    "PATH=v1,v2,... or PATH=lo:hi:n (n values from lo to hi); repeat for a grid")->required();
  add_sampling_options(sweep, sweep_flags, sweep_integers, "Result file (default: results/sweep-<config-stem>.h5)", " for every point");

  SensitivityFlags sensitivity_flags;
  IntegerFlags sensitivity_integers;
  auto* sensitivity = app.add_subcommand(
      "sensitivity", "Sobol' indices (or Morris effects) of P(war), P(clash), P(nuclear) over the uncertain parameters");
  sensitivity->add_option("config", sensitivity_flags.config, "Config file")->required();
  auto* method_option = sensitivity->add_option("--method", sensitivity_flags.method,
      "sobol (default: a Saltelli design, first-order and total indices) or morris (elementary effects)");
  sensitivity->add_option("--base-samples", sensitivity_flags.base_samples,
      "Saltelli base samples N (points: N x (P + 2); default " + std::to_string(DEFAULT_SOBOL_BASE_SAMPLES) +
      ", a power of 2 is best) or Morris paths r (points: r x (P + 1); default " + std::to_string(DEFAULT_MORRIS_PATHS) + ")");
  sensitivity->add_option("--trajectories", sensitivity_integers.trajectories,
      "Trajectories per design point (the inner loop; default " + std::to_string(DEFAULT_SOBOL_TRAJECTORIES) +
      " for sobol, " + std::to_string(DEFAULT_MORRIS_TRAJECTORIES) + " for morris; the indices are corrected for the binomial "
      "noise this leaves)");
  sensitivity->add_option("--levels", sensitivity_flags.levels,
      "Morris grid levels p, even (default " + std::to_string(DEFAULT_MORRIS_LEVELS) + ")");
  sensitivity->add_option("--design", sensitivity_flags.design,
      "Run your own design: CSV, header = the uncertain parameters' paths (as `escalate check` lists them), "
      "one row of values per point");
  sensitivity->add_option("--design-layout", sensitivity_flags.design_layout,
      "How the --design rows hang together: free (default: per-point estimates only), saltelli (SALib's order, "
      "without second-order rows: Sobol' indices) or morris (paths: elementary effects)");
  sensitivity->add_option("-o,--output", sensitivity_flags.output, "Result file (default: results/sensitivity-<config-stem>.h5)");
  sensitivity->add_option("--seed", sensitivity_integers.seed, "Override run.seed (the design, the trajectories and the bootstrap)");
  sensitivity->add_option("--threads", sensitivity_flags.threads, "Worker threads (default 0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 4096));
  sensitivity->add_flag("--force", sensitivity_flags.force, "Replace the result file if it exists");
  sensitivity->add_flag("--json", sensitivity_flags.json, "Print the indices as JSON instead of the table");
  sensitivity->add_flag("-q,--quiet", sensitivity_flags.quiet, "No progress and no table");

  MergeFlags merge_flags;
  auto* merge = app.add_subcommand("merge", "Combine the shards of a run (run --shard i/n) into one result, bit for bit");
  merge->add_option("parts", merge_flags.parts, "Shard files, any order")->required()->expected(1, -1);
  merge->add_option("-o,--output", merge_flags.output, "Merged result file")->required();
  merge->add_flag("--force", merge_flags.force, "Replace the output if it exists");
  merge->add_flag("-q,--quiet", merge_flags.quiet, "No table");
  merge->add_flag("--allow-partial", merge_flags.allow_partial,
                  "Write the result even if shards are missing or interrupted (marked complete = 0; exit 0)");

  std::string summary_path;
  bool summary_json = false, summary_csv = false;
  auto* summary = app.add_subcommand("summary", "Print the summary table and provenance of a result or comparison file");
  summary->add_option("file", summary_path, "Result or comparison file (.h5)")->required();
  auto* json_flag = summary->add_flag("--json", summary_json, "Machine-readable JSON instead of the table");
  summary->add_flag("--csv", summary_csv, "The table as CSV, one row per quantity (columns below)")->excludes(json_flag);

  std::string check_path;
  auto* check = app.add_subcommand("check", "Validate a config; print it resolved (after `base`) and its uncertain parameters");
  check->add_option("config", check_path, "Config file")->required();
  add_help_examples(app);

  refuse_empty_assignments(argc, argv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::CallForAllHelp& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::CallForVersion& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::ParseError& e) {
    if (cluster.root()) std::cerr << "escalate: " << explain_parse_error(app, e) << "\n";
    return 2;
  }
  refuse_empty_values(app);
  if (cluster.size() > 1 && !*run) throw UsageError("only `escalate run` uses MPI ranks; start other commands without mpirun");
  if (*run) {
    cluster.collective([&] {
      apply_integer_flags(run_integers, run_flags.overrides, &run_flags.max_trajectories);
      if (!target_ci.empty()) {
        // Parsed by hand: "nan" passes any range check, and was silently ignored.
        char* end = nullptr;
        const double w = std::strtod(target_ci.c_str(), &end);
        if (end == target_ci.c_str() || *end != '\0' || !std::isfinite(w) || w < 1e-6 || w > 0.5) {
          throw UsageError("--target-ci " + target_ci + ": must be a number in [1e-6, 0.5] (the 95% half-width on P(war))");
        }
        run_flags.target_ci = w;
      }
    }, exit_code_of);
    return command_run(run_flags, command_line, cluster);
  }
  apply_integer_flags(compare_integers, compare_flags.overrides, nullptr);
  apply_integer_flags(sweep_integers, sweep_flags.overrides, nullptr);
  apply_integer_flags(sensitivity_integers, sensitivity_flags.overrides, nullptr);
  sensitivity_flags.method_given = method_option->count() > 0;
  if (*check) return command_check(check_path);
  if (*compare) return command_compare(compare_flags, command_line);
  if (*sweep) return command_sweep(sweep_flags, command_line);
  if (*sensitivity) return command_sensitivity(sensitivity_flags, command_line);
  if (*merge) return command_merge(merge_flags, command_line);
  if (*summary) return command_summary(summary_path, summary_json ? SummaryFormat::Json : summary_csv ? SummaryFormat::Csv : SummaryFormat::Text);
  return 0;
}

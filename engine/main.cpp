// The `escalate` command line: parses flags, runs a command, and maps typed errors to
// exit codes in one place (2: bad input or usage, 1: runtime fault).
#include "escalate/comparison.hpp"
#include "escalate/config.hpp"
#include "escalate/driver.hpp"
#include "escalate/error.hpp"
#include "escalate/hdf5_file.hpp"
#include "escalate/progress.hpp"
#include "escalate/result_file.hpp"
#include "escalate/results.hpp"
#include "escalate/summary.hpp"
#include "escalate/version.hpp"

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <string>

namespace {

using namespace escalate;

std::atomic<bool> stop_requested{false};

extern "C" void on_interrupt(int signal) {
  stop_requested.store(true);
  std::signal(signal, SIG_DFL);  // a second Ctrl-C ends the process at once
}

struct RunFlags {
  std::string config;
  std::string output;
  ConfigOverrides overrides;
  int threads = 0;
  bool force = false;
  bool quiet = false;
};

std::string default_output(const std::string& config) {
  return (std::filesystem::path("results") / std::filesystem::path(config).stem()).string() + ".h5";
}

// Runs one config on all cores with progress and Ctrl-C handling.
struct Execution {
  DriverResult driver;
  Results results;
};

Execution execute(const Config& config, int threads, bool quiet, const std::string& command_line) {
  std::atomic<std::int64_t> done{0};
  DriverOptions options;
  options.threads = threads;
  options.trajectories_done = &done;
  options.stop = &stop_requested;
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  const auto start = std::chrono::steady_clock::now();
  Execution e;
  {
    ProgressReporter progress(done, config.run.draws * config.run.trajectories, ProgressReporter::detect(quiet));
    e.driver = run_simulation(config, options);
  }
  Provenance provenance;
  provenance.command_line = command_line;
  provenance.threads = e.driver.threads;
  provenance.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  provenance.complete = e.driver.complete;
  e.results = compute_results(config, e.driver.tally, provenance);
  return e;
}

int command_run(const RunFlags& flags, const std::string& command_line) {
  Config config = load_config(flags.config, flags.overrides);
  const std::string output = flags.output.empty() ? default_output(flags.config) : flags.output;
  check_output_path(output, flags.force);  // fail before the work, not after
  Execution e = execute(config, flags.threads, flags.quiet, command_line);
  write_result_file(output, config, e.results, flags.force);
  if (!flags.quiet) {
    std::cout << "Escalate " << ENGINE_VERSION << ": " << flags.config << "\n";
    print_summary(std::cout, e.results, config.run);
    std::cout << "\nWrote " << output << (e.driver.complete ? "" : " (partial: interrupted)") << "\n";
  }
  return e.driver.complete ? 0 : 130;
}

struct CompareFlags {
  std::vector<std::string> configs;
  std::string output;
  ConfigOverrides overrides;
  int threads = 0;
  bool force = false;
  bool quiet = false;
};

int command_compare(const CompareFlags& flags, const std::string& command_line) {
  // Every config takes the reference's run settings (after the command-line overrides).
  std::vector<ComparedRun> runs;
  Config reference = load_config(flags.configs.front(), flags.overrides);
  ConfigOverrides shared{reference.run.draws, reference.run.trajectories, static_cast<std::int64_t>(reference.run.seed)};
  for (std::size_t i = 0; i < flags.configs.size(); ++i) {
    ComparedRun run;
    run.config = i == 0 ? reference : load_config(flags.configs[i], shared);
    if (run.config.run.horizon_days != reference.run.horizon_days || run.config.run.grid_days != reference.run.grid_days) {
      throw UsageError(flags.configs[i] + ": run.horizon_days and run.grid_days must match the reference " +
                       flags.configs.front() + " to compare");
    }
    std::string name = std::filesystem::path(flags.configs[i]).stem().string();
    std::string unique = name;
    for (int k = 2; std::any_of(runs.begin(), runs.end(), [&](const ComparedRun& r) { return r.name == unique; }); ++k) {
      unique = name + "-" + std::to_string(k);
    }
    run.name = unique;
    runs.push_back(std::move(run));
  }
  const std::string output = flags.output.empty()
      ? (std::filesystem::path("results") / ("compare-" + runs.front().name + ".h5")).string() : flags.output;
  check_output_path(output, flags.force);
  for (auto& run : runs) {
    if (!flags.quiet) std::cerr << "running " << run.name << "\n";
    Execution e = execute(run.config, flags.threads, flags.quiet, command_line);
    if (!e.driver.complete) throw UsageError("interrupted: nothing written (a comparison needs complete runs)");
    run.driver = std::move(e.driver);
    run.results = std::move(e.results);
  }
  Comparison comparison = compare_runs(runs);
  write_file_atomically(output, flags.force, [&](H5Writer& h5) { write_comparison(h5, comparison, runs, command_line); });
  if (!flags.quiet) {
    print_comparison(std::cout, comparison, reference.run);
    std::cout << "\nWrote " << output << "\n";
  }
  return 0;
}

int command_check(const std::string& path) {
  Config config = load_config(path);
  std::cout << "# " << path << ": valid. Resolved config (after `base`):\n\n" << config.resolved_text;
  std::cout << "\n# " << config.uncertain.size() << " uncertain parameter(s), drawn once per draw:\n";
  for (const auto& u : config.uncertain) std::cout << "#   " << u.path << " ~ " << u.dist.text() << "\n";
  std::cout << "# " << config.run.draws << " draws x " << config.run.trajectories << " trajectories, "
            << config.run.grid_points() << " grid points over " << config.run.horizon_days << " days\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);

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
             "Exit codes: 0 success, 2 bad input or usage, 1 runtime I/O fault, 130 interrupted (partial file written).");

  RunFlags run_flags;
  auto* run = app.add_subcommand("run", "Sample a config and write its results to HDF5");
  run->add_option("config", run_flags.config, "Config file (TOML, MODEL.md section 15)")->required();
  run->add_option("-o,--output", run_flags.output, "Result file (default: results/<config-stem>.h5)");
  auto positive = CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max());
  run->add_option("--draws", run_flags.overrides.draws, "Override run.draws: parameter draws (outer loop)")->check(positive);
  run->add_option("--trajectories", run_flags.overrides.trajectories,
                  "Override run.trajectories: trajectories per draw (inner loop)")->check(positive);
  run->add_option("--seed", run_flags.overrides.seed, "Override run.seed")
      ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()));
  run->add_option("--threads", run_flags.threads, "Worker threads (default 0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 4096));
  run->add_flag("--force", run_flags.force, "Replace the result file if it exists");
  run->add_flag("-q,--quiet", run_flags.quiet, "No progress and no summary table");
  run->footer("The same seed gives bit-identical datasets for any --threads. Ctrl-C stops after the running\n"
              "batches and writes what is done, marked complete = 0.");

  CompareFlags compare_flags;
  auto* compare = app.add_subcommand("compare", "Run several configs with common random numbers and rank them against the first");
  compare->add_option("configs", compare_flags.configs, "Configs; the first is the reference")->required()->expected(2, -1);
  compare->add_option("-o,--output", compare_flags.output, "Result file (default: results/compare-<reference>.h5)");
  compare->add_option("--draws", compare_flags.overrides.draws, "Override run.draws for every config")->check(positive);
  compare->add_option("--trajectories", compare_flags.overrides.trajectories, "Override run.trajectories for every config")
      ->check(positive);
  compare->add_option("--seed", compare_flags.overrides.seed, "Override run.seed for every config")
      ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()));
  compare->add_option("--threads", compare_flags.threads, "Worker threads (default 0: all cores)")->check(CLI::Range(0, 4096));
  compare->add_flag("--force", compare_flags.force, "Replace the result file if it exists");
  compare->add_flag("-q,--quiet", compare_flags.quiet, "No progress and no table");
  compare->footer("Every config runs with the reference's seed, draws and trajectories (its [run] table, after\n"
                  "these flags); horizons must match. Example:\n"
                  "  escalate compare configs/baseline-2022.toml configs/policies/*.toml");

  std::string check_path;
  auto* check = app.add_subcommand("check", "Validate a config; print it resolved (after `base`) and its uncertain parameters");
  check->add_option("config", check_path, "Config file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  try {
    if (*run) return command_run(run_flags, command_line);
    if (*check) return command_check(check_path);
    if (*compare) return command_compare(compare_flags, command_line);
  } catch (const ConfigError& e) {
    std::cerr << "escalate: config error: " << e.what() << "\n";
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "escalate: " << e.what() << "\n";
    return 2;
  } catch (const IoError& e) {
    std::cerr << "escalate: I/O error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "escalate: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

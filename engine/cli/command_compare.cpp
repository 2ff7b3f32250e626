// `escalate compare`: several configs with common random numbers, ranked against the first.
#include "commands.hpp"

#include "escalate/output/comparison.hpp"
#include "escalate/base/error.hpp"
#include "escalate/output/hdf5_writer.hpp"
#include "escalate/output/file_publish.hpp"
#include "escalate/output/result_file.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace escalate::cli {

void execute_all(std::vector<ComparedRun>& runs, const SamplingFlags& flags, const std::string& command_line) {
  for (auto& run : runs) {
    if (!flags.quiet) std::cerr << "running " << run.name << "\n";
    Execution e = execute(run.config, flags.threads, flags.quiet, command_line);
    if (!e.driver.complete) throw Interrupted("interrupted: nothing written (a comparison needs complete runs)");
    run.driver = std::move(e.driver);
    run.results = compute_results(run.config, run.driver, e.provenance);
  }
}

namespace {
// The HDF5 group a config's results go to, and its name in tables: the file's stem with
// anything but letters, digits, '-', '_' and '.' made '-' (spaces, newlines, quotes would
// break the `configs` list and the tables), never starting with '.', and never a name the
// file uses itself (`comparison`).
std::string group_name(const std::string& config) {
  std::string name = std::filesystem::path(config).stem().string();
  for (char& c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) c = '-';
  }
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.size() > 64) name.resize(64);
  if (name.empty()) name = "config";
  if (name == "comparison") name += "-config";
  return name;
}
}  // namespace

int command_compare(const CompareFlags& flags, const std::string& command_line) {
  // Every config takes the reference's run settings (after the command-line overrides).
  std::vector<ComparedRun> runs;
  Config reference = load_config(flags.configs.front(), flags.overrides);
  ConfigOverrides shared{reference.run.draws, reference.run.trajectories, static_cast<std::int64_t>(reference.run.seed), {}};
  for (std::size_t i = 0; i < flags.configs.size(); ++i) {
    ComparedRun run;
    run.config = i == 0 ? reference : load_config(flags.configs[i], shared);
    report_warnings(run.config);
    check_config_reads_back(run.config);
    if (run.config.scenario.horizon_days != reference.scenario.horizon_days ||
        run.config.scenario.grid_days != reference.scenario.grid_days) {
      throw UsageError(flags.configs[i] + ": run.horizon_days and run.grid_days must match the reference " +
                       flags.configs.front() + " to compare");
    }
    std::string name = group_name(flags.configs[i]);
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
  report_stale_temporaries(output);
  execute_all(runs, flags, command_line);
  Comparison comparison = compare_runs(runs);
  write_file_atomically(output, flags.force, [&](H5Writer& h5) { write_comparison(h5, comparison, runs, command_line); });
  if (!flags.quiet) {
    print_comparison(std::cout, comparison, reference.run, reference.scenario.horizon_days);
    std::cout << "\nWrote " << output << "\n";
  }
  return 0;
}

}  // namespace escalate::cli

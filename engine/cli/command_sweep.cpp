// `escalate sweep`: one run per value of one or more config paths, common random numbers,
// one file with the swept values as coordinates.
#include "commands.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/output/file_publish.hpp"
#include "escalate/output/hdf5_writer.hpp"
#include "escalate/output/sweep.hpp"

#include <filesystem>
#include <iostream>

namespace escalate::cli {

int command_sweep(const SweepFlags& flags, const std::string& command_line) {
  if (flags.sets.empty()) throw UsageError("sweep needs at least one --set PATH=v1,v2,... (or PATH=lo:hi:n)");
  std::vector<std::pair<std::string, std::vector<double>>> axes;
  for (const auto& spec : flags.sets) axes.push_back(parse_sweep_spec(spec));
  const Sweep sweep = sweep_grid(axes);
  check_swept_run_settings(sweep.paths, flags.overrides);
  // Every point takes the first point's run settings (after the flags): common random numbers.
  std::vector<ComparedRun> runs;
  ConfigOverrides overrides = flags.overrides;
  for (std::size_t i = 0; i < sweep.values.size(); ++i) {
    overrides.values.clear();
    for (std::size_t k = 0; k < sweep.paths.size(); ++k) overrides.values.push_back({sweep.paths[k], sweep.values[i][k]});
    ComparedRun run;
    run.config = load_config(flags.config, overrides);
    if (i == 0) {
      overrides.draws = run.config.run.draws;
      overrides.trajectories = run.config.run.trajectories;
      overrides.seed = static_cast<std::int64_t>(run.config.run.seed);
      report_warnings(run.config);
    }
    run.name = "point-" + std::to_string(i);
    runs.push_back(std::move(run));
  }
  const std::string stem = std::filesystem::path(flags.config).stem().string();
  const std::string output = flags.output.empty() ? (std::filesystem::path("results") / ("sweep-" + stem + ".h5")).string()
                                                  : flags.output;
  check_output_path(output, flags.force);
  auto fill = [&](H5Writer& h5, const Comparison& comparison) {
    write_comparison(h5, comparison, runs, command_line);
    write_sweep(h5, sweep, runs);
  };
  if (flags.dry_run) return dry_run_comparison(runs, std::vector<bool>(runs.size(), false), flags, output, fill);
  execute_all(runs, flags, command_line);
  const Comparison comparison = compare_runs(runs);
  write_file_atomically(output, flags.force, [&](H5Writer& h5) { fill(h5, comparison); });
  if (!flags.quiet) {
    print_sweep(std::cout, sweep, runs, comparison);
    std::cout << "\nWrote " << printable_text(output) << "\n";
  }
  return 0;
}

}  // namespace escalate::cli

// The `sweep` service: one run per value of one or more config paths, common random
// numbers, one file with the swept values as coordinates.
#include "escalate/base/printable_text.hpp"
#include "escalate/app/compare.hpp"

#include "compared_runs.hpp"
#include "escalate/app/execution.hpp"
#include "escalate/app/sweep_grid.hpp"
#include "escalate/base/error.hpp"
#include "escalate/config/parameter_path.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "escalate/output/comparison_file.hpp"

namespace escalate::app {

namespace {

// The swept paths in their one spelling (config/parameter_path.hpp): two spellings of one
// path are refused naming both, and so are the run's sizes, which every point takes from
// the first (common random numbers).
std::vector<std::pair<std::string, std::vector<double>>> canonical_axes(
    const std::vector<std::pair<std::string, std::vector<double>>>& axes) {
  std::vector<std::pair<std::string, std::vector<double>>> out;
  for (std::size_t i = 0; i < axes.size(); ++i) {
    const std::string path = canonical_path(axes[i].first, "--set");
    for (std::size_t j = 0; j < out.size(); ++j) {
      if (out[j].first == path) {
        throw RequestError("--set " + echo(axes[j].first) + " and --set " + echo(axes[i].first) + " name the same path " + echo(path) +
                         ": sweep it once");
      }
    }
    out.emplace_back(path, axes[i].second);
  }
  return out;
}

}  // namespace

SweepOutcome sweep(const SweepRequest& request, const Callbacks& callbacks) {
  if (request.axes.empty()) throw RequestError("sweep needs at least one --set PATH=v1,v2,... (or PATH=lo:hi:n)");
  SweepOutcome out;
  out.sweep = sweep_grid(canonical_axes(request.axes));
  check_swept_run_settings(out.sweep.paths, request.overrides);  // a swept run size or seed: refused, naming its flag
  const Sweep& sweep = out.sweep;
  // Every point takes the first point's run settings (after the request's): common random numbers.
  std::vector<ComparedRun>& runs = out.runs;
  ConfigOverrides overrides = request.overrides;
  for (std::size_t i = 0; i < sweep.values.size(); ++i) {
    overrides.values.clear();
    for (std::size_t k = 0; k < sweep.paths.size(); ++k) overrides.values.push_back({sweep.paths[k], sweep.values[i][k]});
    ComparedRun run;
    run.config = load_config(request.config, overrides);
    if (i == 0) {
      overrides.draws = run.config.run.draws;
      overrides.trajectories = run.config.run.trajectories;
      overrides.seed = static_cast<std::int64_t>(run.config.run.seed);
      report_warnings(run.config, callbacks);
    }
    run.name = "point-" + std::to_string(i);
    runs.push_back(std::move(run));
  }
  const std::optional<PosteriorDraws> posterior = load_posterior_draws(request.posterior);
  const std::vector<bool> stored(runs.size(), false);
  check_posterior_columns(runs, stored, posterior);  // a swept path the posterior holds is no longer uncertain: refused
  out.output = request.output.empty() ? default_output(request.config, "sweep-") : request.output;
  check_output_path(out.output, request.force);
  auto fill = [&](H5Writer& h5, const Comparison& comparison) {
    write_comparison(h5, comparison, runs, request.command_line);
    write_sweep(h5, sweep, runs);
  };
  if (request.dry_run) {
    out.estimate = estimate_comparison(runs, stored, request.threads, fill);
    return out;
  }
  execute_all(runs, request.threads, callbacks, request.command_line, stored, posterior);
  out.comparison = compare_runs(runs);
  write_file_atomically(out.output, request.force, [&](H5Writer& h5) { fill(h5, out.comparison); });
  return out;
}

}  // namespace escalate::app

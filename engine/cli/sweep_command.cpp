// `escalate sweep`: flags → app::SweepRequest → app::sweep → the table of points.
#include "commands.hpp"

#include "dry_run_report.hpp"
#include "sweep_spec.hpp"
#include "terminal.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/app/compare.hpp"
#include "escalate/report/sweep_report.hpp"

#include <iostream>
#include <memory>

namespace escalate::cli {

namespace {

struct SweepOptions {
  SamplingOptions sampling;
  std::string config;
  std::vector<std::string> sets;  // "PATH=v1,v2,..." or "PATH=lo:hi:n"
};

int execute_sweep(const SweepOptions& o, const std::string& command_line) {
  app::SweepRequest request;
  fill_sampling(request, o.sampling, command_line);
  request.config = o.config;
  for (const auto& spec : o.sets) request.axes.push_back(parse_sweep_spec(spec));
  const app::SweepOutcome out = app::sweep(request, terminal_callbacks(o.sampling.quiet));
  if (out.estimate) {
    print_comparison_estimate(std::cout, out.runs, *out.estimate, out.output);
    return 0;
  }
  if (!o.sampling.quiet) {
    print_sweep(std::cout, out.sweep, out.runs, out.comparison);
    std::cout << "\nWrote " << printable_text(out.output) << "\n";
  }
  return 0;
}

}  // namespace

Command add_sweep_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<SweepOptions>();
  auto* sweep = app.add_subcommand("sweep", "Run a config at several values of one or more parameters (common random numbers)");
  sweep->add_option("config", options->config, "Config file")->required();
  sweep->add_option("--set", options->sets,
                    "PATH=v1,v2,... or PATH=lo:hi:n (n values from lo to hi); repeat for a grid")->required();
  add_sampling_options(sweep, options->sampling, "Result file (default: results/sweep-<config-stem>.h5)", " for every point");
  return {sweep, [options, command_line](Cluster&) { return execute_sweep(*options, command_line); }};
}

}  // namespace escalate::cli

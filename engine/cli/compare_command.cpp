// `escalate compare`: flags → app::CompareRequest → app::compare → the comparison table.
#include "commands.hpp"

#include "dry_run_report.hpp"
#include "terminal.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/app/compare.hpp"
#include "escalate/report/comparison_report.hpp"

#include <iostream>
#include <memory>

namespace escalate::cli {

namespace {

struct CompareOptions {
  SamplingOptions sampling;
  std::vector<std::string> configs;
};

int execute_compare(const CompareOptions& o, const std::string& command_line) {
  app::CompareRequest request;
  request.configs = o.configs;
  fill_sampling(request, o.sampling, command_line);
  const app::CompareOutcome out = app::compare(request, terminal_callbacks(o.sampling.quiet));
  if (out.estimate) {
    print_comparison_estimate(std::cout, out.runs, *out.estimate, out.output);
    return 0;
  }
  if (!o.sampling.quiet) {
    const Config& reference = out.runs.front().config;
    print_comparison(std::cout, out.comparison, reference.run, reference.scenario.horizon_days);
    std::cout << "\nWrote " << printable_text(out.output) << "\n";
  }
  return 0;
}

}  // namespace

Command add_compare_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<CompareOptions>();
  auto* compare = app.add_subcommand("compare", "Run several configs with common random numbers and rank them against the first");
  compare->add_option("configs", options->configs,
                      "Configs (TOML) or result files (.h5 of `escalate run`); the first is the reference")
      ->required()->expected(2, -1);
  add_sampling_options(compare, options->sampling, "Result file (default: results/compare-<reference>.h5)",
                       " for every config");
  return {compare, [options, command_line](Cluster&) { return execute_compare(*options, command_line); }};
}

}  // namespace escalate::cli

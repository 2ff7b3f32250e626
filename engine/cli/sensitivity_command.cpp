// `escalate sensitivity`: flags → app::SensitivityRequest → app::sensitivity → the indices.
#include "commands.hpp"

#include "terminal.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/app/sensitivity.hpp"
#include "escalate/report/sensitivity_report.hpp"
#include "escalate/version.hpp"

#include <iostream>
#include <memory>

namespace escalate::cli {

namespace {

struct SensitivityOptions {
  app::SensitivityRequest request;
  std::string seed, trajectories, base_samples, levels;  // as given: parsed exactly
  CLI::Option* method = nullptr;
  bool json = false;
  bool quiet = false;
};

int execute_sensitivity(SensitivityOptions& o, const std::string& command_line) {
  app::SensitivityRequest request = o.request;
  SamplingOptions integers;
  integers.seed = o.seed;
  integers.trajectories = o.trajectories;
  request.overrides = overrides_of(integers);
  request.method_given = o.method->count() > 0;
  // The design's sizes are bounded by the config too (points per base sample): the service checks that.
  const auto max_draws = static_cast<std::uint64_t>(MAX_DRAWS);
  if (!o.base_samples.empty()) request.base_samples = parse_integer_flag("--base-samples", o.base_samples, 2, max_draws);
  if (!o.levels.empty()) request.levels = parse_integer_flag("--levels", o.levels, 2, 1000);
  request.command_line = command_line;
  const app::SensitivityOutcome out = app::sensitivity(request, terminal_callbacks(o.quiet || o.json));
  if (o.json) {
    print_sensitivity_json(std::cout, out.output, out.config, out.analysis);
  } else if (!o.quiet) {
    std::cout << "Escalate " << ENGINE_VERSION << ": " << printable_text(request.config) << "\n";
    print_sensitivity(std::cout, out.config, out.analysis, out.provenance);
    std::cout << "\nWrote " << printable_text(out.output) << "\n";
  }
  return 0;
}

}  // namespace

Command add_sensitivity_command(CLI::App& app, const std::string& command_line) {
  using namespace app;  // the defaults
  auto o = std::make_shared<SensitivityOptions>();
  auto* sensitivity = app.add_subcommand(
      "sensitivity", "Sobol' indices (or Morris effects) of P(war), P(clash), P(nuclear) over the uncertain parameters");
  sensitivity->add_option("config", o->request.config, "Config file")->required();
  o->method = sensitivity->add_option("--method", o->request.method,
      "sobol (default: a Saltelli design, first-order and total indices) or morris (elementary effects)");
  sensitivity->add_option("--base-samples", o->base_samples,
      "Saltelli base samples N (points: N x (P + 2); default " + std::to_string(DEFAULT_SOBOL_BASE_SAMPLES) +
      ", a power of 2 is best) or Morris paths r (points: r x (P + 1); default " + std::to_string(DEFAULT_MORRIS_PATHS) + ")");
  sensitivity->add_option("--trajectories", o->trajectories,
      "Trajectories per design point (the inner loop; default " + std::to_string(DEFAULT_SOBOL_TRAJECTORIES) +
      " for sobol, " + std::to_string(DEFAULT_MORRIS_TRAJECTORIES) + " for morris; the indices are corrected for the binomial "
      "noise this leaves)");
  sensitivity->add_option("--levels", o->levels,
      "Morris grid levels p, even (default " + std::to_string(DEFAULT_MORRIS_LEVELS) + ")");
  sensitivity->add_option("--design", o->request.design,
      "Run your own design: CSV, header = the uncertain parameters' paths (as `escalate check` lists them), "
      "one row of values per point");
  sensitivity->add_option("--design-layout", o->request.design_layout,
      "How the --design rows hang together: free (default: per-point estimates only), saltelli (SALib's order, "
      "without second-order rows: Sobol' indices) or morris (paths: elementary effects)");
  sensitivity->add_option("-o,--output", o->request.output, "Result file (default: results/sensitivity-<config-stem>.h5)");
  sensitivity->add_option("--seed", o->seed, "Override run.seed (the design, the trajectories and the bootstrap)");
  sensitivity->add_option("--threads", o->request.threads, "Worker threads (default 0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 4096));
  sensitivity->add_flag("--force", o->request.force, "Replace the result file if it exists");
  sensitivity->add_flag("--json", o->json, "Print the indices as JSON instead of the table");
  sensitivity->add_flag("-q,--quiet", o->quiet, "No progress and no table");
  return {sensitivity, [o, command_line](Cluster&) { return execute_sensitivity(*o, command_line); }};
}

}  // namespace escalate::cli

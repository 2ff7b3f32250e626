// The `sensitivity` service: a Saltelli or Morris design over the uncertain parameters (or
// a user's CSV design) run as the outer loop, then Sobol' indices or Morris measures of
// P(war), P(clash) and P(nuclear use) by the horizon (docs/sensitivity.md).
#include "escalate/base/printable_text.hpp"
#include "escalate/base/closest_match.hpp"
#include "escalate/app/sensitivity.hpp"

#include "escalate/app/execution.hpp"
#include "escalate/base/error.hpp"
#include "escalate/output/design_file.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"

namespace escalate::app {

namespace {

// "expected sobol or morris (did you mean 'sobol'?)": for an enumerated option's value.
std::string expected(const std::string& value, const std::vector<std::string>& names) {
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  const std::string suggestion = closest_match(value, names);
  return "expected " + list + (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)");
}

// A size the request gives, within the bounds the design allows.
std::uint64_t in_range(const std::string& name, std::uint64_t value, std::uint64_t low, std::uint64_t high) {
  if (value < low || value > high) {
    throw RequestError(name + " " + std::to_string(value) + ": must be an integer in [" + std::to_string(low) + ", " +
                     std::to_string(high) + "]");
  }
  return value;
}

DesignLayout layout_of(const std::string& name) {
  if (name == "free") return DesignLayout::Free;
  if (name == "saltelli") return DesignLayout::Saltelli;
  if (name == "morris") return DesignLayout::Morris;
  throw RequestError("--design-layout " + echo(name) + ": " + expected(name, {"free", "saltelli", "morris"}));
}

// The design (and, for a user's CSV, its values exactly as written) before any work.
struct PlannedDesign {
  SensitivityDesign design;
  DrawTable values;  // empty: map the design through the quantiles once the config is final
};

PlannedDesign plan_design(const SensitivityRequest& flags, const Config& config) {
  const auto P = static_cast<std::int64_t>(config.uncertain.size());
  PlannedDesign planned;
  if (!flags.design.empty()) {
    if (flags.method_given || flags.base_samples || flags.levels) {
      throw RequestError("--design takes its points from the file: no --method, --base-samples or --levels "
                       "(--design-layout saltelli or morris says how its rows hang together)");
    }
    const DesignLayout layout = layout_of(flags.design_layout.empty() ? "free" : flags.design_layout);
    const DesignValues read = read_design_csv(flags.design, config);
    planned.design = design_from_values(config, read.values, layout, flags.design, read.lines);
    planned.values.draws = planned.design.points();
    planned.values.parameters = P;
    planned.values.values = read.values;
    return planned;
  }
  if (!flags.design_layout.empty()) throw RequestError("--design-layout describes a --design FILE.csv");
  const std::string method = flags.method.empty() ? "sobol" : flags.method;
  if (method != "sobol" && method != "morris") throw RequestError("--method " + echo(method) + ": " + expected(method, {"sobol", "morris"}));
  const bool sobol = method == "sobol";
  if (sobol && flags.levels) throw RequestError("--levels sets the grid of --method morris");
  if (sobol && P > max_saltelli_parameters()) {
    throw RequestError("--method sobol takes at most " + std::to_string(max_saltelli_parameters()) + " uncertain parameters (" +
                     config.source_path + " has " + std::to_string(P) + "); screen them with --method morris first");
  }
  const std::uint64_t per_point = static_cast<std::uint64_t>(P + (sobol ? 2 : 1));
  const std::uint64_t base = !flags.base_samples
      ? static_cast<std::uint64_t>(sobol ? DEFAULT_SOBOL_BASE_SAMPLES : DEFAULT_MORRIS_PATHS)
      : in_range("--base-samples", *flags.base_samples, 2, static_cast<std::uint64_t>(MAX_DRAWS) / per_point);
  const std::uint64_t levels = !flags.levels ? DEFAULT_MORRIS_LEVELS : in_range("--levels", *flags.levels, 2, 1000);
  if (levels % 2 != 0) throw RequestError("--levels " + std::to_string(levels) + ": must be even (each step moves half the levels)");
  const std::uint64_t seed = config.run.seed;
  planned.design = sobol ? saltelli_design(P, static_cast<std::int64_t>(base), seed)
                         : morris_design(P, static_cast<std::int64_t>(base), static_cast<std::int64_t>(levels), seed);
  return planned;
}

}  // namespace

SensitivityOutcome sensitivity(const SensitivityRequest& request, const Callbacks& callbacks) {
  ConfigOverrides overrides = request.overrides;
  const bool morris = request.method == "morris" || request.design_layout == "morris";
  if (!overrides.trajectories) overrides.trajectories = morris ? DEFAULT_MORRIS_TRAJECTORIES : DEFAULT_SOBOL_TRAJECTORIES;
  if (*overrides.trajectories < 2) {
    throw RequestError("--trajectories must be at least 2: each point's binomial noise is estimated from its own trajectories");
  }
  const Config first = load_config(request.config, overrides);
  if (first.uncertain.empty()) {
    throw RequestError(request.config + " has no uncertain parameters (numbers given as distributions): nothing to analyse");
  }
  PlannedDesign planned = plan_design(request, first);
  overrides.draws = planned.design.points();  // one draw per design point
  SensitivityOutcome out;
  out.config = load_config(request.config, overrides);
  const Config& config = out.config;
  report_warnings(config, callbacks);
  check_config_reads_back(config);
  if (planned.values.draws == 0) planned.values = design_draw_table(config, planned.design);

  out.output = request.output.empty() ? default_output(request.config, "sensitivity-") : request.output;
  check_output_path(out.output, request.force);
  report_stale_temporaries(out.output, callbacks);

  Execution e = execute(config, request.threads, callbacks, request.command_line, nullptr, &planned.values);
  if (e.driver.stopped || !e.driver.complete) {
    throw Interrupted("interrupted: a sensitivity analysis needs every design point; nothing written");
  }
  const Results results = compute_results(config, e.driver, e.provenance);
  out.analysis = analyse_sensitivity(config, std::move(planned.design), e.driver, request.design);
  write_file_atomically(out.output, request.force, [&](H5Writer& h5) { write_sensitivity(h5, config, out.analysis, results); });
  out.provenance = e.provenance;
  return out;
}

}  // namespace escalate::app

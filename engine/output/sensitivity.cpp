#include "escalate/output/sensitivity.hpp"

#include "escalate/config/schema.hpp"
#include "escalate/output/cf_conventions.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/sim/tally.hpp"
#include "escalate/version.hpp"
#include "escalate/statistics/not_a_number.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace escalate {

namespace {

// The parameter each point moves (docs/sensitivity.md): Saltelli AB_i -> i, A -> -1,
// B -> -2; Morris: the parameter of the step that reached it, -1 at a path's start.
std::vector<std::int64_t> moved_of(const SensitivityDesign& d) {
  const std::int64_t P = d.parameters;
  std::vector<std::int64_t> moved(static_cast<std::size_t>(d.points()), -1);
  for (std::int64_t i = 0; i < d.points(); ++i) {
    if (d.layout == DesignLayout::Saltelli) {
      const std::int64_t k = i % (P + 2);
      moved[static_cast<std::size_t>(i)] = k == 0 ? -1 : k == P + 1 ? -2 : k - 1;
    } else if (d.layout == DesignLayout::Morris && i % (P + 1) != 0) {
      for (std::int64_t k = 0; k < P; ++k) {
        if (d.row(i)[static_cast<std::size_t>(k)] != d.row(i - 1)[static_cast<std::size_t>(k)]) moved[static_cast<std::size_t>(i)] = k;
      }
    }
  }
  return moved;
}

std::vector<double> column(const std::vector<double>& v, int outcome) {
  std::vector<double> out;
  for (std::size_t i = outcome; i < v.size(); i += SENSITIVITY_OUTCOMES) out.push_back(v[i]);
  return out;
}
}  // namespace

SensitivityAnalysis analyse_sensitivity(const Config& config, SensitivityDesign design, const DriverResult& driver,
                                        const std::string& design_file) {
  const std::int64_t points = design.points();
  if (points != config.run.draws || driver.draws.draws != points) {
    throw std::invalid_argument("analyse_sensitivity: the run's draws are not the design's points");
  }
  std::vector<std::int64_t> trajectories, successes;
  const RunTally& tally = driver.tally;
  for (std::int64_t m = 0; m < points; ++m) {
    trajectories.push_back(tally.value(TallyId::DrawTrajectories, m));
    successes.insert(successes.end(), {tally.value(TallyId::DrawReached, m, WAR), tally.value(TallyId::DrawClash, m),
                                       tally.value(TallyId::DrawReached, m, NUCLEAR)});
  }
  return analyse_counts(config, std::move(design), driver.draws, std::move(trajectories), std::move(successes), design_file);
}

SensitivityAnalysis analyse_counts(const Config& config, SensitivityDesign design, DrawTable values,
                                   std::vector<std::int64_t> trajectories, std::vector<std::int64_t> successes,
                                   const std::string& design_file) {
  SensitivityAnalysis a;
  const std::int64_t points = design.points();
  if (values.draws != points || trajectories.size() != static_cast<std::size_t>(points) ||
      successes.size() != static_cast<std::size_t>(points * SENSITIVITY_OUTCOMES)) {
    throw std::invalid_argument("analyse_counts: counts and values are not one per design point");
  }
  a.design = std::move(design);
  a.values = std::move(values);
  a.seed = config.run.seed;
  a.design_file = design_file;
  for (const auto& u : config.uncertain) a.parameter.push_back(u.path);
  a.trajectories = std::move(trajectories);
  a.successes = std::move(successes);
  for (std::size_t i = 0; i < a.successes.size(); ++i) {
    const std::int64_t n = a.trajectories[i / SENSITIVITY_OUTCOMES];
    const double p = n > 0 ? static_cast<double>(a.successes[i]) / static_cast<double>(n) : NaN;
    a.p.push_back(p);
    a.noise.push_back(n >= 2 ? p * (1 - p) / static_cast<double>(n - 1) : NaN);
  }
  for (int o = 0; o < SENSITIVITY_OUTCOMES; ++o) {
    const std::vector<double> y = column(a.p, o), noise = column(a.noise, o);
    if (a.design.layout == DesignLayout::Saltelli) a.sobol.push_back(sobol_indices(y, noise, a.design.parameters, a.seed));
    if (a.design.layout == DesignLayout::Morris) a.morris.push_back(morris_measures(a.design, y, noise, a.seed));
  }
  return a;
}

namespace {
// The axes, the design (unit cube and values) and the per-point estimates.
void write_design_and_estimates(H5Writer& h5, const SensitivityAnalysis& a) {
  const std::vector<std::string> outcomes(SENSITIVITY_OUTCOME_NAMES.begin(), SENSITIVITY_OUTCOME_NAMES.end());
  std::vector<std::int64_t> point(static_cast<std::size_t>(a.design.points()));
  std::iota(point.begin(), point.end(), 0);
  h5.dimension("parameter", a.parameter, {"path of an uncertain parameter in the config", ""});
  h5.dimension("point", point, {"design point (one draw of the outer loop each)", CF_DIMENSIONLESS});
  h5.dimension("outcome", outcomes, {"outcome by the horizon: war, first clash (limited strike or war), nuclear use", ""});
  h5.dimension("bound", std::vector<std::string>{"lower", "upper"}, {"interval bound", ""});

  h5.variable("design/unit", a.design.unit, {"point", "parameter"},
              {"design point in the unit hypercube: the quantile of each parameter's distribution", "1"});
  h5.variable("design/value", a.values.values, {"point", "parameter"}, {"design point in parameter units", ""});
  h5.attribute("design/value", "comment",
               std::string("no units attribute: each column is in the units of its config key (docs/model.md)"));
  h5.variable("design/moved", moved_of(a.design), {"point"},
              {"parameter this point moves: Saltelli AB_i -> i, A -> -1, B -> -2; Morris: the step's parameter, -1 at a path's start",
               CF_DIMENSIONLESS});
  h5.variable("estimates/trajectories", a.trajectories, {"point"}, {"finished trajectories of each point (the inner loop)", "1"});
  h5.variable("estimates/successes", a.successes, {"point", "outcome"}, {"trajectories with the outcome by the horizon", "1"});
  h5.variable("estimates/p", a.p, {"point", "outcome"}, {"per-point probability of the outcome by the horizon", "1"});
  h5.variable("estimates/noise_variance", a.noise, {"point", "outcome"},
              {"p (1 - p) / (T - 1): unbiased estimate of the binomial variance of p", "1"});
}

// Sobol' indices or Morris measures per outcome and parameter, with their intervals.
void write_indices(H5Writer& h5, const SensitivityAnalysis& a) {
  const std::int64_t P = a.design.parameters;
  auto per_parameter = [&](const char* name, const auto& get, const std::string& what) {
    std::vector<double> v, interval;
    for (int o = 0; o < SENSITIVITY_OUTCOMES; ++o) {
      for (std::int64_t k = 0; k < P; ++k) {
        const IntervalEstimate e = get(o, static_cast<std::size_t>(k));
        v.push_back(e.value);
        interval.insert(interval.end(), {e.lo, e.hi});
      }
    }
    h5.variable(name, v, {"outcome", "parameter"}, {what, "1"});
    h5.variable(std::string(name) + "_interval", interval, {"outcome", "parameter", "bound"},
                {"95% percentile bootstrap interval of " + std::string(name), "1"});
  };
  auto scalar_per_outcome = [&](const char* name, const auto& get, const std::string& what) {
    std::vector<double> v;
    for (int o = 0; o < SENSITIVITY_OUTCOMES; ++o) v.push_back(get(o));
    h5.variable(name, v, {"outcome"}, {what, "1"});
  };
  auto per_parameter_plain = [&](const char* name, const auto& get, const std::string& what) {
    std::vector<double> v;
    for (int o = 0; o < SENSITIVITY_OUTCOMES; ++o) for (std::int64_t k = 0; k < P; ++k) v.push_back(get(o, static_cast<std::size_t>(k)));
    h5.variable(name, v, {"outcome", "parameter"}, {what, "1"});
  };
  if (!a.sobol.empty()) {
    per_parameter("S1", [&](int o, std::size_t k) { return a.sobol[static_cast<std::size_t>(o)].first[k]; },
                  "first-order Sobol' index (Saltelli 2010), noise-corrected");
    per_parameter("ST", [&](int o, std::size_t k) { return a.sobol[static_cast<std::size_t>(o)].total[k]; },
                  "total Sobol' index (Jansen 1999), noise-corrected");
    scalar_per_outcome("variance", [&](int o) { return a.sobol[static_cast<std::size_t>(o)].variance; },
                       "variance of the true per-point probabilities across the design (binomial noise removed)");
    scalar_per_outcome("noise_variance", [&](int o) { return a.sobol[static_cast<std::size_t>(o)].noise_variance; },
                       "mean binomial variance of the per-point estimates (removed from the variance)");
  }
  if (!a.morris.empty()) {
    per_parameter("mu_star", [&](int o, std::size_t k) { return a.morris[static_cast<std::size_t>(o)].mu_star[k]; },
                  "Morris mu*: mean absolute elementary effect (change of p per unit of quantile)");
    per_parameter_plain("mu", [&](int o, std::size_t k) { return a.morris[static_cast<std::size_t>(o)].mu[k]; },
                        "Morris mu: mean elementary effect");
    per_parameter_plain("sigma", [&](int o, std::size_t k) { return a.morris[static_cast<std::size_t>(o)].sigma[k]; },
                        "Morris sigma: sd of the elementary effects, binomial noise removed");
    per_parameter_plain("mu_star_noise_floor", [&](int o, std::size_t k) { return a.morris[static_cast<std::size_t>(o)].noise_floor[k]; },
                        "mu* that binomial noise alone gives a parameter without effect");
  }
  link_ancillary(h5, "estimates/p", {"noise_variance", "successes", "trajectories"});
  if (!a.sobol.empty()) {
    link_ancillary(h5, "S1", {"S1_interval"});
    link_ancillary(h5, "ST", {"ST_interval"});
  }
  if (!a.morris.empty()) link_ancillary(h5, "mu_star", {"mu_star_interval", "mu_star_noise_floor"});
}

// The file's CF globals and provenance attributes.
void write_sensitivity_attributes(H5Writer& h5, const Config& config, const SensitivityAnalysis& a, const Results& run) {
  write_cf_globals(h5, "Sensitivity analysis (docs/sensitivity.md): " + std::to_string(a.design.points()) +
                           " design points over the uncertain parameters (group design), each estimated from " +
                           std::to_string(config.run.trajectories) + " trajectories (group estimates); " +
                           (a.sobol.empty() ? std::string(a.morris.empty() ? "" : "Morris measures mu_star, mu, sigma")
                                            : std::string("Sobol' indices S1 and ST")) +
                           (a.sobol.empty() && a.morris.empty() ? "no indices (a free design)" : " with 95% bootstrap "
                           "intervals (ancillary_variables), corrected for the binomial noise") +
                           "; group run holds the run's own results. Units 1 throughout");

  const RunSettings& s = config.run;
  h5.attribute("", "filetype", std::string(SENSITIVITY_FILETYPE));
  h5.attribute("", "format_version", RESULT_FORMAT_VERSION);
  h5.attribute("", "schema_version", CONFIG_SCHEMA);
  h5.attribute("", "engine_version", std::string(ENGINE_VERSION));
  h5.attribute("", "git_sha1", std::string(GIT_SHA1));
  const std::string now = utc_timestamp();
  h5.attribute("", "created", now);
  h5.attribute("", "history", history_with({}, now, run.provenance.command_line));
  h5.attribute("", "title", "Escalate sensitivity analysis of " + config.source_path);
  h5.attribute("", "config_path", config.source_path);
  h5.attribute("", "config", config.resolved_text);
  h5.attribute("", "method", std::string(a.design.layout == DesignLayout::Saltelli ? "sobol"
                                         : a.design.layout == DesignLayout::Morris ? "morris" : "points"));
  h5.attribute("", "layout", std::string(layout_name(a.design.layout)));
  h5.attribute("", "design_file", a.design_file);
  h5.attribute("", "base_samples", a.design.base);
  h5.attribute("", "levels", a.design.levels);
  h5.attribute("", "points", a.design.points());
  write_seed(h5, "", s.seed);
  h5.attribute("", "trajectories", s.trajectories);
  h5.attribute("", "horizon_days", config.scenario.horizon_days);
  h5.attribute("", "bootstrap_resamples", static_cast<std::int64_t>(BOOTSTRAP_RESAMPLES));
  h5.attribute("", "bootstrap_level", BOOTSTRAP_LEVEL);
  h5.attribute("", "command_line", run.provenance.command_line);
  h5.attribute("", "threads", static_cast<std::int64_t>(run.provenance.threads));
  h5.attribute("", "wall_time_seconds", run.provenance.wall_seconds);
  h5.attribute("", "complete", static_cast<std::int64_t>(1));
}

}  // namespace

void write_sensitivity(H5Writer& h5, const Config& config, const SensitivityAnalysis& a, const Results& run) {
  write_design_and_estimates(h5, a);
  write_indices(h5, a);
  write_results(h5, "run", config, run);
  write_sensitivity_attributes(h5, config, a, run);
}

}  // namespace escalate

// The inferred parameters of a calibration: the forecast's uncertain parameters and the
// record's uncertain reporting probabilities (calibration_space.hpp).
#include "escalate/app/calibration_space.hpp"

#include "escalate/base/error.hpp"

#include <stdexcept>
#include <string>

namespace escalate::app {

infer::Prior prior_of(const Distribution& d) {
  using K = Distribution::Kind;
  switch (d.kind) {
    case K::Uniform: return infer::Prior::uniform(d.a, d.b);
    case K::Normal: return infer::Prior::normal(d.a, d.b);
    case K::Lognormal: return infer::Prior::lognormal(d.a, d.b);
    case K::Beta: return infer::Prior::beta(d.a, d.b);
    case K::Triangular: return infer::Prior::triangular(d.a, d.b, d.c);
    case K::Gamma: return infer::Prior::gamma(d.a, d.b);
  }
  throw std::logic_error("prior_of: unknown distribution kind");
}

std::vector<double> CalibrationSpace::engine_values(std::size_t window, std::span<const double> theta) const {
  std::vector<double> values;
  values.reserve(window_theta[window].size());
  for (std::size_t index : window_theta[window]) values.push_back(theta[index]);
  return values;
}

namespace {

// The window's reporting table; appends its uncertain probabilities to the space in file order.
WindowReporting reporting_of(const RecordWindow& window, CalibrationSpace& space, const Record& record) {
  std::vector<ReportingSource> sources;
  for (const ReportingParameter& r : window.reporting) {
    ReportingSource source;
    if (r.dist) {
      infer::Parameter p{r.path, prior_of(*r.dist)};
      try {
        p.prior.check(r.path);
      } catch (const std::invalid_argument& e) {
        throw ConfigError(record.path + ":" + std::to_string(r.line) + ": " + r.path + ": " + e.what());
      }
      source.parameter = static_cast<int>(space.parameters.size());
      space.parameters.push_back(std::move(p));
    } else {
      source.value = r.value.value_or(1.0);
    }
    sources.push_back(source);
  }
  WindowReporting table;
  table.by_type.resize(window.config.scenario.incidents.size());
  // All-rungs entries first, so that a per-rung entry of the same type overrides them.
  for (bool all_rungs : {true, false}) {
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const ReportingParameter& r = window.reporting[i];
      if ((r.rung < 0) != all_rungs) continue;
      auto& rungs = table.by_type.at(static_cast<std::size_t>(r.type));
      if (all_rungs) {
        rungs.fill(sources[i]);
      } else {
        rungs.at(static_cast<std::size_t>(r.rung)) = sources[i];
      }
    }
  }
  return table;
}

}  // namespace

CalibrationSpace calibration_space_of(const Config& forecast, const Record& record) {
  const std::vector<WindowParameters> shared = window_parameters(record, forecast);
  CalibrationSpace space;
  for (const UncertainParameter& u : forecast.uncertain) space.parameters.push_back({u.path, prior_of(u.dist)});
  space.engine_parameters = space.parameters.size();
  // Each window's own (local) parameters, then every window's uncertain reporting.
  for (std::size_t w = 0; w < record.windows.size(); ++w) {
    const RecordWindow& window = record.windows[w];
    std::vector<std::size_t> indices(window.config.uncertain.size());
    for (std::size_t i = 0; i < indices.size(); ++i) {
      if (shared[w].forecast_index[i] >= 0) indices[i] = static_cast<std::size_t>(shared[w].forecast_index[i]);
    }
    for (std::size_t l = 0; l < shared[w].local.size(); ++l) {
      const std::size_t i = shared[w].local[l];
      indices[i] = space.parameters.size();
      space.parameters.push_back({shared[w].local_names[l], prior_of(window.config.uncertain[i].dist)});
    }
    space.window_theta.push_back(std::move(indices));
  }
  for (const RecordWindow& window : record.windows) space.reporting.push_back(reporting_of(window, space, record));
  return space;
}

}  // namespace escalate::app

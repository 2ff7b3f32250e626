// A record against the forecast it calibrates (docs/calibration.md, "A record against the
// forecast"): every incident type of a window config must be one of the forecast's, and
// each uncertain parameter of a window is either the forecast's (same path, identical
// distribution, not a starting state) or the window's own.
#include "escalate/config/record.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"

#include <algorithm>
#include <utility>

namespace escalate {

namespace {

std::vector<std::string> type_names(const Config& config) {
  std::vector<std::string> out;
  for (const auto& incident : config.scenario.incidents) out.push_back(incident.name);
  return out;
}

// "a, b, c", or "none".
std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out.empty() ? "none" : out;
}

bool identical(const Distribution& x, const Distribution& y) {
  return x.kind == y.kind && x.a == y.a && x.b == y.b && x.c == y.c;
}

// A side's state on the window's first day (sides.<side>.initial_belief, initial_fear,
// initial_offensive_probability): it belongs to the window's dates, never to the
// forecast's, even where both configs happen to give it the same distribution.
bool is_starting_state(const std::string& path) {
  return path.rfind("sides.", 0) == 0 && path.find(".initial_") != std::string::npos;
}

// The index in forecast.uncertain of the parameter `u` shares, or -1 (local).
int shared_index(const UncertainParameter& u, const Config& forecast) {
  if (is_starting_state(u.path)) return -1;
  for (std::size_t j = 0; j < forecast.uncertain.size(); ++j) {
    const UncertainParameter& f = forecast.uncertain[j];
    if (f.path == u.path) return identical(f.dist, u.dist) ? static_cast<int>(j) : -1;
  }
  return -1;
}

}  // namespace

void check_record_against(const Record& record, const Config& forecast) {
  const std::vector<std::string> types = type_names(forecast);
  for (const auto& window : record.windows) {
    for (const auto& name : type_names(window.config)) {
      if (std::find(types.begin(), types.end(), name) != types.end()) continue;
      const std::string guess = closest_match(name, types);
      throw ConfigError(record.path + ": window." + window.name + ".config (" + window.config_path +
                        "): incident type '" + name + "' is not one of the forecast " + forecast.source_path +
                        "'s (" + (guess.empty() ? "its types: " + listed(types) : "did you mean '" + guess + "'?") +
                        "); a window may disable the forecast's types, not add its own");
    }
  }
}

std::vector<WindowParameters> window_parameters(const Record& record, const Config& forecast) {
  check_record_against(record, forecast);
  std::vector<WindowParameters> out;
  for (const auto& window : record.windows) {
    WindowParameters parameters;
    for (std::size_t i = 0; i < window.config.uncertain.size(); ++i) {
      const UncertainParameter& u = window.config.uncertain[i];
      const int index = shared_index(u, forecast);
      parameters.forecast_index.push_back(index);
      if (index >= 0) continue;
      parameters.local.push_back(i);
      parameters.local_names.push_back("window." + window.name + "." + u.path);
    }
    out.push_back(std::move(parameters));
  }
  return out;
}

}  // namespace escalate

// The names the engine uses, as JSON (names.hpp).
#include "escalate/app/names.hpp"

#include "escalate/base/names.hpp"
#include "escalate/config/config.hpp"
#include "escalate/report/json_text.hpp"

#include <vector>

namespace escalate::app {

namespace {

template <class Strings>
std::string json_list(const Strings& items) {
  std::string out = "[";
  bool first = true;
  for (const auto& item : items) {
    out += (first ? "" : ", ") + json_string(std::string(item));
    first = false;
  }
  return out + "]";
}

}  // namespace

std::string names_json(const std::string& config_path) {
  std::string out = "{\n";
  auto field = [&](const std::string& key, const std::string& value) {
    out += (out.size() > 2 ? ",\n" : "") + std::string("  ") + json_string(key) + ": " + value;
  };
  field("phases", json_list(names::PHASES));
  field("rate_phases", json_list(names::RATE_PHASES));
  field("rungs", json_list(names::RUNGS));
  field("builtin_causes", json_list(names::BUILTIN_CAUSES));
  field("batch_outcome_fields", json_list(names::BATCH_OUTCOME_FIELDS));
  field("compared_outcomes", json_list(names::COMPARED_OUTCOMES));
  if (!config_path.empty()) {
    const Config config = load_config(config_path);
    const Scenario& s = config.scenario;
    std::vector<std::string> incidents, uncertain;
    for (const auto& t : s.incidents) incidents.push_back(t.name);
    for (const auto& u : config.uncertain) uncertain.push_back(u.path);
    field("config", json_string(config_path));
    field("sides", json_list(s.side_names));
    field("incident_types", json_list(incidents));
    field("causes", json_list(s.cause_names()));
    field("parameter_paths", json_list(config.parameter_paths));
    field("uncertain_parameters", json_list(uncertain));
  }
  return out + "\n}\n";
}

}  // namespace escalate::app

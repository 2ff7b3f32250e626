#include "escalate/model/scenario.hpp"

namespace escalate {

int Scenario::side_index(const std::string& name) const {
  for (int i = 0; i < 2; ++i) if (side_names[i] == name) return i;
  return -1;
}

std::vector<std::string> cause_names(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& type : scenario.incidents) names.push_back(type.name);
  for (const char* n : {"countermeasure", "event", "initial", "reassurance", "grid"}) names.emplace_back(n);
  return names;
}

}  // namespace escalate

#include "escalate/model/scenario.hpp"

namespace escalate {

std::vector<std::string> Scenario::cause_names() const {
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(cause_count()));
  for (const IncidentType& type : incidents) names.push_back(type.name);
  for (const char* name : BUILTIN_CAUSE_NAMES) names.emplace_back(name);
  return names;
}

int Scenario::side_index(const std::string& name) const {
  for (int i = 0; i < 2; ++i) if (side_names[static_cast<std::size_t>(i)] == name) return i;
  return -1;
}

}  // namespace escalate

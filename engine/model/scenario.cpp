#include "escalate/model/scenario.hpp"

namespace escalate {

std::vector<std::string> Scenario::cause_names() const {
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(cause_count()));
  for (const IncidentType& type : incidents) names.push_back(type.name);
  for (const char* name : BUILTIN_CAUSE_NAMES) names.emplace_back(name);
  return names;
}

}  // namespace escalate

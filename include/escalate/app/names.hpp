#pragma once
// `escalate names --json [CONFIG]`: the names the engine uses, from their one home
// (escalate/base/names.hpp and a config's registry of parameter paths), for tools that
// would otherwise copy them (the Python package reads them from here).
#include <string>

namespace escalate::app {

// A JSON object: "phases", "rate_phases", "rungs", "builtin_causes", "batch_outcome_fields",
// "compared_outcomes"; with a config (`config` not empty) also "config", "sides",
// "incident_types", "causes" (incident types, then the built-in causes), "parameter_paths"
// (every number the config sets, canonical) and "uncertain_parameters".
std::string names_json(const std::string& config);

}  // namespace escalate::app

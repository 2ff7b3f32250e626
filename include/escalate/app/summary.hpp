#pragma once
// The `summary` and `check` services: a result file or a config read back for the user.
#include "escalate/config/config.hpp"
#include "escalate/report/summary_file.hpp"

#include <string>

namespace escalate::app {

// The summary of a result or comparison file, whole or not at all (a damaged file throws
// FileError before anything is returned).
std::string summary(const std::string& path, SummaryFormat format);

// A config loaded and validated, as `check` shows it.
Config check(const std::string& path);

}  // namespace escalate::app

// The `summary` and `check` services.
#include "escalate/app/execution.hpp"
#include "escalate/app/summary.hpp"

#include <sstream>

namespace escalate::app {

std::string summary(const std::string& path, SummaryFormat format) {
  std::ostringstream text;  // nothing is returned unless the whole file could be read
  summarize_file(text, path, format);
  return text.str();
}

// Loaded, and its resolved text reads back as the same config (what `check` prints is TOML).
Config check(const std::string& path) {
  Config config = load_config(path);
  check_config_reads_back(config);
  return config;
}

}  // namespace escalate::app

// The `summary` and `check` services.
#include "escalate/app/summary.hpp"

#include <sstream>

namespace escalate::app {

std::string summary(const std::string& path, SummaryFormat format) {
  std::ostringstream text;  // nothing is returned unless the whole file could be read
  summarize_file(text, path, format);
  return text.str();
}

Config check(const std::string& path) { return load_config(path); }

}  // namespace escalate::app

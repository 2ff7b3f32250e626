// A record against the forecast it calibrates: every window config must have exactly the
// forecast's uncertain parameter paths (the calibrated parameters set every window alike)
// and the same incident types in the same order.
#include "escalate/config/record.hpp"

#include "escalate/base/error.hpp"

#include <algorithm>

namespace escalate {

namespace {

// "a, b, c", at most `shown` names, then how many in all.
std::string listed(const std::vector<std::string>& names, std::size_t shown = 8) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += ", ... (" + std::to_string(names.size()) + " in all)";
  return out.empty() ? "none" : out;
}

// The names of `a` that `b` lacks, in `a`'s order.
std::vector<std::string> lacking(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& name : a) {
    if (std::find(b.begin(), b.end(), name) == b.end()) out.push_back(name);
  }
  return out;
}

std::vector<std::string> type_names(const Config& config) {
  std::vector<std::string> out;
  for (const auto& incident : config.scenario.incidents) out.push_back(incident.name);
  return out;
}

std::vector<std::string> uncertain_paths(const Config& config) {
  std::vector<std::string> out;
  for (const auto& u : config.uncertain) out.push_back(u.path);
  return out;
}

// "missing a, b; extra c": what `have` lacks of `want`, and what it has beyond.
std::string difference(const std::vector<std::string>& want, const std::vector<std::string>& have) {
  const std::vector<std::string> missing = lacking(want, have), extra = lacking(have, want);
  std::string out;
  if (!missing.empty()) out += "missing " + listed(missing);
  if (!extra.empty()) out += (out.empty() ? "" : "; ") + std::string("extra ") + listed(extra);
  return out;
}

}  // namespace

void check_record_against(const Record& record, const Config& forecast) {
  const std::vector<std::string> types = type_names(forecast);
  const std::vector<std::string> paths = uncertain_paths(forecast);
  for (const auto& window : record.windows) {
    const std::string where = record.path + ": window." + window.name + ".config (" + window.config_path + "): ";
    const std::vector<std::string> window_types = type_names(window.config);
    if (window_types != types) {
      const std::string diff = difference(types, window_types);
      throw ConfigError(where + "its incident types are not those of the forecast " + forecast.source_path + " (" +
                        (diff.empty() ? "the same names in another order: " + listed(window_types, types.size()) : diff) +
                        ")");
    }
    const std::string diff = difference(paths, uncertain_paths(window.config));
    if (!diff.empty()) {
      throw ConfigError(where + "its uncertain parameters are not those of the forecast " + forecast.source_path +
                        " (" + diff + ")");
    }
  }
}

}  // namespace escalate

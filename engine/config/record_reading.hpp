#pragma once
// Internal to the config layer: reading one window of a record file (docs/calibration.md,
// "The record file (schema 1)"). record_file.cpp reads the file and each window's config;
// record_periods.cpp, record_observations.cpp and record_reporting.cpp read one table each.
#include "escalate/config/record.hpp"
#include "toml_values.hpp"

#include <string>
#include <vector>

namespace escalate::detail {

// A window being read: its key prefix in the record file ("window.<name>"), the window
// (its config already loaded), and the incident types its config names but disables
// (`enabled = false`): the engine has no incidents of those, so the record may give them
// only as 0 (or -1, not observed) and they get no index.
struct WindowReading {
  std::string prefix;
  RecordWindow& window;
  std::vector<std::string> disabled_types;
};

// The index of the incident type named by `key` in the window config's scenario, -1 for a
// disabled type, or a ConfigError naming the key with "did you mean" among the types.
int incident_type_of(const WindowReading& reading, const toml::key& key, const std::string& path);

// `periods` (default "years"): fills period_start_days, period_end_days, period_labels.
void read_periods(const toml::table& window, WindowReading& reading);
// [counts], [answers.<type>] and [outcomes] (after the periods).
void read_counts(const toml::table& window, WindowReading& reading);
void read_answers(const toml::table& window, WindowReading& reading);
void read_outcomes(const toml::table& window, WindowReading& reading);
// [reporting]: one ReportingParameter per type, or per type and rung, in file order.
void read_reporting(const toml::table& window, WindowReading& reading);

// The table under `key` of `parent`, nullptr when absent; anything else than a table is
// refused naming `path`.
const toml::table* optional_table(const toml::table& parent, const std::string& key, const std::string& path);

}  // namespace escalate::detail

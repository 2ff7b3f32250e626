#include "escalate/output/cf_conventions.hpp"

#include "escalate/config/schema.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "escalate/version.hpp"

#include <algorithm>
#include <ctime>
#include <sstream>

namespace escalate {

std::string utc_timestamp() {
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string history_with(const std::vector<std::string>& earlier, const std::string& timestamp,
                         const std::string& command_line) {
  std::vector<std::string> lines;
  for (const auto& text : earlier) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
    }
  }
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out + timestamp + " " + command_line;
}

void write_cf_globals(H5Writer& h5, const std::string& comment) {
  h5.attribute("", "Conventions", std::string(CF_CONVENTIONS));
  h5.attribute("", "source", "Escalate " + std::string(ENGINE_VERSION) + " (git " + GIT_SHA1 + "), model v" +
                                 std::to_string(CONFIG_SCHEMA) + ": Monte Carlo simulation");
  h5.attribute("", "references",
               std::string("Yang Lei & Zhang Lixia, \"The formation and escalation of the Russia\u2013NATO security "
                           "dilemma after the Cold War\" (in Chinese); the model built on it: docs/model.md of Escalate"));
  h5.attribute("", "comment", comment);
}

void write_time_coordinate(H5Writer& h5, const std::string& path, const std::vector<std::int64_t>& days,
                           const std::string& start_date) {
  if (start_date.empty()) {
    h5.dimension(path, days, {"days since the start of the simulation (no start_date in the config)", CF_DAY});
    return;
  }
  h5.dimension(path, days, {"time", "days since " + start_date + " 00:00:00"});
  h5.attribute(path, "calendar", std::string("proleptic_gregorian"));
  h5.attribute(path, "standard_name", std::string("time"));
  h5.attribute(path, "axis", std::string("T"));
}

void link_ancillary(H5Writer& h5, const std::string& variable, const std::vector<std::string>& ancillary) {
  std::string names;
  for (const auto& a : ancillary) names += (names.empty() ? "" : " ") + a;
  h5.attribute(variable, "ancillary_variables", names);
}

}  // namespace escalate

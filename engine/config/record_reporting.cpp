// The reporting model of a record window ([window.<name>.reporting]): the probability that
// an engine incident of a type, optionally by the rung of its answer, enters the record.
// A number is fixed; a distribution (the configs' spelling) is an uncertain parameter
// named reporting.<window>.<type>[.<rung>].
#include "record_reading.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/names.hpp"

#include <algorithm>
#include <utility>

namespace escalate {

namespace detail {

namespace {

using Position = std::pair<std::uint32_t, std::uint32_t>;

// The parameters of the configs' distribution tables (toml_values.cpp, read_distribution).
const std::vector<std::string> DISTRIBUTION_KEYS = {"low", "high", "mean", "sd", "median", "sigma",
                                                    "a", "b", "mode", "shape", "rate"};

ReportingParameter parameter_of(const toml::node& node, const std::string& key_path, const std::string& path, int type,
                                int rung) {
  const NumberOrDistribution v = read_number(node, key_path, Range::unit());
  ReportingParameter p;
  p.path = path;
  p.type = type;
  p.rung = rung;
  if (v.dist) p.dist = *v.dist;
  else p.value = v.value;
  p.line = static_cast<int>(node.source().begin.line);
  return p;
}

Position position_of(const toml::node& node) { return {node.source().begin.line, node.source().begin.column}; }

}  // namespace

void read_reporting(const toml::table& window, WindowReading& reading) {
  const toml::table* reporting = optional_table(window, "reporting", reading.prefix + ".reporting");
  if (!reporting) return;
  RecordWindow& w = reading.window;
  const std::vector<std::string> rungs(names::RUNGS.begin(), names::RUNGS.end());
  std::vector<std::pair<Position, ReportingParameter>> found;
  for (auto&& [key, node] : *reporting) {
    const std::string type_name(key.str());
    const std::string key_path = reading.prefix + ".reporting." + type_name;
    const std::string path = "reporting." + w.name + "." + type_name;
    const int k = incident_type_of(reading, key, key_path);
    if (k < 0) {
      fail(key.source(), key_path, "the window config " + w.config_path +
                                       " disables this incident type: it has no incidents to report");
    }
    const toml::table* table = node.as_table();
    if (!table || table->contains("dist")) {
      found.emplace_back(position_of(node), parameter_of(node, key_path, path, k, -1));
      continue;
    }
    if (table->empty()) {
      fail(node.source(), key_path, "expected a probability, a distribution or probabilities by rung (none, protest, "
                                    "countermeasure, limited_strike, war), got an empty table");
    }
    // By rung when a key is a rung or a typo of one; { a = 2, b = 8 } lacks only its `dist`.
    const bool by_rung = std::any_of(table->begin(), table->end(), [&](const auto& entry) {
      const std::string key(entry.first.str());
      const bool parameter = std::find(DISTRIBUTION_KEYS.begin(), DISTRIBUTION_KEYS.end(), key) != DISTRIBUTION_KEYS.end();
      return !parameter && !closest_match(key, rungs).empty();
    });
    if (!by_rung) read_distribution(*table, key_path);  // { a = 2, b = 8 }: refused for its missing `dist`
    check_keys(*table, key_path, rungs);
    for (std::size_t r = 0; r < rungs.size(); ++r) {
      const toml::node* value = table->get(rungs[r]);
      if (!value) continue;
      found.emplace_back(position_of(*value), parameter_of(*value, key_path + "." + rungs[r], path + "." + rungs[r], k,
                                                           static_cast<int>(r)));
    }
  }
  // toml++ keeps keys in name order; the parameters keep the file's.
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [unused, parameter] : found) w.reporting.push_back(std::move(parameter));
}

}  // namespace detail

std::vector<const ReportingParameter*> Record::uncertain_reporting() const {
  std::vector<const ReportingParameter*> out;
  for (const auto& window : windows) {
    for (const auto& parameter : window.reporting) {
      if (parameter.dist) out.push_back(&parameter);
    }
  }
  return out;
}

}  // namespace escalate

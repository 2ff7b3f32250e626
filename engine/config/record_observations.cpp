// What a record window observed: incidents per type and period ([counts]), the answers to
// them by rung ([answers.<type>]) and the window's totals ([outcomes]).
#include "record_reading.hpp"

#include "config_loader.hpp"
#include "escalate/base/closest_match.hpp"
#include "escalate/base/names.hpp"

#include <algorithm>

namespace escalate::detail {

namespace {

std::int64_t read_count(const toml::node& node, const std::string& path, const std::string& what, std::int64_t low,
                        const std::string& rule) {
  if (!node.is_integer()) fail(node.source(), path, what + "expected an integer (" + rule + "), got " + type_name(node));
  const std::int64_t value = node.as_integer()->get();
  if (value < low) fail(node.source(), path, what + rule + ", got " + std::to_string(value));
  return value;
}

[[noreturn]] void refuse_disabled(const toml::node& node, const std::string& path, const WindowReading& reading,
                                  const std::string& what) {
  fail(node.source(), path, "the window config " + reading.window.config_path +
                                " disables this incident type, so the engine has none of it; the record gives " + what +
                                " (only 0, or -1 for not observed, can be given)");
}

// An exact count or an interval [low, high] of a window total.
ObservedRange read_range(const toml::node& node, const std::string& path) {
  const std::string rule = "a count >= 0, or [low, high] with 0 <= low <= high";
  if (node.is_integer()) {
    const std::int64_t n = read_count(node, path, "", 0, rule);
    return {n, n};
  }
  const toml::array* pair = node.as_array();
  if (!pair || pair->size() != 2) {
    fail(node.source(), path, "expected " + rule + ", got " +
                                  (pair ? "an array of " + std::to_string(pair->size()) : type_name(node)));
  }
  const std::int64_t low = read_count(*pair->get(0), path, "low: ", 0, "a count >= 0");
  const std::int64_t high = read_count(*pair->get(1), path, "high: ", 0, "a count >= 0");
  if (low > high) {
    fail(node.source(), path, "the interval [" + std::to_string(low) + ", " + std::to_string(high) + "] has low > high");
  }
  return {low, high};
}

}  // namespace

int incident_type_of(const WindowReading& reading, const toml::key& key, const std::string& path) {
  const std::string name(key.str());
  const auto& incidents = reading.window.config.scenario.incidents;
  for (std::size_t k = 0; k < incidents.size(); ++k) {
    if (incidents[k].name == name) return static_cast<int>(k);
  }
  const auto& disabled = reading.disabled_types;
  if (std::find(disabled.begin(), disabled.end(), name) != disabled.end()) return -1;
  std::vector<std::string> names;
  std::string known;
  for (const auto& incident : incidents) {
    names.push_back(incident.name);
    known += (known.empty() ? "" : ", ") + incident.name;
  }
  names.insert(names.end(), disabled.begin(), disabled.end());
  const std::string suggestion = closest_match(name, names);
  fail(key.source(), path, "unknown incident type '" + printable(name) + "' of the window config " +
                               reading.window.config_path +
                               (suggestion.empty() ? " (its types: " + known + ")" : " (did you mean '" + suggestion + "'?)"));
}

void read_counts(const toml::table& window, WindowReading& reading) {
  RecordWindow& w = reading.window;
  const std::size_t periods = w.period_labels.size();
  w.counts.assign(w.config.scenario.incidents.size(), std::vector<std::int64_t>(periods, -1));
  const toml::table* counts = optional_table(window, "counts", reading.prefix + ".counts");
  if (!counts) return;
  const std::string one_per = std::to_string(periods) + " counts, one per period (" + w.period_labels.front() +
                              (periods > 1 ? " to " + w.period_labels.back() : std::string()) + ")";
  for (auto&& [key, node] : *counts) {
    const std::string path = reading.prefix + ".counts." + std::string(key.str());
    const int k = incident_type_of(reading, key, path);
    const toml::array* list = node.as_array();
    if (!list) fail(node.source(), path, "expected an array of " + one_per + ", got " + type_name(node));
    if (list->size() != periods) {
      fail(node.source(), path, "expected " + one_per + ", got " + std::to_string(list->size()));
    }
    std::vector<std::int64_t> values;
    for (std::size_t p = 0; p < periods; ++p) {
      const std::string what = "period " + w.period_labels[p] + ": ";
      values.push_back(read_count(*list->get(p), path, what, -1, "a count >= 0, or -1 for not observed"));
    }
    if (k >= 0) {
      w.counts[static_cast<std::size_t>(k)] = std::move(values);
    } else if (std::any_of(values.begin(), values.end(), [](std::int64_t n) { return n > 0; })) {
      refuse_disabled(node, path, reading, "a count above 0");
    }
  }
}

void read_answers(const toml::table& window, WindowReading& reading) {
  RecordWindow& w = reading.window;
  w.answers.assign(w.config.scenario.incidents.size(), {-1, -1, -1, -1, -1});
  const toml::table* answers = optional_table(window, "answers", reading.prefix + ".answers");
  if (!answers) return;
  const std::vector<std::string> rungs(names::RUNGS.begin(), names::RUNGS.end());
  for (auto&& [key, node] : *answers) {
    const std::string path = reading.prefix + ".answers." + std::string(key.str());
    const int k = incident_type_of(reading, key, path);
    const toml::table* table = node.as_table();
    if (!table) {
      fail(node.source(), path, "expected a table of answers by rung (none, protest, countermeasure, limited_strike, "
                                "war), got " + type_name(node));
    }
    check_keys(*table, path, rungs);
    std::array<std::int64_t, 5> given{0, 0, 0, 0, 0};  // a rung the table omits: none were answered so
    for (std::size_t r = 0; r < rungs.size(); ++r) {
      if (const toml::node* count = table->get(rungs[r])) {
        given[r] = read_count(*count, path + "." + rungs[r], "", 0, "a count of answers >= 0");
      }
    }
    if (k >= 0) {
      w.answers[static_cast<std::size_t>(k)] = given;
    } else if (std::any_of(given.begin(), given.end(), [](std::int64_t n) { return n > 0; })) {
      refuse_disabled(node, path, reading, "answers above 0");
    }
  }
}

void read_outcomes(const toml::table& window, WindowReading& reading) {
  const std::string path = reading.prefix + ".outcomes";
  const toml::table* outcomes = optional_table(window, "outcomes", path);
  if (!outcomes) return;
  check_keys(*outcomes, path, {"wars", "limited_strikes", "countermeasures"});
  RecordWindow& w = reading.window;
  if (const toml::node* node = outcomes->get("wars")) w.wars = read_range(*node, path + ".wars");
  if (const toml::node* node = outcomes->get("limited_strikes")) w.limited_strikes = read_range(*node, path + ".limited_strikes");
  if (const toml::node* node = outcomes->get("countermeasures")) w.countermeasures = read_range(*node, path + ".countermeasures");
}

}  // namespace escalate::detail

// The named tables of a schema-2 config: [incident.<name>], [reassurance.<name>],
// [event.<name>] and [inject.<name>], each validated and read in name order; what can never
// happen (an item after the horizon) becomes a warning.
#include "config_loader.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"

#include <algorithm>

namespace escalate::detail {

namespace {
const std::vector<std::string> RESERVED_CAUSES = {"countermeasure", "strike", "inject", "event", "initial", "reassurance"};

bool is_zero(const toml::node* node) { return !node || (node->is_number() && node->value<double>().value() == 0.0); }

std::vector<std::string> keys_of(std::span<const FieldSpec> fields, std::vector<std::string> extra) {
  for (const auto& f : fields) extra.push_back(f.name);
  return extra;
}
}  // namespace

std::vector<std::pair<std::string, const toml::table*>> Loader::named_tables(const toml::table& root, const std::string& key,
                                                                             const std::vector<std::string>& allowed) {
  std::vector<std::pair<std::string, const toml::table*>> out;
  const toml::node* node = root.get(key);
  if (!node) return out;
  if (!node->is_table()) {
    std::string hint = node->is_array() ? " (schema 2 uses named tables [" + key + ".<name>], not [[" + key + "]])" : "";
    fail(node->source(), key, "expected a table of named " + key + " tables, got " + type_name(*node) + hint);
  }
  for (auto&& [name_key, entry] : *node->as_table()) {
    std::string name(name_key.str());
    std::string prefix = key + "." + name;
    if (!valid_name(name)) fail(name_key.source(), key + "." + printable(name), "a name is letters, digits, '-' and '_' (at most 64)");
    if (!entry.is_table()) fail(entry.source(), prefix, "expected a table, got " + type_name(entry));
    const toml::table& table = *entry.as_table();
    bool enabled = true;
    if (const toml::node* e = table.get("enabled")) {
      if (!e->is_boolean()) fail(e->source(), prefix + ".enabled", "expected true or false, got " + type_name(*e));
      enabled = e->as_boolean()->get();
    }
    if (!enabled) {
      check_keys(table, prefix, allowed);
      if (key == "incident") disabled_incidents_.push_back(name);
      continue;
    }
    out.push_back({name, &table});
  }
  return out;
}

void Loader::read_incidents(const toml::table& root) {
  const std::vector<std::string> other = {"victim", "suspect", "description", "enabled"};
  for (const auto& [name, table] : named_tables(root, "incident", keys_of(incident_fields(), other))) {
    const std::string prefix = "incident." + name;
    if (std::find(RESERVED_CAUSES.begin(), RESERVED_CAUSES.end(), name) != RESERVED_CAUSES.end()) {
      fail(table->source(), prefix, "'" + name + "' is the name of a built-in cause (countermeasure, strike, inject, "
                                    "event, initial, reassurance): choose another name");
    }
    IncidentType type;
    type.name = name;
    type.victim = side_or_fail(*table, prefix, "victim");
    type.suspect = side_or_fail(*table, prefix, "suspect");
    if (type.victim == type.suspect) fail(table->get("suspect")->source(), prefix + ".suspect", "must differ from victim");
    read_string(*table, prefix, "description", std::string());
    const int index = static_cast<int>(config_.scenario.incidents.size());
    config_.scenario.incidents.push_back(type);
    config_.fixed.incidents.emplace_back();
    read_section(*table, prefix, incident_fields(), Section::Incident, index, &config_.fixed.incidents.back(), other);
  }
}

void Loader::read_reassurance(const toml::table& root) {
  const std::vector<std::string> other = {"sender", "description", "enabled"};
  const double horizon = static_cast<double>(config_.scenario.horizon_days);
  for (const auto& [name, table] : named_tables(root, "reassurance", keys_of(reassurance_fields(), other))) {
    const std::string prefix = "reassurance." + name;
    SignalSpec spec;
    spec.name = name;
    spec.sender = side_or_fail(*table, prefix, "sender");
    read_string(*table, prefix, "description", std::string());
    std::vector<FieldSpec> fields(reassurance_fields().begin(), reassurance_fields().end());
    for (auto& f : fields) if (std::string(f.name) == "end_day") f.default_value = horizon;
    const int index = static_cast<int>(config_.scenario.signals.size());
    config_.fixed.reassurance.emplace_back();
    std::map<std::string, Range> supports;
    read_section(*table, prefix, fields, Section::Reassurance, index, &config_.fixed.reassurance.back(), other, &supports);
    if (table->contains("end_day") && !(supports["end_day"].lo > supports["start_day"].hi)) {
      fail(table->get("end_day")->source(), prefix + ".end_day", "must be after start_day (an empty window)");
    }
    if (supports["start_day"].lo >= horizon) {
      warn(prefix + ": its window starts at or after the horizon (day " + number_text(horizon) + "); it is ignored");
      drop(prefix);
      config_.fixed.reassurance.pop_back();
      continue;
    }
    config_.scenario.signals.push_back(spec);
  }
}

void Loader::read_injects(const toml::table& root) {
  const std::vector<std::string> other = {"incident", "deliberate", "description", "enabled"};
  for (const auto& [name, table] : named_tables(root, "inject", keys_of(inject_fields(), other))) {
    const std::string prefix = "inject." + name;
    InjectionSpec spec;
    spec.name = name;
    std::string incident = read_string(*table, prefix, "incident");
    std::vector<std::string> names;
    for (const auto& type : config_.scenario.incidents) names.push_back(type.name);
    auto it = std::find(names.begin(), names.end(), incident);
    if (it == names.end()) {
      bool disabled = std::find(disabled_incidents_.begin(), disabled_incidents_.end(), incident) != disabled_incidents_.end();
      std::string s = closest_match(incident, names);
      fail(table->get("incident")->source(), prefix + ".incident",
           disabled ? "incident '" + incident + "' is disabled (enabled = false)"
                    : "no [incident." + incident + "] is defined" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
    }
    spec.incident = static_cast<int>(it - names.begin());
    const toml::node& deliberate = require(*table, prefix, "deliberate");
    if (!deliberate.is_boolean()) {
      fail(deliberate.source(), prefix + ".deliberate", "expected true or false, got " + type_name(deliberate));
    }
    spec.deliberate = deliberate.as_boolean()->get();
    read_string(*table, prefix, "description", std::string());
    std::map<std::string, Range> supports;
    const int index = static_cast<int>(config_.scenario.injections.size());
    config_.fixed.injects.emplace_back();
    read_section(*table, prefix, inject_fields(), Section::Inject, index, &config_.fixed.injects.back(), other, &supports);
    if (supports["day"].lo > static_cast<double>(config_.scenario.horizon_days)) {
      warn(prefix + ": day " + supports["day"].text() + " is after the horizon (day " +
           std::to_string(config_.scenario.horizon_days) + "); it is ignored");
      drop(prefix);
      config_.fixed.injects.pop_back();
      continue;
    }
    config_.scenario.injections.push_back(spec);
  }
}

void Loader::read_events(const toml::table& root) {
  const std::vector<std::string> other = {"side", "description", "enabled", "set"};
  const double horizon = static_cast<double>(config_.scenario.horizon_days);
  for (const auto& [name, table] : named_tables(root, "event", keys_of(event_fields(), other))) {
    const std::string prefix = "event." + name;
    EventSpec spec;
    spec.name = name;
    const bool has_day = table->contains("day"), has_rate = table->contains("rate_per_year");
    if (has_day == has_rate) {
      fail(table->source(), prefix, "an event has exactly one of `day` (a scheduled event) and `rate_per_year` "
                                    "(a random-time event)");
    }
    spec.is_random = has_rate;
    for (const char* window : {"start_day", "end_day"}) {
      if (!spec.is_random && table->contains(window)) {
        fail(table->get(window)->source(), prefix + "." + window, "only a random-time event (rate_per_year) has a window");
      }
    }
    spec.side = -1;
    if (table->contains("side") && !read_string(*table, prefix, "side").empty()) spec.side = side_or_fail(*table, prefix, "side");
    if (spec.side < 0 && !(is_zero(table->get("fear")) && is_zero(table->get("belief_logodds")))) {
      fail(table->source(), prefix, "`side` is required when `fear` or `belief_logodds` is not zero");
    }
    read_string(*table, prefix, "description", std::string());
    std::vector<FieldSpec> fields(event_fields().begin(), event_fields().end());
    for (auto& f : fields) {
      if (std::string(f.name) == "end_day") f.default_value = horizon;
    }
    const int index = static_cast<int>(config_.scenario.events.size());
    config_.fixed.events.emplace_back();
    config_.fixed.event_sets.emplace_back();
    std::map<std::string, Range> supports;
    std::vector<std::string> skip = spec.is_random ? std::vector<std::string>{"day"}
                                                   : std::vector<std::string>{"rate_per_year", "start_day", "end_day"};
    read_section(*table, prefix, fields, Section::Event, index, &config_.fixed.events.back(), other, &supports, skip);
    if (spec.is_random && table->contains("end_day") && !(supports["end_day"].lo > supports["start_day"].hi)) {
      fail(table->get("end_day")->source(), prefix + ".end_day", "must be after start_day (an empty window)");
    }
    const double first = spec.is_random ? supports["start_day"].lo : supports["day"].lo;
    if (spec.is_random ? first >= horizon : first > horizon) {
      warn(prefix + ": " + (spec.is_random ? "its window starts at or after" : "its day is after") + " the horizon (day " +
           number_text(horizon) + "); it is ignored");
      drop(prefix);
      config_.fixed.events.pop_back();
      config_.fixed.event_sets.pop_back();
      continue;
    }
    if (const toml::node* set = table->get("set")) {
      if (!set->is_table()) fail(set->source(), prefix + ".set", "expected a table of \"path\" = value");
      read_set(*set->as_table(), "", prefix + ".set", index, spec);
    }
    config_.scenario.events.push_back(std::move(spec));
  }
}

}  // namespace escalate::detail

#include "config_loader.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace escalate::detail {

namespace {
const std::vector<std::string> RESERVED_CAUSES = {"countermeasure", "strike", "inject", "event", "initial", "reassurance"};

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool is_zero(const toml::node* node) { return !node || (node->is_number() && node->value<double>().value() == 0.0); }
}  // namespace

bool valid_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

void Loader::load(const toml::table& root) {
  check_keys(root, "", {"schema", "run", "model", "sides", "response", "war", "restraint", "incident",
                        "reassurance", "event", "inject"});
  const toml::node& schema = require(root, "", "schema");
  if (schema.is_integer() && schema.as_integer()->get() == 1) fail(schema.source(), "schema", SCHEMA_1_REFUSAL);
  read_integer(root, "", "schema", CONFIG_SCHEMA, CONFIG_SCHEMA);
  read_run(require_table(root, "", "run"));
  read_sides(require_table(root, "", "sides"));
  read_model(require_table(root, "", "model"));
  read_section(require_table(root, "", "response"), "response", response_fields(), Section::Response, 0,
               &config_.fixed.response, {});
  read_section(require_table(root, "", "war"), "war", war_fields(), Section::War, 0, &config_.fixed.war, {});
  read_section(require_table(root, "", "restraint"), "restraint", restraint_fields(), Section::Restraint, 0,
               &config_.fixed.restraint, {});
  read_incidents(root);
  read_reassurance(root);
  read_events(root);
  read_injects(root);
}

void Loader::add_value(const NumberOrDistribution& v, const std::string& path, const ParamRef& ref) {
  config_.fixed.at(ref) = v.value;
  if (v.dist) config_.uncertain.push_back({path, ref, *v.dist, stable_hash(path.data(), path.size())});
}

void Loader::drop(const std::string& prefix) {
  auto& u = config_.uncertain;
  u.erase(std::remove_if(u.begin(), u.end(), [&](const UncertainParameter& p) { return p.path.rfind(prefix + ".", 0) == 0; }),
          u.end());
}

void Loader::read_section(const toml::table& table, const std::string& prefix, std::span<const FieldSpec> fields,
                          Section section, int index, void* target, std::vector<std::string> other_keys,
                          std::map<std::string, Range>* supports, const std::vector<std::string>& skip) {
  std::vector<std::string> allowed = other_keys;
  for (const auto& f : fields) allowed.push_back(f.name);
  check_keys(table, prefix, allowed);
  for (const auto& f : fields) {
    if (std::find(skip.begin(), skip.end(), f.name) != skip.end()) continue;
    std::string path = join(prefix, f.name);
    ParamRef ref{section, index, f.offset, 0};
    const toml::node* node = table.get(f.name);
    if (!node) {
      if (!f.default_value) require(table, prefix, f.name);
      reinterpret_cast<double*>(static_cast<char*>(target) + f.offset)[0] = *f.default_value;
      if (supports) (*supports)[f.name] = Range{*f.default_value, *f.default_value};
      continue;
    }
    if (f.length == 1) {
      auto v = read_number(*node, path, f.range);
      add_value(v, path, ref);
      if (supports) (*supports)[f.name] = support_of(v);
      continue;
    }
    const toml::array* array = node->as_array();
    if (!array || static_cast<int>(array->size()) != f.length) {
      fail(node->source(), path,
           "expected an array of " + std::to_string(f.length) + " numbers (one per " + array_axis(fields) + "), got " +
               (array ? "an array of " + std::to_string(array->size()) : type_name(*node)));
    }
    for (int e = 0; e < f.length; ++e) {
      ref.element = e;
      const std::string element_path = path + "." + std::to_string(e);
      add_value(read_number(*array->get(static_cast<std::size_t>(e)), element_path, f.range), element_path, ref);
    }
  }
}

void Loader::read_run(const toml::table& run) {
  check_keys(run, "run", {"horizon_days", "grid_days", "draws", "trajectories", "seed", "start_date", "max_events"});
  Scenario& s = config_.scenario;
  RunSettings& r = config_.run;
  s.horizon_days = read_integer(run, "run", "horizon_days", 1, MAX_HORIZON_DAYS);
  s.grid_days = read_integer(run, "run", "grid_days", 1, s.horizon_days);
  if (s.horizon_days % s.grid_days != 0) {
    fail(run.get("grid_days")->source(), "run.grid_days",
         "must divide run.horizon_days (" + std::to_string(s.horizon_days) + "), got " + std::to_string(s.grid_days));
  }
  r.draws = read_integer(run, "run", "draws", 1, MAX_DRAWS);
  r.trajectories = read_integer(run, "run", "trajectories", 1, MAX_TRAJECTORIES);
  r.seed = static_cast<std::uint64_t>(read_integer(run, "run", "seed", 0, std::numeric_limits<std::int64_t>::max()));
  s.max_events = run.contains("max_events")
      ? read_integer(run, "run", "max_events", MIN_MAX_EVENTS, std::numeric_limits<std::int64_t>::max()) : 1'000'000;
  r.start_date = read_string(run, "run", "start_date", std::string());
  if (!r.start_date.empty() && !is_date(r.start_date)) {
    fail(run.get("start_date")->source(), "run.start_date", "expected a date \"YYYY-MM-DD\", got \"" + r.start_date + "\"");
  }
  double total = static_cast<double>(r.draws) * static_cast<double>(r.trajectories);
  if (total > MAX_TOTAL_TRAJECTORIES) {
    fail(run.get("trajectories")->source(), "run.trajectories", "draws x trajectories = " + number_text(total) +
         " exceeds the limit of " + number_text(MAX_TOTAL_TRAJECTORIES) + " trajectories per run (use shards)");
  }
  if (static_cast<double>(r.draws) * static_cast<double>(s.grid_points()) > MAX_DRAW_GRID_CELLS) {
    fail(run.source(), "run", "draws x grid points is too large to hold per-draw curves in memory "
                              "(raise run.grid_days or lower run.draws)");
  }
}

void Loader::read_sides(const toml::table& sides) {
  if (sides.size() != 2) {
    std::string names;
    for (auto&& [key, node] : sides) names += (names.empty() ? "'" : ", '") + std::string(key.str()) + "'";
    fail(sides.source(), "sides", "exactly two sides are required, got " + std::to_string(sides.size()) +
                                      (names.empty() ? "" : " (" + names + ")"));
  }
  int i = 0;
  for (auto&& [key, node] : sides) {  // toml++ keeps keys in name order: sides are ordered by name
    std::string name(key.str());
    if (!valid_name(name)) {
      fail(key.source(), "sides." + name, "a side's name is letters, digits, '-' and '_' (at most 64)");
    }
    config_.scenario.side_names[static_cast<std::size_t>(i++)] = name;
  }
  for (i = 0; i < 2; ++i) {
    const std::string& name = config_.scenario.side_names[static_cast<std::size_t>(i)];
    const toml::table& side = require_table(sides, "sides", name);
    std::map<std::string, Range> supports;
    read_section(side, "sides." + name, side_fields(), Section::Side, i, &config_.fixed.sides[static_cast<std::size_t>(i)],
                 {}, &supports);
    const Range revert = supports["revert_threshold"], flip = supports["flip_threshold"];
    if (!(revert.hi < flip.lo)) {
      const toml::node* node = side.get("revert_threshold");
      fail(node ? node->source() : side.source(), "sides." + name + ".revert_threshold",
           "must be below flip_threshold for every draw (revert " + revert.text() + ", flip " + flip.text() + ")");
    }
  }
}

int Loader::side_or_fail(const toml::table& table, const std::string& prefix, const std::string& key) {
  std::string name = read_string(table, prefix, key);
  int index = config_.scenario.side_index(name);
  if (index < 0) {
    const auto& sides = config_.scenario.side_names;
    std::vector<std::string> names(sides.begin(), sides.end());
    std::string suggestion = closest_match(name, names);
    fail(table.get(key)->source(), join(prefix, key),
         "unknown side '" + name + "' (sides are '" + names[0] + "' and '" + names[1] + "')" +
             (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
  }
  return index;
}

void Loader::read_model(const toml::table& model) {
  read_section(model, "model", model_fields(), Section::Model, 0, &config_.fixed.model, {"alliance"});
  std::string alliance = read_string(model, "model", "alliance", std::string("nato"));
  config_.scenario.alliance = config_.scenario.side_index(alliance);
  if (config_.scenario.alliance < 0) {
    const toml::node* node = model.get("alliance");
    const auto& sides = config_.scenario.side_names;
    std::string suggestion = closest_match(alliance, {sides[0], sides[1]});
    fail(node ? node->source() : model.source(), "model.alliance",
         "'" + alliance + "' is not one of the two sides ('" + sides[0] + "', '" + sides[1] + "')" +
             (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
  }
}

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
    if (!valid_name(name)) fail(name_key.source(), prefix, "a name is letters, digits, '-' and '_' (at most 64)");
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

namespace {
std::vector<std::string> keys_of(std::span<const FieldSpec> fields, std::vector<std::string> extra) {
  for (const auto& f : fields) extra.push_back(f.name);
  return extra;
}
}  // namespace

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

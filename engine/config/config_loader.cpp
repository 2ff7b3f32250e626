#include "config_loader.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"

#include <algorithm>
#include <limits>

namespace escalate::detail {

namespace {
constexpr std::int64_t MAX_DRAWS = 10'000'000;
constexpr std::int64_t MAX_TRAJECTORIES = 1'000'000'000'000;
constexpr double MAX_TOTAL_TRAJECTORIES = 1e13;
constexpr double MAX_DRAW_GRID_CELLS = 2e8;  // war_by_draw[M, T] held in memory
}  // namespace

// Each element of an array of tables, or a clear error if the key holds something else.
template <typename Fn>
void Loader::for_each_table(const toml::table& root, const std::string& key, Fn&& fn) {
  const toml::node* node = root.get(key);
  if (!node) return;
  const toml::array* array = node->as_array();
  if (!array || !array->is_array_of_tables()) {
    fail(node->source(), key, "expected an array of tables ([[" + key + "]]), got " + type_name(*node));
  }
  for (std::size_t i = 0; i < array->size(); ++i) fn(*array->get(i)->as_table(), static_cast<int>(i));
}

void Loader::load(const toml::table& root) {
  check_keys(root, "", {"schema", "run", "model", "sides", "response", "restraint", "incident", "reassurance",
                        "event", "inject"});
  read_integer(root, "", "schema", 1, 1);
  read_run(require_table(root, "", "run"));
  read_sides(require_table(root, "", "sides"));
  read_model(require_table(root, "", "model"));
  read_section(require_table(root, "", "response"), "response", response_fields(), Section::Response, 0,
               &config_.fixed.response, {});
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

void Loader::read_section(const toml::table& table, const std::string& prefix, std::span<const FieldSpec> fields,
                  Section section, int index, void* target, std::vector<std::string> other_keys,
                  std::map<std::string, Range>* supports) {
  std::vector<std::string> allowed = other_keys;
  for (const auto& f : fields) allowed.push_back(f.name);
  check_keys(table, prefix, allowed);
  for (const auto& f : fields) {
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
           "expected an array of " + std::to_string(f.length) + " numbers (one per phase: dormant, activated, "
           "deep, spiral), got " + (array ? "an array of " + std::to_string(array->size()) : type_name(*node)));
    }
    for (int e = 0; e < f.length; ++e) {
      ref.element = e;
      add_value(read_number(*array->get(e), path + "." + std::to_string(e), f.range), path + "." + std::to_string(e), ref);
    }
  }
}

void Loader::read_run(const toml::table& run) {
  check_keys(run, "run", {"horizon_days", "grid_days", "draws", "trajectories", "seed"});
  Scenario& s = config_.scenario;
  RunSettings& r = config_.run;
  s.horizon_days = read_integer(run, "run", "horizon_days", 1, 365'250);
  s.grid_days = read_integer(run, "run", "grid_days", 1, s.horizon_days);
  if (s.horizon_days % s.grid_days != 0) {
    fail(run.get("grid_days")->source(), "run.grid_days",
         "must divide run.horizon_days (" + std::to_string(s.horizon_days) + "), got " + std::to_string(s.grid_days));
  }
  r.draws = read_integer(run, "run", "draws", 1, MAX_DRAWS);
  r.trajectories = read_integer(run, "run", "trajectories", 1, MAX_TRAJECTORIES);
  r.seed = static_cast<std::uint64_t>(read_integer(run, "run", "seed", 0, std::numeric_limits<std::int64_t>::max()));
  double total = static_cast<double>(r.draws) * static_cast<double>(r.trajectories);
  if (total > MAX_TOTAL_TRAJECTORIES) {
    fail(run.get("trajectories")->source(), "run.trajectories", "draws x trajectories = " + number_text(total) + " exceeds the limit of " +
                                  number_text(MAX_TOTAL_TRAJECTORIES) + " trajectories per run (use shards)");
  }
  if (static_cast<double>(r.draws) * static_cast<double>(s.grid_points()) > MAX_DRAW_GRID_CELLS) {
    fail(run.source(), "run", "draws x grid points is too large to hold per-draw curves in memory "
                              "(raise run.grid_days or lower run.draws)");
  }
}

void Loader::read_sides(const toml::table& sides) {
  if (sides.size() != 2) {
    fail(sides.source(), "sides", "exactly two sides are required, got " + std::to_string(sides.size()));
  }
  int i = 0;
  for (auto&& [key, node] : sides) config_.scenario.side_names[i++] = std::string(key.str());
  for (i = 0; i < 2; ++i) {
    const std::string& name = config_.scenario.side_names[i];
    const toml::table& side = require_table(sides, "sides", name);
    std::map<std::string, Range> supports;
    read_section(side, "sides." + name, side_fields(), Section::Side, i, &config_.fixed.sides[i], {}, &supports);
    check_thresholds(supports["revert_threshold"], supports["flip_threshold"], side, "sides." + name);
  }
}

void Loader::check_thresholds(const Range& revert, const Range& flip, const toml::table& table,
                             const std::string& prefix) {
  if (!(revert.hi < flip.lo)) {
    const toml::node* node = table.get("revert_threshold");
    fail(node ? node->source() : table.source(), prefix + ".revert_threshold",
         "must be below flip_threshold for every draw (revert " + revert.text() + ", flip " + flip.text() + ")");
  }
}

int Loader::side_or_fail(const toml::table& table, const std::string& prefix, const std::string& key) {
  std::string name = read_string(table, prefix, key);
  int index = config_.scenario.side_index(name);
  if (index < 0) {
    std::vector<std::string> names(config_.scenario.side_names.begin(), config_.scenario.side_names.end());
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
    fail(node ? node->source() : model.source(), "model.alliance",
         "'" + alliance + "' is not one of the two sides ('" + config_.scenario.side_names[0] + "', '" +
             config_.scenario.side_names[1] + "')");
  }
}

void Loader::read_incidents(const toml::table& root) {
  for_each_table(root, "incident", [&](const toml::table& t, int i) {
    std::string prefix = "incident[" + std::to_string(i) + "]";
    IncidentType type;
    type.name = read_string(t, prefix, "name");
    if (type.name.empty() || type.name.find('.') != std::string::npos) {
      fail(t.get("name")->source(), prefix + ".name", "must be non-empty and contain no '.'");
    }
    for (const auto& other : config_.scenario.incidents) {
      if (other.name == type.name) fail(t.get("name")->source(), prefix + ".name", "duplicate incident name '" + type.name + "'");
    }
    prefix = "incident." + type.name;
    type.victim = side_or_fail(t, prefix, "victim");
    type.suspect = side_or_fail(t, prefix, "suspect");
    if (type.victim == type.suspect) fail(t.get("suspect")->source(), prefix + ".suspect", "must differ from victim");
    type.description = read_string(t, prefix, "description", std::string());
    config_.scenario.incidents.push_back(type);
    config_.fixed.incidents.emplace_back();
    read_section(t, prefix, incident_fields(), Section::Incident, i, &config_.fixed.incidents.back(),
                 {"name", "victim", "suspect", "description"});
  });
}

void Loader::read_reassurance(const toml::table& root) {
  for_each_table(root, "reassurance", [&](const toml::table& t, int i) {
    std::string prefix = "reassurance." + std::to_string(i);
    ReassuranceSpec spec;
    spec.sender = side_or_fail(t, prefix, "sender");
    config_.scenario.reassurance.push_back(spec);
    config_.fixed.reassurance.emplace_back();
    // end_day defaults to the horizon: give the table view a default by hand.
    ReassuranceParams& p = config_.fixed.reassurance.back();
    std::vector<FieldSpec> fields(reassurance_fields().begin(), reassurance_fields().end());
    for (auto& f : fields) {
      if (std::string(f.name) == "end_day") f.default_value = static_cast<double>(config_.scenario.horizon_days);
    }
    read_section(t, prefix, fields, Section::Reassurance, i, &p, {"sender"});
  });
}

void Loader::read_events(const toml::table& root) {
  for_each_table(root, "event", [&](const toml::table& t, int i) {
    std::string prefix = "event." + std::to_string(i);
    EventSpec spec;
    spec.side = side_or_fail(t, prefix, "side");
    spec.label = read_string(t, prefix, "label", std::string());
    config_.fixed.events.emplace_back();
    config_.fixed.event_sets.emplace_back();
    read_section(t, prefix, event_fields(), Section::Event, i, &config_.fixed.events.back(),
                 {"side", "label", "set"});
    if (const toml::node* set = t.get("set")) {
      if (!set->is_table()) fail(set->source(), prefix + ".set", "expected a table of \"path\" = value");
      read_set(*set->as_table(), "", prefix + ".set", i, spec);
    }
    config_.scenario.events.push_back(std::move(spec));
  });
}

void Loader::read_injects(const toml::table& root) {
  for_each_table(root, "inject", [&](const toml::table& t, int i) {
    std::string prefix = "inject." + std::to_string(i);
    InjectSpec spec;
    std::string name = read_string(t, prefix, "incident");
    std::vector<std::string> names;
    for (const auto& type : config_.scenario.incidents) names.push_back(type.name);
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string s = closest_match(name, names);
      fail(t.get("incident")->source(), prefix + ".incident",
           "no [[incident]] is named '" + name + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
    }
    spec.incident = static_cast<int>(it - names.begin());
    const toml::node& deliberate = require(t, prefix, "deliberate");
    if (!deliberate.is_boolean()) fail(deliberate.source(), prefix + ".deliberate", "expected true or false, got " + type_name(deliberate));
    spec.deliberate = deliberate.as_boolean()->get();
    config_.scenario.injects.push_back(spec);
    config_.fixed.injects.emplace_back();
    read_section(t, prefix, inject_fields(), Section::Inject, i, &config_.fixed.injects.back(),
                 {"incident", "deliberate"});
  });
}

}  // namespace escalate::detail

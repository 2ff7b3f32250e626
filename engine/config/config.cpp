#include "escalate/config.hpp"

#include "config_file.hpp"
#include "escalate/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>

namespace escalate {

using detail::where;

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  auto distance = [](const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
        diagonal = up;
      }
    }
    return row[b.size()];
  };
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& c : candidates) {
    std::size_t d = distance(word, c);
    if (d < best_distance) best_distance = d, best = c;
  }
  // Close enough to be a typo: a third of the word, at least two edits.
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  return best_distance <= limit ? best : std::string();
}

namespace {

constexpr std::int64_t MAX_DRAWS = 10'000'000;
constexpr std::int64_t MAX_TRAJECTORIES = 1'000'000'000'000;
constexpr double MAX_TOTAL_TRAJECTORIES = 1e13;
constexpr double MAX_DRAW_GRID_CELLS = 2e8;  // war_by_draw[M, T] held in memory

[[noreturn]] void fail(const toml::source_region& source, const std::string& key, const std::string& message) {
  // A value without a source was put there by a command-line flag (ConfigOverrides).
  bool from_flag = !source.path && source.begin.line == 0 && key.rfind("run.", 0) == 0;
  throw ConfigError(where(source) + key + (from_flag ? " (set on the command line)" : "") + ": " + message);
}

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

std::string join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

void check_keys(const toml::table& table, const std::string& prefix, const std::vector<std::string>& allowed) {
  for (auto&& [key, node] : table) {
    std::string k(key.str());
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string suggestion = closest_match(k, allowed);
    auto source = key.source().begin.line > 0 ? key.source() : node.source();
    fail(source, join(prefix, k),
         "unknown key" + (suggestion.empty() ? std::string() : " (did you mean '" + suggestion + "'?)"));
  }
}

const toml::node& require(const toml::table& table, const std::string& prefix, const std::string& key) {
  const toml::node* node = table.get(key);
  if (!node) fail(table.source(), prefix.empty() ? key : prefix, "missing required key '" + key + "'");
  return *node;
}

const toml::table& require_table(const toml::table& parent, const std::string& prefix, const std::string& key) {
  const toml::node& node = require(parent, prefix, key);
  if (!node.is_table()) fail(node.source(), join(prefix, key), "expected a table, got " + type_name(node));
  return *node.as_table();
}

std::string read_string(const toml::table& table, const std::string& prefix, const std::string& key,
                        std::optional<std::string> fallback = std::nullopt) {
  const toml::node* node = table.get(key);
  if (!node) {
    if (fallback) return *fallback;
    require(table, prefix, key);
  }
  if (!node->is_string()) fail(node->source(), join(prefix, key), "expected a string, got " + type_name(*node));
  return node->as_string()->get();
}

std::int64_t read_integer(const toml::table& table, const std::string& prefix, const std::string& key,
                          std::int64_t low, std::int64_t high) {
  const toml::node& node = require(table, prefix, key);
  if (!node.is_integer()) {
    std::string extra = node.is_table() ? " (distributions are not allowed in [run])" : "";
    fail(node.source(), join(prefix, key), "expected an integer, got " + type_name(node) + extra);
  }
  std::int64_t value = node.as_integer()->get();
  if (value < low || value > high) {
    fail(node.source(), join(prefix, key),
         "must be in [" + std::to_string(low) + ", " + std::to_string(high) + "], got " + std::to_string(value));
  }
  return value;
}

std::string number_text(double x) {
  std::ostringstream os;
  os.precision(17);
  os << x;
  return os.str();
}

// A number, or a distribution table whose support lies inside `range`.
struct NumberOrDistribution {
  double value;
  std::optional<Distribution> dist;
};

Distribution read_distribution(const toml::table& table, const std::string& path) {
  const toml::node* kind_node = table.get("dist");
  if (!kind_node) {
    fail(table.source(), path, "a table here must be a distribution with a `dist` key (uniform, normal, "
                               "lognormal, beta, triangular)");
  }
  if (!kind_node->is_string()) fail(kind_node->source(), path + ".dist", "expected a string");
  std::string kind = kind_node->as_string()->get();
  static const std::map<std::string, std::pair<Distribution::Kind, std::vector<std::string>>> kinds = {
      {"uniform", {Distribution::Kind::Uniform, {"low", "high"}}},
      {"normal", {Distribution::Kind::Normal, {"mean", "sd"}}},
      {"lognormal", {Distribution::Kind::Lognormal, {"median", "sigma"}}},
      {"beta", {Distribution::Kind::Beta, {"a", "b"}}},
      {"triangular", {Distribution::Kind::Triangular, {"low", "mode", "high"}}},
  };
  auto it = kinds.find(kind);
  if (it == kinds.end()) {
    std::vector<std::string> names;
    for (const auto& [name, unused] : kinds) names.push_back(name);
    std::string suggestion = closest_match(kind, names);
    fail(kind_node->source(), path + ".dist",
         "unknown distribution '" + kind + "'" +
             (suggestion.empty() ? " (known: uniform, normal, lognormal, beta, triangular)"
                                 : " (did you mean '" + suggestion + "'?)"));
  }
  const auto& [dist_kind, keys] = it->second;
  std::vector<std::string> allowed = keys;
  allowed.push_back("dist");
  check_keys(table, path, allowed);
  double values[3] = {0, 0, 0};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const toml::node& node = require(table, path, keys[i]);
    if (!node.is_number()) fail(node.source(), path + "." + keys[i], "expected a number, got " + type_name(node));
    values[i] = node.value<double>().value();
    if (!std::isfinite(values[i])) fail(node.source(), path + "." + keys[i], "must be finite");
  }
  Distribution d{dist_kind, values[0], values[1], values[2]};
  auto bad = [&](const std::string& why) { fail(table.source(), path, kind + " distribution: " + why); };
  switch (dist_kind) {
    case Distribution::Kind::Uniform:
      if (!(d.a < d.b)) bad("needs low < high, got low=" + number_text(d.a) + ", high=" + number_text(d.b));
      break;
    case Distribution::Kind::Normal:
      if (!(d.b > 0)) bad("needs sd > 0, got " + number_text(d.b));
      break;
    case Distribution::Kind::Lognormal:
      if (!(d.a > 0)) bad("needs median > 0, got " + number_text(d.a));
      if (!(d.b > 0)) bad("needs sigma > 0, got " + number_text(d.b));
      break;
    case Distribution::Kind::Beta:
      if (!(d.a > 0 && d.b > 0)) bad("needs a > 0 and b > 0");
      break;
    case Distribution::Kind::Triangular:
      if (!(d.a < d.c && d.a <= d.b && d.b <= d.c)) bad("needs low <= mode <= high and low < high");
      break;
  }
  return d;
}

NumberOrDistribution read_number(const toml::node& node, const std::string& path, const Range& range) {
  if (node.is_number()) {
    double value = node.value<double>().value();
    if (!range.contains(value)) {
      fail(node.source(), path, "value " + number_text(value) + " is outside the allowed range " + range.text());
    }
    return {value, std::nullopt};
  }
  if (node.is_table()) {
    Distribution d = read_distribution(*node.as_table(), path);
    if (!range.contains(d.support())) {
      fail(node.source(), path,
           d.text() + " has support " + d.support().text() + ", which leaves the allowed range " + range.text() +
               (range.contains(Range::unit()) || Range::unit().contains(range) ? " (for a probability use a beta)" : ""));
    }
    return {d.median(), d};
  }
  fail(node.source(), path, "expected a number or a distribution table, got " + type_name(node));
}

Range support_of(const NumberOrDistribution& v) {
  return v.dist ? v.dist->support() : Range{v.value, v.value, false, false};
}

// Builds a Config from the merged TOML table.
class Loader {
 public:
  explicit Loader(Config& config) : config_(config) {}

  void load(const toml::table& root) {
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

 private:
  void add_value(const NumberOrDistribution& v, const std::string& path, const ParamRef& ref) {
    config_.fixed.at(ref) = v.value;
    if (v.dist) config_.uncertain.push_back({path, ref, *v.dist, stable_hash(path.data(), path.size())});
  }

  // Reads every field of a section's table into `target` (a struct of that section) and
  // refuses keys that are neither fields nor listed in `other_keys`.
  void read_section(const toml::table& table, const std::string& prefix, std::span<const FieldSpec> fields,
                    Section section, int index, void* target, std::vector<std::string> other_keys,
                    std::map<std::string, Range>* supports = nullptr) {
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

  void read_run(const toml::table& run) {
    check_keys(run, "run", {"horizon_days", "grid_days", "draws", "trajectories", "seed"});
    RunSettings& r = config_.run;
    r.horizon_days = read_integer(run, "run", "horizon_days", 1, 365'250);
    r.grid_days = read_integer(run, "run", "grid_days", 1, r.horizon_days);
    if (r.horizon_days % r.grid_days != 0) {
      fail(run.get("grid_days")->source(), "run.grid_days",
           "must divide run.horizon_days (" + std::to_string(r.horizon_days) + "), got " + std::to_string(r.grid_days));
    }
    r.draws = read_integer(run, "run", "draws", 1, MAX_DRAWS);
    r.trajectories = read_integer(run, "run", "trajectories", 1, MAX_TRAJECTORIES);
    r.seed = static_cast<std::uint64_t>(read_integer(run, "run", "seed", 0, std::numeric_limits<std::int64_t>::max()));
    double total = static_cast<double>(r.draws) * static_cast<double>(r.trajectories);
    if (total > MAX_TOTAL_TRAJECTORIES) {
      fail(run.get("trajectories")->source(), "run.trajectories", "draws x trajectories = " + number_text(total) + " exceeds the limit of " +
                                    number_text(MAX_TOTAL_TRAJECTORIES) + " trajectories per run (use shards)");
    }
    if (static_cast<double>(r.draws) * static_cast<double>(r.grid_points()) > MAX_DRAW_GRID_CELLS) {
      fail(run.source(), "run", "draws x grid points is too large to hold per-draw curves in memory "
                                "(raise run.grid_days or lower run.draws)");
    }
  }

  void read_sides(const toml::table& sides) {
    if (sides.size() != 2) {
      fail(sides.source(), "sides", "exactly two sides are required, got " + std::to_string(sides.size()));
    }
    int i = 0;
    for (auto&& [key, node] : sides) config_.side_names[i++] = std::string(key.str());
    for (i = 0; i < 2; ++i) {
      const std::string& name = config_.side_names[i];
      const toml::table& side = require_table(sides, "sides", name);
      std::map<std::string, Range> supports;
      read_section(side, "sides." + name, side_fields(), Section::Side, i, &config_.fixed.sides[i], {}, &supports);
      check_thresholds(supports["revert_threshold"], supports["flip_threshold"], side, "sides." + name);
    }
  }

  static void check_thresholds(const Range& revert, const Range& flip, const toml::table& table,
                               const std::string& prefix) {
    if (!(revert.hi < flip.lo)) {
      const toml::node* node = table.get("revert_threshold");
      fail(node ? node->source() : table.source(), prefix + ".revert_threshold",
           "must be below flip_threshold for every draw (revert " + revert.text() + ", flip " + flip.text() + ")");
    }
  }

  int side_or_fail(const toml::table& table, const std::string& prefix, const std::string& key) {
    std::string name = read_string(table, prefix, key);
    int index = config_.side_index(name);
    if (index < 0) {
      std::vector<std::string> names(config_.side_names.begin(), config_.side_names.end());
      std::string suggestion = closest_match(name, names);
      fail(table.get(key)->source(), join(prefix, key),
           "unknown side '" + name + "' (sides are '" + names[0] + "' and '" + names[1] + "')" +
               (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
    }
    return index;
  }

  void read_model(const toml::table& model) {
    read_section(model, "model", model_fields(), Section::Model, 0, &config_.fixed.model, {"alliance"});
    std::string alliance = read_string(model, "model", "alliance", std::string("nato"));
    config_.alliance = config_.side_index(alliance);
    if (config_.alliance < 0) {
      const toml::node* node = model.get("alliance");
      fail(node ? node->source() : model.source(), "model.alliance",
           "'" + alliance + "' is not one of the two sides ('" + config_.side_names[0] + "', '" +
               config_.side_names[1] + "')");
    }
  }

  // Each element of an array of tables, or a clear error if the key holds something else.
  template <typename Fn>
  void for_each_table(const toml::table& root, const std::string& key, Fn&& fn) {
    const toml::node* node = root.get(key);
    if (!node) return;
    const toml::array* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
      fail(node->source(), key, "expected an array of tables ([[" + key + "]]), got " + type_name(*node));
    }
    for (std::size_t i = 0; i < array->size(); ++i) fn(*array->get(i)->as_table(), static_cast<int>(i));
  }

  void read_incidents(const toml::table& root) {
    for_each_table(root, "incident", [&](const toml::table& t, int i) {
      std::string prefix = "incident[" + std::to_string(i) + "]";
      IncidentType type;
      type.name = read_string(t, prefix, "name");
      if (type.name.empty() || type.name.find('.') != std::string::npos) {
        fail(t.get("name")->source(), prefix + ".name", "must be non-empty and contain no '.'");
      }
      for (const auto& other : config_.incidents) {
        if (other.name == type.name) fail(t.get("name")->source(), prefix + ".name", "duplicate incident name '" + type.name + "'");
      }
      prefix = "incident." + type.name;
      type.victim = side_or_fail(t, prefix, "victim");
      type.suspect = side_or_fail(t, prefix, "suspect");
      if (type.victim == type.suspect) fail(t.get("suspect")->source(), prefix + ".suspect", "must differ from victim");
      type.description = read_string(t, prefix, "description", std::string());
      config_.incidents.push_back(type);
      config_.fixed.incidents.emplace_back();
      read_section(t, prefix, incident_fields(), Section::Incident, i, &config_.fixed.incidents.back(),
                   {"name", "victim", "suspect", "description"});
    });
  }

  void read_reassurance(const toml::table& root) {
    for_each_table(root, "reassurance", [&](const toml::table& t, int i) {
      std::string prefix = "reassurance." + std::to_string(i);
      ReassuranceSpec spec;
      spec.sender = side_or_fail(t, prefix, "sender");
      config_.reassurance.push_back(spec);
      config_.fixed.reassurance.emplace_back();
      // end_day defaults to the horizon: give the table view a default by hand.
      ReassuranceParams& p = config_.fixed.reassurance.back();
      std::vector<FieldSpec> fields(reassurance_fields().begin(), reassurance_fields().end());
      for (auto& f : fields) {
        if (std::string(f.name) == "end_day") f.default_value = static_cast<double>(config_.run.horizon_days);
      }
      read_section(t, prefix, fields, Section::Reassurance, i, &p, {"sender"});
    });
  }

  void read_events(const toml::table& root) {
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
      config_.events.push_back(std::move(spec));
    });
  }

  // `set` keys are dotted paths; written unquoted, TOML nests them as tables, so
  // nested tables that are not distributions are flattened back into paths.
  void read_set(const toml::table& table, const std::string& path_prefix, const std::string& key_prefix, int event,
                EventSpec& spec) {
    for (auto&& [key, node] : table) {
      std::string path = join(path_prefix, std::string(key.str()));
      if (node.is_table() && !node.as_table()->contains("dist")) {
        read_set(*node.as_table(), path, key_prefix, event, spec);
        continue;
      }
      add_set_target(node, path, key_prefix + "." + path, event, spec);
    }
  }

  void add_set_target(const toml::node& node, const std::string& path, const std::string& key, int event,
                      EventSpec& spec) {
    std::vector<std::string> parts;
    std::stringstream ss(path);
    for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
    auto bad = [&](const std::string& why) {
      fail(node.source(), key, why + " (paths: model.<key>, sides.<side>.<key>, response.<key>, restraint.<key>, "
                                     "incident.<name>.<key>[.<phase>])");
    };
    auto pick = [&](const std::string& word, const std::vector<std::string>& options, const char* what) {
      if (std::find(options.begin(), options.end(), word) != options.end()) return;
      std::string s = closest_match(word, options);
      bad(std::string("unknown ") + what + " '" + word + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
    };
    if (parts.empty()) bad("empty path");
    pick(parts[0], {"model", "sides", "response", "restraint", "incident"}, "section");
    Section section;
    int index = 0;
    std::size_t field_at = 1;
    std::span<const FieldSpec> fields;
    if (parts[0] == "sides" || parts[0] == "incident") {
      if (parts.size() < 3) bad("path too short");
      field_at = 2;
      if (parts[0] == "sides") {
        pick(parts[1], {config_.side_names[0], config_.side_names[1]}, "side");
        section = Section::Side, index = config_.side_index(parts[1]), fields = side_fields();
      } else {
        std::vector<std::string> names;
        for (const auto& t : config_.incidents) names.push_back(t.name);
        pick(parts[1], names, "incident");
        section = Section::Incident, fields = incident_fields();
        index = static_cast<int>(std::find(names.begin(), names.end(), parts[1]) - names.begin());
      }
    } else {
      section = parts[0] == "model" ? Section::Model : parts[0] == "response" ? Section::Response : Section::Restraint;
      fields = parts[0] == "model" ? model_fields() : parts[0] == "response" ? response_fields() : restraint_fields();
      if (parts.size() < 2) bad("path too short");
    }
    std::vector<std::string> field_names;
    for (const auto& f : fields) field_names.push_back(f.name);
    pick(parts[field_at], field_names, "key");
    const FieldSpec& field = fields[std::find(field_names.begin(), field_names.end(), parts[field_at]) - field_names.begin()];
    if (!field.settable) bad("'" + parts[field_at] + "' only matters at t = 0 and cannot be set by an event");
    std::vector<std::pair<int, const toml::node*>> elements;
    if (field.length == 1) {
      if (parts.size() != field_at + 1) bad("path too long");
      elements.push_back({0, &node});
    } else if (parts.size() == field_at + 2) {
      int e = -1;
      try { e = std::stoi(parts[field_at + 1]); } catch (...) {}
      if (e < 0 || e >= field.length || std::to_string(e) != parts[field_at + 1]) bad("phase index must be 0..3");
      elements.push_back({e, &node});
    } else if (parts.size() == field_at + 1 && node.is_array() && node.as_array()->size() == 4u) {
      for (int e = 0; e < 4; ++e) elements.push_back({e, node.as_array()->get(e)});
    } else {
      bad("a rate array takes a phase index (" + path + ".3) or an array of 4 values");
    }
    for (auto [e, value_node] : elements) {
      bool indexed_by_path = field.length == 1 || parts.size() == field_at + 2;
      std::string full = indexed_by_path ? path : path + "." + std::to_string(e);
      std::string element_key = key + (full == path ? "" : "." + std::to_string(e));
      auto v = read_number(*value_node, element_key, field.range);
      if (section == Section::Side && (field.name == std::string("revert_threshold") || field.name == std::string("flip_threshold"))) {
        check_set_threshold(field.name, v, index, *value_node, element_key);
      }
      ParamRef target{section, index, field.offset, e};
      auto& values = config_.fixed.event_sets[event];
      ParamRef slot{Section::EventSet, event, 0, static_cast<int>(values.size())};
      values.push_back(0);
      spec.sets.push_back({full, target, field.range});
      add_value(v, "event." + std::to_string(event) + ".set." + full, slot);
    }
  }

  // A `set` of a threshold must keep revert < flip against the other threshold as configured.
  void check_set_threshold(const std::string& name, const NumberOrDistribution& v, int side, const toml::node& node,
                           const std::string& key) {
    auto config_support = [&](double SideParams::*member, const char* field) {
      double fixed = config_.fixed.sides[side].*member;
      std::string path = "sides." + config_.side_names[side] + "." + field;
      for (const auto& u : config_.uncertain) if (u.path == path) return u.dist.support();
      return Range{fixed, fixed};
    };
    Range mine = support_of(v);
    bool ok = name == "revert_threshold" ? mine.hi < config_support(&SideParams::flip_threshold, "flip_threshold").lo
                                         : config_support(&SideParams::revert_threshold, "revert_threshold").hi < mine.lo;
    if (!ok) fail(node.source(), key, "would break revert_threshold < flip_threshold for this side");
  }

  void read_injects(const toml::table& root) {
    for_each_table(root, "inject", [&](const toml::table& t, int i) {
      std::string prefix = "inject." + std::to_string(i);
      InjectSpec spec;
      std::string name = read_string(t, prefix, "incident");
      std::vector<std::string> names;
      for (const auto& type : config_.incidents) names.push_back(type.name);
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
      config_.injects.push_back(spec);
      config_.fixed.injects.emplace_back();
      read_section(t, prefix, inject_fields(), Section::Inject, i, &config_.fixed.injects.back(),
                   {"incident", "deliberate"});
    });
  }

  Config& config_;
};

}  // namespace

int Config::side_index(const std::string& name) const {
  for (int i = 0; i < 2; ++i) if (side_names[i] == name) return i;
  return -1;
}

Parameters Config::draw(std::int64_t m) const {
  Parameters p = fixed;
  for (const auto& u : uncertain) {
    RandomStream stream(run.seed, RandomDomain::ParameterDraw, static_cast<std::uint64_t>(m), u.stream_id);
    p.at(u.ref) = u.dist.sample(stream);
  }
  return p;
}

namespace {
Config build_config(toml::table root, const std::string& path, const ConfigOverrides& overrides) {
  if (auto* run = root.get("run"); run && run->is_table()) {
    auto& t = *run->as_table();
    if (overrides.draws) t.insert_or_assign("draws", *overrides.draws);
    if (overrides.trajectories) t.insert_or_assign("trajectories", *overrides.trajectories);
    if (overrides.seed) t.insert_or_assign("seed", *overrides.seed);
  }
  Config config;
  config.source_path = path;
  Loader(config).load(root);
  std::ostringstream text;
  text << root << "\n";
  config.resolved_text = text.str();
  return config;
}
}  // namespace

Config load_config(const std::string& path, const ConfigOverrides& overrides) {
  return build_config(detail::load_with_base(path), path, overrides);
}

Config load_config_text(const std::string& text, const std::string& origin, const std::string& source_path) {
  toml::table root = detail::parse_text(text, origin);
  if (root.contains("base")) throw ConfigError(origin + ": a stored config must be resolved (no `base`)");
  Config config = build_config(std::move(root), origin, {});
  config.source_path = source_path;
  return config;
}

}  // namespace escalate

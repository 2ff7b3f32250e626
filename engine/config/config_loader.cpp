#include "config_loader.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace escalate::detail {

namespace {
bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

std::string printable(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '\n') out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += "?";
    else out += c;
  }
  return out;
}

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
  config_.parameter_paths.push_back(path);
  if (v.dist) config_.uncertain.push_back({path, ref, *v.dist, stable_hash(path.data(), path.size())});
}

void Loader::drop(const std::string& prefix) {
  auto& u = config_.uncertain;
  u.erase(std::remove_if(u.begin(), u.end(), [&](const UncertainParameter& p) { return p.path.rfind(prefix + ".", 0) == 0; }),
          u.end());
  auto& paths = config_.parameter_paths;
  paths.erase(std::remove_if(paths.begin(), paths.end(), [&](const std::string& p) { return p.rfind(prefix + ".", 0) == 0; }),
              paths.end());
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

// run.seed: an integer in [0, 2^63), or a decimal string for the whole range [0, 2^64)
// (TOML integers are signed 64-bit, so seeds from 2^63 on can only be written as strings).
std::uint64_t Loader::read_seed(const toml::table& run) {
  const toml::node& node = require(run, "run", "seed");
  if (const auto* text = node.as_string()) {
    const std::string& s = text->get();
    std::uint64_t value = 0;
    const bool digits = !s.empty() && s.size() <= 20 && s.find_first_not_of("0123456789") == std::string::npos;
    bool ok = digits;
    for (char c : s) {
      if (!ok) break;
      const auto d = static_cast<std::uint64_t>(c - '0');
      ok = value <= (std::numeric_limits<std::uint64_t>::max() - d) / 10;
      value = value * 10 + d;
    }
    if (!ok) fail(node.source(), "run.seed", "a seed is an integer in [0, 2^64), got \"" + s + "\"");
    return value;
  }
  return static_cast<std::uint64_t>(read_integer(run, "run", "seed", 0, std::numeric_limits<std::int64_t>::max()));
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
  r.seed = read_seed(run);
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
    std::vector<std::string> all;
    for (auto&& [key, node] : sides) {
      all.emplace_back(key.str());
      names += (names.empty() ? "'" : ", '") + all.back() + "'";
    }
    // A misspelt side in a derived config adds a third side with only a few keys: point at
    // the smallest table that looks like another side's name, and suggest that name.
    const toml::key* typo = nullptr;
    std::string like;
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    for (auto&& [key, node] : sides) {
      std::vector<std::string> others;
      for (const auto& n : all) if (n != key.str()) others.push_back(n);
      const std::string match = closest_match(std::string(key.str()), others);
      const std::size_t size = node.is_table() ? node.as_table()->size() : 0;
      if (!match.empty() && size < fewest) typo = &key, like = match, fewest = size;
    }
    if (typo && sides.size() > 2) {
      fail(typo->source(), "sides." + std::string(typo->str()), "exactly two sides are required, got " +
           std::to_string(sides.size()) + " (" + names + "); did you mean '" + like + "'?");
    }
    fail(sides.source(), "sides", "exactly two sides are required, got " + std::to_string(sides.size()) +
                                      (names.empty() ? "" : " (" + names + ")"));
  }
  int i = 0;
  for (auto&& [key, node] : sides) {  // toml++ keeps keys in name order: sides are ordered by name
    std::string name(key.str());
    if (!valid_name(name)) {
      fail(key.source(), "sides." + printable(name), "a side's name is letters, digits, '-' and '_' (at most 64)");
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

}  // namespace escalate::detail

// Event `set` paths (MODEL §10): "sides.nato.bias", "incident.<name>.accidental_rate.3",
// written quoted or as nested TOML tables, resolved to the number of Parameters they set.
#include "config_loader.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/config/parameter_path.hpp"

#include <algorithm>

namespace escalate::detail {

void Loader::read_set(const toml::table& table, const std::string& path_prefix, const std::string& key_prefix, int event,
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

void Loader::add_set_target(const toml::node& node, const std::string& path, const std::string& key, int event,
                    EventSpec& spec) {
  const std::vector<std::string> parts = path_parts(path);  // the registry's parser (parameter_path.hpp)
  auto bad = [&](const std::string& why) {
    fail(node.source(), key, why + " (paths: model.<key>, sides.<side>.<key>, response.<key>[.<step>], war.<key>, "
                                   "restraint.<key>, incident.<name>.<key>[.<phase>])");
  };
  auto pick = [&](const std::string& word, const std::vector<std::string>& options, const char* what) {
    if (std::find(options.begin(), options.end(), word) != options.end()) return;
    std::string s = closest_match(word, options);
    bad(std::string("unknown ") + what + " '" + word + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
  };
  if (const std::string why = path_problem(path); !why.empty()) bad(why);
  pick(parts[0], {"model", "sides", "response", "war", "restraint", "incident"}, "section");
  Section section;
  int index = 0;
  std::size_t field_at = 1;
  std::span<const FieldSpec> fields;
  if (parts[0] == "sides" || parts[0] == "incident") {
    if (parts.size() < 3) bad("path too short");
    field_at = 2;
    if (parts[0] == "sides") {
      pick(parts[1], {config_.scenario.side_names[0], config_.scenario.side_names[1]}, "side");
      section = Section::Side, index = config_.scenario.side_index(parts[1]), fields = side_fields();
    } else {
      std::vector<std::string> names;
      for (const auto& t : config_.scenario.incidents) names.push_back(t.name);
      if (std::find(disabled_incidents_.begin(), disabled_incidents_.end(), parts[1]) != disabled_incidents_.end()) {
        bad("incident '" + parts[1] + "' is disabled (enabled = false)");
      }
      pick(parts[1], names, "incident");
      section = Section::Incident, fields = incident_fields();
      index = static_cast<int>(std::find(names.begin(), names.end(), parts[1]) - names.begin());
    }
  } else {
    const std::string& p = parts[0];
    section = p == "model" ? Section::Model : p == "response" ? Section::Response : p == "war" ? Section::War : Section::Restraint;
    fields = p == "model" ? model_fields() : p == "response" ? response_fields() : p == "war" ? war_fields() : restraint_fields();
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
    if (e < 0 || e >= field.length || std::to_string(e) != parts[field_at + 1]) {
      bad(std::string("the index of an array (") + array_axis(fields) + ") must be 0..3");
    }
    elements.push_back({e, &node});
  } else if (parts.size() == field_at + 1 && node.is_array() && node.as_array()->size() == 4u) {
    for (int e = 0; e < 4; ++e) elements.push_back({e, node.as_array()->get(e)});
  } else {
    bad("an array key takes an index (" + path + ".3) or an array of 4 values");
  }
  for (auto [e, value_node] : elements) {
    bool indexed_by_path = field.length == 1 || parts.size() == field_at + 2;
    std::string full = indexed_by_path ? path : path + "." + std::to_string(e);
    std::string element_key = key + (full == path ? "" : "." + std::to_string(e));
    auto v = read_number(*value_node, element_key, field.range);
    if (section == Section::Side && (field.name == std::string("revert_threshold") || field.name == std::string("flip_threshold"))) {
      check_set_threshold(field.name, v, index, *value_node, element_key);
    }
    for (const auto& earlier : spec.sets) {
      if (earlier.path == full) bad("'" + full + "' is set twice in this event");
    }
    ParamRef target{section, index, field.offset, e};
    auto& values = config_.fixed.event_sets[static_cast<std::size_t>(event)];
    ParamRef slot{Section::EventSet, event, 0, static_cast<int>(values.size())};
    values.push_back(0);
    spec.sets.push_back({full, target});
    add_value(v, "event." + spec.name + ".set." + full, slot);
  }
}

void Loader::check_set_threshold(const std::string& name, const NumberOrDistribution& v, int side, const toml::node& node,
                         const std::string& key) {
  auto config_support = [&](double SideParams::*member, const char* field) {
    double fixed = config_.fixed.sides[side].*member;
    std::string path = "sides." + config_.scenario.side_names[side] + "." + field;
    for (const auto& u : config_.uncertain) if (u.path == path) return u.dist.support();
    return Range{fixed, fixed};
  };
  Range mine = support_of(v);
  bool ok = name == "revert_threshold" ? mine.hi < config_support(&SideParams::flip_threshold, "flip_threshold").lo
                                       : config_support(&SideParams::revert_threshold, "revert_threshold").hi < mine.lo;
  if (!ok) fail(node.source(), key, "would break revert_threshold < flip_threshold for this side");
}

}  // namespace escalate::detail

#include "escalate/config/config.hpp"

#include "config_file.hpp"
#include "config_loader.hpp"
#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"

#include <sstream>

namespace escalate {

std::vector<double> Config::draw_values(std::int64_t m) const {
  std::vector<double> values;
  values.reserve(uncertain.size());
  for (const auto& u : uncertain) {
    RandomStream stream(run.seed, RandomDomain::ParameterDraw, static_cast<std::uint64_t>(m), u.stream_id);
    values.push_back(u.dist.sample(stream));
  }
  return values;
}

Parameters Config::parameters_with(std::span<const double> values) const {
  Parameters p = fixed;
  for (std::size_t i = 0; i < uncertain.size(); ++i) p.at(uncertain[i].ref) = values[i];
  return p;
}

namespace {
// Replaces the number at a dotted path of the merged table (an array element by its index).
void set_value(toml::table& root, const std::string& path, double value) {
  std::vector<std::string> parts;
  std::stringstream ss(path);
  for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
  auto refuse = [&](const std::string& why) { throw ConfigError("--set " + path + " (set on the command line): " + why); };
  if (parts.size() < 2) refuse("expected a path such as response.intercept.1 or incident.<name>.<key>");
  toml::node* node = &root;
  std::string walked;
  for (const auto& part : parts) {
    if (toml::table* table = node->as_table(); table && !table->contains("dist")) {
      toml::node* next = table->get(part);
      if (!next) {
        std::vector<std::string> keys;
        for (auto&& [key, unused] : *table) keys.emplace_back(key.str());
        std::string suggestion = closest_match(part, keys);
        refuse("the config has no '" + part + "'" + (walked.empty() ? "" : " in " + walked) +
               (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
      }
      node = next;
    } else if (toml::array* array = node->as_array()) {
      std::size_t index = 0;
      try { index = std::stoul(part); } catch (...) { refuse("'" + part + "' is not an index of " + walked); }
      if (index >= array->size()) refuse(walked + " has " + std::to_string(array->size()) + " elements");
      node = array->get(index);
    } else {
      refuse(walked + " is not a table or an array");
    }
    walked += (walked.empty() ? "" : ".") + part;
  }
  if (!node->is_number() && !(node->is_table() && node->as_table()->contains("dist"))) {
    refuse(walked + " is not a number or a distribution");
  }
  // Replace the node in its parent: walk again to the parent.
  toml::node* parent = &root;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    parent = parent->is_table() ? parent->as_table()->get(parts[i]) : parent->as_array()->get(std::stoul(parts[i]));
  }
  if (toml::table* table = parent->as_table()) table->insert_or_assign(parts.back(), value);
  else parent->as_array()->replace(parent->as_array()->begin() + static_cast<std::ptrdiff_t>(std::stoul(parts.back())), value);
}

Config build_config(toml::table root, const std::string& path, const ConfigOverrides& overrides) {
  for (const auto& [key, value] : overrides.values) set_value(root, key, value);
  if (auto* run = root.get("run"); run && run->is_table()) {
    auto& t = *run->as_table();
    if (overrides.draws) t.insert_or_assign("draws", *overrides.draws);
    if (overrides.trajectories) t.insert_or_assign("trajectories", *overrides.trajectories);
    if (overrides.seed) t.insert_or_assign("seed", *overrides.seed);
  }
  Config config;
  config.source_path = path;
  detail::Loader(config).load(root);
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

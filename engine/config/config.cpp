#include "escalate/config/config.hpp"

#include "config_file.hpp"
#include "config_loader.hpp"
#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"
#include "escalate/config/parameter_path.hpp"

#include <limits>
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
// A table key may itself contain dots (an event's `set` keys are quoted paths), so at each
// table the longest run of path parts that names a key is taken.
void set_value(toml::table& root, const std::string& path, double value) {
  std::vector<std::string> parts;
  std::stringstream ss(path);
  for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
  auto refuse = [&](const std::string& why) { throw ConfigError("--set " + path + " (set on the command line): " + why); };
  if (parts.size() < 2) refuse("expected a path such as response.intercept.1 or incident.<name>.<key>");
  toml::node* parent = nullptr;
  toml::node* node = &root;
  std::string walked, last_key;
  std::size_t i = 0;
  while (i < parts.size()) {
    parent = node;
    if (toml::table* table = node->as_table(); table && !table->contains("dist")) {
      std::size_t take = 0;
      for (std::size_t n = parts.size() - i; n >= 1 && take == 0; --n) {
        std::string key = parts[i];
        for (std::size_t k = 1; k < n; ++k) key += "." + parts[i + k];
        if (table->contains(key)) take = n, last_key = key;
      }
      if (take == 0) {
        std::vector<std::string> keys;
        for (auto&& [key, unused] : *table) keys.emplace_back(key.str());
        std::string suggestion = closest_match(parts[i], keys);
        refuse("the config has no '" + parts[i] + "'" + (walked.empty() ? "" : " in " + walked) +
               (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
      }
      node = table->get(last_key);
      i += take;
    } else if (toml::array* array = node->as_array()) {
      std::size_t index = 0;
      const bool digits = parts[i].find_first_not_of("0123456789") == std::string::npos;
      try { index = digits ? std::stoul(parts[i]) : array->size(); } catch (...) { index = array->size(); }
      if (!digits) refuse("'" + parts[i] + "' is not an index of " + walked);
      if (index >= array->size()) refuse(walked + " has " + std::to_string(array->size()) + " elements");
      if (parts[i] != std::to_string(index)) refuse("write the index '" + parts[i] + "' as " + std::to_string(index));
      node = array->get(index);
      last_key = parts[i++];
    } else {
      refuse(walked + " is not a table or an array");
    }
    walked += (walked.empty() ? "" : ".") + last_key;
  }
  if (!node->is_number() && !(node->is_table() && node->as_table()->contains("dist"))) {
    refuse(walked + " is not a number or a distribution");
  }
  if (toml::table* table = parent->as_table()) {
    table->insert_or_assign(last_key, value);
  } else {
    toml::array* array = parent->as_array();
    array->replace(array->begin() + static_cast<std::ptrdiff_t>(std::stoul(last_key)), value);
  }
}

// The overrides' paths in their canonical spelling; two spellings of one path, or a path
// that a size override also sets, are refused naming both.
std::vector<std::pair<std::string, double>> canonical_values(const ConfigOverrides& overrides) {
  std::vector<std::pair<std::string, double>> values;
  for (std::size_t i = 0; i < overrides.values.size(); ++i) {
    const std::string& given = overrides.values[i].first;
    const std::string path = canonical_path(given, "--set");
    for (std::size_t j = 0; j < values.size(); ++j) {
      if (values[j].first != path) continue;
      throw ConfigError("--set " + overrides.values[j].first + " and --set " + given + " name the same path " + path +
                        ": give it once");
    }
    const bool sized = (path == "run.draws" && overrides.draws) || (path == "run.trajectories" && overrides.trajectories) ||
                       (path == "run.seed" && overrides.seed);
    if (sized) throw ConfigError("--set " + given + " and --" + path.substr(4) + " both set " + path + ": give one");
    values.emplace_back(path, overrides.values[i].second);
  }
  return values;
}

Config build_config(toml::table root, const std::string& path, const ConfigOverrides& overrides) {
  for (const auto& [key, value] : canonical_values(overrides)) set_value(root, key, value);
  if (auto* run = root.get("run"); run && run->is_table()) {
    auto& t = *run->as_table();
    if (overrides.draws) t.insert_or_assign("draws", *overrides.draws);
    if (overrides.trajectories) t.insert_or_assign("trajectories", *overrides.trajectories);
    // TOML integers are signed 64-bit: a seed from 2^63 on is written as a decimal string.
    if (overrides.seed) {
      if (*overrides.seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        t.insert_or_assign("seed", static_cast<std::int64_t>(*overrides.seed));
      } else {
        t.insert_or_assign("seed", std::to_string(*overrides.seed));
      }
    }
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

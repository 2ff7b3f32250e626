#include "escalate/config/config.hpp"

#include "config_file.hpp"
#include "config_loader.hpp"
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
Config build_config(toml::table root, const std::string& path, const ConfigOverrides& overrides) {
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

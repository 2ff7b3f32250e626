#include "config_file.hpp"

#include "escalate/error.hpp"

#include <filesystem>
#include <vector>

namespace escalate::detail {

namespace fs = std::filesystem;

std::string where(const toml::source_region& source) {
  std::string out;
  if (source.path) out += *source.path;
  if (source.begin.line > 0) {
    out += ":" + std::to_string(source.begin.line) + ":" + std::to_string(source.begin.column);
  }
  return out.empty() ? out : out + ": ";
}

namespace {

toml::table parse_one(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw ConfigError(path.string() + ": config file not found");
  if (fs::is_directory(path, ec)) throw ConfigError(path.string() + ": is a directory, not a config file");
  try {
    return toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    throw ConfigError(where(e.source()) + "not valid TOML: " + std::string(e.description()));
  }
}

// Moves every entry of `top` into `bottom`; tables merge recursively, anything else
// replaces. Moving (not copying) keeps each node's source region.
void merge_into(toml::table& bottom, toml::table& top) {
  for (auto&& [key, node] : top) {
    auto* existing = bottom.get(key.str());
    if (existing && existing->is_table() && node.is_table()) {
      merge_into(*existing->as_table(), *node.as_table());
      continue;
    }
    node.visit([&, &k = key](auto& concrete) { bottom.insert_or_assign(k, std::move(concrete)); });
  }
}

toml::table load_recursive(const fs::path& path, std::vector<fs::path>& chain) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  for (const auto& seen : chain) {
    if (seen == canonical) {
      std::string cycle;
      for (const auto& p : chain) cycle += p.string() + " -> ";
      throw ConfigError(path.string() + ": `base` files form a cycle: " + cycle + canonical.string());
    }
  }
  chain.push_back(canonical);
  toml::table table = parse_one(path);
  if (auto* base = table.get("base")) {
    auto* name = base->as_string();
    if (!name) throw ConfigError(where(base->source()) + "base: expected a string (a path relative to this file)");
    fs::path base_path = path.parent_path() / name->get();
    if (!fs::exists(base_path, ec)) {
      throw ConfigError(where(base->source()) + "base: file not found: " + base_path.string());
    }
    toml::table merged = load_recursive(base_path, chain);
    table.erase("base");
    merge_into(merged, table);
    chain.pop_back();
    return merged;
  }
  chain.pop_back();
  return table;
}

}  // namespace

toml::table load_with_base(const std::string& path) {
  std::vector<fs::path> chain;
  return load_recursive(fs::path(path), chain);
}

}  // namespace escalate::detail

// The record file (docs/calibration.md, "The record file (schema 1)"): the TOML text, its
// top-level keys, its windows in file order and each window's config. The tables of a
// window are read in record_periods.cpp, record_observations.cpp and record_reporting.cpp.
#include "record_reading.hpp"

#include "config_file.hpp"
#include "config_loader.hpp"
#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"

#include <algorithm>
#include <filesystem>
#include <utility>

namespace escalate {

namespace {

namespace fs = std::filesystem;
using namespace detail;

constexpr std::int64_t RECORD_SCHEMA = 1;

std::pair<std::uint32_t, std::uint32_t> position(const toml::source_region& source) {
  return {source.begin.line, source.begin.column};
}

// The incident tables a window config names with `enabled = false`: the loader forgets
// them, the resolved text (after `base` merging) keeps them.
std::vector<std::string> disabled_types(const Config& config) {
  std::vector<std::string> out;
  const toml::table root = parse_text(config.resolved_text, config.source_path);
  const toml::table* incidents = root["incident"].as_table();
  if (!incidents) return out;
  for (auto&& [name, node] : *incidents) {
    const toml::table* table = node.as_table();
    const toml::node* enabled = table ? table->get("enabled") : nullptr;
    if (enabled && enabled->is_boolean() && !enabled->as_boolean()->get()) out.emplace_back(name.str());
  }
  return out;
}

RecordWindow read_window(const std::string& name, const toml::table& table, const fs::path& record_dir) {
  const std::string prefix = "window." + name;
  check_keys(table, prefix, {"config", "periods", "counts", "reporting", "answers", "outcomes"});
  RecordWindow window;
  window.name = name;
  const std::string config = read_string(table, prefix, "config");
  const toml::node& config_node = *table.get("config");
  if (config.empty()) fail(config_node.source(), prefix + ".config", "expected the path of a config, got \"\"");
  const fs::path resolved = (record_dir / config).lexically_normal();
  std::error_code ec;
  if (!fs::exists(resolved, ec)) {
    fail(config_node.source(), prefix + ".config",
         "file not found: " + resolved.string() + " (a path relative to the record file)");
  }
  window.config_path = resolved.string();
  window.config = load_config(window.config_path);
  WindowReading reading{prefix, window, disabled_types(window.config)};
  read_periods(table, reading);
  read_counts(table, reading);
  read_answers(table, reading);
  read_outcomes(table, reading);
  read_reporting(table, reading);
  return window;
}

// The [window.<name>] tables, in the order the file gives them (toml++ keeps a table's
// keys in name order).
std::vector<std::pair<std::string, const toml::table*>> windows_of(const toml::table& root) {
  const toml::node* node = root.get("window");
  if (!node) fail(root.source(), "window", "a record needs at least one [window.<name>] table");
  const toml::table* windows = node->as_table();
  if (!windows) fail(node->source(), "window", "expected [window.<name>] tables, got " + type_name(*node));
  if (windows->empty()) fail(node->source(), "window", "a record needs at least one [window.<name>] table");
  std::vector<std::pair<std::string, const toml::table*>> out;
  for (auto&& [key, entry] : *windows) {
    const std::string name(key.str());
    if (!valid_name(name)) {
      fail(key.source(), "window." + printable(name), "a window's name is letters, digits, '-' and '_' (at most 64)");
    }
    if (!entry.is_table()) fail(entry.source(), "window." + name, "expected a table, got " + type_name(entry));
    out.emplace_back(name, entry.as_table());
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return position(a.second->source()) < position(b.second->source());
  });
  return out;
}

}  // namespace

namespace detail {

const toml::table* optional_table(const toml::table& parent, const std::string& key, const std::string& path) {
  const toml::node* node = parent.get(key);
  if (!node) return nullptr;
  if (!node->is_table()) fail(node->source(), path, "expected a table, got " + type_name(*node));
  return node->as_table();
}

}  // namespace detail

Record load_record(const std::string& path) {
  const toml::table root = parse_text(read_input_file(path, InputKind::Record), path);
  check_keys(root, "", {"schema", "title", "window"});
  const toml::node& schema = require(root, "", "schema");
  if (!schema.is_integer() || schema.as_integer()->get() != RECORD_SCHEMA) {
    const bool config = schema.is_integer() && schema.as_integer()->get() == 2;
    fail(schema.source(), "schema", "expected 1 (the schema of record files), got " +
                                        (schema.is_integer() ? std::to_string(schema.as_integer()->get()) : type_name(schema)) +
                                        (config ? " (a config? a record file has [window.<name>] tables)" : ""));
  }
  Record record;
  record.path = path;
  record.title = read_string(root, "", "title", std::string());
  const fs::path record_dir = fs::path(path).parent_path();
  for (const auto& [name, table] : windows_of(root)) record.windows.push_back(read_window(name, *table, record_dir));
  return record;
}

}  // namespace escalate

#include "config_file.hpp"

#include "escalate/base/error.hpp"
#include "escalate/config/schema.hpp"

#include <algorithm>
#include <iterator>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
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

// A small scanner of TOML's lexical states: code, comment, and the four kinds of string.
void check_ascii_outside_strings(const std::string& text, const std::string& origin) {
  enum { CODE, COMMENT, BASIC, LITERAL, ML_BASIC, ML_LITERAL } state = CODE;
  std::size_t line = 1, column = 1;
  auto at = [&](std::size_t i, const char* s) { return text.compare(i, std::strlen(s), s) == 0; };
  for (std::size_t i = 0; i < text.size(); ++i, ++column) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      column = 0;
      if (state == COMMENT || state == BASIC || state == LITERAL) state = CODE;  // (unterminated: toml++ says so)
      continue;
    }
    switch (state) {
      case CODE:
        if (static_cast<unsigned char>(c) >= 0x80) {
          throw ConfigError(origin + ":" + std::to_string(line) + ":" + std::to_string(column) +
                            ": not valid TOML: a non-ASCII character outside a string or comment");
        }
        if (c == '#') state = COMMENT;
        else if (at(i, "\"\"\"")) state = ML_BASIC, i += 2, column += 2;
        else if (c == '"') state = BASIC;
        else if (at(i, "'''")) state = ML_LITERAL, i += 2, column += 2;
        else if (c == '\'') state = LITERAL;
        break;
      case COMMENT: break;
      case BASIC:
        if (c == '\\') ++i, ++column;
        else if (c == '"') state = CODE;
        break;
      case LITERAL:
        if (c == '\'') state = CODE;
        break;
      case ML_BASIC:
      case ML_LITERAL: {
        const char quote = state == ML_BASIC ? '"' : '\'';
        if (state == ML_BASIC && c == '\\') {
          ++i, ++column;
        } else if (c == quote && i + 2 < text.size() && text[i + 1] == quote && text[i + 2] == quote) {
          std::size_t run = 3;  // up to two quotes may precede the closing delimiter
          while (run < 5 && i + run < text.size() && text[i + run] == quote) ++run;
          i += run - 1, column += run - 1;
          state = CODE;
        }
        break;
      }
    }
  }
}

toml::table parse_one(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw ConfigError(path.string() + ": config file not found");
  if (fs::is_directory(path, ec)) throw ConfigError(path.string() + ": is a directory, not a config file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot read the config file");
  std::stringstream text;
  text << in.rdbuf();
  return parse_text(text.str(), path.string());
}

bool is_distribution(const toml::node* node) { return node && node->is_table() && node->as_table()->contains("dist"); }

// Moves every entry of `top` into `bottom`. Tables merge recursively, so named tables
// ([incident.<name>], ...) merge by name and `set` tables by path; anything else replaces,
// and so does a distribution table (a child may change a distribution's kind). Moving
// (not copying) keeps each node's source region, so errors name the file that wrote a key.
void merge_into(toml::table& bottom, toml::table& top, const std::string& path) {
  static const char* const named[] = {"incident", "reassurance", "event", "inject"};
  const bool named_section = std::any_of(std::begin(named), std::end(named), [&](const char* n) { return path == n; });
  for (auto&& [key, node] : top) {
    auto* existing = bottom.get(key.str());
    if (named_section && !existing && node.is_table()) {
      const toml::node* enabled = node.as_table()->get("enabled");
      if (enabled && enabled->is_boolean() && !enabled->as_boolean()->get()) {
        throw ConfigError(where(enabled->source()) + path + "." + std::string(key.str()) + ".enabled: disables [" + path +
                          "." + std::string(key.str()) + "], which the base config does not define (a typo?)");
      }
    }
    if (existing && existing->is_table() && node.is_table() && !is_distribution(existing) && !is_distribution(&node)) {
      merge_into(*existing->as_table(), *node.as_table(), path.empty() ? std::string(key.str()) : path + "." + std::string(key.str()));
      continue;
    }
    node.visit([&, &k = key](auto& concrete) { bottom.insert_or_assign(k, std::move(concrete)); });
  }
}

// Every file of a `base` chain must be a schema-2 config.
void check_schema(const toml::table& table, const fs::path& path) {
  const toml::node* schema = table.get("schema");
  if (!schema) throw ConfigError(path.string() + ": schema: missing; every file of a config (and of its `base` chain) says schema = 2");
  if (schema->is_integer() && schema->as_integer()->get() == 1) {
    throw ConfigError(where(schema->source()) + "schema: " + SCHEMA_1_REFUSAL);
  }
  if (!schema->is_integer() || schema->as_integer()->get() != CONFIG_SCHEMA) {
    throw ConfigError(where(schema->source()) + "schema: expected 2");
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
  check_schema(table, path);
  if (auto* base = table.get("base")) {
    auto* name = base->as_string();
    if (!name) throw ConfigError(where(base->source()) + "base: expected a string (a path relative to this file)");
    fs::path base_path = path.parent_path() / name->get();
    if (!fs::exists(base_path, ec)) {
      throw ConfigError(where(base->source()) + "base: file not found: " + base_path.string());
    }
    toml::table merged = load_recursive(base_path, chain);
    table.erase("base");
    merge_into(merged, table, "");
    chain.pop_back();
    return merged;
  }
  chain.pop_back();
  return table;
}

}  // namespace

toml::table parse_text(const std::string& text, const std::string& origin) {
  check_ascii_outside_strings(text, origin);
  try {
    return toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    throw ConfigError(where(e.source()) + "not valid TOML: " + std::string(e.description()));
  }
}

toml::table load_with_base(const std::string& path) {
  std::vector<fs::path> chain;
  return load_recursive(fs::path(path), chain);
}

}  // namespace escalate::detail

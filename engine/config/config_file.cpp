#include "config_file.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"
#include "escalate/config/schema.hpp"

#include <algorithm>
#include <iterator>

#include <cstring>
#include <filesystem>
#include <algorithm>
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

// Nesting depth, counted conservatively before toml++ sees the text: the parts of a table
// header ([a.b.c] is 3; [[a]] one more for its array), the parts of a dotted key, and each
// array or inline table a value opens. toml++ (and the merging, formatting and loading
// that walk the tree) recurse once per level, so a header 35,000 keys deep would
// overflow the stack. Real configs stay below 10.
namespace {
// The scanner behind check_nesting_depth: one pass over the text, tracking where a
// header, a key or a value is being read and how deep each open container is.
class NestingScan {
 public:
  NestingScan(const std::string& text, const std::string& origin) : text_(text), origin_(origin) {}

  void run() {
    for (std::size_t i = 0; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '\n') {
        ++line_, line_begin_ = i + 1;
        if (stack_.empty()) line_start_ = true, expect_key_ = false;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') continue;
      if (c == '#') {
        while (i + 1 < text_.size() && text_[i + 1] != '\n') ++i;
        continue;
      }
      if (line_start_) {
        line_start_ = false;
        if (c == '[') {  // a table header: its parts, up to the closing bracket
          i = table_header(i);
          continue;
        }
        expect_key_ = true, key_parts_ = 1;
      }
      if (c == '"' || c == '\'') {
        i = skip_string(i);
        continue;
      }
      if (expect_key_) key_char(c, i);
      else value_char(c, i);
    }
  }

 private:
  struct Open {
    char kind;  // '[' array, '{' inline table
    int depth;  // of the container itself
  };
  const std::string& text_;
  const std::string& origin_;
  std::vector<Open> stack_;
  int table_depth_ = 0;      // of the current [table] header
  int value_depth_ = 0;      // of the value being read
  int key_parts_ = 1;        // parts of the key being read
  bool line_start_ = true;   // at the start of a top-level line (header or key expected)
  bool expect_key_ = false;  // reading a key (before its '=')
  std::size_t line_ = 1, line_begin_ = 0;

  [[noreturn]] void refuse(std::size_t i) const {
    throw ConfigError(origin_ + ":" + std::to_string(line_) + ":" + std::to_string(i - line_begin_ + 1) +
                      ": nested more than " + std::to_string(MAX_TOML_NESTING) +
                      " levels deep (table headers, dotted keys, arrays and inline tables count)");
  }
  void check(int depth, std::size_t i) const {
    if (depth > MAX_TOML_NESTING) refuse(i);
  }
  bool at(std::size_t i, const char* s) const { return text_.compare(i, std::strlen(s), s) == 0; }
  int enclosing_depth() const { return stack_.empty() ? table_depth_ : stack_.back().depth; }

  // Skips a string starting at i; returns the index of its last character.
  std::size_t skip_string(std::size_t i) {
    const bool basic = text_[i] == '"';
    const char quote = text_[i];
    if (at(i, basic ? "\"\"\"" : "'''")) {
      for (std::size_t j = i + 3; j < text_.size(); ++j) {
        if (text_[j] == '\n') ++line_, line_begin_ = j + 1;
        if (basic && text_[j] == '\\') { ++j; if (j < text_.size() && text_[j] == '\n') ++line_, line_begin_ = j + 1; continue; }
        if (text_[j] == quote && j + 2 < text_.size() && text_[j + 1] == quote && text_[j + 2] == quote) {
          std::size_t end = j + 2;
          while (end + 1 < text_.size() && end < j + 4 && text_[end + 1] == quote) ++end;
          return end;
        }
      }
      return text_.size();
    }
    for (std::size_t j = i + 1; j < text_.size(); ++j) {
      if (text_[j] == '\n') return j - 1;  // unterminated: toml++ says so
      if (basic && text_[j] == '\\') { ++j; continue; }
      if (text_[j] == quote) return j;
    }
    return text_.size();
  }

  // A [table] or [[array]] header at i: counts its parts; returns the index before the line's end.
  std::size_t table_header(std::size_t i) {
    int parts = at(i, "[[") ? 2 : 1;
    std::size_t j = i + (parts == 2 ? 2 : 1);
    for (; j < text_.size() && text_[j] != ']' && text_[j] != '\n'; ++j) {
      if (text_[j] == '"' || text_[j] == '\'') j = std::min(skip_string(j), text_.size() - 1);
      else if (text_[j] == '.') check(++parts, j);
    }
    table_depth_ = parts;
    while (j < text_.size() && text_[j] != '\n') ++j;  // the rest of the line: toml++ checks it
    return j - 1;
  }

  void key_char(char c, std::size_t i) {
    if (c == '.') check(++key_parts_ + enclosing_depth(), i);
    else if (c == '=') {
      expect_key_ = false;
      value_depth_ = enclosing_depth() + key_parts_;
      check(value_depth_, i);
    }
  }

  void value_char(char c, std::size_t i) {
    if (c == '[' || c == '{') {
      stack_.push_back({c, value_depth_});
      check(value_depth_ + 1, i);
      if (c == '[') value_depth_ += 1;
      else expect_key_ = true, key_parts_ = 1;
    } else if (c == ',' && !stack_.empty()) {
      if (stack_.back().kind == '[') value_depth_ = stack_.back().depth + 1;
      else expect_key_ = true, key_parts_ = 1;
    } else if ((c == ']' || c == '}') && !stack_.empty()) {
      stack_.pop_back();
      value_depth_ = stack_.empty() ? value_depth_ : stack_.back().depth + 1;
    }
  }
};
}  // namespace

void check_nesting_depth(const std::string& text, const std::string& origin) { NestingScan(text, origin).run(); }

toml::table parse_one(const fs::path& path) {
  // A regular file of at most 16 MiB; never blocks on a FIFO (base/input_file.hpp).
  return parse_text(read_input_file(path.string(), InputKind::Config), path.string());
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
  if (schema->is_integer() && schema->as_integer()->get() == 1 && table.contains("window")) {
    throw ConfigError(where(schema->source()) + "schema: this is a record file (schema 1 of record files, with "
                      "[window.<name>] tables: docs/calibration.md), not a config");
  }
  if (schema->is_integer() && schema->as_integer()->get() == 1) {
    throw ConfigError(where(schema->source()) + "schema: " + SCHEMA_1_REFUSAL);
  }
  if (!schema->is_integer() || schema->as_integer()->get() != CONFIG_SCHEMA) {
    throw ConfigError(where(schema->source()) + "schema: expected 2");
  }
}
constexpr std::size_t MAX_BASE_CHAIN = 32;

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
  if (chain.size() >= MAX_BASE_CHAIN) {
    throw ConfigError(path.string() + ": `base` files nested more than " + std::to_string(MAX_BASE_CHAIN) + " deep");
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
  if (text.size() > MAX_CONFIG_BYTES) {
    throw ConfigError(origin + ": is larger than " + std::to_string(MAX_CONFIG_BYTES >> 20) + " MiB; not a config");
  }
  check_ascii_outside_strings(text, origin);
  check_nesting_depth(text, origin);
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

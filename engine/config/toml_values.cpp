#include "toml_values.hpp"

#include "config_file.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace escalate::detail {

double number_value(const toml::node& node, const std::string& path) {
  if (const auto* integer = node.as_integer()) {
    // A double holds every integer up to 2^53 exactly; beyond that the value would change.
    constexpr std::int64_t EXACT = std::int64_t{1} << 53;
    const std::int64_t v = integer->get();
    if (v > EXACT || v < -EXACT) {
      fail(node.source(), path, "integer " + std::to_string(v) + " is too large to be held exactly as a number "
                                "(the limit is 2^53 = 9007199254740992 in absolute value)");
    }
    return static_cast<double>(v);
  }
  const auto* floating = node.as_floating_point();
  if (!floating) fail(node.source(), path, "expected a number, got " + type_name(node));
  const double v = floating->get();
  if (std::isnan(v)) fail(node.source(), path, "must be a number, got nan");
  if (std::isinf(v)) fail(node.source(), path, "must be finite, got " + std::string(v > 0 ? "inf" : "-inf"));
  return v;
}


[[noreturn]] void fail(const toml::source_region& source, const std::string& key, const std::string& message) {
  // A value without a source was put there by a command-line flag (ConfigOverrides: --draws,
  // --trajectories, --seed, a swept --set value).
  bool from_flag = !source.path && source.begin.line == 0;
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
                        std::optional<std::string> fallback) {
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

Distribution read_distribution(const toml::table& table, const std::string& path) {
  const toml::node* kind_node = table.get("dist");
  if (!kind_node) {
    fail(table.source(), path, "a table here must be a distribution with a `dist` key (uniform, normal, "
                               "lognormal, beta, triangular, gamma)");
  }
  if (!kind_node->is_string()) fail(kind_node->source(), path + ".dist", "expected a string");
  std::string kind = kind_node->as_string()->get();
  static const std::map<std::string, std::pair<Distribution::Kind, std::vector<std::string>>> kinds = {
      {"uniform", {Distribution::Kind::Uniform, {"low", "high"}}},
      {"normal", {Distribution::Kind::Normal, {"mean", "sd"}}},
      {"lognormal", {Distribution::Kind::Lognormal, {"median", "sigma"}}},
      {"beta", {Distribution::Kind::Beta, {"a", "b"}}},
      {"triangular", {Distribution::Kind::Triangular, {"low", "mode", "high"}}},
      {"gamma", {Distribution::Kind::Gamma, {"shape", "rate"}}},
  };
  auto it = kinds.find(kind);
  if (it == kinds.end()) {
    std::vector<std::string> names;
    for (const auto& [name, unused] : kinds) names.push_back(name);
    std::string suggestion = closest_match(kind, names);
    fail(kind_node->source(), path + ".dist",
         "unknown distribution '" + kind + "'" +
             (suggestion.empty() ? " (known: uniform, normal, lognormal, beta, triangular, gamma)"
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
    values[i] = number_value(node, path + "." + keys[i]);
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
    case Distribution::Kind::Gamma:
      if (!(d.a > 0 && d.b > 0)) bad("needs shape > 0 and rate > 0");
      break;
  }
  // Decided where the sampler's own extremes map: a draw may be any quantile from
  // UNIFORM_MIN to UNIFORM_MAX (2^-54 to 1 - 2^-53).
  const Range reach = d.reach();
  if (!std::isfinite(reach.lo) || !std::isfinite(reach.hi)) {
    const bool low = !std::isfinite(reach.lo);
    const double end = low ? reach.lo : reach.hi;
    bad(d.text() + " can draw numbers beyond the finite doubles: its quantile at " + (low ? "2^-54" : "1 - 2^-53") +
        " (the " + (low ? "smallest" : "largest") + " probability the sampler draws) is " +
        (std::isnan(end) ? std::string(low ? "-inf" : "inf") : number_text(end)) + "; narrow it");
  }
  return d;
}

NumberOrDistribution read_number(const toml::node& node, const std::string& path, const Range& range) {
  if (node.is_number()) {
    double value = number_value(node, path);
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

}  // namespace escalate::detail

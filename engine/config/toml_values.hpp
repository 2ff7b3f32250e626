#pragma once
// Internal to the config layer: reading typed values out of toml++ tables, with errors
// that name the file, line, column and key (and suggest a key for a typo).
#include "escalate/config/distribution.hpp"
#include "toml_include.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalate::detail {

// Throws ConfigError "file:line:column: key: message".
[[noreturn]] void fail(const toml::source_region& source, const std::string& key, const std::string& message);
std::string type_name(const toml::node& node);           // "a table", "a string", ...
std::string join(const std::string& prefix, const std::string& key);  // "prefix.key"
std::string number_text(double x);                        // 17 significant digits
// The value of an integer or floating-point node as a double: refuses integers a double
// cannot hold exactly (|n| > 2^53), NaN and infinities, naming `path`.
double number_value(const toml::node& node, const std::string& path);

// Refuses any key of `table` not in `allowed`, suggesting the closest allowed one.
void check_keys(const toml::table& table, const std::string& prefix, const std::vector<std::string>& allowed);
const toml::node& require(const toml::table& table, const std::string& prefix, const std::string& key);
const toml::table& require_table(const toml::table& parent, const std::string& prefix, const std::string& key);
std::string read_string(const toml::table& table, const std::string& prefix, const std::string& key,
                        std::optional<std::string> fallback = std::nullopt);
std::int64_t read_integer(const toml::table& table, const std::string& prefix, const std::string& key,
                          std::int64_t low, std::int64_t high);

// A number, or a distribution table whose support lies inside `range`.
struct NumberOrDistribution {
  double value;
  std::optional<Distribution> dist;
};
Distribution read_distribution(const toml::table& table, const std::string& path);
NumberOrDistribution read_number(const toml::node& node, const std::string& path, const Range& range);
Range support_of(const NumberOrDistribution& v);  // a point for a number

}  // namespace escalate::detail

#pragma once
// Internal: reading TOML files with `base` inheritance and locating errors.
#include "toml_include.hpp"

#include <string>

namespace escalate::detail {

// Parses `path`, follows `base` (relative to the file that names it), deep-merges
// (this file wins; arrays, including arrays of tables, replace the base's whole array)
// and returns the merged table without the `base` key. Source regions are preserved, so
// an error in a value inherited from a base file names that file.
toml::table load_with_base(const std::string& path);

// Deepest nesting a config may have (table header parts, dotted-key parts, arrays, inline
// tables): toml++ and the code that walks its tree recurse once per level.
inline constexpr int MAX_TOML_NESTING = 64;

// Parses TOML text, refusing first any byte >= 0x80 outside strings and comments (invalid
// TOML that toml++ 3.3.0 mishandles: see toml_include.hpp), text larger than 16 MiB, and
// nesting deeper than MAX_TOML_NESTING (a stack overflow inside toml++). Errors name `origin`.
toml::table parse_text(const std::string& text, const std::string& origin);

// "file:line:column: " for a node's source (empty if the node has none).
std::string where(const toml::source_region& source);

}  // namespace escalate::detail

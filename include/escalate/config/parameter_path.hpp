#pragma once
// Parameter paths (MODEL §15): "sides.nato.bias", "response.intercept.1",
// "incident.stray-missile.accidental_rate.3". Every reader of a path (the loader, an
// event's `set`, `--set` and `sweep`, the draw table and the files) uses one canonical
// spelling: parts of letters, digits, '-' and '_' joined by single dots, and an array
// index (the last part, when all digits) written in decimal without leading zeros. So
// "response.intercept.00" is "response.intercept.0", and two spellings of one path are
// caught as the same path.
#include <string>
#include <vector>

namespace escalate {

// The canonical spelling of `text`, or a ConfigError "<what> <text>: why" for an empty
// part (a leading, trailing or doubled dot), a character outside [A-Za-z0-9_-], or an
// index too large for any array.
std::string canonical_path(const std::string& text, const std::string& what);

// Why `text` cannot be a path ("empty part ...", "a path is names and keys of ..."), or ""
// when its syntax is right (its index may still be spelled with leading zeros).
std::string path_problem(const std::string& text);

// The parts of a canonical path.
std::vector<std::string> path_parts(const std::string& path);

}  // namespace escalate

// The one spelling of a parameter path (parameter_path.hpp).
#include "escalate/config/parameter_path.hpp"

#include "escalate/base/error.hpp"

namespace escalate {

namespace {

bool path_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool all_digits(const std::string& part) {
  for (char c : part) {
    if (c < '0' || c > '9') return false;
  }
  return !part.empty();
}

// At most this many characters of a refused path are echoed.
std::string shown(const std::string& text) { return text.size() <= 80 ? text : text.substr(0, 77) + "..."; }

}  // namespace

std::vector<std::string> path_parts(const std::string& path) {
  std::vector<std::string> parts(1);
  for (char c : path) {
    if (c == '.') parts.emplace_back();
    else parts.back() += c;
  }
  return parts;
}

std::string path_problem(const std::string& text) {
  if (text.empty()) return "empty path";
  for (char c : text) {
    if (c != '.' && !path_character(c)) return "a path is names and keys of letters, digits, '-' and '_' joined by dots";
  }
  for (const auto& part : path_parts(text)) {
    if (part.empty()) return "empty part (a leading, trailing or doubled '.')";
  }
  return "";
}

std::string canonical_path(const std::string& text, const std::string& what) {
  auto refuse = [&](const std::string& why) { throw ConfigError(what + " " + shown(text) + ": " + why); };
  if (const std::string why = path_problem(text); !why.empty()) refuse(why);
  std::vector<std::string> parts = path_parts(text);
  std::string& last = parts.back();
  if (all_digits(last)) {
    const auto first = last.find_first_not_of('0');
    last = first == std::string::npos ? "0" : last.substr(first);
    if (last.size() > 9) refuse("no array has index " + shown(last));
  }
  std::string canonical = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) canonical += "." + parts[i];
  return canonical;
}

}  // namespace escalate

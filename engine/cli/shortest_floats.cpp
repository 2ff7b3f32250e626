// The resolved config as `check` prints it: toml++ writes every float with 17 significant
// digits (0.34999999999999998); this rewrites each float value of the TOML text as the
// shortest text that reads back to the same double (0.35). Keys, table headers, strings,
// comments, integers and dates are copied unchanged, so the text stays valid TOML with
// the same values.
#include "commands.hpp"

#include "escalate/base/number_text.hpp"

#include <cstdlib>
#include <cstring>

namespace escalate::cli {

namespace {

bool token_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-' ||
         c == '+' || c == '.' || c == ':';
}

// A TOML float as toml++ writes it ("0.34999999999999998", "1e-07", "-2.5"), re-written
// shortest; anything else ("inf", a date, a bare key) is returned unchanged.
std::string shortest_float(const std::string& token) {
  if (token.find_first_not_of("0123456789+-.eE") != std::string::npos) return token;
  if (token.find_first_of(".eE") == std::string::npos) return token;  // an integer
  char* end = nullptr;
  const double x = std::strtod(token.c_str(), &end);
  if (end != token.c_str() + token.size()) return token;
  std::string text = shortest_number(x);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";  // stays a float: 2 -> 2.0
  return text;
}

}  // namespace

std::string with_shortest_floats(const std::string& toml) {
  std::string out;
  out.reserve(toml.size());
  int depth = 0;            // open arrays and inline tables of a value
  bool line_start = true;   // only whitespace so far on this line
  const std::size_t n = toml.size();
  auto at = [&](std::size_t i, const char* s) { return toml.compare(i, std::strlen(s), s) == 0; };
  for (std::size_t i = 0; i < n;) {
    const char c = toml[i];
    if (c == '\n') {
      out += c, ++i, line_start = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      out += c, ++i;
      continue;
    }
    const bool first_on_line = line_start;
    line_start = false;
    if (c == '#' || (first_on_line && depth == 0 && c == '[')) {  // a comment or a table header: as is
      const std::size_t eol = toml.find('\n', i);
      const std::size_t stop = eol == std::string::npos ? n : eol;
      out.append(toml, i, stop - i), i = stop;
      continue;
    }
    if (c == '"' || c == '\'') {  // a string, copied with its quotes
      const char* delimiter = at(i, "\"\"\"") ? "\"\"\"" : at(i, "'''") ? "'''" : c == '"' ? "\"" : "'";
      const std::size_t width = std::strlen(delimiter);
      std::size_t j = i + width;
      while (j < n && !at(j, delimiter)) j += (c == '"' && toml[j] == '\\') ? 2 : 1;
      j = std::min(n, j + width);
      while (width == 3 && j < n && toml[j] == c) ++j;  // up to two quotes may end a multi-line string
      out.append(toml, i, j - i), i = j;
      continue;
    }
    if (c == '[' || c == '{') ++depth;
    if ((c == ']' || c == '}') && depth > 0) --depth;
    if (!token_char(c)) {
      out += c, ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && token_char(toml[j])) ++j;
    const std::string token = toml.substr(i, j - i);
    std::size_t next = j;
    while (next < n && (toml[next] == ' ' || toml[next] == '\t')) ++next;
    const bool is_key = next < n && toml[next] == '=';
    out += is_key ? token : shortest_float(token);
    i = j;
  }
  return out;
}

}  // namespace escalate::cli

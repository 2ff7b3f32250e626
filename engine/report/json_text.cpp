#include "escalate/report/json_text.hpp"

#include "escalate/base/number_text.hpp"
#include "escalate/base/printable_text.hpp"

#include <cmath>
#include <cstdio>

namespace escalate {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\\ufffd";  // a byte that is not UTF-8: JSON text must be Unicode (RFC 8259 §8.1)
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
      out += buffer;
    } else out.append(s, i, n);
    i += n;
  }
  return out + "\"";
}

std::string json_number(double x) { return std::isfinite(x) ? shortest_number(x) : "null"; }

}  // namespace escalate

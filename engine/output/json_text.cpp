#include "escalate/output/json_text.hpp"

#include "escalate/base/number_text.hpp"

#include <cmath>
#include <cstdio>

namespace escalate {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else out += c;
  }
  return out + "\"";
}

std::string json_number(double x) { return std::isfinite(x) ? shortest_number(x) : "null"; }

}  // namespace escalate

#include "escalate/report/csv_text.hpp"

#include "escalate/base/printable_text.hpp"

namespace escalate {

std::string csv_field(const std::string& s) {
  std::string text;
  bool quote = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      text += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ',' || c == '"' || c < 0x20 || c == 0x7F) quote = true;
    if (c == '"') text += '"';
    text.append(s, i, n);
    i += n;
  }
  return quote ? "\"" + text + "\"" : text;
}

}  // namespace escalate

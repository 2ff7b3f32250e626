// Integers given on the command line, parsed exactly (commands.hpp).
#include "commands.hpp"

#include "usage_error.hpp"
#include "escalate/base/error.hpp"

#include <algorithm>

namespace escalate::cli {

std::uint64_t parse_integer_flag(const std::string& flag, const std::string& text, std::uint64_t low, std::uint64_t high) {
  const auto refuse = [&](const std::string& why) -> std::uint64_t {
    throw UsageError(flag + " " + text + ": " + why);
  };
  const std::string range = "must be an integer in [" + std::to_string(low) + ", " + std::to_string(high) + "]";
  std::size_t i = 0;
  if (i < text.size() && text[i] == '+') ++i;
  std::string digits;  // mantissa digits, decimal point removed
  std::int64_t exponent = 0;
  bool any = false, point = false;
  for (; i < text.size() && ((text[i] >= '0' && text[i] <= '9') || (text[i] == '.' && !point)); ++i) {
    if (text[i] == '.') { point = true; continue; }
    digits += text[i], any = true;
    if (point) --exponent;
  }
  if (!any) return refuse(range);
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    std::int64_t e = 0;
    bool exp_digits = false;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      e = std::min<std::int64_t>(e * 10 + (text[i] - '0'), 100000);
      exp_digits = true;
    }
    if (!exp_digits) return refuse(range);
    exponent += negative ? -e : e;
  }
  if (i != text.size()) return refuse(range);
  // Drop trailing digits a negative exponent removes; they must be zeros.
  while (exponent < 0 && !digits.empty()) {
    if (digits.back() != '0') return refuse(range + " (not a whole number)");
    digits.pop_back(), ++exponent;
  }
  __extension__ typedef unsigned __int128 wide;
  const wide cap = wide{1} << 65;
  wide value = 0;
  for (char c : digits) value = std::min<wide>(cap, value * 10 + static_cast<unsigned>(c - '0'));
  for (; exponent > 0 && value != 0; --exponent) value = std::min<wide>(cap, value * 10);
  if (value < low || value > high) return refuse(range);
  return static_cast<std::uint64_t>(value);
}

}  // namespace escalate::cli

#include "escalate/base/number_text.hpp"

#include <charconv>
#include <cmath>

namespace escalate {

std::string shortest_number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

}  // namespace escalate

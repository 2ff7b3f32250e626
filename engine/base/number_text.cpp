#include "escalate/base/number_text.hpp"

#include <charconv>
#include <cmath>

namespace escalate {

std::string shortest_number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buffer[64];
  // Plain digits where people expect them (1000000, not 1e+06); exponents for the very
  // small and the very large. Either way the shortest digits that read back exactly.
  const double magnitude = std::fabs(x);
  const bool plain = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16);
  const auto result = plain ? std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed)
                            : std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

}  // namespace escalate

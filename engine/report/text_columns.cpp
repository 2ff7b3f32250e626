#include "text_columns.hpp"

#include <cmath>
#include <cstdio>

namespace escalate {

namespace {
std::string printed(const char* format, int digits, double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, digits, x);
  return buffer;
}
}  // namespace

std::string fixed(double x, int digits) { return std::isnan(x) ? "n/a" : printed("%.*f", digits, x); }

std::string signed_fixed(double x, int digits) { return std::isnan(x) ? "n/a" : printed("%+.*f", digits, x); }

std::string fixed_without_minus_zero(double x, int digits) {
  if (!std::isfinite(x)) return "n/a";
  std::string s = printed("%.*f", digits, x);
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // no "-0.00"
  return s;
}

std::string pad(const std::string& s, std::size_t width) { return s.size() >= width ? s : s + std::string(width - s.size(), ' '); }

std::string lpad(const std::string& s, std::size_t width) { return s.size() >= width ? s : std::string(width - s.size(), ' ') + s; }

std::string cell(const std::string& s, std::size_t width) { return s.size() >= width ? s + " " : pad(s, width); }

}  // namespace escalate

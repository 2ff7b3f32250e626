#include "escalate/infer/prior_text.hpp"

#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace escalate::infer {

namespace {

// The numbers between the parentheses, each after an optional "name=".
std::optional<std::vector<double>> arguments(const std::string& inside) {
  std::vector<double> out;
  std::size_t start = 0;
  while (start <= inside.size()) {
    const std::size_t comma = inside.find(',', start);
    std::string part = inside.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const std::size_t equals = part.find('=');
    if (equals != std::string::npos) part = part.substr(equals + 1);
    char* end = nullptr;
    const double x = std::strtod(part.c_str(), &end);
    if (end == part.c_str()) return std::nullopt;
    for (; *end != '\0'; ++end) {
      if (*end != ' ') return std::nullopt;
    }
    out.push_back(x);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

std::optional<Prior> prior_from_text(const std::string& text) {
  const std::size_t open = text.find('(');
  if (open == std::string::npos || text.empty() || text.back() != ')') return std::nullopt;
  const auto x = arguments(text.substr(open + 1, text.size() - open - 2));
  if (!x) return std::nullopt;
  const std::string kind = text.substr(0, open);
  const auto& v = *x;
  Prior p;
  if (kind == "uniform" && v.size() == 2) p = Prior::uniform(v[0], v[1]);
  else if (kind == "normal" && v.size() == 2) p = Prior::normal(v[0], v[1]);
  else if (kind == "lognormal" && v.size() == 2) p = Prior::lognormal(v[0], v[1]);
  else if (kind == "beta" && v.size() == 2) p = Prior::beta(v[0], v[1]);
  else if (kind == "gamma" && v.size() == 2) p = Prior::gamma(v[0], v[1]);
  else if (kind == "triangular" && v.size() == 3) p = Prior::triangular(v[0], v[1], v[2]);
  else if (kind == "truncated_normal" && v.size() == 4) p = Prior::truncated_normal(v[0], v[1], v[2], v[3]);
  else return std::nullopt;
  try {
    p.check(kind);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
  return p;
}

}  // namespace escalate::infer

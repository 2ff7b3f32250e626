// Reading the --set flag of `escalate sweep` (sweep_spec.hpp).
#include "sweep_spec.hpp"

#include "usage_error.hpp"
#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/output/sweep.hpp"

#include <charconv>
#include <cmath>

namespace escalate::cli {

namespace {

// One number of a --set value list or range, read strictly: the whole text is one finite
// decimal number (std::from_chars: no leading space, '+', hex, "inf" or "nan"), never empty.
double parse_number(const std::string& text, const std::string& spec, const char* what) {
  if (text.empty()) {
    throw UsageError("--set " + echo(spec) + ": " + what + " is empty (an empty item is not 0; remove the extra separator)");
  }
  double x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(x)) {
    throw UsageError("--set " + echo(spec) + ": " + what + " '" + echo(text) + "' is not a finite number");
  }
  return x;
}

// The parts of `text` between separators, empty ones kept ("a,,b" -> a, "", b; "" -> "").
std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t at; (at = text.find(separator, from)) != std::string::npos; from = at + 1) {
    parts.push_back(text.substr(from, at - from));
  }
  parts.push_back(text.substr(from));
  return parts;
}

std::string shortest(double x) {  // the shortest text that reads back as x
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(x);
}

}  // namespace

std::pair<std::string, std::vector<double>> parse_sweep_spec(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
    throw UsageError("--set " + echo(spec) + ": expected PATH=v1,v2,... or PATH=lo:hi:n, e.g. --set restraint.institutions=0:1:11");
  }
  // Refused before anything walks the path: a long one took quadratic time to refuse.
  if (eq > MAX_SWEEP_PATH_BYTES) {
    throw UsageError("--set " + echo(spec) + ": the path is " + std::to_string(eq) + " bytes long; config paths have at most " +
                     std::to_string(MAX_SWEEP_PATH_BYTES));
  }
  std::string path = spec.substr(0, eq), rest = spec.substr(eq + 1);
  std::vector<double> values;
  if (rest.find(':') != std::string::npos) {
    const std::vector<std::string> parts = split(rest, ':');
    if (parts.size() != 3) throw UsageError("--set " + echo(spec) + ": a range is lo:hi:n");
    const double lo = parse_number(parts[0], spec, "the lower bound"), hi = parse_number(parts[1], spec, "the upper bound");
    const double n = parse_number(parts[2], spec, "the count n");
    if (n < 2 || n > static_cast<double>(MAX_SWEEP_POINTS) || n != std::floor(n)) {
      throw UsageError("--set " + echo(spec) + ": n must be a whole number in [2, " + std::to_string(MAX_SWEEP_POINTS) + "]");
    }
    for (int i = 0; i < static_cast<int>(n); ++i) values.push_back(lo + (hi - lo) * i / (n - 1));
  } else {
    const std::vector<std::string> parts = split(rest, ',');
    if (parts.size() > MAX_SWEEP_POINTS) {
      throw UsageError("--set " + echo(spec) + ": " + std::to_string(parts.size()) + " values; at most " +
                       std::to_string(MAX_SWEEP_POINTS));
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
      values.push_back(parse_number(parts[k], spec, ("value " + std::to_string(k + 1)).c_str()));
    }
  }
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (!std::isfinite(values[k])) throw UsageError("--set " + echo(spec) + ": the range leaves the finite numbers");
    for (std::size_t j = 0; j < k; ++j) {
      if (values[j] == values[k]) {  // a coordinate must label one point
        throw UsageError("--set " + echo(spec) + ": the value " + shortest(values[k]) + " is given twice");
      }
    }
  }
  return {path, values};
}

}  // namespace escalate::cli

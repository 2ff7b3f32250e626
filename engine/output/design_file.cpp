#include "escalate/output/design_file.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace escalate {

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

// The fields of a line, split at commas, trimmed; a field in double quotes loses them.
std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  for (std::string field; std::getline(ss, field, ',');) {
    field = trim(field);
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = field.substr(1, field.size() - 2);
    out.push_back(field);
  }
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

std::string shown(const std::string& s) {
  std::string out;
  for (char c : s.substr(0, 64)) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
  return out + (s.size() > 64 ? "..." : "");
}

}  // namespace

DesignValues read_design_csv(const std::string& path, const Config& config) {
  const std::string text = read_input_file(path, InputKind::Design, MAX_DESIGN_BYTES);
  const std::size_t P = config.uncertain.size();
  if (P == 0) throw RequestError(config.source_path + " has no uncertain parameters: a design has nothing to vary");
  std::vector<std::string> names;
  for (const auto& u : config.uncertain) names.push_back(u.path);
  auto fail = [&](std::int64_t line, std::size_t column, const std::string& what) -> void {
    throw FileError(path + ":" + std::to_string(line) + (column ? ":" + std::to_string(column) : "") + ": " + what);
  };

  std::istringstream in(text);
  std::vector<std::size_t> slot;  // [field] the parameter each column holds
  std::vector<std::string> header;
  DesignValues out;
  std::int64_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const std::string content = trim(line);
    if (content.empty() || content.front() == '#') continue;
    const std::vector<std::string> fields = fields_of(content);
    if (header.empty()) {
      header = fields;
      std::vector<bool> given(P, false);
      for (std::size_t c = 0; c < fields.size(); ++c) {
        std::size_t k = 0;
        while (k < P && names[k] != fields[c]) ++k;
        if (k == P) {
          const std::string near = closest_match(fields[c], names);
          fail(line_number, c + 1, "'" + shown(fields[c]) + "' is not an uncertain parameter of " + config.source_path +
                                       (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                                       "; the columns are the paths `escalate check` lists under uncertain parameters");
        }
        if (given[k]) fail(line_number, c + 1, "column '" + names[k] + "' is given twice");
        given[k] = true;
        slot.push_back(k);
      }
      std::string missing;
      for (std::size_t k = 0; k < P; ++k) if (!given[k]) missing += (missing.empty() ? "" : ", ") + names[k];
      if (!missing.empty()) {
        fail(line_number, 0, "no column for the uncertain parameter(s) " + missing +
                                 "; a design gives a value of every uncertain parameter of " + config.source_path);
      }
      continue;
    }
    if (fields.size() != header.size()) {
      fail(line_number, 0, std::to_string(fields.size()) + " fields where the header has " + std::to_string(header.size()));
    }
    std::vector<double> row(P);
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const std::size_t k = slot[c];
      const std::string& f = fields[c];
      char* end = nullptr;
      const double x = f.empty() ? 0.0 : std::strtod(f.c_str(), &end);
      if (f.empty() || end != f.c_str() + f.size() || !std::isfinite(x)) {
        fail(line_number, c + 1, "'" + shown(f) + "' is not a finite number (column '" + names[k] + "')");
      }
      const Distribution& d = config.uncertain[k].dist;
      if (!d.support().contains(x)) {
        fail(line_number, c + 1, f + " is outside the support " + d.support().text() + " of '" + names[k] + "' ~ " +
                                     d.text() + " in " + config.source_path);
      }
      row[k] = x;
    }
    if (out.lines.size() >= static_cast<std::size_t>(MAX_DRAWS)) {
      fail(line_number, 0, "more than " + std::to_string(MAX_DRAWS) + " design points");
    }
    out.values.insert(out.values.end(), row.begin(), row.end());
    out.lines.push_back(line_number);
  }
  if (header.empty()) throw FileError(path + ": no header: the first line names the uncertain parameters, e.g. " + names.front());
  if (out.lines.empty()) throw FileError(path + ": no design points after the header");
  return out;
}

}  // namespace escalate

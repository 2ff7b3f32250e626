#include "escalate/output/sweep.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/output/cf_conventions.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>

namespace escalate {

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

Sweep sweep_grid(const std::vector<std::pair<std::string, std::vector<double>>>& axes) {
  Sweep s;
  std::size_t points = 1;
  for (const auto& [path, values] : axes) {
    for (const auto& p : s.paths) if (p == path) throw UsageError("--set " + echo(path) + " is given twice");
    s.paths.push_back(path);
    // Counted with an overflow check: a product that wrapped passed the limit and crashed.
    if (values.empty() || values.size() > MAX_SWEEP_POINTS / points) {
      throw UsageError("the sweep has more than " + std::to_string(MAX_SWEEP_POINTS) + " points (the product of the numbers "
                       "of values of every --set); at most " + std::to_string(MAX_SWEEP_POINTS));
    }
    points *= values.size();
  }
  for (std::size_t i = 0; i < points; ++i) {
    std::vector<double> point;
    std::size_t rest = i;
    std::size_t stride = points;
    for (const auto& [path, values] : axes) {
      stride /= values.size();
      point.push_back(values[rest / stride]);
      rest %= stride;
    }
    s.values.push_back(point);
  }
  for (const auto& [path, values] : axes) s.axes.push_back(values);
  return s;
}

std::vector<std::string> sweep_dimension_names(const std::vector<std::string>& paths) {
  std::vector<std::string> taken = {"point", "path", "outcome", "bound", "value", "probability", "interval",
                                    "grid_probability", "grid_interval", "grid_point"};
  std::vector<std::string> names;
  for (const auto& path : paths) {
    std::string name = path;
    for (char& c : name) {
      const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!word) c = '_';
    }
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) name = "_" + name;
    while (std::find(taken.begin(), taken.end(), name) != taken.end()) name += "_";
    taken.push_back(name);
    names.push_back(name);
  }
  return names;
}

void check_swept_run_settings(const std::vector<std::string>& paths, const ConfigOverrides& overrides) {
  struct Setting {
    const char* key;
    const char* flag;
    bool given;
  };
  const Setting settings[] = {{"draws", "--draws", overrides.draws.has_value()},
                              {"trajectories", "--trajectories", overrides.trajectories.has_value()},
                              {"seed", "--seed", overrides.seed.has_value()}};
  for (const auto& path : paths) {
    if (path.rfind("run.", 0) != 0) continue;
    const std::string key = path.substr(4);
    for (const Setting& s : settings) {
      if (key != s.key) continue;
      if (s.given) {
        throw UsageError("--set " + echo(path) + " and " + s.flag + " both set run." + s.key + "; give one of them");
      }
      throw UsageError("--set " + echo(path) + ": every point of a sweep runs with the same run." + s.key +
                       " (common random numbers); set it with " + s.flag + ", or run each value on its own");
    }
  }
}

namespace {
// The grid: one dimension per swept path, its values the coordinate, and P(war, clash,
// nuclear) with intervals and the point of each cell over them. Point i of sweep_grid is
// cell i of the grid in row-major order (the first path slowest), so the point table's
// rows are the grid's cells in order.
void write_sweep_grid(H5Writer& h5, const Sweep& sweep, const std::vector<double>& p, const std::vector<double>& interval) {
  std::size_t cells = sweep.axes.empty() ? 0 : 1;
  for (const auto& values : sweep.axes) cells *= values.size();
  if (sweep.axes.size() != sweep.paths.size() || cells != sweep.values.size()) return;  // irregular: the table only
  const std::vector<std::string> names = sweep_dimension_names(sweep.paths);
  std::vector<std::string> dims;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string at = "sweep/" + names[k];
    h5.dimension(at, sweep.axes[k], {"value of the swept config path " + sweep.paths[k], ""});
    h5.attribute(at, "path", sweep.paths[k]);
    h5.attribute(at, "comment", "no units attribute: in the units of the config key " + sweep.paths[k] + " (docs/model.md)");
    dims.push_back(at);
  }
  std::vector<std::int64_t> point(cells);
  std::iota(point.begin(), point.end(), 0);
  h5.variable("sweep/grid_point", point, dims, {"the point of the sweep (group point-N, row of the point table) of each cell", CF_DIMENSIONLESS});
  dims.push_back("sweep/outcome");
  h5.variable("sweep/grid_probability", p, dims, {"probability by the horizon (mean over draws), over the grid of swept values", "1"});
  dims.push_back("sweep/bound");
  h5.variable("sweep/grid_interval", interval, dims, {"95% Monte Carlo interval over both loops, over the grid of swept values", "1"});
  link_ancillary(h5, "sweep/grid_probability", {"grid_interval"});
}
}  // namespace

void write_sweep(H5Writer& h5, const Sweep& sweep, const std::vector<ComparedRun>& runs) {
  std::vector<std::int64_t> index(runs.size());
  std::iota(index.begin(), index.end(), 0);
  h5.dimension("sweep/point", index, {"point of the sweep (one run each; the first is the reference)", CF_DIMENSIONLESS});
  h5.dimension("sweep/path", sweep.paths, {"swept config path", ""});
  h5.dimension("sweep/outcome", std::vector<std::string>{"war", "clash", "nuclear"}, {"outcome by the horizon", ""});
  h5.dimension("sweep/bound", std::vector<std::string>{"lower", "upper"}, {"interval bound", ""});
  std::vector<double> values, p, interval;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    values.insert(values.end(), sweep.values[i].begin(), sweep.values[i].end());
    const Results& r = runs[i].results;
    for (const PooledEstimate* e : {&r.reach[WAR].pooled, &r.clash.pooled, &r.reach[NUCLEAR].pooled}) {
      p.push_back(e->mean);
      interval.insert(interval.end(), {e->lo, e->hi});
    }
  }
  h5.variable("sweep/value", values, {"sweep/point", "sweep/path"}, {"value of each swept path at each point", ""});
  h5.attribute("sweep/value", "comment", std::string("no units attribute: each column is in the units of its config key"));
  h5.variable("sweep/probability", p, {"sweep/point", "sweep/outcome"}, {"probability by the horizon (mean over draws)", "1"});
  h5.variable("sweep/interval", interval, {"sweep/point", "sweep/outcome", "sweep/bound"},
              {"95% Monte Carlo interval over both loops", "1"});
  link_ancillary(h5, "sweep/probability", {"interval"});
  write_sweep_grid(h5, sweep, p, interval);
  std::string list;
  for (const auto& path : sweep.paths) list += (list.empty() ? "" : " ") + path;
  h5.attribute("sweep", "paths", list);
  // Replaces the comparison's title and comment: the file is read as a sweep first.
  h5.attribute("", "title", "Escalate sweep of " + list + " over " + std::to_string(runs.size()) + " points");
  write_cf_globals(h5, "One group per point of the sweep (point-0, point-1, ...) with its full results, common random "
                       "numbers; group sweep holds the swept values and P(war, clash, nuclear) by the horizon with 95% "
                       "intervals (ancillary_variables), as a grid (one dimension per swept path, named after it, "
                       "its values the coordinate: grid_probability, grid_interval, grid_point) and as a table of "
                       "points (value, probability, interval); group comparison the paired differences from point-0. "
                       "Probabilities have units 1. See docs/loading.md");
}

}  // namespace escalate

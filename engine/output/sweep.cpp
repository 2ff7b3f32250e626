#include "escalate/output/sweep.hpp"

#include "escalate/model/phase.hpp"
#include "escalate/output/cf_conventions.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace escalate {

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

#include "escalate/sim/draw_table.hpp"

#include "escalate/base/closest_match.hpp"
#include "escalate/base/error.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace escalate {

DrawTable DrawTable::of(const Config& config) {
  DrawTable table;
  table.draws = config.run.draws;
  table.parameters = static_cast<std::int64_t>(config.uncertain.size());
  table.values.assign(static_cast<std::size_t>(table.draws * table.parameters), 0.0);
  if (table.parameters == 0) return table;
  // Each draw's values come from its own streams, so the order of filling does not matter.
  tbb::parallel_for(std::int64_t{0}, table.draws, [&](std::int64_t m) {
    std::vector<double> v = config.draw_values(m);
    std::copy(v.begin(), v.end(), table.values.begin() + m * table.parameters);
  });
  return table;
}

namespace {

// The column of each given path in the config's uncertain parameters; refuses the others.
std::vector<std::size_t> columns_of(const Config& config, const GivenColumns& given) {
  std::vector<std::string> uncertain;
  for (const auto& u : config.uncertain) uncertain.push_back(u.path);
  std::vector<std::size_t> columns;
  std::string foreign;
  for (const auto& path : given.paths) {
    const auto at = std::find(uncertain.begin(), uncertain.end(), path);
    if (at != uncertain.end()) {
      columns.push_back(static_cast<std::size_t>(at - uncertain.begin()));
      continue;
    }
    const std::string near = closest_match(path, uncertain);
    foreign += (foreign.empty() ? "" : ", ") + path + (near.empty() ? "" : " (did you mean " + near + "?)");
  }
  if (!foreign.empty()) {
    throw RequestError(given.source + ": holds parameters that are not uncertain parameters of " + config.source_path + ": " +
                     foreign + "; a posterior applies only to the config it was inferred for");
  }
  return columns;
}

}  // namespace

DrawTable DrawTable::of(const Config& config, const GivenColumns& given) {
  const std::vector<std::size_t> columns = columns_of(config, given);
  if (config.run.draws > given.rows) {
    throw RequestError(given.source + ": holds " + std::to_string(given.rows) + " draws, fewer than the " +
                     std::to_string(config.run.draws) + " draws asked for (--draws or run.draws of " + config.source_path +
                     "); ask for at most " + std::to_string(given.rows));
  }
  DrawTable table = of(config);
  const std::size_t G = given.paths.size();
  for (std::int64_t m = 0; m < table.draws; ++m) {
    for (std::size_t k = 0; k < G; ++k) {
      const double x = given.values[static_cast<std::size_t>(m) * G + k];
      const UncertainParameter& u = config.uncertain[columns[k]];
      const Range support = u.dist.support();
      if (!std::isfinite(x) || !support.contains(x)) {
        throw RequestError(given.source + ": draw " + std::to_string(m) + " of " + u.path + " is " + std::to_string(x) +
                         ", outside the support of its distribution in " + config.source_path + " (" + u.dist.text() + ")");
      }
      table.values[static_cast<std::size_t>(m * table.parameters) + columns[k]] = x;
    }
  }
  return table;
}

}  // namespace escalate

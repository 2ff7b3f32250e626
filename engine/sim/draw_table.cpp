#include "escalate/sim/draw_table.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>

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

}  // namespace escalate

// The points of a sweep (sweep_grid.hpp).
#include "escalate/app/sweep_grid.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"

namespace escalate::app {

Sweep sweep_grid(const std::vector<std::pair<std::string, std::vector<double>>>& axes) {
  Sweep s;
  std::size_t points = 1;
  for (const auto& [path, values] : axes) {
    for (const auto& p : s.paths) if (p == path) throw RequestError("--set " + echo(path) + " is given twice");
    s.paths.push_back(path);
    // Counted with an overflow check: a product that wrapped passed the limit and crashed.
    if (values.empty() || values.size() > MAX_SWEEP_POINTS / points) {
      throw RequestError("the sweep has more than " + std::to_string(MAX_SWEEP_POINTS) + " points (the product of the numbers "
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
        throw RequestError("--set " + echo(path) + " and " + s.flag + " both set run." + s.key + "; give one of them");
      }
      throw RequestError("--set " + echo(path) + ": every point of a sweep runs with the same run." + s.key +
                       " (common random numbers); set it with " + s.flag + ", or run each value on its own");
    }
  }
}

}  // namespace escalate::app

// One window of the record at one parameter point (issue 19, item 2): the trajectory's
// per-period tallies (model/incident_periods.hpp) turned into a WindowObservation. The
// model is given the record's periods plus one more, the whole window, so that the
// window totals by rung come from the same count as the periods'.
#include "escalate/sim/window_simulation.hpp"

#include "escalate/base/error.hpp"
#include "escalate/model/incident_periods.hpp"
#include "escalate/model/trajectory.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace escalate {

namespace {
// The record's periods, then [-inf, +inf): every incident of the window.
void with_whole_window(std::vector<double>& starts, std::vector<double>& ends) {
  starts.push_back(-std::numeric_limits<double>::infinity());
  ends.push_back(std::numeric_limits<double>::infinity());
}

void check_periods(const std::vector<double>& starts, const std::vector<double>& ends) {
  if (starts.size() != ends.size())
    throw RequestError("window simulation: " + std::to_string(starts.size()) + " period starts but " +
                     std::to_string(ends.size()) + " ends");
  for (std::size_t p = 0; p < starts.size(); ++p)
    if (!std::isfinite(starts[p]) || !std::isfinite(ends[p]) || !(starts[p] <= ends[p]))
      throw RequestError("window simulation: period " + std::to_string(p) + " is not [start, end) with start <= end");
}
}  // namespace

struct WindowSimulator::Impl {
  Config config;  // a copy: the trajectory refers to its scenario
  Trajectory trajectory;
  TrajectoryRecord record;
  WindowObservation observation;

  Impl(const Config& c, std::vector<double> starts, std::vector<double> ends)
      : config(c), trajectory(config.scenario) {
    check_periods(starts, ends);
    observation.types = config.scenario.incidents.size();
    observation.periods = starts.size();
    with_whole_window(starts, ends);
    trajectory.set_periods(starts, ends);
    trajectory.prepare(config.fixed);
  }

  void observe() {
    const std::size_t K = observation.types, P = observation.periods, S = PERIOD_SLOTS;
    const std::vector<std::uint32_t>& counts = record.period_incidents;  // [K][P + 1][6]
    observation.incidents.resize(K * P * S);
    observation.window_incidents.resize(K * S);
    for (std::size_t k = 0; k < K; ++k) {
      const auto row = counts.begin() + static_cast<std::ptrdiff_t>(k * (P + 1) * S);
      std::copy(row, row + static_cast<std::ptrdiff_t>(P * S),
                observation.incidents.begin() + static_cast<std::ptrdiff_t>(k * P * S));
      std::copy(row + static_cast<std::ptrdiff_t>(P * S), row + static_cast<std::ptrdiff_t>((P + 1) * S),
                observation.window_incidents.begin() + static_cast<std::ptrdiff_t>(k * S));
    }
    observation.wars = record.wars;
    observation.limited_strikes = record.strikes;
    observation.countermeasures = record.countermeasures;
    observation.runaway = record.runaway;
  }
};

WindowSimulator::WindowSimulator(const Config& config, std::vector<double> period_start_days,
                                 std::vector<double> period_end_days)
    : impl_(std::make_unique<Impl>(config, std::move(period_start_days), std::move(period_end_days))) {}

WindowSimulator::~WindowSimulator() = default;
WindowSimulator::WindowSimulator(WindowSimulator&&) noexcept = default;
WindowSimulator& WindowSimulator::operator=(WindowSimulator&&) noexcept = default;

void WindowSimulator::prepare(std::span<const double> theta) {
  if (theta.size() != impl_->config.uncertain.size())
    throw RequestError("window simulation: " + std::to_string(theta.size()) + " parameter values for " +
                     std::to_string(impl_->config.uncertain.size()) + " uncertain parameters");
  impl_->trajectory.prepare(impl_->config.parameters_with(theta));
}

const WindowObservation& WindowSimulator::run(std::int64_t index, std::uint64_t seed,
                                              const std::atomic<bool>* stop) {
  impl_->trajectory.run(0, index, seed, impl_->record, stop);
  impl_->observe();
  return impl_->observation;
}

}  // namespace escalate

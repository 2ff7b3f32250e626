// The record's windows simulated by the engine (engine_window_runner.hpp).
#include "escalate/app/engine_window_runner.hpp"

#include <optional>

namespace escalate::app {

namespace {

class EngineWindowRunner : public WindowRunner {
 public:
  explicit EngineWindowRunner(const Record& record) : record_(record), simulators_(record.windows.size()) {}

  void prepare(std::size_t window, std::span<const double> engine_values) override {
    simulator(window).prepare(engine_values);
  }
  const WindowObservation& run(std::size_t window, std::int64_t index, std::uint64_t seed) override {
    return simulator(window).run(index, seed);
  }

 private:
  WindowSimulator& simulator(std::size_t window) {
    std::optional<WindowSimulator>& s = simulators_.at(window);
    if (!s) {
      const RecordWindow& w = record_.windows[window];
      s.emplace(w.config, w.period_start_days, w.period_end_days);
    }
    return *s;
  }

  const Record& record_;
  std::vector<std::optional<WindowSimulator>> simulators_;
};

}  // namespace

WindowRunnerFactory engine_window_runners(const Record& record) {
  return [&record] { return std::make_unique<EngineWindowRunner>(record); };
}

}  // namespace escalate::app

#pragma once
// One window of the record simulated at one parameter point (issue 19, item 2): what a
// calibrator's likelihood needs from each trajectory, streamed, nothing kept per
// trajectory beyond the call.
//
// INTERFACE FIXED BY THE COORDINATOR: the window engineer implements it in
// engine/sim/window_simulation.cpp (and the model's per-period tallies behind it); the
// calibrator engineer uses it. Change only by agreement.
#include "escalate/config/config.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace escalate {

// What one trajectory of a window did, in the record's terms.
struct WindowObservation {
  std::size_t types = 0;    // K: scenario.incidents.size()
  std::size_t periods = 0;  // P
  // [K][P][6] row-major: incidents of type k that arrived in period p, by the rung of
  // the decision on them (0..4, names::RUNGS), slot 5: never decided (a war cleared the
  // queue, or it was still pending at the horizon). Incidents outside every period are
  // not counted here.
  std::vector<std::uint32_t> incidents;
  // [K][6]: the same over the whole window (every incident of type k, whatever period).
  std::vector<std::uint32_t> window_incidents;
  std::uint64_t wars = 0;              // wars started in the window
  std::uint64_t limited_strikes = 0;   // limited strikes that arrived (TrajectoryRecord::strikes)
  std::uint64_t countermeasures = 0;   // countermeasures that arrived
  bool runaway = false;

  std::uint32_t incidents_at(std::size_t k, std::size_t p, std::size_t slot) const {
    return incidents[(k * periods + p) * 6 + slot];
  }
};

// Simulates trajectories of one window config at one parameter point. Not thread-safe:
// one per thread (it holds a Trajectory and its record).
class WindowSimulator {
 public:
  // period edges: [start, end) days per period, as RecordWindow holds them.
  WindowSimulator(const Config& config, std::vector<double> period_start_days,
                  std::vector<double> period_end_days);
  ~WindowSimulator();
  WindowSimulator(WindowSimulator&&) noexcept;
  WindowSimulator& operator=(WindowSimulator&&) noexcept;

  // Sets the parameter point: theta holds the config's uncertain parameters in the
  // order of config.uncertain (config.parameters_with(theta)).
  void prepare(std::span<const double> theta);
  // Trajectory `index` from streams keyed by `seed` (the engine's keying: draw 0, index).
  // The result is valid until the next call. The same (theta, index, seed) gives the same
  // observation on any thread.
  const WindowObservation& run(std::int64_t index, std::uint64_t seed,
                               const std::atomic<bool>* stop = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace escalate

#pragma once
// What the record would show of one simulated trajectory of a window: its incidents
// thinned by the reporting probabilities (docs/calibration.md, "The likelihood").
#include "escalate/app/calibration_space.hpp"
#include "escalate/infer/infer_stream.hpp"
#include "escalate/sim/window_simulation.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace escalate::app {

struct RecordedTrajectory {
  std::size_t types = 0;
  std::size_t periods = 0;
  std::vector<std::int64_t> counts;   // [type][period]: recorded incidents
  std::vector<std::int64_t> answers;  // [type][rung]: recorded incidents of the whole window by answer
  std::int64_t wars = 0, limited_strikes = 0, countermeasures = 0;  // window totals, not thinned

  std::int64_t count(std::size_t type, std::size_t period) const { return counts[type * periods + period]; }
  std::int64_t answer(std::size_t type, std::size_t rung) const { return answers[type * 5 + rung]; }
};

// Thins a trajectory: each engine incident enters the record with the probability of its
// type and answer rung (an incident never decided counts as answered `none`), one
// Bernoulli draw per incident from `stream` in a fixed order (type, then each period and
// last the incidents outside every period, then rung), none where the probability is 0
// or 1. Answers are those of the recorded incidents over the whole window. Throws
// std::logic_error when the observation's window totals are below its period counts.
RecordedTrajectory thin(const WindowObservation& observation, const WindowReporting& reporting,
                        std::span<const double> theta, infer::InferStream& stream);

}  // namespace escalate::app

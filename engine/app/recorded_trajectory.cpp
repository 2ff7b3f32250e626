// The record's view of one trajectory: incidents thinned by reporting (recorded_trajectory.hpp).
#include "escalate/app/recorded_trajectory.hpp"

#include <stdexcept>

namespace escalate::app {

namespace {

constexpr std::size_t SLOTS = 6;  // the five rungs and "never decided"

std::int64_t recorded_of(std::uint64_t incidents, double probability, infer::InferStream& stream) {
  if (probability >= 1.0) return static_cast<std::int64_t>(incidents);
  if (probability <= 0.0) return 0;
  std::int64_t kept = 0;
  for (std::uint64_t i = 0; i < incidents; ++i) kept += stream.uniform() < probability ? 1 : 0;
  return kept;
}

}  // namespace

RecordedTrajectory thin(const WindowObservation& o, const WindowReporting& reporting, std::span<const double> theta,
                        infer::InferStream& stream) {
  RecordedTrajectory r;
  r.types = o.types;
  r.periods = o.periods;
  r.counts.assign(o.types * o.periods, 0);
  r.answers.assign(o.types * 5, 0);
  for (std::size_t k = 0; k < o.types; ++k) {
    std::uint64_t in_periods[SLOTS] = {};
    // Periods p < P, then p == P: the incidents outside every period (answers only).
    for (std::size_t p = 0; p <= o.periods; ++p) {
      for (std::size_t slot = 0; slot < SLOTS; ++slot) {
        std::uint64_t n = 0;
        if (p < o.periods) {
          n = o.incidents_at(k, p, slot);
          in_periods[slot] += n;
        } else {
          const std::uint64_t total = o.window_incidents[k * SLOTS + slot];
          if (total < in_periods[slot]) {
            throw std::logic_error("thin: a window observation counts fewer incidents over the window than in its periods");
          }
          n = total - in_periods[slot];
        }
        const std::size_t rung = slot < 5 ? slot : 0;  // never decided: recorded as answered `none`
        const std::int64_t kept = recorded_of(n, reporting.probability(k, rung, theta), stream);
        if (p < o.periods) r.counts[k * o.periods + p] += kept;
        r.answers[k * 5 + rung] += kept;
      }
    }
  }
  r.wars = static_cast<std::int64_t>(o.wars);
  r.limited_strikes = static_cast<std::int64_t>(o.limited_strikes);
  r.countermeasures = static_cast<std::int64_t>(o.countermeasures);
  return r;
}

}  // namespace escalate::app

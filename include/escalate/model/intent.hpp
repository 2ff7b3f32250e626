#pragma once
// Intent hysteresis (MODEL.md §8).
#include "escalate/model/parameters.hpp"
#include "escalate/model/side_state.hpp"

namespace escalate {

// At an evaluation point: acquired intent turns on when fear and belief both pass their
// flip thresholds, and off when fear falls below the revert threshold. Innate-offensive
// sides are left as they are.
inline void update_intent(SideState& side, const SideParams& p, double belief_flip) {
  if (side.innate) return;
  if (side.fear >= p.flip_threshold && side.belief() >= belief_flip) {
    side.acquired = true;
  } else if (side.fear < p.revert_threshold) {
    side.acquired = false;
  }
}

}  // namespace escalate

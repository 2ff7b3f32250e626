#pragma once
// Intent hysteresis (docs/model.md §8).
#include "escalate/model/parameters.hpp"
#include "escalate/model/side_state.hpp"

namespace escalate {

// At an evaluation point, for a side that is not innate-offensive: acquired intent turns
// on when F >= flip_threshold and l >= logit(belief_flip) (checked first), and off when
// F < revert_threshold. `flip_logodds` is logit(belief_flip).
inline void update_intent(SideState& side, const SideParams& p, double flip_logodds) {
  if (side.innate) return;
  if (side.fear >= p.flip_threshold && side.logodds >= flip_logodds) {
    side.acquired = true;
  } else if (side.fear < p.revert_threshold) {
    side.acquired = false;
  }
}

}  // namespace escalate

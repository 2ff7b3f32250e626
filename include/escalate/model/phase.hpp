#pragma once
// The phase of a state (MODEL.md §3).
#include "escalate/model/parameters.hpp"
#include "escalate/model/side_state.hpp"

#include <array>

namespace escalate {

inline int phase_of(const std::array<SideState, 2>& sides, bool war, const ModelParams& m) {
  if (war) return WAR;
  if (sides[0].offensive() || sides[1].offensive()) return SPIRAL;
  double b0 = sides[0].belief(), b1 = sides[1].belief();
  if ((b0 >= m.belief_deep && sides[0].fear >= m.fear_deep) || (b1 >= m.belief_deep && sides[1].fear >= m.fear_deep))
    return DEEP;
  if (b0 >= m.belief_activated || b1 >= m.belief_activated) return ACTIVATED;
  return DORMANT;
}

}  // namespace escalate

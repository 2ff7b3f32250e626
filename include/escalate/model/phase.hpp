#pragma once
// Phases and the phase of a state (docs/model.md §1, §3).
#include "escalate/model/logistic.hpp"
#include "escalate/model/parameters.hpp"
#include "escalate/model/side_state.hpp"

#include <array>

namespace escalate {

// In order: a running maximum of the index is the §3 `reached` rule (nuclear counts as
// having reached war, war as having reached spiral).
enum Phase : int { DORMANT = 0, ACTIVATED = 1, DEEP = 2, SPIRAL = 3, WAR = 4, NUCLEAR = 5 };
inline constexpr int PHASE_COUNT = 6;

inline const char* phase_name(int phase) {
  static constexpr const char* names[PHASE_COUNT] = {"dormant", "activated", "deep", "spiral", "war", "nuclear"};
  return names[phase];
}

// §4: incident rates are indexed by phase 0..3; at war and nuclear the processes are off.
inline int rate_phase(int phase) { return phase < WAR ? phase : RATE_PHASE_COUNT - 1; }

// §3. Belief thresholds are compared in log-odds (§8): l >= logit(threshold).
inline int phase_of(const std::array<SideState, 2>& sides, bool at_war, bool nuclear, const ModelParams& m) {
  if (nuclear) return NUCLEAR;
  if (at_war) return WAR;
  if (sides[0].offensive() || sides[1].offensive()) return SPIRAL;
  const double deep = logit(m.belief_deep), activated = logit(m.belief_activated);
  for (const SideState& s : sides)
    if (s.logodds >= deep && s.fear >= m.fear_deep) return DEEP;
  for (const SideState& s : sides)
    if (s.logodds >= activated) return ACTIVATED;
  return DORMANT;
}

}  // namespace escalate

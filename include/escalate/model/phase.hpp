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

// §3. Belief thresholds are compared in log-odds (§8): l >= logit(threshold), with the
// logits of belief_deep and belief_activated given (they are constant within a draw).
inline int phase_of(const std::array<SideState, 2>& sides, bool at_war, bool nuclear, double fear_deep,
                    double deep_logodds, double activated_logodds) {
  if (nuclear) return NUCLEAR;
  if (at_war) return WAR;
  if (sides[0].offensive() || sides[1].offensive()) return SPIRAL;
  for (const SideState& s : sides)
    if (s.logodds >= deep_logodds && s.fear >= fear_deep) return DEEP;
  for (const SideState& s : sides)
    if (s.logodds >= activated_logodds) return ACTIVATED;
  return DORMANT;
}

inline int phase_of(const std::array<SideState, 2>& sides, bool at_war, bool nuclear, const ModelParams& m) {
  return phase_of(sides, at_war, nuclear, m.fear_deep, logit(m.belief_deep), logit(m.belief_activated));
}

}  // namespace escalate

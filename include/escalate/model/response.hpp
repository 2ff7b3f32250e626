#pragma once
// Responses and restraint (MODEL.md §9).
#include "escalate/model/parameters.hpp"

namespace escalate {

// R_v for victim `v` facing `u`: the paper's restraining factors plus interdependence.
double restraint_on(const RestraintParams& r, const SideParams& victim, const SideParams& other, bool victim_is_alliance);

struct ResponseInput {
  double logit_q;      // logit of q clamped to [eps, 1 - eps]
  double severity;     // s
  double fear_ratio;   // F_v / flip_threshold_v
  bool offensive;      // offensive_v after the intent update
  double restraint;    // R_v
};

struct ResponseProbabilities {
  double war, countermeasure, restraint;
};

// Multinomial logit over {war, countermeasure, restraint} with U_none = 0.
ResponseProbabilities response_probabilities(const ResponseParams& p, const ResponseInput& in);

enum class Response { War, Countermeasure, Restraint };
inline Response choose_response(const ResponseProbabilities& p, double u) {
  if (u < p.war) return Response::War;
  if (u < p.war + p.countermeasure) return Response::Countermeasure;
  return Response::Restraint;
}

}  // namespace escalate

#include "escalate/model/response.hpp"

#include <algorithm>
#include <cmath>

namespace escalate {

double restraint_on(const RestraintParams& r, const SideParams& victim, const SideParams& other,
                    bool victim_is_alliance) {
  double value = r.nuclear_weight * std::log1p(other.nuclear_warheads / r.nuclear_reference) +
                 r.conventional_weight * std::max(0.0, std::log(other.conventional_power / victim.conventional_power)) +
                 r.institutions_weight * r.institutions + r.interdependence_weight * r.interdependence;
  if (victim_is_alliance) value += r.european_autonomy_weight * r.european_autonomy;
  return value;
}

ResponseProbabilities response_probabilities(const ResponseParams& p, const ResponseInput& in) {
  double u_war = p.war_intercept + p.weight_attribution * in.logit_q + p.weight_severity * std::log(in.severity) +
                 p.weight_fear * in.fear_ratio + p.weight_offensive * (in.offensive ? 1.0 : 0.0) - in.restraint;
  double u_cm = p.countermeasure_intercept + p.weight_attribution * in.logit_q + p.weight_fear * in.fear_ratio;
  double top = std::max({u_war, u_cm, 0.0});  // subtract the largest utility: no overflow
  double e_war = std::exp(u_war - top), e_cm = std::exp(u_cm - top), e_none = std::exp(-top);
  double total = e_war + e_cm + e_none;
  return {e_war / total, e_cm / total, e_none / total};
}

}  // namespace escalate

// The derived quantities of one draw (docs/model.md §3.3, §4, §6, §7, §9.2, §9.4).
#include "escalate/model/draw_constants.hpp"

#include "escalate/model/belief.hpp"
#include "escalate/model/fear.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/restraint.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace escalate {

namespace {
double log2_threshold(double c) { return c > 0.0 ? std::log2(c) : -std::numeric_limits<double>::infinity(); }
}  // namespace

DrawConstants DrawConstants::of(const Scenario& scenario, const Parameters& p) {
  DrawConstants k;
  k.params = p;
  k.derive(scenario);
  // Injections in order of day, then name (§3); those after the horizon are ignored (§10).
  std::vector<int> order(scenario.injections.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return scenario.injections[static_cast<std::size_t>(a)].name < scenario.injections[static_cast<std::size_t>(b)].name;
  });
  const auto horizon = static_cast<double>(scenario.horizon_days);
  for (std::size_t r = 0; r < order.size(); ++r) {
    const auto i = static_cast<std::size_t>(order[r]);
    if (p.injects[i].day <= horizon) k.injections.push_back({p.injects[i].day, static_cast<int>(r), order[r]});
  }
  std::stable_sort(k.injections.begin(), k.injections.end(),
                   [](const DatedItem& a, const DatedItem& b) { return a.time < b.time; });
  return k;
}

double DrawConstants::ladder_logit(double q) const {
  const double c = clamp_reading(q, params.model.clarification_epsilon);
  return std::log(c / (1.0 - c));
}

void DrawConstants::derive(const Scenario& scenario) {
  const ModelParams& m = params.model;
  for (int v = 0; v < 2; ++v) {
    const auto iv = static_cast<std::size_t>(v);
    const SideParams& self = params.sides[iv];
    const SideParams& other = params.sides[1 - iv];
    sensitivity[iv] = fear_sensitivity(other.conventional_power, self.conventional_power, self.sensitivity_exponent);
    restraint[iv] = restraint_on(params.restraint, self, other, v == scenario.alliance);
    fear_gain[iv] = effective_fear_gain(self.fear_gain, m.restraint_fear_damping, restraint[iv]);
    log2_revert[iv] = log2_threshold(self.revert_threshold);
    evidence_scale[iv] = std::sqrt(1.0 + self.perception_noise * self.perception_noise);
    for (int ph = 0; ph < RATE_PHASE_COUNT; ++ph) {
      double into = 0;  // D_uv: deliberate rates per year of the types with victim v
      for (std::size_t k = 0; k < scenario.incidents.size(); ++k)
        if (scenario.incidents[k].victim == v) into += params.incidents[k].deliberate_rate[ph];
      drift[iv][static_cast<std::size_t>(ph)] = calm_drift_per_day(self.open_mindedness, m.offensive_multiplier, into);
    }
  }
  flip_logodds = logit(m.belief_flip);
  deep_logodds = logit(m.belief_deep);
  activated_logodds = logit(m.belief_activated);
  log2_fear_deep = log2_threshold(m.fear_deep);
  hazards = war_hazards(params.war, params.sides);
  const double eps = m.clarification_epsilon;
  logit_low = ladder_logit(0.0);
  logit_high = ladder_logit(1.0);
  logit_countermeasure = ladder_logit(params.response.countermeasure_hostility);
  logit_strike = ladder_logit(1.0 - eps);
  log_countermeasure_severity = std::log(params.response.countermeasure_severity);
  log_severity_median.resize(params.incidents.size());
  for (std::size_t k = 0; k < params.incidents.size(); ++k)
    log_severity_median[k] = std::log(params.incidents[k].severity_median);
  // §4, summed in type order as the arrival walks them.
  const std::size_t K = scenario.incidents.size();
  type_rate.assign(RATE_PHASE_COUNT * 4 * K, 0.0);
  for (std::size_t ph = 0; ph < RATE_PHASE_COUNT; ++ph) {
    for (int flags = 0; flags < 4; ++flags) {
      double total = 0;
      for (std::size_t k = 0; k < K; ++k) {
        const IncidentParams& ip = params.incidents[k];
        const bool offensive = ((flags >> scenario.incidents[k].suspect) & 1) != 0;
        const double rate = ip.accidental_rate[ph] + ip.deliberate_rate[ph] * (offensive ? m.offensive_multiplier : 1.0);
        type_rate[(ph * 4 + static_cast<std::size_t>(flags)) * K + k] = rate;
        total += rate;
      }
      incident_rate[ph][static_cast<std::size_t>(flags)] = total;
    }
  }
}

}  // namespace escalate

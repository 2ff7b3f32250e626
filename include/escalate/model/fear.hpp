#pragma once
// Fear, asymmetric power and restraint (docs/model.md §7).
#include <cmath>

namespace escalate {

// sens_v = (conventional_power_u / conventional_power_v) ^ sensitivity_exponent_v:
// the weaker side feels more.
double fear_sensitivity(double power_other, double power_self, double exponent);

// g_eff_v = fear_gain_v * exp(-restraint_fear_damping * R_v): restraint keeps fear
// within bounds.
double effective_fear_gain(double fear_gain, double damping, double restraint);

// F + g_eff sens s q after an act of severity s read with probability q (q, s >= 0).
double fear_after_act(double fear, double gain, double sensitivity, double severity, double q);

// §5.3: max(0, F + g_eff sens s (qc - q0) 2^(-elapsed / half_life)), with g_eff and sens
// as they were at the incident and the half-life in force now.
double fear_after_attribution(double fear, double gain, double sensitivity, double severity, double q0, double qc,
                              double elapsed_days, double half_life_days);

// F 2^(-dt / half_life).
// (Inline: it runs for both sides at every evaluation point.)
inline double fear_decayed(double fear, double half_life_days, double dt_days) {
  return fear * std::exp2(-dt_days / half_life_days);
}

// max(0, F - relief) after a reassurance signal.
double fear_after_reassurance(double fear, double relief);

}  // namespace escalate

#pragma once
// Fear and asymmetric power (MODEL.md §7).
#include <cmath>

namespace escalate {

// sens_v = (conventional_power_u / conventional_power_v) ^ sensitivity_exponent_v:
// the weaker side feels more.
inline double fear_sensitivity(double power_other, double power_self, double exponent) {
  return std::pow(power_other / power_self, exponent);
}

// Fear after an act of severity s perceived deliberate with probability q.
inline double fear_after_act(double fear, double gain, double sensitivity, double severity, double q) {
  return fear + gain * sensitivity * severity * q;
}

// Half-life decay over dt days.
inline double fear_decay(double fear, double half_life_days, double dt_days) {
  return fear * std::exp2(-dt_days / half_life_days);
}

inline double fear_after_reassurance(double fear, double relief) {
  double f = fear - relief;
  return f > 0.0 ? f : 0.0;
}

}  // namespace escalate

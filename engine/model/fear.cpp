#include "escalate/model/fear.hpp"

#include <algorithm>
#include <cmath>

namespace escalate {

double fear_sensitivity(double power_other, double power_self, double exponent) {
  return std::pow(power_other / power_self, exponent);
}

double effective_fear_gain(double fear_gain, double damping, double restraint) {
  return fear_gain * std::exp(-damping * restraint);
}

double fear_after_act(double fear, double gain, double sensitivity, double severity, double q) {
  return fear + gain * sensitivity * severity * q;
}

double fear_after_attribution(double fear, double gain, double sensitivity, double severity, double q0, double qc,
                              double elapsed_days, double half_life_days) {
  const double change = gain * sensitivity * severity * (qc - q0) * std::exp2(-elapsed_days / half_life_days);
  return std::max(0.0, fear + change);
}

double fear_after_reassurance(double fear, double relief) { return std::max(0.0, fear - relief); }

}  // namespace escalate

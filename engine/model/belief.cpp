#include "escalate/model/belief.hpp"

#include "escalate/model/logistic.hpp"

#include <cmath>

namespace escalate {

double jeffrey_update(double logodds, double q, double likelihood_ratio) {
  double b = sigmoid(logodds);
  double if_deliberate = b * likelihood_ratio / (b * likelihood_ratio + 1.0 - b);
  double updated = q * if_deliberate + (1.0 - q) * b;
  if (updated <= 0.0) return -LOGODDS_LIMIT;
  if (updated >= 1.0) return LOGODDS_LIMIT;
  return clamp_logodds(logit(updated));
}

double calm_drift(double logodds, double open_mindedness, double multiplier, double deliberate_rate_in,
                  double dt_days) {
  return clamp_logodds(logodds - open_mindedness * (multiplier - 1.0) * deliberate_rate_in * dt_days / 365.0);
}

double reassurance_update(double logodds, double open_mindedness, double credibility) {
  return clamp_logodds(logodds - open_mindedness * std::log(credibility));
}

}  // namespace escalate

#include "escalate/model/belief.hpp"

#include "escalate/model/logistic.hpp"

#include <cmath>

namespace escalate {

double jeffrey_increment(double logodds, double q, double likelihood_ratio) {
  // b m / (b m + 1 - b) = sigmoid(l + ln m). b' and 1 - b' are each formed from sigmoids
  // of both signs, so neither suffers cancellation and logit(b') stays finite near 0 or 1.
  if (q == 0.0 || likelihood_ratio == 1.0) return 0.0;  // b' = b exactly
  const double shift = std::log(likelihood_ratio);
  const double b = sigmoid(logodds), b_if = sigmoid(logodds + shift);
  const double nb = sigmoid(-logodds), nb_if = sigmoid(-(logodds + shift));
  const double updated = q * b_if + (1.0 - q) * b;
  const double complement = q * nb_if + (1.0 - q) * nb;
  return (std::log(updated) - std::log(complement)) - logodds;
}

double after_act(double logodds, double q, double likelihood_ratio) {
  return clamp_logodds(logodds + jeffrey_increment(logodds, q, likelihood_ratio));
}

double after_attribution(double logodds, double logodds_at_incident, double q0, double qc, double likelihood_ratio) {
  const double change = jeffrey_increment(logodds_at_incident, qc, likelihood_ratio) -
                        jeffrey_increment(logodds_at_incident, q0, likelihood_ratio);
  return clamp_logodds(logodds + change);
}

double calm_drift_per_day(double open_mindedness, double multiplier, double deliberate_rate_in) {
  return open_mindedness * (multiplier - 1.0) * deliberate_rate_in / 365.0;
}

double drifted(double logodds, double drift_per_day, double dt_days) {
  return clamp_logodds(logodds - drift_per_day * dt_days);
}

double after_reassurance(double logodds, double open_mindedness, double credibility) {
  return clamp_logodds(logodds - open_mindedness * std::log(credibility));
}

}  // namespace escalate

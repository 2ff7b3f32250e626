#include "escalate/model/crossing.hpp"

#include "escalate/model/logistic.hpp"
#include "escalate/model/never.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace escalate {

double fear_crossing_delay(double fear, double threshold, double half_life_days) {
  if (!(threshold > 0.0) || fear < threshold || !std::isfinite(threshold)) return NEVER;
  return std::max(0.0, half_life_days * std::log2(fear / threshold));
}

double logodds_crossing_delay(double logodds, double threshold_logodds, double drift_per_day) {
  if (!(drift_per_day > 0.0) || logodds < threshold_logodds) return NEVER;
  if (!(threshold_logodds > -LOGODDS_LIMIT) || !std::isfinite(threshold_logodds)) return NEVER;
  return std::max(0.0, (logodds - threshold_logodds) / drift_per_day);
}

double just_below(double value, double threshold) {
  return std::min(value, std::nextafter(threshold, -NEVER));
}

}  // namespace escalate

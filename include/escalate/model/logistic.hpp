#pragma once
// Log-odds helpers shared by perception, beliefs and responses.
#include <cmath>

namespace escalate {

inline constexpr double LOGODDS_LIMIT = 20.0;  // beliefs are clamped to [-20, 20] (§2)

inline double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
inline double logit(double p) { return std::log(p / (1.0 - p)); }
inline double clamp_logodds(double l) {
  return l < -LOGODDS_LIMIT ? -LOGODDS_LIMIT : (l > LOGODDS_LIMIT ? LOGODDS_LIMIT : l);
}

}  // namespace escalate

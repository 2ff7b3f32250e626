#pragma once
// Log-odds helpers (docs/model.md §2, §5, §6, §9): sigmoid, logit and the log-odds clamp.
#include <cmath>

namespace escalate {

inline constexpr double LOGODDS_LIMIT = 20.0;  // §2: log-odds are clamped to [-20, 20]

// 1 / (1 + e^-x); exactly 0 for x <= -746 and exactly 1 for large x, never NaN for
// finite or infinite x.
inline double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// ln(p / (1 - p)); -inf at 0 and +inf at 1, so `l >= logit(threshold)` is false for a
// threshold of 1 and true for a threshold of 0.
inline double logit(double p) { return std::log(p) - std::log1p(-p); }

// §2: the clamp applied to a log-odds after every change (also maps -inf / +inf).
inline double clamp_logodds(double l) {
  return l < -LOGODDS_LIMIT ? -LOGODDS_LIMIT : (l > LOGODDS_LIMIT ? LOGODDS_LIMIT : l);
}

// §5.5 / §9.1: a reading q used in the ladder is clamped to [eps, 1 - eps] first.
inline double clamp_reading(double q, double eps) { return q < eps ? eps : (q > 1.0 - eps ? 1.0 - eps : q); }

}  // namespace escalate

#include "escalate/model/perception.hpp"

#include "escalate/model/logistic.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace escalate {

double deliberate_prior(double belief, double deliberate_rate, double accidental_rate, double multiplier) {
  const double w = deliberate_rate * (belief * multiplier + 1.0 - belief);
  if (w + accidental_rate == 0.0) return 0.5;
  return w / (w + accidental_rate);
}

double first_reading(double prior, double clarity, double noise, double bias, bool deliberate, double z) {
  if (prior <= 0.0 || prior >= 1.0) return prior;
  // The evidence has sd sqrt(1 + noise^2); the victim reads it as if it were N(+-d/2, 1),
  // whose log-likelihood ratio is d x, and adds its worst-case bias.
  const double x = (deliberate ? 0.5 * clarity : -0.5 * clarity) + std::sqrt(1.0 + noise * noise) * z;
  return sigmoid(logit(prior) + clarity * x + bias);
}

double perceived_logodds(double belief, double deliberate_rate, double accidental_rate, double multiplier,
                         double clarity, double evidence_scale, double bias, bool deliberate, double z) {
  constexpr double INF = std::numeric_limits<double>::infinity();
  const double w = deliberate_rate * (belief * multiplier + 1.0 - belief);
  double logit_prior = 0.0;  // pi = 1/2 when w + A = 0
  if (w + accidental_rate != 0.0) {
    if (w == 0.0) return -INF;                // pi = 0: no evidence moves it
    if (accidental_rate == 0.0) return INF;   // pi = 1
    logit_prior = std::log(w / accidental_rate);
  }
  const double x = (deliberate ? 0.5 * clarity : -0.5 * clarity) + evidence_scale * z;
  return logit_prior + clarity * x + bias;
}

double perceived_reading(double belief, double deliberate_rate, double accidental_rate, double multiplier,
                         double clarity, double evidence_scale, double bias, bool deliberate, double z) {
  return sigmoid(perceived_logodds(belief, deliberate_rate, accidental_rate, multiplier, clarity, evidence_scale, bias,
                                   deliberate, z));
}

double attributed_reading(bool answer_deliberate, double attribution_error, double epsilon) {
  const double e = std::max(epsilon, attribution_error);
  return answer_deliberate ? 1.0 - e : e;
}

}  // namespace escalate

#include "escalate/model/perception.hpp"

#include "escalate/model/logistic.hpp"

#include <cmath>

namespace escalate {

double deliberate_prior(double belief, double deliberate_rate, double accidental_rate, double multiplier) {
  double w = deliberate_rate * (belief * multiplier + 1.0 - belief);
  if (w + accidental_rate == 0.0) return 0.5;
  return w / (w + accidental_rate);
}

double perceive(const PerceptionInput& in, double z, double u) {
  double pi = deliberate_prior(in.belief, in.deliberate_rate, in.accidental_rate, in.multiplier);
  double q = pi;
  if (pi > 0.0 && pi < 1.0) {
    // Evidence x ~ N(+-d/2, sqrt(1 + noise^2)); the victim reads it as if it were
    // N(+-d/2, 1), whose log-likelihood ratio is d x, and adds its bias.
    double d = in.clarity;
    double x = (in.deliberate ? 0.5 * d : -0.5 * d) + std::sqrt(1.0 + in.noise * in.noise) * z;
    q = sigmoid(logit(pi) + d * x + in.bias);
  }
  if (u < in.clarification) q = in.deliberate ? 1.0 - in.epsilon : in.epsilon;
  return q;
}

}  // namespace escalate

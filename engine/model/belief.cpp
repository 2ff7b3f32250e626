#include "escalate/model/belief.hpp"

#include "escalate/model/logistic.hpp"

#include <cmath>

namespace escalate {

namespace {
// With x = e^-|l| (one exp) and b = sigmoid(l), Jeffrey's b' over 1 - b' is the old odds
// times N / D with N - D = q (m - 1) A and D = q A + (1 - q) B, where A = 1 + x and
// B = m + x for l >= 0 (A = x + 1, B = m x + 1 for l < 0: the same fractions with both
// terms multiplied by e^l). Every term is >= 0, so nothing cancels, and
// J = log1p(q (m - 1) A / D) is exactly 0 for q = 0 or m = 1.
struct JeffreyTerms {
  double a, b;
};
JeffreyTerms jeffrey_terms_given(double logodds, double likelihood_ratio, double x) {  // x = e^-|l|
  return logodds >= 0 ? JeffreyTerms{1.0 + x, likelihood_ratio + x} : JeffreyTerms{x + 1.0, likelihood_ratio * x + 1.0};
}
JeffreyTerms jeffrey_terms(double logodds, double likelihood_ratio) {
  return jeffrey_terms_given(logodds, likelihood_ratio, std::exp(-std::abs(logodds)));
}
double jeffrey_ratio_minus_one(const JeffreyTerms& t, double q, double likelihood_ratio) {
  return q * (likelihood_ratio - 1.0) * t.a / (q * t.a + (1.0 - q) * t.b);
}
}  // namespace

double jeffrey_increment(double logodds, double q, double likelihood_ratio) {
  if (q == 0.0 || likelihood_ratio == 1.0) return 0.0;  // b' = b exactly
  return std::log1p(jeffrey_ratio_minus_one(jeffrey_terms(logodds, likelihood_ratio), q, likelihood_ratio));
}

double after_act(double logodds, double q, double likelihood_ratio) {
  return clamp_logodds(logodds + jeffrey_increment(logodds, q, likelihood_ratio));
}

double after_act(double logodds, double q, double likelihood_ratio, double exp_minus_abs_logodds) {
  if (q == 0.0 || likelihood_ratio == 1.0) return clamp_logodds(logodds + 0.0);  // J = 0, as after_act adds it
  const JeffreyTerms t = jeffrey_terms_given(logodds, likelihood_ratio, exp_minus_abs_logodds);
  return clamp_logodds(logodds + std::log1p(jeffrey_ratio_minus_one(t, q, likelihood_ratio)));
}

double after_attribution(double logodds, double logodds_at_incident, double q0, double qc, double likelihood_ratio) {
  // J(l_I, qc) - J(l_I, q0): one exp for both; exactly 0 when qc = q0.
  if (qc == q0 || likelihood_ratio == 1.0) return clamp_logodds(logodds);
  return after_attribution(logodds, logodds_at_incident, q0, qc, likelihood_ratio,
                           std::exp(-std::abs(logodds_at_incident)));
}

double after_attribution(double logodds, double logodds_at_incident, double q0, double qc, double likelihood_ratio,
                         double exp_minus_abs_at_incident) {
  if (qc == q0 || likelihood_ratio == 1.0) return clamp_logodds(logodds);
  const JeffreyTerms t = jeffrey_terms_given(logodds_at_incident, likelihood_ratio, exp_minus_abs_at_incident);
  const double change = std::log1p(jeffrey_ratio_minus_one(t, qc, likelihood_ratio)) -
                        std::log1p(jeffrey_ratio_minus_one(t, q0, likelihood_ratio));
  return clamp_logodds(logodds + change);
}

double after_attribution(double logodds, double logodds_at_incident, double q0, double qc, double likelihood_ratio,
                         double exp_minus_abs_at_incident, double increment_q0) {
  if (qc == q0 || likelihood_ratio == 1.0) return clamp_logodds(logodds);
  const JeffreyTerms t = jeffrey_terms_given(logodds_at_incident, likelihood_ratio, exp_minus_abs_at_incident);
  const double j0 = std::isnan(increment_q0) ? std::log1p(jeffrey_ratio_minus_one(t, q0, likelihood_ratio)) : increment_q0;
  const double change = std::log1p(jeffrey_ratio_minus_one(t, qc, likelihood_ratio)) - j0;
  return clamp_logodds(logodds + change);
}

double jeffrey_increment_given(double logodds, double q, double likelihood_ratio, double exp_minus_abs_logodds) {
  const JeffreyTerms t = jeffrey_terms_given(logodds, likelihood_ratio, exp_minus_abs_logodds);
  return std::log1p(jeffrey_ratio_minus_one(t, q, likelihood_ratio));
}

double calm_drift_per_day(double open_mindedness, double multiplier, double deliberate_rate_in) {
  return open_mindedness * (multiplier - 1.0) * deliberate_rate_in / 365.0;
}

double after_reassurance(double logodds, double open_mindedness, double credibility) {
  return clamp_logodds(logodds - open_mindedness * std::log(credibility));
}

}  // namespace escalate

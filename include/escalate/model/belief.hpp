#pragma once
// Beliefs about the other side's type, in log-odds (docs/model.md §6).
#include "escalate/model/logistic.hpp"

namespace escalate {

// J(l, q) = logit(b') - l with b = sigmoid(l) and Jeffrey's rule
// b' = q b m / (b m + 1 - b) + (1 - q) b (m: the likelihood ratio of a deliberate act).
// Finite for finite l and m > 0; -inf only when m = 0 and q = 1 (b' = 0).
double jeffrey_increment(double logodds, double q, double likelihood_ratio);

// The log-odds after an act read with probability q: clamp(l + J(l, q)).
double after_act(double logodds, double q, double likelihood_ratio);
// The same, given e^-|l| (which J takes): an incident's victim has just computed it for
// its belief sigmoid(l) = 1 / (1 + e^-l) when l >= 0. Bit-identical to after_act.
double after_act(double logodds, double q, double likelihood_ratio, double exp_minus_abs_logodds);

// §5.3: the log-odds after an attribution replaces the first reading q0 by qc:
// clamp(l + J(l_at_incident, qc) - J(l_at_incident, q0)).
double after_attribution(double logodds, double logodds_at_incident, double q0, double qc, double likelihood_ratio);
// The same, given e^-|l_at_incident| (the incident's reading keeps it). Bit-identical.
double after_attribution(double logodds, double logodds_at_incident, double q0, double qc, double likelihood_ratio,
                         double exp_minus_abs_at_incident);
// The same, given also J(l_at_incident, q0) as the incident added it (jeffrey_increment_given),
// or NaN when the incident did not compute it (q0 = 0 or m = 1): one log1p instead of two.
// Bit-identical.
double after_attribution(double logodds, double logodds_at_incident, double q0, double qc, double likelihood_ratio,
                         double exp_minus_abs_at_incident, double increment_q0);

// J(l, q) given e^-|l|, for q != 0 and m != 1: after_act(l, q, m, x) is then exactly
// clamp_logodds(l + jeffrey_increment_given(l, q, m, x)), and an attribution takes the
// same number away again.
double jeffrey_increment_given(double logodds, double q, double likelihood_ratio, double exp_minus_abs_logodds);

// Calm drift k (per day) of v's log-odds: open_mindedness (m - 1) D_uv / 365, D_uv the
// summed deliberate rates per year of the types with suspect u and victim v. >= 0.
double calm_drift_per_day(double open_mindedness, double multiplier, double deliberate_rate_in);

// The log-odds dt days later under drift k: clamp(l - k dt).
// (Inline: it runs for both sides at every evaluation point.)
inline double drifted(double logodds, double drift_per_day, double dt_days) {
  return clamp_logodds(logodds - drift_per_day * dt_days);
}

// A reassurance signal with likelihood ratio `credibility`: clamp(l - open_mindedness ln(credibility)).
double after_reassurance(double logodds, double open_mindedness, double credibility);

}  // namespace escalate

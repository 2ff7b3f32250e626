#pragma once
// Perception and attribution of an incident by its victim (docs/model.md §5).
namespace escalate {

// §5.1: prior that the incident is deliberate, from the victim's belief b:
// pi = w / (w + A) with w = D (b m + 1 - b); 1/2 when w + A = 0.
double deliberate_prior(double belief, double deliberate_rate, double accidental_rate, double multiplier);

// §5.2: the first reading q0 = sigmoid(logit(pi) + d x + bias) with the evidence
// x = (deliberate ? +d/2 : -d/2) + sqrt(1 + noise^2) z, z a standard normal (always
// drawn by the caller). When pi is 0 or 1 no evidence (nor bias) moves it: q0 = pi.
double first_reading(double prior, double clarity, double noise, double bias, bool deliberate, double z);

// §5.3: the reading of an established attribution: 1 - e for "deliberate", e for
// "accidental", with e = max(eps, attribution_error).
// Both steps at once, as the trajectory takes them: the first reading q0 from the
// victim's belief, the type's rates D and A in force, the multiplier m, the clarity d,
// the evidence scale sqrt(1 + noise^2) (constant within a draw), the bias and the normal
// z. logit(pi) = ln(w / A) takes one log; equal to first_reading(deliberate_prior(...)).
double perceived_reading(double belief, double deliberate_rate, double accidental_rate, double multiplier,
                         double clarity, double evidence_scale, double bias, bool deliberate, double z);
// Its log-odds: q0 = sigmoid(perceived_logodds(...)); -inf when pi = 0, +inf when pi = 1.
double perceived_logodds(double belief, double deliberate_rate, double accidental_rate, double multiplier,
                         double clarity, double evidence_scale, double bias, bool deliberate, double z);

double attributed_reading(bool answer_deliberate, double attribution_error, double epsilon);

}  // namespace escalate

#pragma once
// Misperception of an incident by its victim (MODEL.md §5).
namespace escalate {

struct PerceptionInput {
  double belief;            // b_v: the victim's belief that the suspect is offensive
  double deliberate_rate;   // D: this type's deliberate rate in the current phase (per year)
  double accidental_rate;   // A: this type's accidental rate in the current phase (per year)
  double multiplier;        // m: offensive_multiplier
  double clarity;           // d_k
  double noise;             // perception_noise of the victim
  double bias;              // bias of the victim (worst-case reading, log-odds)
  double clarification;     // probability that the truth is established before acting
  double epsilon;           // clarification_epsilon
  bool deliberate;          // the truth
};

// Prior probability that an incident of this type is deliberate, from the victim's belief:
// pi = w / (w + A) with w = D (b m + 1 - b); 1/2 when w + A = 0.
double deliberate_prior(double belief, double deliberate_rate, double accidental_rate, double multiplier);

// Perceived probability q that the incident was a deliberate act. `z` is a standard
// normal (the evidence noise), `u` a uniform (whether clarification happens). Both are
// always consumed by the caller, so random streams stay aligned across configs.
double perceive(const PerceptionInput& in, double z, double u);

}  // namespace escalate

#pragma once
// Beliefs about the other side's type (MODEL.md §6), in log-odds.
namespace escalate {

// Jeffrey's rule after an act perceived as deliberate with probability q, with likelihood
// ratio m for a deliberate act: b' = q b m / (b m + 1 - b) + (1 - q) b. Returns the new
// log-odds, clamped.
double jeffrey_update(double logodds, double q, double likelihood_ratio);

// Calm: silence over dt days lowers the log-odds by
// open_mindedness (m - 1) D dt / 365 (D: deliberate rates per year into this side).
double calm_drift(double logodds, double open_mindedness, double multiplier, double deliberate_rate_in, double dt_days);

// A reassurance signal with likelihood ratio `credibility`.
double reassurance_update(double logodds, double open_mindedness, double credibility);

}  // namespace escalate

#pragma once
// Exact threshold-crossing times between evaluation points (docs/model.md §3).
//
// Between evaluation points fear decays by its half-life and log-odds drift down at a
// constant rate, so the instant a falling quantity reaches a threshold is known in
// closed form. Each function returns the delay (days, >= 0) until the quantity falls
// below `threshold`, or +inf if it never does (it is already below, it does not fall,
// or the threshold is out of its reach). A quantity exactly at its threshold crosses
// at once (delay 0): it is below it for every later instant.
namespace escalate {

// F(t) = F 2^(-t / half_life) reaches c > 0 at t = half_life log2(F / c).
double fear_crossing_delay(double fear, double threshold, double half_life_days);

// l(t) = max(-20, l - k t) reaches L at t = (l - L) / k (k > 0, L > -20; a clamped
// log-odds never gets below -20).
double logodds_crossing_delay(double logodds, double threshold_logodds, double drift_per_day);

// The value a quantity takes at its crossing instant: the largest double below the
// threshold (and no more than the value reached), so that comparisons `x >= threshold`
// at the crossing read it as already below (§8).
double just_below(double value, double threshold);

}  // namespace escalate

#pragma once
// The standard normal quantile Phi^-1(p) in double (docs/model.md §12): Wichura's algorithm
// AS 241 (PPND16), the one behind R's qnorm.

namespace escalate {

// Phi^-1(p) for p in (0, 1): 0 at p = 0.5, negative below it. Relative error about 1e-16
// (within 6 ulps of a 50-digit reference in tests/unit/model); the three rational
// approximations meet at p = 0.075, 0.925 (|p - 0.5| = 0.425) and where
// sqrt(-ln(min(p, 1 - p))) = 5 (p about 1.4e-11 from either end).
double normal_quantile(double p);

}  // namespace escalate

"""Weighted (self-normalised importance-sampling) estimates of a probability from per-draw
estimates, with a Monte Carlo interval, and weighted quantiles across draws.

The interval is the engine's (docs/model.md §11) carried over to weights: the hull of
  1. a Student-t interval  p_w +- t_{ESS-1} se,  se^2 = ESS/(ESS-1) sum_m w_m^2 (p_m - p_w)^2
     (the delta-method variance of a ratio estimator: the draws are independent, and each
     draw's estimate p_m carries its trajectories' binomial noise and its weight the
     noise of the window run, so both loops and the weights' own noise are in it); with
     equal weights it is the engine's t-interval exactly;
  2. a Wilson interval of p_w on ESS x N trajectories, which keeps it non-empty when no
     weighted draw saw the event.
It says how precisely the runs pin the posterior mean down, not how far analysts disagree:
the weighted quantiles of the per-draw probabilities say that."""
import math

import numpy as np
from scipy import stats

from ..intervals import wilson


def weighted_estimate(p, w, trajectories):
    """(mean, lo, hi, ess) of E_w[p] for per-draw estimates p and weights w (any scale)."""
    p = np.asarray(p, float)
    w = np.asarray(w, float) / np.sum(w)
    ess = 1.0 / float(np.sum(w * w))
    mean = float(np.sum(w * p))
    lo, hi = wilson(mean, ess * trajectories)
    if ess > 1.0 + 1e-9:
        se = math.sqrt(ess / (ess - 1.0) * float(np.sum(w * w * (p - mean) ** 2)))
        t = float(stats.t.ppf(0.975, ess - 1.0))
        lo, hi = min(lo, max(0.0, mean - t * se)), max(hi, min(1.0, mean + t * se))
    return mean, lo, hi, ess


def weighted_quantiles(x, w, levels):
    """Quantiles of x under weights w: the inverse of the weighted empirical distribution,
    each draw's mass centred on its value (equal weights: the Hazen quantiles)."""
    x = np.asarray(x, float)
    w = np.asarray(w, float) / np.sum(w)
    order = np.argsort(x, kind="stable")
    xs, ws = x[order], w[order]
    mid = np.cumsum(ws) - ws / 2
    return np.interp(levels, mid, xs)

"""Proper scores of a predictive distribution over the integers 0, 1, 2, ... for an
observed count y; both are negatively oriented (lower is better) and summed over types
and years in the walk-forward table (docs/calibration.md, "Walk-forward validation").

- Log score: LS(F, y) = -ln p(y).
- CRPS for integer outcomes: CRPS(F, y) = sum_{k >= 0} (F(k) - 1{y <= k})^2, computed as an
  exact sum up to K = max(y, k*), where k* is the first k with 1 - F(k) < TAIL (1e-12);
  the terms left out add less than sum_{k > k*} (1 - F(k)) = E[(X - k*)+], negligible for
  the Poisson and negative-binomial tails here (TAIL_CAP guards an absurd mean).

A predictive distribution is anything with pmf(k), cdf(k) and sf(k) over integer arrays:
scipy.stats' frozen poisson and nbinom, or `Empirical` (the model's predictive draws).
"""
import numpy as np

from ..errors import EscalateError

TAIL = 1e-12
TAIL_CAP = 10_000_000   # no forecast here needs more terms; beyond it the sum is refused


def support_end(dist, y):
    """K = max(y, the first k with sf(k) < TAIL): the last term of the CRPS sum."""
    k = max(int(y), 16)
    while dist.sf(k) >= TAIL:
        k *= 2
        if k > TAIL_CAP:
            raise EscalateError(f"a forecast with tail mass {dist.sf(k):.3g} beyond {TAIL_CAP}: not scored")
    ks = np.arange(0, k + 1)
    first = int(np.argmax(dist.sf(ks) < TAIL))
    return max(int(y), first)


def check_outcome(y):
    if not (np.isfinite(y) and float(y) == int(y) and y >= 0):
        raise EscalateError(f"an outcome {y!r} is not a count (a non-negative integer)")
    return int(y)


def crps(dist, y):
    """The CRPS of an integer-valued forecast: the exact sum of (F(k) - 1{y <= k})^2."""
    y = check_outcome(y)
    ks = np.arange(0, support_end(dist, y) + 1)
    step = (ks >= y).astype(float)
    return float(np.sum((dist.cdf(ks) - step) ** 2))


def log_score(dist, y):
    """-ln p(y); +inf when the forecast puts no mass on y."""
    p = float(dist.pmf(check_outcome(y)))
    return float("inf") if p <= 0 else -float(np.log(p))


def mid_pit(dist, y):
    """The mid-PIT (F(y - 1) + F(y)) / 2: where the outcome falls in the forecast, about 0.5
    on average for a calibrated forecast; near 0 or 1 the outcome was in a tail."""
    y = check_outcome(y)
    below = float(dist.cdf(y - 1)) if y > 0 else 0.0
    return 0.5 * (below + float(dist.cdf(y)))


def central_interval(dist, level=0.90):
    """(low, high): the smallest k with F(k) >= (1 - level)/2 and the smallest k with
    F(k) >= (1 + level)/2 (an integer forecast's central interval)."""
    tail = (1.0 - level) / 2.0
    top = support_end(dist, 0)
    ks = np.arange(0, top + 1)
    cdf = dist.cdf(ks)
    return int(np.argmax(cdf >= tail - 1e-12)), int(np.argmax(cdf >= 1.0 - tail - 1e-12))


class Empirical:
    """The distribution of a sample of counts (the model's posterior predictive draws).

    cdf and sf are the sample's own (so the CRPS is that of the empirical distribution, no
    smoothing). pmf, used only by the log score, is smoothed add-1/2 over the support
    {0, ..., K}, K the larger of the largest draw and the outcome scored:
        p(k) = (n_k + 1/2) / (D + (K + 1) / 2),
    the Krichevsky-Trofimov (Jeffreys) estimate of a categorical distribution from D
    draws. It keeps an outcome no draw reached finite (about ln(2D + K + 1) instead of
    +inf) while leaving well-sampled counts almost unchanged, and needs no parametric
    family (a fitted negative binomial would judge the model by a shape it may not have).
    """

    def __init__(self, draws):
        d = np.asarray(draws, dtype=float).ravel()
        if d.size == 0:
            raise EscalateError("no predictive draws to score")
        bad = ~np.isfinite(d) | (d < 0) | (d != np.round(d))
        if bad.any():
            raise EscalateError(f"a predictive draw {d[bad][0]!r} is not a count (a non-negative integer)")
        self.draws = np.sort(d.astype(np.int64))
        self.size = self.draws.size
        self.counts = np.bincount(self.draws)

    def cdf(self, k):
        return np.searchsorted(self.draws, np.asarray(k), side="right") / self.size

    def sf(self, k):
        return 1.0 - self.cdf(k)

    def pmf(self, k):
        k = np.asarray(k, dtype=np.int64)
        top = max(int(self.draws[-1]), int(np.max(k)))
        n = np.where(k < self.counts.size, self.counts[np.minimum(k, self.counts.size - 1)], 0)
        return (n + 0.5) / (self.size + 0.5 * (top + 1))

    def mean(self):
        return float(self.draws.mean())

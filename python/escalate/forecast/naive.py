"""The three naive forecasts of a period's count that walk-forward validation scores the
model against (docs/calibration.md, "Walk-forward validation"). Each takes one type's
training series, the counts c_t with their exposures e_t (days) in time order, and the
exposure e of the period to forecast, and returns a scipy.stats frozen distribution.

FLOOR: a count of zero is read as half an event wherever it sets a mean, so that no naive
forecast puts all its mass on 0 and a later incident never scores -ln 0. Half an event is
the posterior mean of a Poisson rate under the Jeffreys prior Gamma(1/2, 0) at zero events,
(n + 1/2) / E: the floor equals it at n = 0 and leaves n >= 1 as it is.

- poisson_mean_rate:  Poisson(e * max(sum c_t, 1/2) / sum e_t), the training years' mean rate;
- poisson_last_three: the same over the last three training periods only;
- nb_random_walk:     mean mu = e * max(c_T, 1/2) / e_T (last period's count, scaled to the
  exposure), variance mu + phi mu^2, with the dispersion phi fitted by moments to the
  training series' period-on-period changes: with m_t = e_t max(c_{t-1}, 1/2) / e_{t-1}
  the walk's prediction of c_t and d_t = c_t - m_t,
      phi = max(0, (sum_t d_t^2 - sum_t m_t) / sum_t m_t^2),
  the moment equation E d_t^2 = m_t + phi m_t^2 summed over t = 2..T. phi = 0 (changes no
  larger than Poisson noise, or fewer than two periods) gives Poisson(mu); otherwise the
  negative binomial of size r = 1/phi: scipy's nbinom(r, r / (r + mu)).
"""
import numpy as np
from scipy import stats

FLOOR = 0.5
NAMES = {"poisson_mean_rate": "Poisson, training mean rate",
         "poisson_last_three": "Poisson, last three periods' rate",
         "nb_random_walk": "negative-binomial random walk"}


def _series(counts, exposures):
    c = np.asarray(counts, dtype=float)
    e = np.asarray(exposures, dtype=float)
    if c.size == 0 or c.size != e.size or (e <= 0).any() or (c < 0).any():
        raise ValueError("a training series needs counts >= 0 and exposures > 0 of equal length >= 1")
    return c, e


def poisson_mean_rate(counts, exposures, exposure):
    c, e = _series(counts, exposures)
    return stats.poisson(exposure * max(c.sum(), FLOOR) / e.sum())


def poisson_last_three(counts, exposures, exposure):
    c, e = _series(counts, exposures)
    return poisson_mean_rate(c[-3:], e[-3:], exposure)


def walk_dispersion(counts, exposures):
    """phi of the negative-binomial random walk (module docstring)."""
    c, e = _series(counts, exposures)
    if c.size < 2:
        return 0.0
    m = e[1:] * np.maximum(c[:-1], FLOOR) / e[:-1]
    d = c[1:] - m
    return max(0.0, float((np.sum(d ** 2) - np.sum(m)) / np.sum(m ** 2)))


def nb_random_walk(counts, exposures, exposure):
    c, e = _series(counts, exposures)
    mu = exposure * max(c[-1], FLOOR) / e[-1]
    phi = walk_dispersion(c, e)
    if phi == 0.0:
        return stats.poisson(mu)
    r = 1.0 / phi
    return stats.nbinom(r, r / (r + mu))


FORECASTS = {"poisson_mean_rate": poisson_mean_rate,
             "poisson_last_three": poisson_last_three,
             "nb_random_walk": nb_random_walk}

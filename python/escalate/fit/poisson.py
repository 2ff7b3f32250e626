"""One Poisson rate from yearly counts: the Jeffreys-Gamma posterior, its interval, the
Pearson dispersion test, the widening of over-dispersed rates (moments or quasi-Poisson)
and the negative-binomial posterior predictive."""
import numpy as np
from scipy import stats

from .assumptions import DISPERSION_P, LEVEL, PRIOR_RATE, PRIOR_SHAPE


def gamma_posterior(n, exposure, prior_shape=PRIOR_SHAPE, prior_rate=PRIOR_RATE):
    """Conjugate Gamma(shape, rate) posterior of a Poisson rate after n events in `exposure`."""
    if exposure + prior_rate <= 0:
        raise ValueError("no exposure")
    return prior_shape + n, prior_rate + exposure


def gamma_interval(shape, rate, level=LEVEL):
    lo = stats.gamma.ppf((1 - level) / 2, shape, scale=1 / rate)
    hi = stats.gamma.ppf((1 + level) / 2, shape, scale=1 / rate)
    return lo, hi


def dispersion(counts, expo):
    """Pearson dispersion of yearly counts under a constant rate: (D, p) with
    D = X^2 / (k - 1) and p = P(chi2_{k-1} >= X^2). (nan, 1) when undefined."""
    counts, expo = np.asarray(counts, float), np.asarray(expo, float)
    k = len(counts)
    if k < 2 or counts.sum() == 0:
        return float("nan"), 1.0
    mu = counts.sum() / expo.sum()
    x2 = float(np.sum((counts - mu * expo) ** 2 / (mu * expo)))
    return x2 / (k - 1), float(stats.chi2.sf(x2, k - 1))


def excess_variance(counts, expo):
    """(s2, tau2): the sample variance of the yearly rates y_t / e_t, and its part beyond
    Poisson noise, tau2 = max(0, s2 - mu * mean(1 / e_t)) (the variance of the yearly rate
    itself under a negative binomial, Var(y_t / e_t) = mu / e_t + tau2)."""
    counts, expo = np.asarray(counts, float), np.asarray(expo, float)
    r = counts / expo
    mu = counts.sum() / expo.sum()
    s2 = float(np.var(r, ddof=1))
    return s2, max(0.0, s2 - mu * float(np.mean(1 / expo)))


def moment_gamma(counts, expo, mean):
    """Gamma matched by moments to next year's rate: mean `mean`, variance tau2 + s2 / k
    (the year-to-year variance of the rate plus the uncertainty of its mean over k years)."""
    k = len(counts)
    s2, tau2 = excess_variance(counts, expo)
    var = tau2 + s2 / k
    return mean * mean / var, mean / var


def nb_size(counts, expo):
    """Moment estimate of the negative-binomial size k = mu^2 / tau2 (inf: no excess)."""
    mu = float(np.sum(counts)) / float(np.sum(expo))
    _, tau2 = excess_variance(counts, expo)
    return mu * mu / tau2 if tau2 > 0 and mu > 0 else float("inf")


def fit_rate(counts, expo, p_threshold=DISPERSION_P, mode="moments"):
    """Fit one rate from yearly counts: the Jeffreys-Gamma posterior of a constant Poisson
    rate or, when the yearly counts are over-dispersed (Pearson test p < p_threshold),
    a wider gamma with the same mean (never narrower than the posterior):
      mode "moments": matched by moments to next year's rate (tau^2 + s^2/k, see
                      moment_gamma): the rate of a single year;
      mode "quasi":   the posterior with its variance multiplied by the dispersion D
                      (quasi-Poisson): the uncertainty of the mean rate over the years."""
    counts, expo = np.asarray(counts, float), np.asarray(expo, float)
    n, e = float(counts.sum()), float(expo.sum())
    shape, rate = gamma_posterior(n, e)
    d, p = dispersion(counts, expo)
    fit = dict(n=n, exposure=e, dispersion=d, p=p, method="poisson", post=(shape, rate),
               nb_k=float("inf"), mode=mode)
    if len(counts) >= 2 and n > 0 and p < p_threshold:
        fit["nb_k"] = nb_size(counts, expo)
        if mode == "quasi":
            ms, mr = shape / max(d, 1.0), rate / max(d, 1.0)
        else:
            ms, mr = moment_gamma(counts, expo, shape / rate)
        if ms < shape:
            shape, rate = ms, mr
            fit["method"] = "over-dispersed"
    fit["shape"], fit["rate"] = shape, rate
    return fit


def predictive(shape, rate, exposure=1.0):
    """Posterior predictive of a count in `exposure` years: negative binomial."""
    return stats.nbinom(shape, rate / (rate + exposure))

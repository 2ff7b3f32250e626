"""The held-out test: fit on the years up to the fit end (catalogue only), predict each
later calendar year with the posterior predictive, and score it against a naive
constant-rate Poisson and the plug-in spiral rate."""
import datetime as dt

from scipy import stats

from .assumptions import CATALOGUE_START, ENGINE_TYPES, LEVEL, WAR_BORN, WAR_START
from .exposure import used_rows, year_fraction, yearly
from .poisson import predictive
from .rates import fit_all


def heldout(incidents, fit_end, end, split="share", include_partners=False, overdispersion="moments"):
    """Fit on dates <= fit_end (catalogue only), predict each later calendar year up to
    `end` as spiral. Returns (rows, years)."""
    res = fit_all(incidents, [], fit_end, split=split, use_series=False,
                  include_partners=include_partners, overdispersion=overdispersion)
    years = list(range(fit_end.year + 1, end.year + 1))
    out = []
    for t in ENGINE_TYPES:
        sp = res[t]["eras"]["spiral"]
        tot = sp["total"]
        rows_all = used_rows(incidents, t, include_partners)
        # Naive: one constant rate over the type's whole exposure to fit_end, as a point Poisson.
        w0 = (WAR_START if t in WAR_BORN else CATALOGUE_START, fit_end)
        _, c0, e0 = yearly([r for r in rows_all if r["date"] <= fit_end], w0)
        naive = c0.sum() / e0.sum()
        plug = tot["n"] / tot["exposure"]
        for y in years:
            e = year_fraction(dt.date(y, 1, 1), end, y)
            obs = sum(1 for r in rows_all if r["date"].year == y and r["date"] <= end)
            pred = predictive(tot["shape"], tot["rate"], e)
            post = predictive(*tot["post"], e)
            lo, hi = pred.ppf((1 - LEVEL) / 2), pred.ppf((1 + LEVEL) / 2)
            out.append(dict(type=t, year=y, exposure=e, train=list(zip(sp["years"], sp["counts"])),
                            method=tot["method"], mean=pred.mean(), lo=lo, hi=hi, obs=obs,
                            inside=lo <= obs <= hi,
                            side="inside" if lo <= obs <= hi else ("above" if obs > hi else "below"),
                            pit=float(pred.cdf(obs - 1) + 0.5 * pred.pmf(obs)),
                            ls=float(pred.logpmf(obs)), ls_post=float(post.logpmf(obs)),
                            naive=naive, ls_naive=float(stats.poisson.logpmf(obs, naive * e)),
                            plug=plug, ls_plug=float(stats.poisson.logpmf(obs, plug * e))))
    return out, years

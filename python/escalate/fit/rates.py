"""The rate fit of every incident type and phase-era: the accidental/deliberate split of
contested and unknown rows, each component's gamma (widened with an over-dispersed
total), the CSIS series for spiral deliberate sabotage, the offensive divisor, and the
four phase elements [dormant, activated, deep, spiral] written to the config."""
import numpy as np

from .assumptions import (CATALOGUE_TYPES, ENGINE_TYPES, SERIES_FOR_RATE,
                          UNOBSERVED_FROM_DEEP, UNOBSERVED_FROM_SPIRAL, VICTIM, WAR_BORN)
from .catalogue import EscalateError
from .exposure import era_window, used_rows, yearly
from .poisson import fit_rate, gamma_posterior
from ..names import rate_phases


def deliberate_share(rows, rule):
    """Share of contested/unknown rows counted as deliberate."""
    if rule == "half":
        return 0.5
    nd = sum(r["final_attribution"] == "deliberate" for r in rows)
    na = sum(r["final_attribution"] == "accidental" for r in rows)
    return (nd + 1) / (nd + na + 2)   # the type's resolved share, Laplace-smoothed


def split_counts(rows, share):
    nd = sum(r["final_attribution"] == "deliberate" for r in rows)
    na = sum(r["final_attribution"] == "accidental" for r in rows)
    nu = sum(r["final_attribution"] in ("contested", "unknown") for r in rows)
    return na + (1 - share) * nu, nd + share * nu, nu


def component(n_c, exposure, total):
    """Gamma of one component (accidental or deliberate) of a type's rate: its own
    Jeffreys posterior, widened like the total when the total is over-dispersed: to at
    most the total's shape ("moments": the same relative spread as the total, never
    narrower than its own) or with its variance times the dispersion ("quasi")."""
    shape, rate = gamma_posterior(n_c, exposure)
    mean = shape / rate
    if total["method"] != "poisson":
        if total["mode"] == "quasi":
            shape, rate = shape / max(total["dispersion"], 1.0), rate / max(total["dispersion"], 1.0)
        elif total["shape"] < shape:
            shape = total["shape"]
            rate = shape / mean
    return dict(n=n_c, shape=shape, rate=rate, mean=mean)


def series_periods(counts_rows, series):
    """Disjoint periods of a series: its exact single-year rows, plus the remainder of the
    longest row that covers them (count and exposure both by difference)."""
    rows = [r for r in counts_rows if r["series"] == series]
    if not rows:
        raise EscalateError(f"yearly_counts.csv: series {series!r} not found")
    full = max(rows, key=lambda r: (r["period_end"] - r["period_start"]).days)
    years = [r for r in rows if r is not full and r["year"]
             and full["period_start"] <= r["period_start"] and r["period_end"] <= full["period_end"]]
    def length(r):
        return ((r["period_end"] - r["period_start"]).days + 1) / 365.25
    periods = [(r["year"], r["count"], length(r), r["count_qualifier"]) for r in years]
    rest_n = full["count"] - sum(p[1] for p in periods)
    rest_e = length(full) - sum(p[2] for p in periods)
    if rest_e > 0.05 and rest_n >= 0:
        periods.append((f"rest of {full['period_start']}..{full['period_end']}", rest_n, rest_e,
                        full["count_qualifier"]))
    return sorted(periods, key=lambda p: str(p[0])), full


def fit_all(incidents, counts_rows, end, split="share", use_series=True, include_partners=False,
            divisor=1.0, overdispersion="moments"):
    """Every type x era: totals, components, methods. Returns a dict keyed by type."""
    res = {}
    for t in CATALOGUE_TYPES:
        rows_t = [r for r in used_rows(incidents, t, include_partners) if r["date"] <= end]
        share = deliberate_share(rows_t, split)
        eras = {}
        for era in ("deep", "spiral"):
            win = era_window(t, era, end)
            if win is None:
                continue
            rows = [r for r in rows_t if win[0] <= r["date"] <= win[1]]
            years, c, e = yearly(rows, win)
            total = fit_rate(c, e, mode=overdispersion)
            n_acc, n_del, n_unres = split_counts(rows, share)
            acc = component(n_acc, total["exposure"], total)
            dlb = component(n_del, total["exposure"], total)
            acc["source"] = dlb["source"] = "catalogue"
            key = (t, era, "deliberate")
            if use_series and key in SERIES_FOR_RATE:
                periods, full = series_periods(counts_rows, SERIES_FOR_RATE[key])
                sc = np.array([p[1] for p in periods], float)
                se = np.array([p[2] for p in periods], float)
                sfit = fit_rate(sc, se, mode=overdispersion)
                dlb_cat = dlb
                dlb = dict(n=sfit["n"], shape=sfit["shape"], rate=sfit["rate"],
                           mean=sfit["post"][0] / sfit["post"][1],
                           source=f"{SERIES_FOR_RATE[key]} ({full['period_start']}..{full['period_end']})",
                           series_fit=sfit, periods=periods, catalogue=dlb_cat)
            if divisor != 1.0 and era == "spiral" and t in ENGINE_TYPES and \
                    {"nato": "russia", "russia": "nato"}[VICTIM[t]] == "russia":
                dlb = dict(dlb, rate=dlb["rate"] * divisor, mean=dlb["mean"] / divisor,
                           divided_by=divisor)
            eras[era] = dict(window=win, years=years, counts=c, expo=e, total=total,
                             accidental=acc, deliberate=dlb, n_unresolved=n_unres, rows=rows)
        res[t] = dict(share=share, eras=eras, rows=rows_t,
                      excluded=[r for r in incidents if r["type"] == t and r not in rows_t
                                and r["date"] <= end])
    return res


def phase_gammas(fit_t, itype, comp):
    """The four (shape, rate, how) elements [dormant, activated, deep, spiral] of one
    component of one type."""
    eras = fit_t["eras"]
    sp = eras["spiral"][comp]
    w = eras["spiral"]["window"]
    how = f"fitted {w[0].year}-{w[1].year}"
    if "series_fit" in sp:
        how = "fitted to " + sp["source"]
    out = {"spiral": (sp["shape"], sp["rate"], how)}
    if itype in WAR_BORN:
        for ph, f in UNOBSERVED_FROM_SPIRAL.items():
            out[ph] = (sp["shape"], sp["rate"] / f, f"judgement: {f:g} x spiral")
    else:
        dp = eras["deep"][comp]
        out["deep"] = (dp["shape"], dp["rate"], "fitted 2014-2021")
        for ph, f in UNOBSERVED_FROM_DEEP.items():
            out[ph] = (dp["shape"], dp["rate"] / f, f"judgement: {f:g} x deep")
    phases = rate_phases()
    missing = [p for p in phases if p not in out]
    if missing:
        raise EscalateError(f"the engine's rate phase(s) {', '.join(missing)} have no rule in the rate fit "
                            "(escalate/fit/assumptions.py)")
    return [out[p] for p in phases]

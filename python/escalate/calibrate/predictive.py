"""The posterior predictive check: the model's distribution of each calendar year's
incident counts by type, of the answers by rung, and of war, beside what the record
observed.

One trajectory per parameter draw, so that draw m's counts are one sample of the
predictive distribution that mixes both loops (parameter uncertainty and chance). A
window is run once per calendar year end, each run the same config cut short at that day
(runs.run_engine); the trajectories of the shorter runs are the beginnings of the longer
ones, so the difference of two consecutive runs is that year's count in the same
trajectory. predict() checks that no difference is negative (it would mean they were not).
"""
import dataclasses
import datetime as dt
import os

import numpy as np

from escalate.fit.assumptions import RUNGS

from .runs import EscalateError, read_result, run_engine

LEVELS = (0.05, 0.5, 0.95)


@dataclasses.dataclass
class Year:
    year: int
    first: dt.date
    last: dt.date
    counts: np.ndarray     # [M, K] incidents in the year, one trajectory per draw
    answers: np.ndarray    # [M, 5] answers to incidents by rung, summed over types
    observed: np.ndarray   # [K] catalogue rows
    observed_answers: np.ndarray  # [5]


@dataclasses.dataclass
class Window:
    config: str
    start: dt.date
    end: dt.date
    types: list
    years: list            # [Year]
    war: np.ndarray        # [M] 1 if the trajectory reached war within the window
    draws: int


def year_ends(start, end):
    """(year, first day, last day, horizon in days at the end of that day) per calendar year."""
    out = []
    for y in range(start.year, end.year + 1):
        a, b = max(start, dt.date(y, 1, 1)), min(end, dt.date(y, 12, 31))
        out.append((y, a, b, (b - start).days + 1))
    return out


def predict(config, catalogue, folder, draws, threads=None):
    """Run one window config year by year; return a Window with the per-year samples."""
    full = os.path.join(folder, "full.h5")
    run_engine(config, full, draws=draws, trajectories=1, threads=threads)
    whole = read_result(full)
    if whole.start is None:
        raise EscalateError(f"{config}: no run.start_date, so no calendar years")
    types = whole.incident
    catalogue.check_window(whole.start, whole.end)
    previous_counts = np.zeros((draws, len(types)))
    previous_answers = np.zeros((draws, len(types), len(RUNGS)))
    years = []
    for y, first, last, horizon in year_ends(whole.start, whole.end):
        if horizon == whole.horizon_days:
            r = whole
        else:
            out = os.path.join(folder, f"to-{last}.h5")
            run_engine(config, out, draws=draws, trajectories=1, threads=threads, horizon_days=horizon)
            r = read_result(out)
        counts = np.rint(r.incidents).astype(np.int64)
        answers = np.rint(r.decisions).astype(np.int64)
        dc, da = counts - previous_counts, answers - previous_answers
        if (dc < 0).any() or (da < 0).any():
            raise EscalateError(f"{config}: the run to {last} has fewer incidents than the run to the year "
                           "before in some trajectory: the shorter runs are not beginnings of the longer")
        previous_counts, previous_answers = counts, answers
        obs, obs_rungs = catalogue.window(types, first, last)
        years.append(Year(y, first, last, dc, da.sum(axis=1), obs, obs_rungs.sum(axis=0)))
    return Window(config, whole.start, whole.end, types, years, whole.p["war"], draws)


def band(samples):
    """5%, 50% and 95% quantiles of integer samples: the smallest value whose empirical
    distribution function reaches each level, so [5%, 95%] holds at least 90% of them."""
    s = np.sort(np.asarray(samples).ravel())
    n = len(s)
    return tuple(int(s[min(n - 1, int(np.ceil(level * n)) - 1)]) for level in LEVELS)


def flag(observed, lo, hi):
    return "below" if observed < lo else "above" if observed > hi else ""


def pit(samples, observed):
    """Mid-PIT of an observed count: P(X < x) + P(X = x) / 2 under the samples. Uniform on
    [0, 1] on average for calibrated predictions (mean 1/2); near 1 when the record sits
    in the model's upper tail, near 0 in its lower tail."""
    s = np.asarray(samples)
    return float(np.mean(s < observed) + 0.5 * np.mean(s == observed))


def entry(samples, observed, **what):
    lo, med, hi = band(samples)
    return dict(what, observed=int(observed), lo=lo, median=med, hi=hi, flag=flag(observed, lo, hi),
                pit=pit(samples, observed))


def rows(window):
    """Per (year, type): observed, band, flag, mid-PIT."""
    return [entry(yr.counts[:, k], yr.observed[k], year=yr.year, first=yr.first, last=yr.last, type=t)
            for yr in window.years for k, t in enumerate(window.types)]


def totals(window):
    """Per type, the whole window's count (each trajectory's sum over the years)."""
    counts = np.sum([yr.counts for yr in window.years], axis=0)
    observed = np.sum([yr.observed for yr in window.years], axis=0)
    return [entry(counts[:, k], observed[k], type=t) for k, t in enumerate(window.types)]


def series(window, counts_rows, used):
    """Published yearly counts of the series a type's rate was fitted to (the fit's
    SERIES_FOR_RATE: the CSIS sabotage count) beside the model's band for the whole type
    in the same calendar year: [(series, entry)]. Only exact whole-year rows."""
    out = []
    for (itype, _, _), name in used.items():
        if itype not in window.types:
            continue
        k = window.types.index(itype)
        for row in counts_rows:
            if row["series"] != name or not row["year"]:
                continue
            y = int(row["year"])
            yr = next((yr for yr in window.years if yr.year == y), None)
            whole = (row["period_start"], row["period_end"]) == (dt.date(y, 1, 1), dt.date(y, 12, 31))
            if yr is None or not whole or (yr.first, yr.last) != (row["period_start"], row["period_end"]):
                continue
            out.append((name, entry(yr.counts[:, k], row["count"], year=y, type=itype)))
    return out


def answers(window):
    """Per rung over the whole window: the observed count and share, and the model's band
    of the count and of the share (trajectories without any answer are left out of shares)."""
    counts = np.sum([yr.answers for yr in window.years], axis=0)           # [M, 5]
    observed = np.sum([yr.observed_answers for yr in window.years], axis=0)
    total = counts.sum(axis=1)
    shares = counts[total > 0] / total[total > 0, None]
    out = []
    for r, name in enumerate(RUNGS):
        e = entry(counts[:, r], observed[r])
        s = np.quantile(shares[:, r], LEVELS) if len(shares) else (np.nan,) * 3
        obs_share = observed[r] / observed.sum() if observed.sum() else np.nan
        out.append(dict(e, rung=name, share=obs_share, share_band=tuple(s),
                        share_flag=flag(obs_share, s[0], s[2]) if len(shares) else ""))
    return out


def no_war(window):
    """P(no war within the window) with the trajectories' Wilson interval, and a flag if the
    observed "no war" lies in the model's lower 5% tail."""
    from ..intervals import wilson
    p = 1.0 - float(np.mean(window.war))
    lo, hi = wilson(p, window.draws)
    return dict(p=p, lo=lo, hi=hi, flag="below" if p < 0.05 else "")

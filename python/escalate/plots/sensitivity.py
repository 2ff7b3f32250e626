"""The figure of a sensitivity file (escalate sensitivity): for Sobol' designs, first-order
(S1) and total (ST) indices of P(war) and P(first clash) per parameter with their 95%
bootstrap whiskers; for Morris designs, mu* with its whiskers and each parameter's noise
floor. Parameters are sorted by their effect on P(war), largest at the top."""
import os

import numpy as np

from ..files import open as escalate_open
from .common import EscalateError, attr, config_name, horizon_text, significant, strings, text
from .result import Figures

S1_COLOUR = "#08519c"
ST_COLOUR = "#9ecae1"
OUTCOME_TITLES = {"war": "P(war)", "clash": "P(first clash)", "nuclear": "P(nuclear use)"}


def _bars(ax, y, values, intervals, colour, height, label):
    shown = np.nan_to_num(values)
    ax.barh(y, shown, height=height, color=colour, label=label)
    lo, hi = intervals[:, 0], intervals[:, 1]
    ok = np.isfinite(lo) & np.isfinite(hi)
    ax.errorbar(np.where(ok, shown, np.nan), y, xerr=[np.where(ok, shown - lo, 0), np.where(ok, hi - shown, 0)],
                fmt="none", ecolor="black", elinewidth=0.9, capsize=2.5)


def _sobol(f, names, outcomes, fig, figs):
    s1, st = f["S1"][:], f["ST"][:]
    s1i, sti = f["S1_interval"][:], f["ST_interval"][:]
    shown = [o for o in ("war", "clash") if o in outcomes]
    w = outcomes.index("war")
    order = np.argsort(np.where(np.isfinite(st[w]), -st[w], np.inf), kind="stable")   # largest first
    y = np.arange(len(names))[::-1]        # first parameter at the top
    axes = fig.subplots(1, len(shown), sharey=True, sharex=True)
    axes = np.atleast_1d(axes)
    bounds = np.concatenate([s1i[[outcomes.index(o) for o in shown]].ravel(),
                             sti[[outcomes.index(o) for o in shown]].ravel(), [0.0, 0.3]])
    bounds = bounds[np.isfinite(bounds)]
    axes[0].set_xlim(min(-0.05, bounds.min() - 0.02), bounds.max() + 0.05)   # one scale: shares of variance
    drawn = {}
    for ax, outcome in zip(axes, shown):
        o = outcomes.index(outcome)
        _bars(ax, y + 0.19, st[o][order], sti[o][order], ST_COLOUR, 0.38, "total ST (with interactions)")
        _bars(ax, y - 0.19, s1[o][order], s1i[o][order], S1_COLOUR, 0.38, "first-order S1 (alone)")
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlabel(f"share of the variance of {OUTCOME_TITLES[outcome]}")
        variance = f["variance"][o] if "variance" in f else np.nan
        ax.set_title(OUTCOME_TITLES[outcome] + ("" if np.isfinite(variance) and variance > 0 else
                                                "\n(undefined: it varies no more than its noise)"), fontsize=11)
        ax.grid(axis="x", alpha=0.3)
        drawn[outcome] = {names[k]: {"S1": float(s1[o][k]), "S1_interval": [float(v) for v in s1i[o][k]],
                                     "ST": float(st[o][k]), "ST_interval": [float(v) for v in sti[o][k]]}
                          for k in range(len(names))}
    axes[0].set_yticks(y, [names[k] for k in order])
    axes[0].set_ylim(-0.7, len(names) - 0.3)
    axes[0].legend(loc="lower right", fontsize=8)
    return axes[0], drawn, [names[k] for k in order]


def _morris(f, names, outcomes, fig, figs):
    w = outcomes.index("war")
    mu, interval = f["mu_star"][w], f["mu_star_interval"][w]
    floor = f["mu_star_noise_floor"][w]
    order = np.argsort(np.where(np.isfinite(mu), -mu, np.inf), kind="stable")
    y = np.arange(len(names))[::-1]
    ax = fig.subplots(1, 1)
    _bars(ax, y, mu[order], interval[order], S1_COLOUR, 0.6, "mu*: mean |elementary effect|")
    ax.plot(floor[order], y, "|", color="#cb181d", ms=14, mew=2, label="noise floor (binomial noise alone)")
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(y, [names[k] for k in order])
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.set_xlabel("mean |change of P(war)| per unit of quantile moved")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    drawn = {"war": {names[k]: {"mu_star": float(mu[k]), "mu_star_interval": [float(v) for v in interval[k]],
                                "noise_floor": float(floor[k])} for k in range(len(names))}}
    return ax, drawn, [names[k] for k in order]


def plot_sensitivity(path, outdir, fmt):
    """Draws <stem>-sobol or <stem>-morris; returns (stem, plotted, written)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    figs = Figures(outdir, fmt)
    with escalate_open(path).expect("sensitivity") as ef:
        f = ef.h5
        names = strings(f["parameter"])
        outcomes = strings(f["outcome"])
        method = text(attr(f, "method", ""))
        name = config_name(f, stem)
        span = horizon_text(int(attr(f, "horizon_days", 0)))
        points, trajectories = int(attr(f, "points", 0)), int(attr(f, "trajectories", 0))
        base = int(attr(f, "base_samples", 0))
        plotted = {"method": method, "config": name}
        if method not in ("sobol", "morris"):
            raise EscalateError(f"{path}: a design without Saltelli or Morris structure has no indices to draw "
                            "(its per-point estimates are in estimates/p)")
        fig, _ = figs.new(12 if method == "sobol" else 9, max(3.5, 0.34 * len(names) + 2.0))
        fig.clf()
        if method == "sobol":
            ax, drawn, order = _sobol(f, names, outcomes, fig, figs)
            sizes = f"{base} base samples: {points} points x {trajectories} trajectories"
            title = (f"{name}: which uncertain parameters drive P(war) and P(first clash) within {span}\n"
                     f"Sobol' indices, {sizes}; whiskers: 95% bootstrap intervals, binomial noise removed")
        else:
            ax, drawn, order = _morris(f, names, outcomes, fig, figs)
            title = (f"{name}: which uncertain parameters move P(war) within {span}\n"
                     f"Morris screening, {base} paths: {points} points x {trajectories} trajectories; "
                     "whiskers: 95% bootstrap intervals")
        kind = "sobol" if method == "sobol" else "morris"
        figs.title(fig, ax, kind, title)
        figs.save(fig, stem, kind)
    plotted["indices"] = drawn
    plotted["order"] = order
    plotted["format"] = fmt
    plotted["titles"] = figs.titles
    plotted["figures"] = figs.written
    plotted["partial_warnings"] = []
    return stem, plotted, figs.written

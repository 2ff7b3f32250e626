"""The figures of a result, the forest plot of a comparison, and overlays."""
import datetime
import json
import math
import os
import re
import textwrap

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from .common import *  # noqa: F401,F403
from .result import Figures, Result, TimeAxis  # noqa: F401


def level_index(levels, level):
    hits = np.flatnonzero(np.isclose(levels, level))
    if not len(hits):
        raise EscalateError(f"no {level} quantile in the file (has {list(levels)})")
    return int(hits[0])


def result_figures(r, stem, figs):
    """The four figures of one result; returns the numbers drawn."""
    g = r.g
    axis = TimeAxis([r])
    x = axis.x(r)
    warn = [r.warning]
    n = r.draws_done
    span = horizon_text(r.horizon)
    plotted = {"horizon_days": r.horizon, "time_axis": axis.record(), "draws": r.record()}

    levels = g["quantile"][:]
    q = g["war_quantiles"][:]
    i = {lv: level_index(levels, lv) for lv in (0.05, 0.25, 0.5, 0.75, 0.95)}
    fig, ax = figs.new()
    ax.fill_between(x, 100 * q[i[0.05]], 100 * q[i[0.95]], color="#fcbba1", label="90% of draws (5th–95th percentile)")
    ax.fill_between(x, 100 * q[i[0.25]], 100 * q[i[0.75]], color="#fb6a4a", label="50% of draws (25th–75th)")
    ax.plot(x, 100 * q[i[0.5]], color="#67000d", lw=2, label="median draw")
    pooled, _ = r.pooled_war()
    ax.plot(x, 100 * pooled, color="black", ls="--", lw=1, label="pooled over all trajectories")
    ax.set_ylabel("P(war by t) (%)")
    percent_axis(ax.yaxis)
    axis.apply(ax, [r])
    ax.set_ylim(bottom=0)
    if not np.nanmax(np.r_[q[i[0.95]], pooled, 0]) > 0:
        ax.set_ylim(0, 1)
        ax.text(0.5, 0.6, f"no war in any trajectory within {span}", transform=ax.transAxes, ha="center")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize="small")
    figs.title(fig, ax, "fan", f"{r.name}: P(war by t) across {n} parameter draws\n"
               f"(at {span}: median {pct(q[i[0.5], -1])}, 90% of draws: {pct(q[i[0.05], -1])}–{pct(q[i[0.95], -1])})",
               warn)
    figs.save(fig, stem, "fan")
    plotted["fan_median_at_horizon"] = float(q[i[0.5], -1])
    plotted["fan_q05_at_horizon"] = float(q[i[0.05], -1])
    plotted["fan_q95_at_horizon"] = float(q[i[0.95], -1])
    plotted["pooled_at_horizon"] = float(pooled[-1])

    fig, ax = figs.new()
    occ = g["occupancy"][:]
    ax.stackplot(x, 100 * occ.T, labels=r.phases, colors=PHASE_COLOURS[:len(r.phases)])
    ax.set_ylabel("share of trajectories (%)")
    axis.apply(ax, [r])
    ax.set_ylim(0, 100)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=len(r.phases), fontsize="small", frameon=False)
    end = ", ".join(f"{p} {pct(v)}" for p, v in zip(r.phases, occ[-1]) if v > 0)
    figs.title(fig, ax, "occupancy", f"{r.name}: phase of the security dilemma over {span}\n(at the end: {end})", warn)
    figs.save(fig, stem, "occupancy")
    plotted["occupancy_at_horizon"] = [float(v) for v in occ[-1]]

    fig, ax = figs.new()
    p_war = g["draws/p_war"][:]
    p_war = p_war[np.isfinite(p_war)]
    values = 100 * p_war
    mean = float(np.mean(p_war)) if len(p_war) else float("nan")
    median = float(np.median(p_war)) if len(p_war) else float("nan")
    distinct, counts = np.unique(values, return_counts=True)
    lattice = len(distinct) > 1 and np.ptp(distinct) / np.min(np.diff(distinct)) <= 40
    if lattice:
        # Few values on a grid (k wars of n trajectories, k small): one bar per value, centred on it.
        width = 0.7 * float(np.min(np.diff(distinct)))
        ax.bar(distinct, counts, width=width, color="#cb181d", edgecolor="white")
        ax.set_xlim(distinct[0] - width, distinct[-1] + width)
    elif len(distinct) > 1:
        ax.hist(values, bins=min(40, max(10, len(values) // 5)), color="#cb181d", edgecolor="white")
        left, right = ax.get_xlim()
        ax.set_xlim(max(left, 0), right)
    elif len(distinct) == 1:
        # Every draw has the same P(war) (often 0): one bar, on a range that shows what it is.
        width = max(abs(distinct[0]) * 0.1, 0.01)
        ax.bar(distinct, counts, width=width, color="#cb181d", edgecolor="white")
        ax.set_xlim(distinct[0] - 10 * width, distinct[0] + 10 * width)
    ax.axvline(100 * mean, color="black", ls="--", label=f"mean {pct(mean)}")
    ax.axvline(100 * median, color="#737373", ls=":", lw=2, label=f"median {pct(median)}")
    ax.set_xlabel(f"P(war within {span}) of one parameter draw (%)")
    percent_axis(ax.xaxis)
    ax.set_ylabel("number of draws")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend()
    figs.title(fig, ax, "p-war", f"{r.name}: P(war within {span}) across {n} parameter draws", warn)
    figs.save(fig, stem, "p-war")
    plotted["p_war_mean"] = mean
    plotted["p_war_median"] = median
    plotted["p_war_draws"] = int(len(p_war))

    names = strings(g["parameter"])
    if names:
        sens = g["sensitivity"][:]
        defined = np.isfinite(sens)
        order = np.argsort(np.where(defined, np.abs(sens), -1.0), kind="stable")
        fig, ax = figs.new(8, max(3, 0.3 * len(names) + 1.6))
        shown = np.nan_to_num(sens[order])
        labels = [names[k] + ("" if defined[k] else " (n/a)") for k in order]
        threshold = attr(g["sensitivity"], "noise_threshold")
        threshold = float(threshold) if threshold is not None and np.isfinite(threshold) else None
        faint = [threshold is not None and abs(v) <= threshold for v in shown]
        ax.barh(labels, shown, color=[("#9ecae1" if f else "#2171b5") if v < 0 else ("#fcbba1" if f else "#cb181d")
                                      for v, f in zip(shown, faint)])
        if threshold is not None:   # what a parameter without effect reaches 95% of the time
            ax.axvspan(-threshold, threshold, color="#d9d9d9", alpha=0.5, lw=0, zorder=0,
                       label=f"noise: |rho| < {threshold:.2f} (5% level, {n} draws)")
            ax.legend(loc="lower right", fontsize=8)
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlabel("Spearman rank correlation with per-draw P(war)\n(red: higher values raise P(war); blue: lower it)")
        ax.set_xlim(-1, 1)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.grid(axis="x", alpha=0.3)
        if not defined.any():
            ax.text(0, (len(names) - 1) / 2, "undefined: P(war) is the same in every draw\n"
                    f"(e.g. no war in any draw within {span})", ha="center", va="center",
                    bbox=dict(facecolor="white", edgecolor="#bdbdbd"))
        figs.title(fig, ax, "sensitivity",
                   f"{r.name}: which uncertain parameters drive P(war)\n(across {n} parameter draws)", warn)
        figs.save(fig, stem, "sensitivity")
        plotted["sensitivity"] = {names[k]: float(sens[k]) for k in range(len(names))}
        plotted["sensitivity_noise_threshold"] = threshold
    return plotted


def comparison_kind(results):
    """What the compared configs are, from where their configs live: Policies, Scenarios, ..."""
    dirs = set()
    for r in results[1:]:
        path = attr(r.g, "config_path")
        dirs.add(os.path.basename(os.path.dirname(text(path))) if path is not None else "")
    if len(dirs) == 1:
        d = dirs.pop()
        if d in ("policies", "scenarios"):
            return d.capitalize()
    return "Configurations"


def forest(f, results, stem, figs):
    c = f["comparison"]
    names = strings(c["config"])
    outcomes = strings(c["outcome"]) if "outcome" in c else ["war"]
    w = outcomes.index("war") if "war" in outcomes else 0
    diff = c["difference"][:, w]
    paired = c["paired_interval"][:, w, :]
    unpaired = c["unpaired_interval"][:, w, :]
    rows = sorted(range(1, len(names)), key=lambda k: diff[k])
    if not rows:
        return {"rows": {}}
    reference = names[0]
    span = horizon_text(results[0].horizon)
    kind = comparison_kind(results)
    n_rows = len(rows)
    fig, ax = figs.new(8, max(3.0, 2.2 + 0.5 * n_rows))
    for j, k in enumerate(rows):
        ax.plot(100 * unpaired[k], [j, j], color="#bdbdbd", lw=10, solid_capstyle="butt",
                label="unpaired 95%" if j == 0 else None)
        ax.plot(100 * paired[k], [j, j], color="#08519c", lw=3.5, solid_capstyle="butt",
                label="paired 95% (common random numbers)" if j == 0 else None)
        ax.plot(100 * diff[k], j, "o", color="#08306b", ms=7, label="difference" if j == 0 else None)
    ax.axvline(0, color="black", lw=0.8)
    labels = [f"{names[k]}\n{interval_text(diff[k], paired[k])}" for k in rows]
    ax.set_yticks(np.arange(n_rows), labels)
    ax.set_ylim(n_rows - 0.4, -0.6)      # ranked as in `escalate summary`: the largest decrease on top
    ax.set_xlabel(f"change in P(war within {span}) against {reference} (percentage points)")
    percent_axis(ax.xaxis)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22 if n_rows == 1 else -0.12 - 0.3 / n_rows),
              ncol=3, fontsize="small", frameon=False)
    what = names[rows[0]] if n_rows == 1 else kind
    n = min(r.draws_done for r in results)
    figs.title(fig, ax, "forest", f"{what} against {reference}: change in P(war within {span})\n"
               f"{n} paired parameter draws; beside each name: difference [paired 95% interval]", [r.warning for r in results])
    layout = {"height_inches": float(fig.get_figheight()), "ylim": [float(v) for v in ax.get_ylim()],
              "ytick_y": [float(v) for v in ax.get_yticks()],
              "bar_y": [float(np.mean(line.get_ydata())) for line in ax.get_lines()[:3 * n_rows:3]]}
    figs.save(fig, stem, "forest")
    return {"compared": kind, "reference": reference, "layout": layout,
            "rows": {names[k]: {"difference": float(diff[k]), "paired": [float(v) for v in paired[k]],
                                "unpaired": [float(v) for v in unpaired[k]]} for k in rows}}


def unique_labels(results):
    """Config names, with the file's name added where two lines would share one."""
    names = [r.name for r in results]
    labels = [f"{r.name} ({os.path.basename(r.path)})" if names.count(r.name) > 1 else r.name for r in results]
    if len(set(labels)) < len(labels):
        labels = [f"{label} #{i + 1}" for i, label in enumerate(labels)]
    return labels


def overlay(results, stem, figs, note=""):
    """Pooled P(war by t) of several results on one chart, each with its 95% Monte Carlo band."""
    axis = TimeAxis(results)
    labels = unique_labels(results)
    fig, ax = figs.new(8, 4.5 + 0.22 * ((len(results) + 1) // 2))
    drawn = {}
    for k, (r, label) in enumerate(zip(results, labels)):
        colour = LINE_COLOURS[k % len(LINE_COLOURS)]
        x = axis.x(r)
        p, band = r.pooled_war()
        if band is not None:
            ax.fill_between(x, 100 * band[0], 100 * band[1], color=colour, alpha=0.18, lw=0)
        legend = f"{label}: {pct(p[-1])} by {horizon_text(r.horizon)}"
        if not r.complete:
            legend += f" (PARTIAL: {r.draws_done} of {r.draws_planned} draws)"
        ax.plot(x, 100 * p, color=colour, lw=2, label=legend)
        drawn[label] = {"file": r.path, "config": r.name, "horizon_days": r.horizon,
                        "p_war_at_horizon": float(p[-1]),
                        "band_at_horizon": None if band is None else [float(band[0, -1]), float(band[1, -1])],
                        "draws": r.record()}
    ax.set_ylabel("P(war by t), pooled over draws (%)")
    percent_axis(ax.yaxis)
    axis.apply(ax, results)
    ax.set_ylim(bottom=0)
    if not max(d["band_at_horizon"][1] if d["band_at_horizon"] else d["p_war_at_horizon"] for d in drawn.values()) > 0:
        ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=1 if len(results) <= 2 else 2,
              fontsize="small", frameon=False, title_fontsize="small",
              title=("P(war) at the horizon; shaded: 95% Monte Carlo interval (draws and trajectories)"
                     if any(d["band_at_horizon"] for d in drawn.values()) else "P(war) at the horizon") + note)
    partial = [f"PARTIAL: {label} has {r.draws_done} of {r.draws_planned} draws"
               for r, label in zip(results, labels) if not r.complete]
    names = ", ".join(labels) if len(labels) <= 4 else f"{labels[0]} and {len(labels) - 1} other configs"
    figs.title(fig, ax, "overlay", f"P(war by t), pooled over all trajectories\n{names}", partial)
    figs.save(fig, stem, "overlay")
    return {"time_axis": axis.record(), "lines": drawn}


# ---------------------------------------------------------------------------- commands


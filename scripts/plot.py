#!/usr/bin/env python3
"""Figures from Escalate result and comparison files.

    scripts/plot.py results/baseline-2022.h5 [-o DIR] [--format png|svg|pdf]
    scripts/plot.py results/compare-baseline-2022.h5 [-o DIR]
    scripts/plot.py --overlay a.h5 b.h5 [c.h5 ...] [-o DIR] [--name STEM]

A result file gives four figures (png by default; --format svg or pdf):
  <stem>-fan          P(war by t) across parameter draws: median, 50% and 90% bands
  <stem>-occupancy    phase occupancy over time (stacked)
  <stem>-p-war        histogram of per-draw P(war by the horizon)
  <stem>-sensitivity  tornado: Spearman correlation of per-draw P(war) with each parameter
A comparison file gives <stem>-forest (dP(war) per config with paired and unpaired 95%
intervals) and <stem>-overlay (pooled P(war by t) of every config), plus the four
figures of its reference config.

--overlay draws the pooled P(war by t) of several files on one chart, one line per config
(every config of a comparison file), each with its 95% Monte Carlo band (both loops). It
writes <stem1>-vs-<stem2>...-overlay (or <STEM>-overlay with --name STEM).

The time axis follows the horizon: days up to 120 days, months up to two years, years
beyond (calendar dates when the file has a start date: a `days since YYYY-MM-DD` units
attribute on time_days, a root `start_date` attribute, or `start_date` in the [run] table
of the stored config). Titles name the config (the stem of the config path recorded in the
file, else the file's stem). A partial file (complete = 0: interrupted, or one shard)
gets "PARTIAL: k of n draws" in red in every title, and every count of draws is k: the draws
that have trajectories (draws/trajectories > 0 if the file has it, else
state/draw_trajectories > 0, else finite draws/p_war). Percentages keep two significant
digits (0.05%, 0.12%, 12%).

Beside the figures, <stem>-plotted.json records the numbers that were drawn, so tests
can check that they are the file's. Run with Debian's python3 (h5py, matplotlib):
/usr/bin/python3, or $PYTHON.
"""
import argparse
import datetime
import json
import math
import os
import re
import sys
import textwrap

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

PHASE_COLOURS = ["#c7e9c0", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"]
LINE_COLOURS = ["#08519c", "#cb181d", "#238b45", "#6a51a3", "#d94801", "#525252", "#1c9099",
                "#ae017e", "#8c6d31", "#e7298a"]
WARNING_COLOUR = "#b30000"
FORMATS = ("png", "svg", "pdf")
SHORT_HORIZON_DAYS = 120     # up to this: a time axis in days
MEDIUM_HORIZON_DAYS = 730    # up to this: months; beyond: years (or calendar dates)
DAYS_PER_YEAR = 365.0
DAYS_PER_MONTH = DAYS_PER_YEAR / 12
Z95 = 1.959963984540054


class PlotError(Exception):
    pass


# ---------------------------------------------------------------------------- formatting

def text(value):
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, np.ndarray) and value.shape == ():
        return text(value[()])
    return str(value)


def strings(dataset):
    return [text(s) for s in dataset[:]]


def significant(value, digits=2, sign=False):
    """`value` with `digits` significant digits: 0.05, 0.12, 8.0, 12 (below 1, trailing zeros dropped)."""
    if value is None or not np.isfinite(value):
        return "n/a"
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(abs(value)))))
    s = f"{value:{'+' if sign else ''}.{decimals}f}"
    if "." in s and abs(value) < 1:
        s = s.rstrip("0").rstrip(".")
    if float(s) != 0 and abs(float(s)) >= 100 and abs(value) < 100:
        s = f"{value:{'+' if sign else ''}.1f}"     # 99.96% is not 100%
    return s


def pct(p, sign=False):
    """A probability as a percentage with two significant digits: 0.05%, 0.12%, 12%."""
    return "n/a" if p is None or not np.isfinite(p) else significant(100 * p, sign=sign) + "%"


def pp(d):
    """A difference of probabilities in percentage points, signed."""
    return "n/a" if not np.isfinite(d) else significant(100 * d, sign=True) + " pp"


def interval_text(value, interval):
    """A difference and its interval in percentage points, all to the interval's precision:
    '+0.0063 pp [+0.0025, +0.0100]'."""
    values = [100 * value] + [100 * v for v in interval]
    if not all(np.isfinite(values)):
        return pp(value)
    half = abs(values[2] - values[1]) / 2
    scale = half if half > 0 else max(abs(v) for v in values)
    decimals = 0 if scale == 0 else max(0, 1 - int(math.floor(math.log10(scale))))
    a, lo, hi = (f"{v:+.{decimals}f}" for v in values)
    return f"{a} pp [{lo}, {hi}]"


def horizon_text(days):
    if days <= SHORT_HORIZON_DAYS:
        return f"{days} days"
    if days % 365 == 0:
        years = days // 365
        return "1 year" if years == 1 else f"{years} years"
    return f"{days} days"


def date_text(d):
    return f"{d.day} {d:%b %Y}"


def tick_text(v):
    """A tick value without trailing zeros or an offset: 0.005, 0.05, 2.5, 10."""
    s = f"{v:.6f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def percent_axis(axis):
    axis.set_major_formatter(FuncFormatter(lambda v, _: tick_text(v)))


# ---------------------------------------------------------------------------- reading

def attr(obj, name, default=None):
    if obj is None or name not in obj.attrs:
        return default
    return obj.attrs[name]


def config_name(g, fallback):
    """The stem of the config path recorded in the file, else `fallback` (the file's stem)."""
    path = attr(g, "config_path")
    if path is None and g is not g.file:
        path = attr(g.file, "config_path")
    if path is not None and text(path).strip():
        return os.path.splitext(os.path.basename(text(path)))[0]
    return fallback


DAYS_SINCE = re.compile(r"^\s*days?\s+since\s+(\d{4})-(\d{1,2})-(\d{1,2})", re.IGNORECASE)
ISO_DATE = re.compile(r"^\s*['\"]?(\d{4})-(\d{2})-(\d{2})")


def parse_date(value, pattern=ISO_DATE):
    m = pattern.match(text(value))
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def config_start_date(config_text):
    """`start_date` in the [run] table of a TOML config text (quoted string or TOML date)."""
    table = None
    for line in config_text.splitlines():
        header = re.match(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", line)
        if header:
            table = header.group(1).strip().strip("'\"")
            continue
        m = re.match(r"""^\s*start_date\s*=\s*(['"]?\d{4}-\d{2}-\d{2})""", line)
        if m and table == "run":
            return parse_date(m.group(1))
        m = re.match(r"""^\s*run\s*\.\s*start_date\s*=\s*(['"]?\d{4}-\d{2}-\d{2})""", line)
        if m and table is None:
            return parse_date(m.group(1))
    return None


def start_date(g):
    """(date, where it came from) or (None, None)."""
    units = attr(g["time_days"], "units")
    if units is not None:
        d = parse_date(units, DAYS_SINCE)
        if d:
            return d, "time_days units"
    for holder in (g, g.file):
        value = attr(holder, "start_date")
        if value is not None:
            d = parse_date(value)
            if d:
                return d, "start_date attribute"
    for holder in (g, g.file):
        config = attr(holder, "config")
        if config is not None:
            d = config_start_date(text(config))
            if d:
                return d, "config [run] start_date"
    return None, None


def draws_done(g):
    """(draws with at least one trajectory, planned draws, the dataset that told)."""
    planned = attr(g, "draws")
    if "draws/trajectories" in g:
        per_draw, source = g["draws/trajectories"][:], "draws/trajectories"
        done = int(np.count_nonzero(per_draw > 0))
    elif "state/draw_trajectories" in g:
        per_draw, source = g["state/draw_trajectories"][:], "state/draw_trajectories"
        done = int(np.count_nonzero(per_draw > 0))
    elif "draws/p_war" in g:
        per_draw, source = g["draws/p_war"][:], "draws/p_war (finite values)"
        done = int(np.count_nonzero(np.isfinite(per_draw)))
    else:
        per_draw, source = g["war_by_draw"][:], "war_by_draw (rows with finite values)"
        done = int(np.count_nonzero(np.isfinite(per_draw).any(axis=1)))
    planned = int(planned) if planned is not None else len(per_draw)
    return done, planned, source


class Result:
    """One result: the root of a run file, or one config's group of a comparison."""

    def __init__(self, g, path, fallback_name):
        self.g = g
        self.path = path
        self.name = config_name(g, fallback_name)
        self.days = g["time_days"][:].astype(float)
        self.horizon = int(round(self.days[-1]))
        self.phases = strings(g["phase"])
        self.war = self.phases.index("war") if "war" in self.phases else len(self.phases) - 1
        self.start, self.start_source = start_date(g)
        self.draws_done, self.draws_planned, self.draws_source = draws_done(g)
        complete = attr(g, "complete")
        if complete is None and g is not g.file:
            complete = attr(g.file, "complete")
        self.complete = complete is None or int(complete) != 0
        self.trajectories_done = attr(g, "trajectories_done")
        self.trajectories_planned = attr(g, "trajectories_planned")
        self.shard = (int(attr(g, "shard_index", 0)), int(attr(g, "shard_count", 1)))   # index: 0-based

    @property
    def warning(self):
        """'' for a complete result, else the line every title of it carries."""
        if self.complete:
            return ""
        w = f"PARTIAL: {self.draws_done} of {self.draws_planned} draws"
        details = []
        if self.trajectories_done is not None and self.trajectories_planned:
            details.append(f"{int(self.trajectories_done):,} of {int(self.trajectories_planned):,} trajectories")
        details.append(f"shard {self.shard[0] + 1} of {self.shard[1]}" if self.shard[1] > 1 else "interrupted run")
        w += f" ({'; '.join(details)})"
        return w

    def record(self):
        return {"name": self.name, "complete": self.complete, "draws_done": self.draws_done,
                "draws_planned": self.draws_planned, "draws_counted_from": self.draws_source,
                "trajectories_done": None if self.trajectories_done is None else int(self.trajectories_done),
                "trajectories_planned": None if self.trajectories_planned is None else int(self.trajectories_planned),
                "warning": self.warning or None}

    def pooled_war(self):
        """Pooled P(war by t) and its 95% Monte Carlo band over both loops, as the engine wrote
        them (p_war_by_time); for older files, the pooled curve with a Wilson band (None if
        unknown), which ignores the spread between parameter draws."""
        if "p_war_by_time" in self.g and "p_war_by_time_interval" in self.g:
            return self.g["p_war_by_time"][:].astype(float), self.g["p_war_by_time_interval"][:].T.astype(float)
        p = self.g["reached"][:, self.war].astype(float)
        n = self.trajectories_done
        if n is None or int(n) <= 0:
            return p, None
        n = float(n)
        centre = (p + Z95 ** 2 / (2 * n)) / (1 + Z95 ** 2 / n)
        half = Z95 * np.sqrt(np.clip(p * (1 - p), 0, None) / n + Z95 ** 2 / (4 * n * n)) / (1 + Z95 ** 2 / n)
        return p, np.clip(np.vstack([centre - half, centre + half]), 0, 1)


def open_results(path):
    """The Results of a run file ([root]) or of a comparison file ([reference, others...])."""
    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise PlotError(f"{path}: not a readable HDF5 file ({e})")
    kind = text(f.attrs.get("filetype", ""))
    stem = os.path.splitext(os.path.basename(path))[0]
    if kind == "escalate-results":
        return f, kind, [Result(f, path, stem)]
    if kind == "escalate-comparison":
        names = strings(f["comparison/config"])
        return f, kind, [Result(f[n], path, n) for n in names]
    f.close()
    raise PlotError(f"{path}: not an Escalate result or comparison file")


# ---------------------------------------------------------------------------- time axis

class TimeAxis:
    """Days, months, years or calendar dates, as the longest horizon suits."""

    def __init__(self, results):
        self.horizon = max(r.horizon for r in results)
        starts = [r.start for r in results]
        self.start = starts[0] if all(s is not None and s == starts[0] for s in starts) else None
        self.dated = all(s is not None for s in starts)
        self.start_source = results[0].start_source if self.start is not None else None
        if self.horizon <= SHORT_HORIZON_DAYS:
            self.unit = "day"
            self.label = f"days since {date_text(self.start)}" if self.start else "days from the start"
        elif self.dated:
            self.unit = "date"
            self.label = "date"
        elif self.horizon <= MEDIUM_HORIZON_DAYS:
            self.unit = "month"
            self.label = "months from the start"
        else:
            self.unit = "year"
            self.label = "years from the start"

    def x(self, result):
        days = result.days
        if self.unit == "day":
            return days
        if self.unit == "month":
            return days / DAYS_PER_MONTH
        if self.unit == "year":
            return days / DAYS_PER_YEAR
        return np.datetime64(result.start.isoformat(), "D") + np.round(days).astype("timedelta64[D]")

    def apply(self, ax, results):
        xs = [self.x(r) for r in results]
        ax.set_xlim(min(x[0] for x in xs), max(x[-1] for x in xs))
        ax.set_xlabel(self.label)
        if self.unit == "date":
            locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        elif self.unit == "month":
            ax.xaxis.set_major_locator(MaxNLocator(nbins=12, steps=[1, 2, 3, 6, 10]))
        elif self.unit == "day":
            ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True, steps=[1, 2, 5, 7, 10]))

    def record(self):
        return {"unit": self.unit, "label": self.label, "horizon_days": self.horizon,
                "start_date": self.start.isoformat() if self.start else None,
                "start_date_from": self.start_source}


# ---------------------------------------------------------------------------- figures

class Figures:
    def __init__(self, outdir, fmt):
        self.outdir = outdir
        self.fmt = fmt
        self.written = []
        self.titles = {}

    def new(self, width=8, height=4.5):
        return plt.subplots(figsize=(width, height), layout="constrained")

    def title(self, fig, ax, kind, main, warnings=()):
        """The figure's title; a partial input adds its warning line, in red, and a watermark."""
        warnings = [w for w in warnings if w]
        width = int(fig.get_figwidth() * 11)      # characters that fit across the figure
        full = "\n".join(textwrap.fill(line, width) for line in warnings + main.split("\n"))
        fig.suptitle(full, color=WARNING_COLOUR if warnings else "black",
                     fontweight="bold" if warnings else "normal", fontsize=11 if warnings else 12)
        if warnings:
            ax.text(0.5, 0.5, "PARTIAL", transform=ax.transAxes, ha="center", va="center", rotation=20,
                    fontsize=64, color=WARNING_COLOUR, alpha=0.1, zorder=10)
        self.titles[kind] = full

    def save(self, fig, stem, kind):
        path = os.path.join(self.outdir, f"{stem}-{kind}.{self.fmt}")
        fig.savefig(path, format=self.fmt, dpi=110, metadata=None)
        plt.close(fig)
        self.written.append(path)
        return path


def level_index(levels, level):
    hits = np.flatnonzero(np.isclose(levels, level))
    if not len(hits):
        raise PlotError(f"no {level} quantile in the file (has {list(levels)})")
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
        ax.barh(labels, shown, color=["#2171b5" if v < 0 else "#cb181d" for v in shown])
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

def plot_file(path, outdir, fmt):
    f, kind, results = open_results(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    figs = Figures(outdir, fmt)
    with f:
        plotted = result_figures(results[0], stem, figs)
        if kind == "escalate-comparison":
            drawn = forest(f, results, stem, figs)
            plotted["forest"] = drawn.pop("rows")
            plotted["forest_meta"] = drawn
            plotted["overlay"] = overlay(results, stem, figs, note="\n(each config's own; for the paired "
                                         "differences, which are narrower, see the forest plot)")
    plotted["format"] = fmt
    plotted["titles"] = figs.titles
    plotted["figures"] = figs.written
    plotted["partial_warnings"] = [f"{r.name} in {path}: {r.warning}" for r in results if r.warning]
    return stem, plotted, figs.written


def overlay_stem(paths):
    stems = [os.path.splitext(os.path.basename(p))[0] for p in paths]
    joined = "-vs-".join(stems)
    return joined if len(joined) <= 80 else f"{stems[0]}-and-{len(stems) - 1}-more"


def plot_overlay(paths, outdir, fmt, name):
    figs = Figures(outdir, fmt)
    files, results = [], []
    try:
        for path in paths:
            f, _, rs = open_results(path)
            files.append(f)
            results.extend(rs)
        stem = name or overlay_stem(paths)
        plotted = {"overlay": overlay(results, stem, figs)}
    finally:
        for f in files:
            f.close()
    plotted["format"] = fmt
    plotted["titles"] = figs.titles
    plotted["figures"] = figs.written
    plotted["partial_warnings"] = [f"{r.name} in {r.path}: {r.warning}" for r in results if r.warning]
    return stem, plotted, figs.written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", help="a result or comparison file (.h5)")
    parser.add_argument("--overlay", nargs="+", metavar="FILE",
                        help="draw the pooled P(war by t) of these files (and of FILE, if given) on one chart")
    parser.add_argument("-o", "--outdir", default=None, help="where to write the figures (default: beside the file)")
    parser.add_argument("--format", choices=FORMATS, default="png", help="figure format (default: png)")
    parser.add_argument("--name", default=None, help="stem of the overlay's files (default: <stem1>-vs-<stem2>...)")
    args = parser.parse_args()
    paths = ([args.file] if args.file else []) + (args.overlay or [])
    if not paths:
        parser.error("give a result or comparison file, or --overlay FILE [FILE ...]")
    outdir = args.outdir or os.path.dirname(os.path.abspath(paths[0]))
    os.makedirs(outdir, exist_ok=True)
    try:
        if args.overlay:
            stem, plotted, written = plot_overlay(paths, outdir, args.format, args.name)
        else:
            stem, plotted, written = plot_file(args.file, outdir, args.format)
    except PlotError as e:
        print(f"plot.py: {e}", file=sys.stderr)
        return 2
    with open(os.path.join(outdir, f"{stem}-plotted.json"), "w") as out:
        json.dump(plotted, out, indent=1)
    for path in written:
        print(path)
    for w in plotted.get("partial_warnings", []):
        print(f"plot.py: warning: {w}: the figures say so in their titles. "
              "Complete the run with `escalate run CONFIG --resume FILE` (or merge the shards).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

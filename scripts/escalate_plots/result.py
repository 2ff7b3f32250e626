"""Reading a result (or one config of a comparison) and writing figures."""
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
from .common import PlotError, attr, config_name, draws_done, start_date, strings, text, time_axis  # noqa: F401


class Result:
    """One result: the root of a run file, or one config's group of a comparison."""

    def __init__(self, g, path, fallback_name):
        self.g = g
        self.path = path
        self.name = config_name(g, fallback_name)
        self.days = time_axis(g)[:].astype(float)  # whole days from the start, as stored
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



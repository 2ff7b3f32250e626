"""The time axis and the figure writer (results are read by escalate.files)."""
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
from .common import EscalateError, attr, config_name, draws_done, start_date, strings, text, time_axis  # noqa: F401
from ..files import Result  # noqa: E402,F401
from ..files import open as escalate_open  # noqa: E402


def open_results(path):
    """(file, kind, [Result]) of a run, comparison or sweep file (escalate.open checks it whole)."""
    f = escalate_open(path).expect("run", "comparison", "sweep")
    return f, f.kind, f.results()


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



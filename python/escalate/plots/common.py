"""Shared constants, number and date formatting (what a file says of itself: escalate.reading)."""
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

from ..errors import EscalateError  # noqa: E402
from ..intervals import Z95  # noqa: E402,F401
from ..reading import (attr, config_name, config_start_date, draws_done, parse_date,  # noqa: E402,F401
                       start_date, strings, text, time_axis)


PHASE_COLOURS = ["#c7e9c0", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704", "#000000"]  # dormant .. war, nuclear
LINE_COLOURS = ["#08519c", "#cb181d", "#238b45", "#6a51a3", "#d94801", "#525252", "#1c9099",
                "#ae017e", "#8c6d31", "#e7298a"]
WARNING_COLOUR = "#b30000"
FORMATS = ("png", "svg", "pdf")
SHORT_HORIZON_DAYS = 120     # up to this: a time axis in days
MEDIUM_HORIZON_DAYS = 730    # up to this: months; beyond: years (or calendar dates)
DAYS_PER_YEAR = 365.0
DAYS_PER_MONTH = DAYS_PER_YEAR / 12
PlotError = EscalateError   # the one error type of the tools (escalate.errors)


# ---------------------------------------------------------------------------- formatting

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

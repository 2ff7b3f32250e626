"""Shared constants, number and date formatting, and what a file says of itself."""
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


PHASE_COLOURS = ["#c7e9c0", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704", "#000000"]  # dormant .. war, nuclear
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


def time_axis(g):
    """The time coordinate: `time` (result format 3 on, CF-1.8), `time_days` before."""
    return g["time"] if "time" in g else g["time_days"]


def start_date(g):
    """(date, where it came from) or (None, None)."""
    units = attr(time_axis(g), "units")
    if units is not None:
        d = parse_date(units, DAYS_SINCE)
        if d:
            return d, "time units"
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



"""What a file says of itself: strings and attributes, the config's name, the start date,
the time axis, how many draws are done. Shared by every reader (files.py) and figure."""
import datetime
import os
import re

import numpy as np


def text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, np.ndarray) and value.shape == ():
        return text(value[()])
    return str(value)


def strings(dataset):
    return [text(s) for s in dataset[:]]


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



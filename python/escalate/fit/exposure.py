"""Exposure and yearly counts: which rows are incidents of an engine type, the date
window of each phase-era, and the counts and exposures (years) per calendar year."""
import datetime as dt

import numpy as np

from .assumptions import CATALOGUE_START, SPIRAL_START, VICTIM, WAR_BORN, WAR_START


def year_fraction(start, end, year):
    """Fraction of calendar year `year` inside [start, end] (inclusive dates)."""
    y0, y1 = dt.date(year, 1, 1), dt.date(year, 12, 31)
    a, b = max(start, y0), min(end, y1)
    if b < a:
        return 0.0
    return ((b - a).days + 1) / ((y1 - y0).days + 1)


def era_window(itype, era, end):
    """Inclusive (start, end) dates of the exposure of `itype` in `era`, or None."""
    if era == "deep":
        start, stop = CATALOGUE_START, min(end, SPIRAL_START - dt.timedelta(days=1))
    else:
        start, stop = SPIRAL_START, end
    if itype in WAR_BORN:
        start = max(start, WAR_START)
    return (start, stop) if start <= stop else None


def used_rows(rows, itype, include_partners=False):
    """Rows that are incidents of the engine type: the engine's victim side, and for a
    NATO victim a member state (not Moldova, Ukraine, pre-accession Sweden/Finland)."""
    out = []
    for r in rows:
        if r["type"] != itype or r["victim"] != VICTIM[itype]:
            continue
        if r["victim"] == "nato" and r["victim_state_nato_member"] != "yes" and not include_partners:
            continue
        out.append(r)
    return out


def yearly(rows, window):
    """Yearly counts and exposures (years) of `rows` inside an inclusive date window."""
    start, stop = window
    years = list(range(start.year, stop.year + 1))
    counts = np.array([sum(1 for r in rows if r["date"].year == y and start <= r["date"] <= stop)
                       for y in years], dtype=float)
    expo = np.array([year_fraction(start, stop, y) for y in years])
    return years, counts, expo

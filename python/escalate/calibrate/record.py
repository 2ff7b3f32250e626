"""What the catalogue (data/incidents.csv) observed in a date window, in the engine's terms:
the rows of each engine incident type (the fit's rule: the engine type's victim side, and
for a NATO victim a member state), their answers by rung, and counts per calendar year."""
import dataclasses
import datetime as dt
import os

import numpy as np

from escalate.fit.assumptions import CATALOGUE_START, CATALOGUE_TYPES, RUNGS, WAR_BORN, WAR_START
from escalate.fit.catalogue import EscalateError, data_version, read_incidents, sha256
from escalate.fit.exposure import used_rows, year_fraction

from escalate.fit.catalogue import COUNTS, INCIDENTS  # noqa: F401 - defaults, relative to the working directory


@dataclasses.dataclass
class Catalogue:
    path: str
    rows: list
    version: str
    sha256: str
    last: dt.date          # the latest incident: the record's end

    @classmethod
    def load(cls, path=INCIDENTS):
        rows = read_incidents(path)
        readme = os.path.join(os.path.dirname(os.path.abspath(path)), "README.md")
        return cls(path, rows, data_version(readme), sha256(path), max(r["date"] for r in rows))

    def check_window(self, start, end):
        """A window must lie inside the record: before its start nothing was collected, and
        after its last incident a zero would be missing data, not an observation."""
        if start is None:
            raise EscalateError("the window's config has no run.start_date: the record cannot be matched to it")
        if start < CATALOGUE_START or end > self.last:
            raise EscalateError(f"window {start}..{end} leaves the record {CATALOGUE_START}..{self.last} "
                            f"({self.path}): counts outside it are missing, not zero")

    def rows_of(self, itype, start, end):
        if itype not in CATALOGUE_TYPES:
            raise EscalateError(f"incident type {itype!r} of the config is not a catalogue type "
                            f"({', '.join(CATALOGUE_TYPES)}): the record has nothing to say about it")
        return [r for r in used_rows(self.rows, itype) if start <= r["date"] <= end]

    def window(self, types, start, end):
        """[K] counts and [K, 5] answers by rung in [start, end] (inclusive dates)."""
        self.check_window(start, end)
        counts = np.zeros(len(types))
        rungs = np.zeros((len(types), len(RUNGS)))
        for k, t in enumerate(types):
            for r in self.rows_of(t, start, end):
                counts[k] += 1
                rungs[k, RUNGS.index(r["response_rung"])] += 1
        return counts, rungs

    def by_year(self, types, start, end):
        """Calendar years of the window with their first and last day, counts [Y, K] and
        answers [Y, 5] summed over the types."""
        self.check_window(start, end)
        years = []
        for y in range(start.year, end.year + 1):
            a, b = max(start, dt.date(y, 1, 1)), min(end, dt.date(y, 12, 31))
            c, r = self.window(types, a, b)
            years.append((y, a, b, c, r.sum(axis=0)))
        return years


def exposure(itype, start, end):
    """Years of exposure of a type in [start, end], counted as the fit counts them
    (days / days of the calendar year; war-born types only from 24 Feb 2022)."""
    if itype in WAR_BORN:
        start = max(start, WAR_START)
    return sum(year_fraction(start, end, y) for y in range(start.year, end.year + 1)) if start <= end else 0.0

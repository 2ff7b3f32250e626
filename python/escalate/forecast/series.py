"""The record's yearly counts per incident type, as series in time order for the naive
forecasts (data/record.toml's format, docs/calibration.md "The record file"). Only what
the forecasts need is read: each window's periods (calendar years from the window
config's run.start_date, or explicit half-open date ranges) and its counts; -1 stays -1
(unobserved). Labels are the calibrator's: "2014" for a calendar year,
"2022-02-24..2023-01-01" for a date range (check rows "<window>/counts/<type>/<label>")."""
import datetime as dt
import os
import tomllib
from dataclasses import dataclass

from ..errors import EscalateError


@dataclass(frozen=True)
class Period:
    window: str
    label: str
    start: dt.date
    end: dt.date          # exclusive
    count: int            # -1: not observed

    @property
    def days(self):
        return (self.end - self.start).days

    @property
    def year(self):
        return self.start.year


def load_toml(path):
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise EscalateError(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as e:
        raise EscalateError(f"{path}: not valid TOML ({e})") from None


def start_date(config_path, seen=()):
    """run.start_date of a config, following its `base` chain."""
    cfg = load_toml(config_path)
    date = cfg.get("run", {}).get("start_date")
    if date is not None:
        return dt.date.fromisoformat(date)
    base = cfg.get("base")
    if base is None or config_path in seen:
        raise EscalateError(f"{config_path}: no run.start_date (needed for periods = \"years\")")
    return start_date(os.path.join(os.path.dirname(config_path), base), seen + (config_path,))


def window_periods(path, name, window, length):
    periods = window.get("periods", "years")
    if periods == "years":
        first = start_date(os.path.join(os.path.dirname(path), window["config"]))
        if (first.month, first.day) != (1, 1):
            raise EscalateError(f"{path}: window.{name}: periods = \"years\" needs a start on 1 January")
        return [(f"{first.year + i}", dt.date(first.year + i, 1, 1), dt.date(first.year + i + 1, 1, 1))
                for i in range(length)]
    try:
        return [(f"{a}..{b}", dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in periods]
    except (TypeError, ValueError):
        raise EscalateError(f"{path}: window.{name}.periods: not a list of [start, end] dates") from None


def read_series(path):
    """{type: [Period]} in time order over every window of the record at `path`."""
    record = load_toml(path)
    out = {}
    for name, window in record.get("window", {}).items():
        counts = window.get("counts", {})
        if not counts:
            continue
        length = len(next(iter(counts.values())))
        periods = window_periods(path, name, window, length)
        for itype, values in counts.items():
            if len(values) != len(periods):
                raise EscalateError(f"{path}: window.{name}.counts.{itype}: {len(values)} counts "
                                    f"for {len(periods)} periods")
            out.setdefault(itype, []).extend(
                Period(name, label, a, b, int(v)) for (label, a, b), v in zip(periods, values))
    for itype in out:
        out[itype].sort(key=lambda p: p.start)
    if not out:
        raise EscalateError(f"{path}: no [window.*.counts]: not a record file")
    return out


def observation(period, itype):
    """The calibrator's name of a count's check row."""
    return f"{period.window}/counts/{itype}/{period.label}"

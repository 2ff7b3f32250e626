"""Walk-forward validation (issue 20 item 6; docs/calibration.md "Walk-forward
validation"): for each held-out year Y, calibrate on the record before Y, and score the
model's posterior predictive distribution of Y's count of each incident type against the
three naive forecasts (naive.py), by log score and CRPS (scores.py).

The steps of one year: `make_record.py --hold-out Y` writes the training record (Y's
counts -1) under the work folder; `escalate calibrate FORECAST --record it -o
posterior-Y.h5` draws the posterior and its predictive draws, which include Y's rows
because they are unobserved entries; the naive forecasts see the same training counts;
the outcome is Y's count in the full record."""
import os
import subprocess
import sys
from dataclasses import dataclass

from .. import engine
from ..errors import EscalateError, one_line
from . import naive, scores
from .posterior import predictive_draws
from .series import observation, read_series

MODEL = "model"


@dataclass
class Settings:
    forecast: str
    record: str
    make_record: str
    work: str
    particles: int
    trajectories: int
    seed: int
    threads: int
    naive_only: bool = False      # no calibration: the naive forecasts' rows only


def holdout_record(settings, year, log):
    folder = os.path.join(settings.work, str(year))
    os.makedirs(folder, exist_ok=True)
    command = [sys.executable, settings.make_record, "--hold-out", str(year), "--out-dir", folder]
    log(f"{year}: {' '.join(command[1:])}")
    done = subprocess.run(command, capture_output=True, text=True, errors="replace")
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise EscalateError(f"{settings.make_record} --hold-out {year} failed: {one_line(lines[-1] if lines else done.returncode)}")
    return os.path.join(folder, f"record-holdout-{year}.toml")


def calibrate(settings, year, record, log):
    out = os.path.join(settings.work, str(year), f"posterior-{year}.h5")
    if os.path.exists(out):
        os.remove(out)        # the work folder is this tool's own: a stale posterior is never scored
    args = ["calibrate", settings.forecast, "--record", record, "-o", out,
            "--particles", settings.particles, "--trajectories", settings.trajectories,
            "--seed", settings.seed, "--quiet"]
    if settings.threads:
        args += ["--threads", settings.threads]
    log(f"{year}: escalate {' '.join(map(str, args))}")
    engine.run(args, what=f"calibrate (held-out year {year})")
    return out


def targets(train, year):
    """{type: (training periods, the held-out period)} of the hold-out record."""
    out = {}
    for itype, periods in train.items():
        held = [p for p in periods if p.count < 0]
        if len(held) != 1 or held[0].year != year:
            raise EscalateError(f"the hold-out record of {year}: type {itype} has "
                                f"{len(held)} unobserved periods, not one in {year}")
        out[itype] = ([p for p in periods if p.count >= 0], held[0])
    return out


def outcome(full, full_path, itype, period):
    for p in full.get(itype, []):
        if (p.window, p.label) == (period.window, period.label) and p.count >= 0:
            return p.count
    raise EscalateError(f"{full_path}: no observed count of {itype} for {period.window} {period.label}")


def score_year(settings, year, posterior, holdout, full, full_path):
    """Rows (year, type, forecaster, mean, outcome, log score, CRPS) of one held-out year."""
    draws = predictive_draws(posterior) if posterior else {}
    rows = []
    for itype, (training, held) in targets(read_series(holdout), year).items():
        y = outcome(full, full_path, itype, held)
        name = observation(held, itype)
        forecasts = {}
        if posterior:
            if name not in draws:
                raise EscalateError(f"{posterior}: no check row {name} (the held-out count's predictive draws)")
            forecasts[MODEL] = scores.Empirical(draws[name])
        counts = [p.count for p in training]
        days = [p.days for p in training]
        for key, make in naive.FORECASTS.items():
            forecasts[key] = make(counts, days, held.days)
        for key, dist in forecasts.items():
            low, high = scores.central_interval(dist)
            rows.append({"year": year, "type": itype, "forecast": key, "mean": float(dist.mean()),
                         "observed": y, "log_score": scores.log_score(dist, y), "crps": scores.crps(dist, y),
                         "low90": low, "high90": high, "mid_pit": scores.mid_pit(dist, y)})
    return rows


def run(settings, years, log=lambda line: None):
    full = read_series(settings.record)
    rows = []
    for year in years:
        holdout = holdout_record(settings, year, log)
        posterior = None if settings.naive_only else calibrate(settings, year, holdout, log)
        rows += score_year(settings, year, posterior, holdout, full, settings.record)
    return rows


def totals(rows):
    """{(year or 'total', forecast): (log score, CRPS, outcomes inside the 90% interval,
    outcomes)} summed over types (and years)."""
    out = {}
    for r in rows:
        inside = int(r["low90"] <= r["observed"] <= r["high90"])
        for key in ((r["year"], r["forecast"]), ("total", r["forecast"])):
            ls, cr, k, n = out.get(key, (0.0, 0.0, 0, 0))
            out[key] = (ls + r["log_score"], cr + r["crps"], k + inside, n + 1)
    return out


FORECAST_ORDER = [MODEL] + list(naive.FORECASTS)
LABELS = {MODEL: "calibrated model (posterior predictive)", **naive.NAMES}


def markdown(rows, settings, years):
    t = totals(rows)
    types = sorted({r["type"] for r in rows})
    lines = [f"Walk-forward validation: held-out years {', '.join(map(str, years))}; "
             f"log score (-ln p) and CRPS summed over the {len(types)} incident types "
             "(lower is better; docs/calibration.md, \"Walk-forward validation\").", "",
             ("Naive forecasts only (--naive-only): no calibration." if settings.naive_only else
              f"Calibration: `escalate calibrate {settings.forecast} --particles {settings.particles} "
              f"--trajectories {settings.trajectories} --seed {settings.seed}` on each hold-out record."), "",
             "| year | forecast | log score | CRPS | inside the 90% interval |", "|---|---|---:|---:|---:|"]
    for year in list(years) + ["total"]:
        for key in FORECAST_ORDER:
            if (year, key) in t:
                ls, cr, k, n = t[(year, key)]
                lines.append(f"| {year} | {LABELS[key]} | {ls:.2f} | {cr:.2f} | {k} of {n} |")
    return "\n".join(lines) + "\n"


def csv_text(rows):
    head = "year,type,forecast,mean,observed,log_score,crps,low90,high90,mid_pit"
    body = [f"{r['year']},{r['type']},{r['forecast']},{r['mean']:.6g},{r['observed']},"
            f"{r['log_score']:.6g},{r['crps']:.6g},{r['low90']},{r['high90']},{r['mid_pit']:.6g}" for r in rows]
    return "\n".join([head] + body) + "\n"

"""Walk-forward validation of the calibrated model against naive forecasts (issue 20
item 6; definitions in docs/calibration.md, "Walk-forward validation").

    escalate-walk-forward                                   # held-out years 2022-2025
    escalate-walk-forward --years 2024,2025 --particles 100 --trajectories 20

For each year Y: data/make_record.py --hold-out Y writes the record before Y (Y's counts
unobserved) under --work; `escalate calibrate FORECAST --record it` draws the posterior
with its predictive draws of Y's counts; those and three naive forecasts (Poisson at the
training mean rate, Poisson at the last three periods' rate, a negative-binomial random
walk) are scored against Y's counts in --record by log score and CRPS. Writes OUT.md (per
year and in total, summed over types) and OUT.csv (every year, type and forecast).

Paths are relative to the working directory (the repository root); the engine is
$ESCALATE, else `escalate` on PATH. The defaults are small (a calibration per year of
--particles x --trajectories x windows simulations per stage): raise them for the
published table. Exit status 2 on bad input (one line naming the file), 1 if an output
cannot be written.
"""
import argparse
import os
import sys

from escalate import engine
from escalate.errors import EscalateError, run_main
from escalate.forecast import walk_forward as wf
from escalate.outputs import check_target

PROG = "escalate-walk-forward"


def years_of(text):
    try:
        years = [int(y) for y in text.split(",") if y.strip()]
    except ValueError:
        raise EscalateError(f"--years {text}: not a comma-separated list of years") from None
    if not years or any(not 2022 <= y <= 2100 for y in years) or len(set(years)) != len(years):
        raise EscalateError(f"--years {text}: distinct years from 2022 (the war window) on are needed")
    return sorted(years)


def positive(name, value):
    if value < 1:
        raise EscalateError(f"--{name} {value}: must be at least 1")
    return value


def parse(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--years", default="2022,2023,2024,2025", help="held-out years (default 2022,2023,2024,2025)")
    ap.add_argument("--forecast", default="configs/calibration/baseline-2026-prior.toml", help="forecast config (the priors)")
    ap.add_argument("--record", default="data/record.toml", help="the full record: the held-out years' outcomes")
    ap.add_argument("--make-record", default="data/make_record.py", help="the record generator (its --hold-out)")
    ap.add_argument("--work", default="results/walk-forward", help="folder for hold-out records and posteriors")
    ap.add_argument("-o", "--out", default="results/walk-forward", help="writes OUT.md and OUT.csv")
    ap.add_argument("--particles", type=int, default=100, help="calibrate --particles (default 100)")
    ap.add_argument("--trajectories", type=int, default=20, help="calibrate --trajectories (default 20)")
    ap.add_argument("--seed", type=int, default=20261124, help="calibrate --seed (default 20261124)")
    ap.add_argument("--threads", type=int, default=0, help="calibrate --threads (default: the engine's)")
    ap.add_argument("--naive-only", action="store_true", help="score the naive forecasts only (no calibration, no engine)")
    ap.add_argument("--force", action="store_true", help="replace OUT.md and OUT.csv")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    return ap.parse_args(argv)


def main(argv=None):
    return run_main(PROG, body, argv)


def body(argv):
    a = parse(argv)
    years = years_of(a.years)
    for path, what in ((a.forecast, "--forecast"), (a.record, "--record"), (a.make_record, "--make-record")):
        if not os.path.isfile(path):
            raise EscalateError(f"{path} ({what}): no such file")
    positive("particles", a.particles)
    positive("trajectories", a.trajectories)
    if a.seed < 0 or a.threads < 0:
        raise EscalateError("--seed and --threads must not be negative")
    md, csv = a.out + ".md", a.out + ".csv"
    for path in (md, csv):
        check_target(path, a.force, inputs=(a.forecast, a.record), option="-o")
    if not a.naive_only:
        engine.binary()   # refuse before any work when there is no engine
    os.makedirs(a.work, exist_ok=True)
    settings = wf.Settings(a.forecast, a.record, a.make_record, a.work, a.particles, a.trajectories,
                           a.seed, a.threads, a.naive_only)
    log = (lambda line: None) if a.quiet else (lambda line: print(f"{PROG}: {line}", file=sys.stderr))
    rows = wf.run(settings, years, log)
    text = wf.markdown(rows, settings, years)
    with open(csv, "w", encoding="utf-8") as f:
        f.write(wf.csv_text(rows))
    with open(md, "w", encoding="utf-8") as f:
        f.write(text)
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())

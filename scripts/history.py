#!/usr/bin/env python3
"""Replay 1991-2022 and compare the model's modal phase per year with the paper's.

    scripts/history.py                    # runs the engine on configs/scenarios/history-1991-2022.toml
    scripts/history.py RESULT.h5          # reads an existing result of that config
    scripts/history.py --markdown         # the table as Markdown (for docs/calibration.md)

The paper (Yang & Zhang, section 3): dormant 1991-1998; activated, then deep, 1999-2021
(one period: "activated/deep"); the start of a spiral in 2022. The model's phase for a
year is the modal phase of `occupancy` at the grid point that ends it (every 365 days
from 1 January 1991). Exit status 0; the count of matching years is printed last.
Uses Debian's h5py: run with /usr/bin/python3 (or $PYTHON).
"""
import argparse
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = os.path.join(ROOT, "configs", "scenarios", "history-1991-2022.toml")
BIN = os.environ.get("ESCALATE_BIN", os.path.join(ROOT, "build", "release", "engine", "escalate"))
FIRST_YEAR = 1991


def paper_phase(year):
    if year <= 1998:
        return "dormant"
    if year <= 2021:
        return "activated/deep"
    return "spiral"


def matches(paper, model):
    return model in paper.split("/")


def table(path):
    with h5py.File(path, "r") as f:
        occupancy = f["occupancy"][:]
        phases = [p.decode() if isinstance(p, bytes) else p for p in f["phase"][:]]
        days = (f["time"] if "time" in f else f["time_days"])[:]  # time_days before result format 3
    rows = []
    for k in range(1, len(days)):
        year = FIRST_YEAR + k - 1
        modal = int(np.argmax(occupancy[k]))
        rows.append((year, paper_phase(year), phases[modal], float(occupancy[k][modal])))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("result", nargs="?", help="an existing result of the history config")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.result
        if path is None:
            path = os.path.join(tmp, "history.h5")
            subprocess.run([BIN, "run", CONFIG, "-q", "-o", path], check=True)
        rows = table(path)
    matched = sum(matches(paper, model) for _, paper, model, _ in rows)
    if args.markdown:
        print("| year | paper | model (modal) | P(modal) | match |")
        print("|---|---|---|---|---|")
        for year, paper, model, p in rows:
            print(f"| {year} | {paper} | {model} | {p:.2f} | {'yes' if matches(paper, model) else '**no**'} |")
    else:
        print(f"{'year':<6}{'paper':<17}{'model (modal)':<15}{'P(modal)':>8}  match")
        for year, paper, model, p in rows:
            print(f"{year:<6}{paper:<17}{model:<15}{p:>8.2f}  {'yes' if matches(paper, model) else 'NO'}")
    print(f"\n{matched} of {len(rows)} years match the paper's periodization")
    return 0


if __name__ == "__main__":
    sys.exit(main())

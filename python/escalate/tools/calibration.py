"""The baseline's implied figures beside public anchors (docs/calibration.md).

    escalate-calibration [results/baseline-2022.h5]

Reads a result of configs/baseline-2022.toml (run `make run` first) and prints a
Markdown table: acts per year, incidents per year by type, P(war) by 1 January 2027 (the
window of the public forecasts) and P(clash) and P(nuclear use) over the horizon. The
anchors and their sources are in docs/calibration.md and data/. Exit status 2 on bad
input (a missing or damaged file, a file of another kind), with one line naming it.
"""
import argparse
import sys

import numpy as np

from escalate.errors import EscalateError, run_main
from escalate.files import open as escalate_open
from escalate.files import reading
from escalate.reading import strings

PROG = "escalate-calibration"
DEFAULT = "results/baseline-2022.h5"


def main(argv=None):
    return run_main(PROG, calibration, argv)


def calibration(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("result", nargs="?", default=DEFAULT,
                    help=f"a run of configs/baseline-2022.toml (default {DEFAULT}, relative to the working directory)")
    path = ap.parse_args(argv).result
    with escalate_open(path).expect("run") as ef, reading(path):
        f = ef.h5
        if "war" not in strings(f["phase"]):
            raise EscalateError(f"{path}: no phase 'war' in its phase axis")
        days = (f["time"] if "time" in f else f["time_days"])[:]  # time_days before result format 3
        start = np.datetime64(f.attrs.get("start_date", "2022-11-15"))
        n = float(f.attrs["trajectories_done"])
        years = n * days[-1] / 365.0
        phases = strings(f["phase"])
        war = phases.index("war")
        # Years of peace: trajectory-days outside war and nuclear, from the occupancy on the grid.
        occupancy = f["occupancy"][:]
        peace = float(np.trapz(occupancy[:, :war].sum(axis=1), days)) * n / 365.0
        rows = [("countermeasures per year of peace", f.attrs["countermeasures"] / peace,
                 "a handful to ~10 (EU sanctions packages, expulsion waves, new NATO missions; data/incidents.csv)"),
                ("limited strikes per year of peace", f.attrs["strikes"] / peace,
                 "~0.17 (2 in 2014-2025: Su-24 2015, MQ-9 2023)")]
        for name, count in zip(strings(f["incident"]), f["incident_count"][:].sum(axis=1)):
            rows.append((f"{name} per year of peace", count / peace, "data/yearly_counts.csv, data/incidents.csv"))
        t2027 = int((np.datetime64("2027-01-01") - start) / np.timedelta64(1, "D"))
        i = int(np.searchsorted(days, t2027))
        if i >= len(days):
            raise EscalateError(f"{path}: its horizon ends on day {days[-1]:g}, before 1 January 2027 "
                                f"(day {t2027}): not a run of configs/baseline-2022.toml")
        lo, hi = f["p_war_by_time_interval"][i]
        rows.append((f"P(war by 1 Jan 2027) (day {days[i]})", f["p_war_by_time"][i],
                     f"[{lo:.3f}, {hi:.3f}]; crowd forecasts of 'direct conflict' ~14% (a broader event)"))
        rows.append(("P(first clash) over the horizon", f["p_clash"][()], "between P(war) and the crowd's 'direct conflict'"))
        rows.append(("P(nuclear use) per year", f["p_nuclear"][()] / (days[-1] / 365.0),
                     "expert judgements ~1%/yr for nuclear war (Barrett, Baum & Hostetler 2013)"))
    print("| figure | model | public anchor |")
    print("|---|---|---|")
    for name, value, anchor in rows:
        print(f"| {name} | {value:.3g} | {anchor} |")
    print(f"\n(from {path}: {int(n)} trajectories, {years:.0f} simulated years, {peace:.0f} of them at peace)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Posterior predictive check: simulate the years the incident catalogue covers with the
model and set the record's counts per type per year, its answers by rung and "no war"
beside the model's median and 90% band, flagging every observation outside the band.

    escalate-predictive-check                       # the two record windows of baseline-2026
    escalate-predictive-check --markdown results/predictive-check.md --figure docs/img/predictive-check.png
    escalate-predictive-check configs/scenarios/record-2022-2025.toml --draws 300

WINDOW configs (default configs/scenarios/record-2014-2021.toml and record-2022-2025.toml)
each cover dates inside the record (data/incidents.csv) and give run.start_date. Each is
run with one trajectory per parameter draw (--draws, default 1000), once per calendar
year end, so that every draw contributes one sample of each year's counts to a
predictive distribution mixing parameter uncertainty and chance
(escalate/calibrate/predictive.py). The band is the central 90% of those samples;
an observation outside it is flagged "above" or "below". With calibrated predictions
about 10% of the observations would be flagged (somewhat fewer, because counts are
discrete).

Paths are relative to the working directory (the repository root); the engine is
$ESCALATE, else `escalate` on PATH. Takes about 10 seconds with the defaults on 2 cores.
Every input (the catalogue, the counts, the configs, the outputs) is checked before the
first simulation. Exit status 2 on bad input (one line naming the file), 1 if an output
cannot be written.
"""
import argparse
import os
import sys
import tempfile

import numpy as np

from escalate import engine
from escalate.calibrate import figure
from escalate.calibrate.predictive import answers, no_war, predict, rows, series, totals
from escalate.calibrate.record import COUNTS, INCIDENTS, Catalogue
from escalate.errors import EscalateError, run_main
from escalate.fit.assumptions import SERIES_FOR_RATE
from escalate.fit.catalogue import read_counts
from escalate.outputs import check_target

PROG = "escalate-predictive-check"
WINDOWS = [os.path.join("configs", "scenarios", f"record-{w}.toml") for w in ("2014-2021", "2022-2025")]


def cell(r, md):
    mark = {"above": " ▲", "below": " ▼", "": ""}[r["flag"]]
    obs = f"**{r['observed']}**" if (md and r["flag"]) else str(r["observed"])
    return f"{obs} / {r['median']} [{r['lo']}, {r['hi']}]{mark}"


def table(header, body, md):
    if md:
        return "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                         + ["| " + " | ".join(map(str, row)) + " |" for row in body])
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body)]
    return "\n".join("  ".join(str(x).ljust(w) for x, w in zip(row, widths)) for row in [header] + body)


def report(windows, md, counts_rows):
    out, inside, total = [], 0, 0
    for w in windows:
        out.append(f"\n{'### ' if md else ''}Window {w.start}..{w.end} ({os.path.relpath(w.config)}), "
                   f"{w.draws} draws x 1 trajectory\n")
        rs = rows(w)
        years = [y.year for y in w.years]
        label = {y.year: (str(y.year) if (y.first.month, y.first.day) == (1, 1) else f"{y.year} (from {y.first:%d %b})")
                 for y in w.years}
        tot = {r["type"]: r for r in totals(w)}
        body = [[t] + [cell(next(r for r in rs if r["type"] == t and r["year"] == y), md) for y in years]
                + [cell(tot[t], md), f"{tot[t]['pit']:.2f}"] for t in w.types]
        out.append("Incidents per year: record / model median [90% band]; ▲ ▼ outside the band; PIT: "
                   "where the record's window total falls in the model's distribution\n")
        out.append(table(["type"] + [label[y] for y in years] + ["window", "PIT"], body, md))
        inside += sum(not r["flag"] for r in rs)
        total += len(rs)
        pits = np.array([r["pit"] for r in rs])
        above = sum(r["observed"] > r["median"] for r in rs)
        below = sum(r["observed"] < r["median"] for r in rs)
        out.append(f"\nYearly counts: {sum(bool(r['flag']) for r in rs)} of {len(rs)} outside the band; "
                   f"mean mid-PIT {pits.mean():.2f} (1/2 for calibrated predictions, sd about "
                   f"{np.sqrt(1 / 12 / len(rs)):.2f} for {len(rs)} independent counts); the record above "
                   f"the model's median in {above}, below it in {below}.")
        for name, e in series(w, counts_rows, SERIES_FOR_RATE):
            out.append(f"{e['type']} {e['year']}, published series {name} (the count its rate is fitted to, "
                       f"not the catalogue's rows): {cell(e, md)}")
        out.append("\nAnswers to incidents by rung over the window (record / model median [90% band]; "
                   "shares of all answers):\n")
        body = []
        for a in answers(w):
            lo, med, hi = a["share_band"]
            mark = {"above": " ▲", "below": " ▼", "": ""}
            body.append([a["rung"], cell(a, md), f"{a['share']:.2f}", f"{med:.2f} [{lo:.2f}, {hi:.2f}]{mark[a['share_flag']]}"])
        out.append(table(["rung", "count", "record share", "model share"], body, md))
        nw = no_war(w)
        out.append(f"\nNo war in the window (the record): the model's P(no war) = {nw['p']:.3f} "
                   f"[{nw['lo']:.3f}, {nw['hi']:.3f}]" + (" ▼ (below 5%)" if nw["flag"] else " (not in the lower 5% tail)"))
    out.append(f"\n{inside} of {total} yearly counts inside the model's 90% band "
               f"({total - inside} flagged; about {0.1 * total:.0f} expected for calibrated bands, fewer for discrete counts).")
    return "\n".join(out) + "\n"


def main(argv=None):
    return run_main(PROG, check, argv)


def check_inputs(args):
    """Before the first simulation: the catalogue and the counts read and pass their checks,
    every window config exists and passes `escalate check`, the outputs can be written."""
    catalogue = Catalogue.load(args.record)
    counts_rows = read_counts(args.counts)
    for config in args.windows:
        if not os.path.isfile(config):
            raise EscalateError(f"{config}: " + ("is a directory" if os.path.isdir(config) else "no such file"))
        engine.run(["check", config], what=f"check {config}")
    inputs = [args.record, args.counts] + list(args.windows)
    for option in ("markdown", "figure"):
        if getattr(args, option):
            check_target(getattr(args, option), force=True, inputs=inputs, option=f"--{option}")
    return catalogue, counts_rows


def check(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("windows", nargs="*", default=WINDOWS, help=f"window configs (default {' '.join(WINDOWS)})")
    ap.add_argument("--draws", type=int, default=1000, help="parameter draws, one trajectory each (default 1000)")
    ap.add_argument("--record", default=INCIDENTS, help=f"the incident catalogue (default {INCIDENTS})")
    ap.add_argument("--counts", default=COUNTS, help=f"the published counts (default {COUNTS})")
    ap.add_argument("--markdown", metavar="FILE", help="also write the tables as Markdown")
    ap.add_argument("--figure", metavar="FILE", help="draw the figure (PNG)")
    ap.add_argument("--threads", type=int, help="engine threads (results do not depend on it)")
    args = ap.parse_args(argv)
    if args.draws < 20:
        ap.error("--draws must be at least 20 (a 90% band needs samples in both tails)")
    catalogue, counts_rows = check_inputs(args)
    windows = []
    for config in args.windows:
        with tempfile.TemporaryDirectory(prefix="escalate-predictive-") as tmp:
            print(f"running {config} year by year ...", file=sys.stderr)
            windows.append(predict(config, catalogue, tmp, args.draws, args.threads))
    head = (f"Posterior predictive check against {catalogue.path} (version {catalogue.version})")
    sys.stdout.write(head + "\n" + report(windows, False, counts_rows))
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(report(windows, True, counts_rows))
    if args.figure:
        figure.draw(windows, args.figure, [e for w in windows for e in series(w, counts_rows, SERIES_FOR_RATE)], f"The model's yearly counts (90% band, median) and the record (dots; red: outside), "
                                          f"{args.draws} draws")
        print(f"Wrote {args.figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

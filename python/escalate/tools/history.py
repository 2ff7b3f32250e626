"""Replay 1991-2022 and compare the model's modal phase per year with the paper's.

    escalate-history                    # runs the engine on configs/scenarios/history-1991-2022.toml
    escalate-history RESULT.h5          # reads an existing result of that config
    escalate-history --markdown         # the table as Markdown (for docs/calibration.md)
    escalate-history --score [--markdown]          # log score per year against the null model
    escalate-history --score RESULT.h5 NULL.h5     # ... from existing results of both configs

The paper (Yang & Zhang, section 3): dormant 1991-1998; activated, then deep, 1999-2021
(one period: "activated/deep"); the start of a spiral in 2022. The model's phase for a
year is the modal phase of `occupancy` at the grid point that ends it (every 365 days
from 1 January 1991). Exit status 0; the count of matching years is printed last.

--score rates the replay as a forecaster of the paper's phases: its log score for a year
is ln P(the paper's phase at the end of the year) under the model (for "activated/deep"
the two phases together), with (count + 1/2) / (trajectories + 1) so that a phase no
trajectory reached scores about ln(1 / (2 x trajectories)), not minus infinity. The null
model is the same replay with every incident rate at zero
(configs/scenarios/history-1991-2022-null.toml); the difference per year is what the
incidents add.
The configs are --config and --null-config (defaults relative to the working directory,
the repository root); the engine is $ESCALATE, else `escalate` on PATH. Exit status 2 on
bad input (a missing or damaged file, a file of another kind), with one line naming it.
"""
import argparse
import os
import sys
import tempfile

import numpy as np

from escalate import engine
from escalate.errors import EscalateError, run_main
from escalate.files import open as escalate_open
from escalate.files import reading
from escalate.reading import strings
from escalate.names import rate_phases

PROG = "escalate-history"
CONFIG = os.path.join("configs", "scenarios", "history-1991-2022.toml")
NULL_CONFIG = os.path.join("configs", "scenarios", "history-1991-2022-null.toml")
FIRST_YEAR = 1991


def paper_phase(year):
    if year <= 1998:
        return "dormant"
    if year <= 2021:
        return "activated/deep"
    return "spiral"


def matches(paper, model):
    return model in paper.split("/")


def read_run(path):
    """(occupancy [time, phase], phase names, trajectories) of a run file of the replay."""
    with escalate_open(path).expect("run") as ef, reading(path):
        f = ef.h5
        occupancy = f["occupancy"][:]
        phases = strings(f["phase"])
        n = int(f.attrs["trajectories_done"])
    if occupancy.shape[0] < 2:
        raise EscalateError(f"{path}: a grid of {occupancy.shape[0]} point(s): not a run of the yearly replay "
                            f"({CONFIG})")
    for phase in rate_phases():
        if phase not in phases:
            raise EscalateError(f"{path}: no phase {phase!r} in its phase axis")
    return occupancy, phases, n


def table(path):
    occupancy, phases, _ = read_run(path)
    rows = []
    for k in range(1, occupancy.shape[0]):
        year = FIRST_YEAR + k - 1
        modal = int(np.argmax(occupancy[k]))
        rows.append((year, paper_phase(year), phases[modal], float(occupancy[k][modal])))
    return rows


def paper_probability(path):
    """Per year: (year, paper phase, P(paper phase at the year's end), trajectories)."""
    occupancy, phases, n = read_run(path)
    out = []
    for k in range(1, occupancy.shape[0]):
        year = FIRST_YEAR + k - 1
        paper = paper_phase(year)
        out.append((year, paper, float(sum(occupancy[k][phases.index(p)] for p in paper.split("/"))), n))
    return out


def log_score(p, n):
    """ln of the smoothed probability (p n + 1/2) / (n + 1) of an outcome seen in p n of n."""
    return float(np.log((p * n + 0.5) / (n + 1)))


def score_table(replay, null, markdown):
    a, b = paper_probability(replay), paper_probability(null)
    head = ["year", "paper", "P replay", "P null", "log score replay", "log score null", "difference"]
    lines = []
    total_a = total_b = 0.0
    for (year, paper, pa, na), (_, _, pb, nb) in zip(a, b):
        sa, sb = log_score(pa, na), log_score(pb, nb)
        total_a, total_b = total_a + sa, total_b + sb
        lines.append([str(year), paper, f"{pa:.3f}", f"{pb:.3f}", f"{sa:.2f}", f"{sb:.2f}", f"{sa - sb:+.2f}"])
    lines.append(["total", "", "", "", f"{total_a:.2f}", f"{total_b:.2f}", f"{total_a - total_b:+.2f}"])
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        print("".join(f"{h:>17}" if i > 1 else f"{h:<16}" for i, h in enumerate(head)))
        for line in lines:
            print("".join(f"{x:>17}" if i > 1 else f"{x:<16}" for i, x in enumerate(line)))
    won = sum(float(line[6]) > 0 for line in lines[:-1])
    print(f"\nReplay minus null: {total_a - total_b:+.2f} nats over {len(a)} years "
          f"(the replay scores better in {won} years)")


def main(argv=None):
    return run_main(PROG, history, argv)


def run_config(config, out):
    if not os.path.isfile(config):
        raise EscalateError(f"{config}: " + ("is a directory" if os.path.isdir(config) else "no such file"))
    engine.run(["run", config, "-q", "-o", out], what=f"run {config}")
    return out


def history(argv):
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("result", nargs="?", help="an existing result of the history config")
    parser.add_argument("null", nargs="?", help="with --score: an existing result of the null config")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--score", action="store_true", help="log score per year against the null model")
    parser.add_argument("--config", default=CONFIG, help=f"the replay's config (default {CONFIG})")
    parser.add_argument("--null-config", default=NULL_CONFIG, help=f"the null model's config (default {NULL_CONFIG})")
    args = parser.parse_args(argv)
    if args.null and not args.score:
        parser.error("a second result is read only with --score")
    for given in (args.result, args.null):    # inputs checked before any run
        if given is not None:
            read_run(given)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.result or run_config(args.config, os.path.join(tmp, "history.h5"))
        if args.score:
            null = args.null or run_config(args.null_config, os.path.join(tmp, "null.h5"))
            score_table(path, null, args.markdown)
            return 0
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

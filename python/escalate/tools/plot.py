"""Figures from Escalate result and comparison files.

    escalate-plot results/baseline-2022.h5 [-o DIR] [--format png|svg|pdf]
    escalate-plot results/compare-baseline-2022.h5 [-o DIR]
    escalate-plot --overlay a.h5 b.h5 [c.h5 ...] [-o DIR] [--name STEM]

A result file gives four figures (png by default; --format svg or pdf):
  <stem>-fan          P(war by t) across parameter draws: median, 50% and 90% bands
  <stem>-occupancy    phase occupancy over time (stacked)
  <stem>-p-war        histogram of per-draw P(war by the horizon)
  <stem>-sensitivity  tornado: Spearman correlation of per-draw P(war) with each parameter
A sweep file (escalate sweep) gives <stem>-sweep: P(war), P(clash), P(nuclear) against the
swept value with their bands and the paired band of P(war), and <stem>-overlay.
A comparison file gives <stem>-forest (dP(war) per config with paired and unpaired 95%
intervals) and <stem>-overlay (pooled P(war by t) of every config), plus the four
figures of its reference config.
A sensitivity file (escalate sensitivity) gives <stem>-sobol (first-order and total Sobol'
indices of P(war) and P(first clash) per parameter, with 95% bootstrap whiskers) or
<stem>-morris (mu* per parameter with its whiskers and noise floor).

--overlay draws the pooled P(war by t) of several files on one chart, one line per config
(every config of a comparison file), each with its 95% Monte Carlo band (both loops). It
writes <stem1>-vs-<stem2>...-overlay (or <STEM>-overlay with --name STEM).

The time axis follows the horizon: days up to 120 days, months up to two years, years
beyond (calendar dates when the file has a start date: a `days since YYYY-MM-DD` units
attribute on time, a root `start_date` attribute, or `start_date` in the [run] table
of the stored config). Titles name the config (the stem of the config path recorded in the
file, else the file's stem). A partial file (complete = 0: interrupted, or one shard)
gets "PARTIAL: k of n draws" in red in every title, and every count of draws is k: the draws
that have trajectories (draws/trajectories > 0 if the file has it, else
state/draw_trajectories > 0, else finite draws/p_war). Percentages keep two significant
digits (0.05%, 0.12%, 12%).

Beside the figures, <stem>-plotted.json records the numbers that were drawn, so tests
can check that they are the file's. Every input is checked whole before anything is drawn;
a refusal (a damaged file, a file of another kind, -o naming a file) writes nothing: the
figures are drawn in a temporary folder and moved into place at the end.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

from escalate.errors import EscalateError, run_main
from escalate.files import open as escalate_open
from escalate.files import reading
from escalate.outputs import check_folder
from escalate.plots.common import FORMATS
from escalate.plots.figures import forest, overlay, result_figures
from escalate.plots.result import Figures
from escalate.plots.sensitivity import plot_sensitivity
from escalate.plots.sweep import sweep_figure

PROG = "escalate-plot"


def plot_file(path, outdir, fmt):
    ef = escalate_open(path).expect("run", "comparison", "sweep", "sensitivity")
    if ef.kind == "sensitivity":
        ef.close()
        return plot_sensitivity(path, outdir, fmt)
    results = ef.results()
    f = ef.h5
    stem = ef.stem
    figs = Figures(outdir, fmt)
    with ef:
        plotted = result_figures(results[0], stem, figs)
        if ef.kind == "sweep":
            plotted["sweep"] = sweep_figure(f, results, stem, figs)
            plotted["overlay"] = overlay(results, stem, figs)
        elif ef.kind == "comparison":
            drawn = forest(f, results, stem, figs)
            plotted["forest"] = drawn.pop("rows")
            plotted["forest_meta"] = drawn
            plotted["overlay"] = overlay(results, stem, figs, note="\n(each config's own; for the paired "
                                         "differences, which are narrower, see the forest plot)")
    plotted["format"] = fmt
    plotted["titles"] = figs.titles
    plotted["figures"] = figs.written
    plotted["partial_warnings"] = [f"{r.name} in {path}: {r.warning}" for r in results if r.warning]
    return stem, plotted, figs.written


def overlay_stem(paths):
    stems = [os.path.splitext(os.path.basename(p))[0] for p in paths]
    joined = "-vs-".join(stems)
    return joined if len(joined) <= 80 else f"{stems[0]}-and-{len(stems) - 1}-more"


def plot_overlay(paths, outdir, fmt, name):
    figs = Figures(outdir, fmt)
    files, results = [], []
    try:
        for path in paths:
            ef = escalate_open(path)
            files.append(ef)
            results.extend(ef.expect("run", "comparison", "sweep").results())
        stem = name or overlay_stem(paths)
        plotted = {"overlay": overlay(results, stem, figs)}
    finally:
        for f in files:
            f.close()
    plotted["format"] = fmt
    plotted["titles"] = figs.titles
    plotted["figures"] = figs.written
    plotted["partial_warnings"] = [f"{r.name} in {r.path}: {r.warning}" for r in results if r.warning]
    return stem, plotted, figs.written


def main(argv=None):
    return run_main(PROG, plot, argv)


def plot(argv):
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", help="a result or comparison file (.h5)")
    parser.add_argument("--overlay", nargs="+", metavar="FILE",
                        help="draw the pooled P(war by t) of these files (and of FILE, if given) on one chart")
    parser.add_argument("-o", "--outdir", default=None, help="where to write the figures (default: beside the file)")
    parser.add_argument("--format", choices=FORMATS, default="png", help="figure format (default: png)")
    parser.add_argument("--name", default=None, help="stem of the overlay's files (default: <stem1>-vs-<stem2>...)")
    args = parser.parse_args(argv)
    paths = ([args.file] if args.file else []) + (args.overlay or [])
    if not paths:
        parser.error("give a result or comparison file, or --overlay FILE [FILE ...]")
    if args.name is not None and (not args.name or os.sep in args.name):
        raise EscalateError(f"--name {args.name!r}: a file stem, without a directory")
    outdir = check_folder(args.outdir or os.path.dirname(os.path.abspath(paths[0])))
    for path in paths:       # every input checked whole before anything is drawn
        escalate_open(path).close()
    near = outdir if os.path.isdir(outdir) else os.path.dirname(os.path.abspath(outdir))   # same file system
    with tempfile.TemporaryDirectory(prefix=".escalate-plot-", dir=near) as tmp, reading(*paths):
        if args.overlay:
            stem, plotted, written = plot_overlay(paths, tmp, args.format, args.name)
        else:
            stem, plotted, written = plot_file(args.file, tmp, args.format)
        written = publish(tmp, outdir, written, f"{stem}-plotted.json", plotted)
    for path in written:
        print(path)
    for w in plotted.get("partial_warnings", []):
        print(f"{PROG}: warning: {w}: the figures say so in their titles. "
              "Complete the run with `escalate run CONFIG --resume FILE` (or merge the shards).", file=sys.stderr)
    return 0


def publish(tmp, outdir, drawn, record, plotted):
    """Writes <stem>-plotted.json beside the figures drawn in the temporary folder and moves
    them all into outdir (made now, if new). Returns the figures' final paths."""
    final = [os.path.join(outdir, os.path.basename(p)) for p in drawn]
    plotted["figures"] = final
    with open(os.path.join(tmp, record), "w") as out:
        json.dump(plotted, out, indent=1)
    os.makedirs(outdir, exist_ok=True)
    for src, dst in zip(drawn + [out.name], final + [os.path.join(outdir, record)]):
        shutil.move(src, dst)
    return final


if __name__ == "__main__":
    sys.exit(main())

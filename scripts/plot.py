#!/usr/bin/env python3
"""Figures from Escalate result and comparison files.

    scripts/plot.py results/baseline-2022.h5 [-o DIR] [--format png|svg|pdf]
    scripts/plot.py results/compare-baseline-2022.h5 [-o DIR]
    scripts/plot.py --overlay a.h5 b.h5 [c.h5 ...] [-o DIR] [--name STEM]

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
can check that they are the file's. Run with Debian's python3 (h5py, matplotlib):
/usr/bin/python3, or $PYTHON.
"""
import argparse
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from escalate_plots.common import FORMATS, PlotError  # noqa: E402
from escalate_plots.figures import forest, overlay, result_figures  # noqa: E402
from escalate_plots.result import Figures, open_results  # noqa: E402
from escalate_plots.sensitivity import is_sensitivity_file, plot_sensitivity  # noqa: E402
from escalate_plots.sweep import sweep_figure  # noqa: E402


def plot_file(path, outdir, fmt):
    if is_sensitivity_file(path):
        return plot_sensitivity(path, outdir, fmt)
    f, kind, results = open_results(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    figs = Figures(outdir, fmt)
    with f:
        plotted = result_figures(results[0], stem, figs)
        if kind == "escalate-comparison" and "sweep" in f:
            plotted["sweep"] = sweep_figure(f, results, stem, figs)
            plotted["overlay"] = overlay(results, stem, figs)
        elif kind == "escalate-comparison":
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
            f, _, rs = open_results(path)
            files.append(f)
            results.extend(rs)
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", help="a result or comparison file (.h5)")
    parser.add_argument("--overlay", nargs="+", metavar="FILE",
                        help="draw the pooled P(war by t) of these files (and of FILE, if given) on one chart")
    parser.add_argument("-o", "--outdir", default=None, help="where to write the figures (default: beside the file)")
    parser.add_argument("--format", choices=FORMATS, default="png", help="figure format (default: png)")
    parser.add_argument("--name", default=None, help="stem of the overlay's files (default: <stem1>-vs-<stem2>...)")
    args = parser.parse_args()
    paths = ([args.file] if args.file else []) + (args.overlay or [])
    if not paths:
        parser.error("give a result or comparison file, or --overlay FILE [FILE ...]")
    outdir = args.outdir or os.path.dirname(os.path.abspath(paths[0]))
    os.makedirs(outdir, exist_ok=True)
    try:
        if args.overlay:
            stem, plotted, written = plot_overlay(paths, outdir, args.format, args.name)
        else:
            stem, plotted, written = plot_file(args.file, outdir, args.format)
    except PlotError as e:
        print(f"plot.py: {e}", file=sys.stderr)
        return 2
    with open(os.path.join(outdir, f"{stem}-plotted.json"), "w") as out:
        json.dump(plotted, out, indent=1)
    for path in written:
        print(path)
    for w in plotted.get("partial_warnings", []):
        print(f"plot.py: warning: {w}: the figures say so in their titles. "
              "Complete the run with `escalate run CONFIG --resume FILE` (or merge the shards).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Figures from an Escalate result or comparison file.

    scripts/plot.py results/baseline-2022.h5 [-o DIR]
    scripts/plot.py results/compare-baseline-2022.h5 [-o DIR]

A result file gives four PNGs:
  <stem>-fan.png          P(war by t) across parameter draws: median, 50% and 90% bands
  <stem>-occupancy.png    phase occupancy over time (stacked)
  <stem>-p-war.png        histogram of per-draw P(war by the horizon)
  <stem>-sensitivity.png  tornado: Spearman correlation of per-draw P(war) with each parameter
A comparison file gives <stem>-forest.png (dP(war) per config with paired and unpaired
95% intervals), plus the four figures of its reference config.

Beside the figures, <stem>-plotted.json records the numbers that were drawn, so tests
can check that they are the file's. Run with Debian's python3 (h5py, matplotlib):
/usr/bin/python3, or $PYTHON.
"""
import argparse
import json
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

PHASE_COLOURS = ["#c7e9c0", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"]


def strings(dataset):
    return [s.decode() if isinstance(s, bytes) else str(s) for s in dataset[:]]


def result_figures(g, stem, outdir, title):
    """The four figures of one result (the root of a run file, or a group of a comparison)."""
    days = g["time_days"][:]
    years = days / 365.0
    levels = list(g["quantile"][:])
    q = g["war_quantiles"][:]
    horizon = int(days[-1])
    draws = g["draws/p_war"].shape[0]
    trajectories = int(g.attrs.get("trajectories", 0)) if hasattr(g, "attrs") else 0
    plotted = {"horizon_days": horizon}
    written = []

    fig, ax = plt.subplots(figsize=(8, 4.5))
    i = {lv: levels.index(lv) for lv in (0.05, 0.25, 0.5, 0.75, 0.95)}
    ax.fill_between(years, 100 * q[i[0.05]], 100 * q[i[0.95]], color="#fcbba1", label="90% of draws")
    ax.fill_between(years, 100 * q[i[0.25]], 100 * q[i[0.75]], color="#fb6a4a", label="50% of draws")
    ax.plot(years, 100 * q[i[0.5]], color="#67000d", lw=2, label="median draw")
    pooled = 100 * g["reached"][:, 4]
    ax.plot(years, pooled, color="black", ls="--", lw=1, label="pooled over draws")
    ax.set_xlabel("years from the start")
    ax.set_ylabel("P(war by t) (%)")
    ax.set_title(f"{title}: probability of war, spread across {draws} parameter draws")
    ax.set_xlim(0, years[-1])
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
    written.append(save(fig, outdir, f"{stem}-fan.png"))
    plotted["fan_median_at_horizon"] = float(q[i[0.5], -1])
    plotted["fan_q05_at_horizon"] = float(q[i[0.05], -1])
    plotted["fan_q95_at_horizon"] = float(q[i[0.95], -1])

    fig, ax = plt.subplots(figsize=(8, 4.5))
    occ = g["occupancy"][:]
    phases = strings(g["phase"])
    ax.stackplot(years, 100 * occ.T, labels=phases, colors=PHASE_COLOURS)
    ax.set_xlabel("years from the start")
    ax.set_ylabel("share of trajectories (%)")
    ax.set_title(f"{title}: phase occupancy")
    ax.set_xlim(0, years[-1])
    ax.set_ylim(0, 100)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=5, fontsize="small", frameon=False)
    written.append(save(fig, outdir, f"{stem}-occupancy.png"))
    plotted["occupancy_at_horizon"] = [float(x) for x in occ[-1]]

    fig, ax = plt.subplots(figsize=(8, 4.5))
    p_war = g["draws/p_war"][:]
    ax.hist(100 * p_war, bins=min(40, max(10, draws // 5)), color="#cb181d", edgecolor="white")
    ax.axvline(100 * float(np.mean(p_war)), color="black", ls="--", label=f"mean {100 * np.mean(p_war):.1f}%")
    ax.set_xlabel(f"P(war within {horizon} days) of one parameter draw (%)")
    ax.set_ylabel("number of draws")
    ax.set_title(f"{title}: distribution of P(war) across parameter draws")
    ax.legend()
    written.append(save(fig, outdir, f"{stem}-p-war.png"))
    plotted["p_war_mean"] = float(np.mean(p_war))

    names = strings(g["parameter"])
    if names:
        sens = g["sensitivity"][:]
        order = np.argsort(np.abs(np.nan_to_num(sens)))
        fig, ax = plt.subplots(figsize=(8, max(3, 0.35 * len(names) + 1)))
        values = np.nan_to_num(sens[order])
        ax.barh([names[k] for k in order], values, color=["#2171b5" if v < 0 else "#cb181d" for v in values])
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlabel("Spearman rank correlation with per-draw P(war)")
        ax.set_xlim(-1, 1)
        ax.set_title(f"{title}: which uncertain parameters drive P(war)")
        written.append(save(fig, outdir, f"{stem}-sensitivity.png"))
        plotted["sensitivity"] = {names[k]: float(sens[k]) for k in range(len(names))}
    return written, plotted


def forest(f, stem, outdir):
    c = f["comparison"]
    names = strings(c["config"])
    diff = c["difference"][:, 0]
    paired = c["paired_interval"][:, 0, :]
    unpaired = c["unpaired_interval"][:, 0, :]
    rows = [k for k in range(1, len(names))]
    rows.sort(key=lambda k: diff[k])
    fig, ax = plt.subplots(figsize=(8, max(3.5, 0.5 * len(rows) + 1.5)))
    y = np.arange(len(rows))
    for j, k in enumerate(rows):
        ax.plot(100 * unpaired[k], [j - 0.15] * 2, color="#bdbdbd", lw=5, solid_capstyle="butt",
                label="unpaired 95%" if j == 0 else None)
        ax.plot(100 * paired[k], [j] * 2, color="#08519c", lw=3, label="paired 95%" if j == 0 else None)
        ax.plot(100 * diff[k], j, "o", color="#08306b")
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(y, [names[k] for k in rows])
    ax.set_xlabel(f"change in P(war) against {names[0]} (percentage points)")
    ax.set_title("Policies against the reference, common random numbers")
    ax.legend(loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    path = save(fig, outdir, f"{stem}-forest.png")
    return path, {names[k]: {"difference": float(diff[k]), "paired": [float(x) for x in paired[k]]} for k in rows}


def save(fig, outdir, name):
    path = os.path.join(outdir, name)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="a result or comparison file (.h5)")
    parser.add_argument("-o", "--outdir", default=None, help="where to write the PNGs (default: beside the file)")
    args = parser.parse_args()
    outdir = args.outdir or os.path.dirname(os.path.abspath(args.file))
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(args.file))[0]
    try:
        f = h5py.File(args.file, "r")
    except OSError as e:
        print(f"plot.py: {args.file}: not a readable HDF5 file ({e})", file=sys.stderr)
        return 2
    with f:
        kind = f.attrs.get("filetype", "")
        kind = kind.decode() if isinstance(kind, bytes) else kind
        if kind == "escalate-results":
            written, plotted = result_figures(f, stem, outdir, os.path.basename(f.attrs["config_path"]))
        elif kind == "escalate-comparison":
            reference = strings(f["comparison/config"])[0]
            written, plotted = result_figures(f[reference], stem, outdir, reference)
            path, forest_values = forest(f, stem, outdir)
            written.append(path)
            plotted["forest"] = forest_values
        else:
            print(f"plot.py: {args.file}: not an Escalate result or comparison file", file=sys.stderr)
            return 2
    with open(os.path.join(outdir, f"{stem}-plotted.json"), "w") as out:
        json.dump(plotted, out, indent=1)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Rank histograms of a simulation-based calibration (docs/inference.md §9).

    /usr/bin/python3 scripts/sbc_plot.py sbc-exact.csv [sbc-gaussian.csv ...] -o docs/img/sbc-toy.png

Each CSV comes from build/release/bench/escalate_sbc (one row per replicate and
parameter). One row of panels per CSV, one panel per parameter: the histogram of the
ranks of the true value among the posterior draws in 20 bins, with the band a uniform
histogram stays inside 99% of the time per bin (binomial quantiles, as in Talts et al.
2018, figure 1), and the chi-square p-value and the 50% / 90% coverage in the title.
"""
import argparse
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from scipy import stats  # noqa: E402

BINS = 20


def read(path):
    rows = defaultdict(list)
    kind = None
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            rows[row["parameter"]].append(row)
            kind = row["likelihood"]
    if not rows:
        sys.exit(f"sbc_plot: {path}: no rows")
    return kind, rows


def panel(ax, name, rows):
    max_rank = int(rows[0]["max_rank"])
    if (max_rank + 1) % BINS:
        sys.exit(f"sbc_plot: {max_rank + 1} ranks do not split into {BINS} bins")
    width = (max_rank + 1) // BINS
    counts = [0] * BINS
    for r in rows:
        counts[int(r["rank"]) // width] += 1
    n = len(rows)
    lo, hi = stats.binom.ppf([0.005, 0.995], n, 1 / BINS)
    ax.axhspan(lo, hi, color="0.85", label="99% band of a uniform histogram")
    ax.axhline(n / BINS, color="0.5", lw=0.8)
    ax.bar(range(BINS), counts, width=1.0, align="edge", color="tab:blue", edgecolor="white")
    chi2 = sum((c - n / BINS) ** 2 / (n / BINS) for c in counts)
    p = stats.chi2.sf(chi2, BINS - 1)
    c50 = 100 * sum(r["covered50"] == "1" for r in rows) / n
    c90 = 100 * sum(r["covered90"] == "1" for r in rows) / n
    ax.set_title(f"{name}\nχ² p = {p:.2f}; cover 50%: {c50:.1f}, 90%: {c90:.1f}", fontsize=9)
    ax.set_xlabel(f"rank among {max_rank} draws ({width} per bin)", fontsize=8)
    ax.set_xticks([])
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="+")
    parser.add_argument("-o", "--output", default="sbc.png")
    args = parser.parse_args()
    tables = [read(p) for p in args.csv]
    ncols = max(len(rows) for _, rows in tables)
    fig, axes = plt.subplots(len(tables), ncols, figsize=(3.4 * ncols, 2.9 * len(tables)), squeeze=False)
    for i, (kind, rows) in enumerate(tables):
        reps = len(next(iter(rows.values())))
        for j, (name, param_rows) in enumerate(rows.items()):
            panel(axes[i][j], name, param_rows)
        axes[i][0].set_ylabel(f"{kind} likelihood\n{reps} replicates", fontsize=9)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, fontsize=8, loc="lower center", frameon=False)
    fig.suptitle("Simulation-based calibration of the tempered SMC sampler (toy simulator)", fontsize=10)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.savefig(args.output, dpi=120)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

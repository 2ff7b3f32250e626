#!/usr/bin/python3
"""Figures and table of the engine SBC of `escalate calibrate` (docs/calibration.md,
"Simulation-based calibration with the engine").

    /usr/bin/python3 scripts/sbc_calibrate_plot.py sbc-calibrate.csv [more.csv ...] \
        --ranks docs/img/sbc-engine-ranks.png --coverage docs/img/sbc-engine-coverage.png

The CSVs come from build/release/bench/escalate_sbc_calibrate (one row per replicate and
parameter; several files, e.g. the halves of one run made with --first, are concatenated;
a replicate present twice is refused). The rank figure has one panel per parameter: the
histogram of the ranks of the true value among the thinned posterior draws in 10 bins,
with the band a uniform histogram stays inside 99% of the time per bin (binomial
quantiles, Talts et al. 2018, figure 1), and the chi-square p-value; a second row shows
the same replicates with the posterior draws contracted toward their mean (the
deliberately overconfident variant the check must reject). The coverage figure shows the
50% and 90% central intervals' coverage per parameter with the +-7-point band of the
criterion and a 95% binomial interval on each. A markdown table goes to stdout.
"""
import argparse
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from scipy import stats  # noqa: E402

BINS = 10


def read(paths):
    rows = defaultdict(dict)
    for path in paths:
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                rep = int(row["replicate"])
                if rep in rows[row["parameter"]]:
                    sys.exit(f"sbc_calibrate_plot: {path}: replicate {rep} of {row['parameter']} appears twice")
                rows[row["parameter"]][rep] = row
    if not rows:
        sys.exit("sbc_calibrate_plot: no rows")
    return {name: [reps[k] for k in sorted(reps)] for name, reps in rows.items()}


def histogram(rows, key):
    max_rank = int(rows[0]["max_rank"])
    if (max_rank + 1) % BINS:
        sys.exit(f"sbc_calibrate_plot: {max_rank + 1} ranks do not split into {BINS} bins")
    width = (max_rank + 1) // BINS
    counts = [0] * BINS
    for r in rows:
        counts[int(r[key]) // width] += 1
    n = len(rows)
    chi2 = sum((c - n / BINS) ** 2 / (n / BINS) for c in counts)
    return counts, stats.chi2.sf(chi2, BINS - 1), max_rank, width


def coverage(rows, key):
    n = len(rows)
    k = sum(r[key] == "1" for r in rows)
    # Clopper-Pearson 95% interval of the coverage.
    lo = stats.beta.ppf(0.025, k, n - k + 1) if k > 0 else 0.0
    hi = stats.beta.ppf(0.975, k + 1, n - k) if k < n else 1.0
    return 100 * k / n, 100 * lo, 100 * hi


def rank_panel(ax, name, rows, key, label):
    counts, p, max_rank, width = histogram(rows, key)
    n = len(rows)
    lo, hi = stats.binom.ppf([0.005, 0.995], n, 1 / BINS)
    ax.axhspan(lo, hi, color="0.85", label="99% band of a uniform histogram (per bin)")
    ax.axhline(n / BINS, color="0.5", lw=0.8)
    ax.bar(range(BINS), counts, width=1.0, align="edge", color="tab:blue" if key == "rank" else "tab:red",
           edgecolor="white")
    ax.set_title(f"{name}\n{label}: χ² p = {p:.2g}", fontsize=8)
    ax.set_xlabel(f"rank of the truth among {max_rank} draws ({width} per bin)", fontsize=7)
    ax.set_xticks([])
    ax.tick_params(labelsize=7)
    return p


def rank_figure(table, path, reps, sharpen):
    fig, axes = plt.subplots(2, len(table), figsize=(3.2 * len(table), 5.6), squeeze=False)
    for j, (name, rows) in enumerate(table.items()):
        rank_panel(axes[0][j], name, rows, "rank", "calibration")
        rank_panel(axes[1][j], name, rows, "sharpened_rank", f"draws contracted ×{sharpen:g}")
    axes[0][0].set_ylabel("replicates", fontsize=8)
    axes[1][0].set_ylabel("replicates", fontsize=8)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, fontsize=8, loc="lower center", frameon=False)
    fig.suptitle(f"SBC of escalate calibrate with the engine in the loop: {reps} synthetic records "
                 "(top: the calibration; bottom: its overconfident variant, which must fail)", fontsize=9)
    fig.tight_layout(rect=(0, 0.04, 1, 0.96))
    fig.savefig(path, dpi=120)


def coverage_figure(table, path, reps):
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    names = list(table)
    for level, key, color, dx in ((50, "covered50", "tab:blue", -0.12), (90, "covered90", "tab:orange", 0.12)):
        ax.axhspan(level - 7, level + 7, color=color, alpha=0.15, label=f"{level}% ± 7 points (criterion)")
        ax.axhline(level, color=color, lw=0.8)
        for j, name in enumerate(names):
            c, lo, hi = coverage(table[name], key)
            ax.errorbar(j + dx, c, yerr=[[c - lo], [hi - c]], fmt="o", color=color, capsize=3,
                        label=f"{level}% interval (Clopper-Pearson 95%)" if j == 0 else None)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, fontsize=7, rotation=10)
    ax.set_ylabel("coverage of the truth (%)", fontsize=8)
    ax.set_ylim(20, 105)
    ax.set_title(f"Central posterior intervals covering the true value, {reps} synthetic records", fontsize=9)
    ax.legend(fontsize=7, loc="lower right", ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="+")
    parser.add_argument("--ranks", default="sbc-engine-ranks.png")
    parser.add_argument("--coverage", default="sbc-engine-coverage.png")
    parser.add_argument("--sharpen", type=float, default=0.5, help="the run's --sharpen (for the labels)")
    args = parser.parse_args()
    table = read(args.csv)
    reps = len(next(iter(table.values())))
    rank_figure(table, args.ranks, reps, args.sharpen)
    coverage_figure(table, args.coverage, reps)
    print(f"| parameter | χ² p (10 bins) | cover 50% | cover 90% | χ² p, draws contracted ×{args.sharpen:g} |")
    print("|---|---|---|---|---|")
    for name, rows in table.items():
        p = histogram(rows, "rank")[1]
        ps = histogram(rows, "sharpened_rank")[1]
        print(f"| `{name}` | {p:.3g} | {coverage(rows, 'covered50')[0]:.1f} | {coverage(rows, 'covered90')[0]:.1f} "
              f"| {ps:.2g} |")
    first = next(iter(table.values()))
    ess = [float(r["final_ess"]) for r in first]
    stages = [int(r["stages"]) for r in first]
    evals = [int(r["evaluations"]) for r in first]
    print(f"\n{reps} replicates; final ESS {min(ess):.0f}-{max(ess):.0f}; stages {min(stages)}-{max(stages)}; "
          f"{sum(evals) / reps:.0f} likelihood estimates per replicate on average")
    print(f"wrote {args.ranks} and {args.coverage}")


if __name__ == "__main__":
    main()

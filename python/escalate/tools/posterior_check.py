"""The posterior predictive check of a posterior file (issue 20 item 5; docs/calibration.md,
"The calibrated forecast"): how many of the record's observations sit inside their 90%
predictive band, by kind (yearly counts, answers, outcomes), and the histogram of their
randomised PITs, as a table and a figure.

    escalate-posterior-check results/posterior-2026.h5 -o results/posterior-check

Reads the file's check group (written by `escalate calibrate`): observed, 5% and 95%
predictive quantiles, randomised PIT, outlier flag. Rows the record leaves unobserved
(walk-forward's held-out years) are left out. A well calibrated model puts about 90% of
the observations inside their bands and gives a flat PIT histogram; a U shape says the
predictive distributions are too narrow, a hump that they are too wide, a slope that they
are biased. Writes OUT.md and OUT.png. Exit status 2 on bad input (one line naming the
file), 1 if an output cannot be written.
"""
import argparse
import os

import numpy as np

from escalate.errors import EscalateError, run_main
from escalate.outputs import check_target

PROG = "escalate-posterior-check"
BINS = 10
KINDS = ("counts", "answers", "outcomes")


def read_check(path):
    """The observed rows of a posterior file's check group as a dict of arrays."""
    import h5py
    if not os.path.exists(path):
        raise EscalateError(f"{path}: posterior file not found")
    try:
        with h5py.File(path, "r") as f:
            if "check" not in f:
                raise EscalateError(f"{path}: not a posterior file of escalate calibrate (no check group)")
            g = f["check"]
            names = [n.decode() if isinstance(n, bytes) else str(n) for n in g["observation"][:]]
            rows = {k: np.asarray(g[k][:], dtype=float) for k in ("observed", "low", "high", "pit")}
    except OSError as e:
        raise EscalateError(f"{path}: not a readable HDF5 file ({str(e).split('(')[0].strip()})") from None
    except KeyError as e:
        raise EscalateError(f"{path}: the check group lacks {e}") from None
    seen = ~np.isnan(rows["observed"])
    rows = {k: v[seen] for k, v in rows.items()}
    rows["observation"] = [n for n, s in zip(names, seen) if s]
    rows["kind"] = [n.split("/")[1] if n.count("/") >= 1 else "?" for n in rows["observation"]]
    return rows


def summary(rows):
    """(kind, observations, inside the 90% band, share inside) for each kind and in all."""
    inside = (rows["low"] <= rows["observed"]) & (rows["observed"] <= rows["high"])
    out = []
    for kind in KINDS + ("all",):
        mask = np.ones(len(inside), bool) if kind == "all" else np.array([k == kind for k in rows["kind"]], bool)
        n = int(mask.sum())
        if n:
            out.append((kind, n, int(inside[mask].sum()), float(inside[mask].mean())))
    return out


def pit_histogram(pit, bins=BINS):
    counts, _ = np.histogram(np.clip(pit, 0, 1), bins=bins, range=(0, 1))
    return counts


def write_figure(rows, path, title):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from scipy import stats
    counts = pit_histogram(rows["pit"])
    n = len(rows["pit"])
    low, high = stats.binom.ppf([0.005, 0.995], n, 1 / BINS)
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.bar((np.arange(BINS) + 0.5) / BINS, counts, width=1 / BINS, edgecolor="black", color="#8cb4d8")
    ax.axhspan(low, high, color="grey", alpha=0.25, label="99% band of a uniform PIT, per bin")
    ax.axhline(n / BINS, color="black", lw=0.8)
    ax.set_xlabel("randomised PIT of each observation under the posterior predictive")
    ax.set_ylabel("observations")
    ax.set_title(title, fontsize=9)
    ax.legend(fontsize=8, loc="upper center")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_table(rows, path, source):
    lines = [f"Posterior predictive check of `{source}` (observed rows only)", "",
             "| observations | n | inside their 90% band | share |", "|---|---:|---:|---:|"]
    lines += [f"| {k} | {n} | {i} | {s:.0%} |" for k, n, i, s in summary(rows)]
    counts = pit_histogram(rows["pit"])
    lines += ["", "PIT histogram (10 bins from 0 to 1): " + ", ".join(str(int(c)) for c in counts), "",
              "Outside every posterior draw's reach (PIT < 0.005 or > 0.995):", ""]
    far = [(o, p) for o, p in zip(rows["observation"], rows["pit"]) if p < 0.005 or p > 0.995]
    lines += [f"- {o}: PIT {p:.4f}" for o, p in far] or ["- none"]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return lines


def body(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("posterior", help="a posterior file of escalate calibrate")
    ap.add_argument("-o", "--out", default="results/posterior-check", help="writes OUT.md and OUT.png")
    ap.add_argument("--force", action="store_true", help="replace OUT.md and OUT.png")
    a = ap.parse_args(argv)
    rows = read_check(a.posterior)
    if not rows["observation"]:
        raise EscalateError(f"{a.posterior}: the check holds no observed row")
    md, png = check_target(a.out + ".md", a.force, [a.posterior]), check_target(a.out + ".png", a.force, [a.posterior])
    lines = write_table(rows, md + ".part", a.posterior)
    write_figure(rows, png + ".part.png", os.path.basename(a.posterior))
    os.replace(md + ".part", md)
    os.replace(png + ".part.png", png)
    print("\n".join(lines))
    return 0


def main(argv=None):
    return run_main(PROG, body, argv)

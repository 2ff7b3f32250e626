"""How the five-year forecast moves with the priors the record cannot touch (issue 20
item 7; docs/calibration.md, "make forecast"): the war step (response.intercept.3) and
the nuclear hazard (war.nuclear_use_rate_per_year).

    escalate-forecast-sweep                          # after escalate-forecast
    escalate-forecast-sweep --points 3 --draws 50 --trajectories 100

For each of the two parameters and each of --points prior centres spread over the prior's
own central 90% interval (the range docs/priors.md states and sources: the war step's
intercept -4.64 to -1.36, a 1.4-28% chance of war at a typical strike decision; the
nuclear hazard's median 0.0057 to 0.79 a year, P(nuclear use | war) 0.016-0.70), a
posterior file is derived from --posterior with that parameter's draws shifted to the new
centre (escalate/forecast/prior_shift.py: exact where the record leaves the parameter at
its prior) and every other parameter's posterior draws kept; `escalate run CONFIG
--posterior` it; P(war) and P(nuclear use) within the horizon with their 95% intervals
over both loops go to OUT-DIR/sweep.csv and a figure (--figure). The inputs are never
written; derived files and runs go under OUT-DIR. Exit status 2 on bad input.
"""
import argparse
import os
import sys

import numpy as np

from escalate import engine
from escalate.errors import EscalateError, run_main
from escalate.forecast.prior_shift import centre_of, prior_of, write_shifted_posterior
from escalate.forecast.probabilities import read_probabilities
from escalate.forecast.runs import posterior_draws, run_with_posterior
from escalate.outputs import check_folder, check_target

PROG = "escalate-forecast-sweep"
Z90 = 1.6448536269514722
SWEPT = {"response.intercept.3": "war step (ladder intercept 3)",
         "war.nuclear_use_rate_per_year": "nuclear hazard (base rate a year)"}


def centres(prior, path, points):
    """`points` centres over the prior's central 90% interval (even in the mean of a normal,
    even in the log of a lognormal's median)."""
    _, c0 = centre_of(prior, path)
    if prior["dist"] == "normal":
        sd = float(prior["sd"])
        return list(np.linspace(c0 - Z90 * sd, c0 + Z90 * sd, points)), c0
    sigma = float(prior["sigma"])
    return list(np.exp(np.linspace(np.log(c0) - Z90 * sigma, np.log(c0) + Z90 * sigma, points))), c0


def parse(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--config", default="configs/calibration/baseline-2026-prior.toml")
    ap.add_argument("--posterior", default="results/posterior-2026.h5")
    ap.add_argument("--out-dir", default="results/forecast-sweep")
    ap.add_argument("--figure", default="results/forecast-sweep.png")
    ap.add_argument("--points", type=int, default=5, help="prior centres per parameter (default 5, at least 2)")
    ap.add_argument("--draws", type=int, default=0, help="posterior draws per run (default: all, at most 200)")
    ap.add_argument("--trajectories", type=int, default=0, help="trajectories per draw (default: the config's)")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("-q", "--quiet", action="store_true")
    return ap.parse_args(argv)


def sweep(a, draws, log):
    rows = []
    for path in SWEPT:
        prior = prior_of(a.config, path)
        values, c0 = centres(prior, path, a.points)
        for k, centre in enumerate(values):
            stem = os.path.join(a.out_dir, f"{path.replace('.', '_')}-{k}")
            write_shifted_posterior(a.posterior, stem + "-posterior.h5", path, prior, centre)
            log(f"{path} centre {centre:.4g} (prior {c0:.4g}): escalate run {a.config}")
            run_with_posterior(a.config, stem + "-posterior.h5", stem + ".h5", draws, a.trajectories, a.threads)
            est, horizon, _ = read_probabilities(stem + ".h5")
            rows.append({"parameter": path, "centre": centre, "prior_centre": c0, "horizon_days": horizon,
                         **{f"{q}_{b}": getattr(est[q], b) for q in ("war", "nuclear") for b in ("p", "low", "high")}})
    return rows


def write_csv(path, rows):
    keys = list(rows[0])
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(keys) + "\n")
        for r in rows:
            f.write(",".join(f"{r[k]:.6g}" if isinstance(r[k], float) else str(r[k]) for k in keys) + "\n")


def figure(path, rows):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), constrained_layout=True)
    for ax, param in zip(axes, SWEPT):
        sel = [r for r in rows if r["parameter"] == param]
        x = np.array([r["centre"] for r in sel])
        for q, colour, label in (("war", "tab:red", "P(war)"), ("nuclear", "tab:purple", "P(nuclear use)")):
            p = np.array([r[f"{q}_p"] for r in sel])
            err = np.array([p - [r[f"{q}_low"] for r in sel], [r[f"{q}_high"] for r in sel] - p])
            ax.errorbar(x, 100 * p, yerr=100 * err, color=colour, marker="o", capsize=3, label=label)
        ax.axvline(sel[0]["prior_centre"], color="grey", ls="--", lw=1, label="pre-registered prior centre")
        if param.startswith("war.nuclear"):
            ax.set_xscale("log")
        ax.set_xlabel(f"prior centre of {SWEPT[param]}\n({param})")
        ax.set_ylabel(f"% within {sel[0]['horizon_days'] / 365:.0f} years")
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("The calibrated forecast against the priors the record cannot touch "
                 "(other parameters: posterior draws; bars: 95% over both loops)", fontsize=9)
    fig.savefig(path, dpi=120)
    plt.close(fig)


def body(argv):
    a = parse(argv)
    if a.points < 2:
        raise EscalateError(f"--points {a.points}: at least 2")
    if a.draws < 0 or a.trajectories < 0 or a.threads < 0:
        raise EscalateError("--draws, --trajectories and --threads must not be negative")
    if not os.path.isfile(a.config):
        raise EscalateError(f"{a.config} (--config): no such file")
    for path in SWEPT:
        centre_of(prior_of(a.config, path), path)
    available = posterior_draws(a.posterior)
    draws = a.draws or min(available, 200)
    if draws > available:
        raise EscalateError(f"--draws {draws}: the posterior {a.posterior} holds {available} draws")
    check_folder(a.out_dir, "--out-dir")
    check_target(a.figure, True, inputs=(a.config, a.posterior), option="--figure")
    engine.binary()
    os.makedirs(a.out_dir, exist_ok=True)
    log = (lambda line: None) if a.quiet else (lambda line: print(f"{PROG}: {line}", file=sys.stderr))
    rows = sweep(a, draws, log)
    write_csv(os.path.join(a.out_dir, "sweep.csv"), rows)
    figure(a.figure, rows)
    for r in rows:
        print(f"{r['parameter']} = {r['centre']:.4g}: P(war) {100 * r['war_p']:.2f}% "
              f"[{100 * r['war_low']:.2f}, {100 * r['war_high']:.2f}], P(nuclear) {100 * r['nuclear_p']:.2f}% "
              f"[{100 * r['nuclear_low']:.2f}, {100 * r['nuclear_high']:.2f}]")
    print(f"wrote {a.figure} and {os.path.join(a.out_dir, 'sweep.csv')}")
    return 0


def main(argv=None):
    return run_main(PROG, body, argv)


if __name__ == "__main__":
    sys.exit(main())

"""Condition a forecast on the public record: weight every parameter draw by the
likelihood of what the record observed in a window, and report prior and posterior
P(war), P(clash) and P(nuclear use) over the forecast's horizon.

    escalate-condition                                   # baseline-2026 on the 2022-2025 record
    escalate-condition configs/baseline-2026.toml --window configs/scenarios/record-2022-2025.toml \\
        -o results/baseline-2026-conditioned.h5
    escalate-condition results/baseline-2026.h5          # reuse a forecast run (its draws and trajectories)
    escalate-condition --terms no_war                     # condition on "no war" alone

FORECAST is a config (default configs/baseline-2026.toml), run here with --draws and
--trajectories (defaults 2000 and 50: many draws, because the weights concentrate on few
of them), or a result file of it. --window is a config of the observed window (default
configs/scenarios/record-2022-2025.toml) that shares the forecast's seed and uncertain
parameters; it is always run here, with --window-trajectories (default 100) trajectories
per draw that the forecast did not run (escalate/calibrate/runs.py explains why). Paths
are relative to the working directory (the repository root); the engine is $ESCALATE, else
`escalate` on PATH.
Parameter draw m must be the same draw in both runs: the command compares every shared
parameter (draws/parameters) and refuses otherwise.

Each draw m gets the weight  w_m = L_counts(m) x P_m(no war in the window) x L_answers(m)
(escalate/calibrate/likelihood.py; no_clash, P_m(no clash in the window), may
replace no_war). --terms chooses the factors; the default,
no_war,responses, leaves the counts out because the fitted rates of baseline-2026 hold
them already (docs/calibration.md, "The forecast conditioned on the record"). With
--terms counts, --counts fitted enters them as the ratio of the engine's likelihood to
the fit's, --counts plain as the engine's likelihood alone (for rates not fitted to the
same record). The weights are self-normalised; the effective number of draws is
ESS = (sum w)^2 / sum w^2. Takes about 3 minutes with the defaults on 2 cores.

Writes an HDF5 file (new, atomic; refuses to overwrite without --force): the weights, the
log-likelihood of each factor, ESS, prior and posterior estimates with their 95% Monte
Carlo intervals and the 5/25/50/75/95% weighted quantiles of the per-draw probabilities,
what the record observed, and the provenance (inputs, their checksums, the data version).
Exit status 2 on bad input (one line naming the problem; every input is checked before
the engine runs), 1 if the output cannot be written; nothing is written on refusal.
"""
import argparse
import datetime as dt
import os
import sys
import tempfile

import numpy as np

from escalate import engine
from escalate.calibrate.estimate import weighted_estimate, weighted_quantiles
from escalate.calibrate.likelihood import COUNT_MODES, TERMS, log_likelihoods, normalise
from escalate.calibrate.publish import check_target, write_h5
from escalate.calibrate.record import INCIDENTS, Catalogue
from escalate.calibrate.runs import OUTCOMES, check_same_draws, independent_window, read_result, run_engine
from escalate.errors import EscalateError, run_main
from escalate.files import open as escalate_open
from escalate.fit.assumptions import RUNGS
from escalate.fit.catalogue import sha256

PROG = "escalate-condition"
FORECAST = os.path.join("configs", "baseline-2026.toml")
WINDOW = os.path.join("configs", "scenarios", "record-2022-2025.toml")
LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95]


def parse(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("forecast", nargs="?", default=FORECAST, help=f"forecast config or result (.h5) (default {FORECAST})")
    ap.add_argument("--window", default=WINDOW, help=f"window config, run here (default {WINDOW})")
    ap.add_argument("-o", "--output", help="result file (default results/<forecast>-conditioned.h5)")
    ap.add_argument("--force", action="store_true", help="replace the output if it exists")
    ap.add_argument("--record", default=INCIDENTS, help=f"the incident catalogue (default {INCIDENTS})")
    ap.add_argument("--terms", default="no_war,responses",
                    help=f"likelihood factors, comma-separated from {', '.join(TERMS)} (default: no_war,responses)")
    ap.add_argument("--counts", choices=COUNT_MODES, default="fitted",
                    help="how counts enter: fitted (ratio to the fit's likelihood, default), plain, off")
    ap.add_argument("--draws", type=int, default=2000,
                    help="parameter draws of both runs when the forecast is a config (default 2000)")
    ap.add_argument("--trajectories", type=int, default=50,
                    help="trajectories per draw of the forecast when it is a config (default 50)")
    ap.add_argument("--window-trajectories", type=int, default=100,
                    help="trajectories per draw of the window run (default 100)")
    ap.add_argument("--threads", type=int, help="engine threads (results do not depend on it)")
    ap.add_argument("--keep-runs", metavar="DIR", help="keep the two run files in DIR")
    args = ap.parse_args(argv)
    args.terms = [t.strip() for t in args.terms.split(",") if t.strip()]
    bad = [t for t in args.terms if t not in TERMS]
    if bad or not args.terms:
        ap.error(f"--terms: unknown or no term(s) {', '.join(bad)} (choose from {', '.join(TERMS)})")
    for name in ("draws", "trajectories", "window_trajectories"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            ap.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.output is None:
        stem = os.path.splitext(os.path.basename(args.forecast))[0]
        args.output = os.path.join("results", f"{stem}-conditioned.h5")
    return args


def check_inputs(args):
    """Everything that can be checked before the engine runs: the files exist and are of the
    right kind, the configs pass `escalate check`, the output can be written."""
    for path, what in ((args.forecast, "forecast"), (args.window, "--window"), (args.record, "--record")):
        if not os.path.exists(path):
            raise EscalateError(f"{path} ({what}): no such file")
        if os.path.isdir(path):
            raise EscalateError(f"{path} ({what}): is a directory")
    if args.forecast.endswith(".h5"):
        escalate_open(args.forecast).expect("run").close()
    else:
        engine.run(["check", args.forecast], what=f"check {args.forecast}")
    engine.run(["check", args.window], what=f"check {args.window}")
    if args.keep_runs and os.path.exists(args.keep_runs) and not os.path.isdir(args.keep_runs):
        raise EscalateError(f"{args.keep_runs} (--keep-runs): exists and is not a directory")
    check_target(args.output, args.force, [args.forecast, args.window, args.record])


def obtain(source, folder, name, draws=None, trajectories=None, threads=None):
    """A result: read a .h5, or run a config into folder/name.h5."""
    if source.endswith(".h5"):
        return read_result(source)
    out = os.path.join(folder, f"{name}.h5")
    print(f"running {source} ...", file=sys.stderr)
    run_engine(source, out, draws=draws, trajectories=trajectories, threads=threads)
    return read_result(out)


def condition(args):
    catalogue = Catalogue.load(args.record)
    check_inputs(args)
    with tempfile.TemporaryDirectory(prefix="escalate-condition-") as tmp:
        folder = args.keep_runs or tmp
        os.makedirs(folder, exist_ok=True)
        forecast = obtain(args.forecast, folder, "forecast", args.draws, args.trajectories, args.threads)
        print(f"running {args.window} ...", file=sys.stderr)
        window = independent_window(args.window, folder, forecast.draws, forecast.trajectories,
                                    args.window_trajectories, args.threads)
    compared, skipped = check_same_draws(forecast, window)
    ll, notes, obs_counts, obs_rungs = log_likelihoods(window, catalogue, args.terms, args.counts)
    terms = list(ll)
    total = np.sum([ll[t] for t in terms], axis=0) if terms else np.zeros(forecast.draws)
    weight, ess = normalise(total)
    uniform = np.full(forecast.draws, 1.0 / forecast.draws)
    table = {}
    for o in OUTCOMES:
        p = forecast.p[o]
        prior = weighted_estimate(p, uniform, forecast.trajectories)
        post = weighted_estimate(p, weight, forecast.trajectories)
        table[o] = dict(prior=prior, post=post, prior_q=weighted_quantiles(p, uniform, LEVELS),
                        post_q=weighted_quantiles(p, weight, LEVELS))
    return dict(catalogue=catalogue, forecast=forecast, window=window, compared=compared, skipped=skipped,
                ll=ll, terms=terms, notes=notes, weight=weight, ess=ess, table=table,
                obs_counts=obs_counts, obs_rungs=obs_rungs)


def report(args, r):
    f, w = r["forecast"], r["window"]
    years = f.horizon_days / 365.25
    rel = lambda p: os.path.relpath(p) if p else p                                          # noqa: E731
    print(f"Forecast {rel(f.config_path or f.path)}: {f.draws} draws x {f.trajectories}, {years:.1f} years"
          + (f" from {f.start}" if f.start else "") + f", seed {f.seed}")
    print(f"Record {w.start}..{w.end} ({rel(r['catalogue'].path)}, version {r['catalogue'].version}): "
          f"{int(r['obs_counts'].sum())} incidents, answers "
          + ", ".join(f"{name} {int(n)}" for name, n in zip(RUNGS, r["obs_rungs"].sum(axis=0))) + ", no war")
    print(f"Window run {rel(w.config_path)}: {w.draws} draws x {w.trajectories}; "
          f"{len(r['compared'])} shared parameters identical in every draw"
          + (f" ({len(r['skipped'])} drawn from other distributions, not compared)" if r["skipped"] else ""))
    print(f"Likelihood: {', '.join(r['terms']) or 'none'}" + (f" (counts: {args.counts})" if "counts" in r["terms"] else ""))
    for note in r["notes"]:
        print(f"  {note}")
    print(f"Effective number of draws: ESS = {r['ess']:.1f} of {f.draws}\n")
    print(f"{'P(by the horizon)':<20}{'prior':>8}  {'95% interval':<18}{'posterior':>10}  {'95% interval':<18}"
          f"{'posterior draws 5%':>19}{'50%':>8}{'95%':>8}")
    for o in OUTCOMES:
        t = r["table"][o]
        (pm, plo, phi, _), (qm, qlo, qhi, _) = t["prior"], t["post"]
        q = t["post_q"]
        print(f"  {o:<18}{pm:>8.4f}  [{plo:.4f}, {phi:.4f}]  {qm:>8.4f}  [{qlo:.4f}, {qhi:.4f}]  "
              f"{q[0]:>17.4f}{q[2]:>8.4f}{q[4]:>8.4f}")
    print("\nIntervals: Monte Carlo error of the (weighted) mean over both loops and the weights; the "
          "draws' quantiles: the spread of per-draw probabilities under the weights.")


def write(args, r, argv):
    f, w = r["forecast"], r["window"]
    M = f.draws
    ll = np.stack([r["ll"][t] for t in r["terms"]], axis=1) if r["terms"] else np.zeros((M, 0))
    tab = r["table"]
    est = lambda key: np.array([tab[o][key][0] for o in OUTCOMES])          # noqa: E731
    itv = lambda key: np.array([tab[o][key][1:3] for o in OUTCOMES])        # noqa: E731
    datasets = {
        "draw": (np.arange(M), ["draw"], "parameter draw (the same draw in the forecast and the window run)"),
        "term": (np.array(r["terms"], dtype=object), ["term"], "likelihood factor"),
        "outcome": (np.array(OUTCOMES), ["outcome"], "outcome by the forecast's horizon"),
        "bound": (np.array(["lower", "upper"]), ["bound"], "interval bound"),
        "quantile": (np.array(LEVELS), ["quantile"], "quantile level across draws"),
        "incident": (np.array(w.incident), ["incident"], "incident type"),
        "rung": (np.array(RUNGS), ["rung"], "answer (rung) recorded in the catalogue"),
        "weight": (r["weight"], ["draw"], "normalised weight of each draw (sum 1)"),
        "log_likelihood": (ll, ["draw", "term"], "log-likelihood of the record in each draw, by factor"),
        "ess": (np.float64(r["ess"]), [], "effective number of draws (sum w)^2 / sum w^2"),
        "prior": (est("prior"), ["outcome"], "prior probability (equal weights)"),
        "prior_interval": (itv("prior"), ["outcome", "bound"], "95% Monte Carlo interval of prior"),
        "posterior": (est("post"), ["outcome"], "posterior probability (weighted)"),
        "posterior_interval": (itv("post"), ["outcome", "bound"], "95% Monte Carlo interval of posterior"),
        "prior_quantiles": (np.array([tab[o]["prior_q"] for o in OUTCOMES]), ["outcome", "quantile"],
                            "quantiles of the per-draw probability, equal weights"),
        "posterior_quantiles": (np.array([tab[o]["post_q"] for o in OUTCOMES]), ["outcome", "quantile"],
                                "quantiles of the per-draw probability under the weights"),
        "forecast_p": (np.array([f.p[o] for o in OUTCOMES]), ["outcome", "draw"], "per-draw probability in the forecast run"),
        "window_p_war": (w.p["war"], ["draw"], "per-draw probability of war within the window"),
        "observed_incidents": (r["obs_counts"], ["incident"], "catalogue rows in the window, by type"),
        "observed_answers": (r["obs_rungs"], ["incident", "rung"], "catalogue answers in the window, by type and rung"),
    }
    cat = r["catalogue"]
    attrs = {
        "filetype": "escalate-conditioned", "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command_line": " ".join([PROG] + list(argv)),
        "forecast": f.path if args.forecast.endswith(".h5") else "run by this command (not kept)",
        "forecast_config": f.config_path, "forecast_engine": f.engine,
        "window": args.keep_runs and w.path or "run by this command (not kept)",
        "window_config": w.config_path, "window_engine": w.engine,
        "window_start": str(w.start), "window_end": str(w.end),
        "seed": str(f.seed), "draws": M, "forecast_trajectories": f.trajectories, "window_trajectories": w.trajectories,
        "horizon_days": f.horizon_days, "forecast_start_date": str(f.start or ""),
        "terms": ",".join(r["terms"]), "counts": args.counts if "counts" in r["terms"] else "",
        "notes": "\n".join(r["notes"]), "parameters_compared": len(r["compared"]),
        "parameters_not_compared": ",".join(r["skipped"]),
        "record": cat.path, "record_sha256": cat.sha256, "data_version": cat.version, "record_last": str(cat.last),
        "scheme": "w_m = product of the chosen likelihood factors (docs/calibration.md); self-normalised",
    }
    for key, source in (("forecast_config_sha256", f.config_path), ("window_config_sha256", w.config_path)):
        if source and os.path.exists(source):
            attrs[key] = sha256(source)
    write_h5(args.output, datasets, attrs)
    print(f"\nWrote {args.output}")


def main(argv=None):
    return run_main(PROG, conditioned, argv)


def conditioned(argv):
    args = parse(argv)
    r = condition(args)
    report(args, r)
    write(args, r, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())

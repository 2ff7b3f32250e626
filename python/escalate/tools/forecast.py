"""The calibrated forecast (`make forecast`; docs/calibration.md, "make forecast"): the
posterior of the 2026 baseline's priors given the record, then P(war), P(first clash) and
P(nuclear use) within one and five years of the forecast config's start date, with the
engine's 95% intervals over both loops.

    escalate-forecast --recalibrate          # calibrate from scratch, then forecast
    escalate-forecast                        # forecast from an existing posterior

Steps: `escalate calibrate CONFIG --record RECORD --particles 100 --trajectories 800` (with
--recalibrate, or when --posterior does not exist), written to a temporary file beside
--posterior and renamed when complete; then `escalate run CONFIG-1Y` and `escalate run
CONFIG --posterior POSTERIOR` (CONFIG-1Y is CONFIG with a one-year horizon) at --draws
draws (default: the posterior's draws, at most the config's run.draws); a table on stdout
and in OUT.md, after `escalate summary POSTERIOR` (prior against posterior and the
shrinkage of every parameter, the predictive check; --no-summary leaves it out). Paths are relative to the working directory (the repository root); the
engine is $ESCALATE, else `escalate` on PATH. Exit status 2 on bad input (one line naming
the file), 1 if an output cannot be written.
"""
import argparse
import os
import sys

from escalate import engine
from escalate.errors import EscalateError, run_main
from escalate.forecast.probabilities import LABELS, QUESTIONS, read_probabilities
from escalate.forecast.runs import posterior_draws, run_with_posterior
from escalate.forecast.series import load_toml
from escalate.outputs import check_target

PROG = "escalate-forecast"


def parse(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--config", default="configs/calibration/baseline-2026-prior.toml", help="the five-year forecast config")
    ap.add_argument("--config-1y", default="configs/calibration/baseline-2026-prior-1y.toml", help="its one-year twin")
    ap.add_argument("--record", default="data/record.toml")
    ap.add_argument("--posterior", default="results/posterior-2026.h5")
    ap.add_argument("--recalibrate", action="store_true", help="calibrate even if --posterior exists (replacing it)")
    ap.add_argument("--particles", type=int, default=100,
                    help="calibrate --particles (default 100: the published run, about 36 min on 2 idle cores)")
    ap.add_argument("--calibration-trajectories", type=int, default=800,
                    help="calibrate --trajectories, per window and likelihood estimate (default 800: the "
                         "estimate's noise is about 1 nat, where at 400 its 1.4 nats let two seeds disagree "
                         "by more than their intervals; at 50, about 15 nats, it sticks the sampler; "
                         "docs/calibration.md)")
    ap.add_argument("--seed", type=int, default=None, help="calibrate --seed (default: the config's run.seed)")
    ap.add_argument("-o", "--out", default="results/forecast-2026", help="writes OUT-1y.h5, OUT-5y.h5 and OUT.md")
    ap.add_argument("--draws", type=int, default=0, help="posterior draws to run (default: all, at most run.draws)")
    ap.add_argument("--trajectories", type=int, default=0, help="trajectories per draw (default: the config's)")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--no-summary", action="store_true", help="leave out `escalate summary POSTERIOR`")
    ap.add_argument("-q", "--quiet", action="store_true")
    return ap.parse_args(argv)


def config_draws(path):
    cfg, seen = load_toml(path), set()
    while "draws" not in cfg.get("run", {}) and cfg.get("base") and path not in seen:
        seen.add(path)
        path = os.path.join(os.path.dirname(path), cfg["base"])
        cfg = load_toml(path)
    return int(cfg.get("run", {}).get("draws", 0)) or None


def calibrate(a, log):
    part = a.posterior + ".part.h5"
    if os.path.exists(part):
        os.remove(part)       # this tool's own leftover from an interrupted calibration
    sizes = ["--particles", str(a.particles), "--trajectories", str(a.calibration_trajectories)]
    sizes += ["--seed", str(a.seed)] if a.seed is not None else []
    log(f"escalate calibrate {a.config} --record {a.record} {' '.join(sizes)}")
    engine.run(["calibrate", a.config, "--record", a.record, "-o", part] + sizes + (["--quiet"] if a.quiet else []),
               what="calibrate")
    os.replace(part, a.posterior)


def table(rows, posterior, draws):
    lines = [f"Forecast from {rows[0][2]} (the forecast config's start date), outer loop from the "
             f"posterior {posterior} ({draws} draws); in brackets the 95% Monte Carlo interval over "
             "both loops given these draws. It leaves out the calibration's own Monte Carlo error: "
             "calibrations with other seeds can differ by more (docs/calibration.md, \"The published "
             "forecast\").", "", "| within | " + " | ".join(LABELS[q] for q in QUESTIONS) + " |",
             "|---|" + "---:|" * len(QUESTIONS)]
    for label, est, _ in rows:
        lines.append(f"| {label} | " + " | ".join(est[q].text() for q in QUESTIONS) + " |")
    return "\n".join(lines) + "\n"


def body(argv):
    a = parse(argv)
    for path, what in ((a.config, "--config"), (a.config_1y, "--config-1y"), (a.record, "--record")):
        if not os.path.isfile(path):
            raise EscalateError(f"{path} ({what}): no such file")
    if a.draws < 0 or a.trajectories < 0 or a.threads < 0 or (a.seed or 0) < 0:
        raise EscalateError("--draws, --trajectories, --threads and --seed must not be negative")
    outputs = {"1 year": a.out + "-1y.h5", "5 years": a.out + "-5y.h5"}
    check_target(a.out + ".md", True, inputs=(a.config, a.record, a.posterior), option="-o")
    for path in outputs.values():
        check_target(path, True, inputs=(a.config, a.record, a.posterior), option="-o")
    engine.binary()
    log = (lambda line: None) if a.quiet else (lambda line: print(f"{PROG}: {line}", file=sys.stderr))
    if a.recalibrate or not os.path.exists(a.posterior):
        calibrate(a, log)
    else:
        log(f"using the existing posterior {a.posterior} (--recalibrate to redo it)")
    available = posterior_draws(a.posterior)
    draws = a.draws or min(available, config_draws(a.config) or available)
    if draws > available:
        raise EscalateError(f"--draws {draws}: the posterior {a.posterior} holds {available} draws")
    rows = []
    for (label, out), config in zip(outputs.items(), (a.config_1y, a.config)):
        log(f"escalate run {config} --posterior {a.posterior} --draws {draws} -o {out}")
        run_with_posterior(config, a.posterior, out, draws, a.trajectories, a.threads)
        est, _, start = read_probabilities(out)
        rows.append((label, est, start))
    text = table(rows, a.posterior, draws)
    if not a.no_summary:
        summary = engine.run(["summary", a.posterior], what=f"summary {a.posterior} (--no-summary skips it)")
        text += f"\n`escalate summary {a.posterior}`:\n\n```\n{summary.rstrip()}\n```\n"
    with open(a.out + ".md", "w", encoding="utf-8") as f:
        f.write(text)
    print(text, end="")
    return 0


def main(argv=None):
    return run_main(PROG, body, argv)


if __name__ == "__main__":
    sys.exit(main())

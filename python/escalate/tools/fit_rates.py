"""Fit Escalate's incident rates and lower ladder steps to the incident catalogue.

    escalate-fit-rates fit      [--output FILE] [--markdown FILE] [options]
    escalate-fit-rates heldout  [--markdown FILE] [--fit-end YYYY-MM-DD]
    escalate-fit-rates all      [--markdown FILE]        # fit (writes the config) + heldout

Reads data/incidents.csv and data/yearly_counts.csv (see data/README.md; the paths are
relative to the working directory, the repository root, unless --incidents and --counts
say otherwise) and

  fit      estimates each incident type's yearly accidental and deliberate rate by
           phase-era (2014-2021 -> deep, 2022-end -> spiral) as a Gamma posterior of a
           Poisson rate, widened where the yearly counts are over-dispersed; writes
           configs/fitted/baseline-fitted.toml (schema 2, base = the baseline, only the
           incident rates); fits the fractions of incidents answered by at least a
           protest and at least a countermeasure (Beta posteriors); prints every
           estimate with its 90% interval.
  heldout  fits on the years up to --fit-end (default 2024-12-31), predicts every later
           year in the catalogue (the catalogue ends on 31 Dec 2025, so 2025 only) with
           the posterior predictive (negative binomial = Poisson-Gamma mixture), and
           scores it against a naive constant-rate Poisson.

Deterministic: no random numbers, no clock. A catalogue row dated after the catalogue's
date (the version in data/README.md) is refused, as data/check_catalogue.py refuses it.
The method and its assumptions are in docs/calibration.md (section "Fitting incident rates
to the catalogue"). The code is in the package escalate.fit; this is the command line.
Exit status 2 on bad input (one line naming the file, line and column), 1 if a file
cannot be written; nothing is written on refusal.
"""
import argparse
import os
import sys

from escalate.errors import EscalateError, run_main
from escalate.fit.catalogue import BASE_CONFIG, COUNTS, FITTED_CONFIG, INCIDENTS
from escalate.fit.commands import cmd_fit, cmd_heldout
from escalate.outputs import check_target

PROG = "escalate-fit-rates"


def main(argv=None):
    return run_main(PROG, fit_rates, argv)


def fit_rates(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--incidents", default=INCIDENTS, help=f"the incident catalogue (default {INCIDENTS})")
    common.add_argument("--counts", default=COUNTS, help=f"the published yearly counts (default {COUNTS})")
    common.add_argument("--end", help="last day of exposure (default: the latest incident date)")
    common.add_argument("--split", choices=["share", "half"], default="share",
                        help="contested/unknown rows: the type's resolved share (default) or half")
    common.add_argument("--include-partners", action="store_true",
                        help="also count rows whose victim is a non-member (Moldova, Ukraine, ...)")
    common.add_argument("--overdispersion", choices=["moments", "quasi"], default="moments",
                        help="widening of over-dispersed rates: gamma of a single year's rate "
                             "(moments, default) or of the mean rate (quasi-Poisson)")
    common.add_argument("--markdown", metavar="FILE", help="also write the tables as Markdown")
    fitp = argparse.ArgumentParser(add_help=False)
    fitp.add_argument("--output", default=FITTED_CONFIG,
                      help=f"config to write, replaced if it exists ('-' for none; default {FITTED_CONFIG})")
    fitp.add_argument("--base-config", default=BASE_CONFIG,
                      help=f"the config the fitted one derives from: its incident names and schema are "
                           f"checked (default {BASE_CONFIG})")
    fitp.add_argument("--no-series", action="store_true",
                      help="fit every rate from the catalogue (no CSIS count for sabotage)")
    fitp.add_argument("--keep-base-accidental", metavar="TYPES", default="",
                      help="comma-separated types whose accidental_rate is not written (the "
                           "base config's is kept), e.g. where the catalogue's attribution "
                           "cannot tell hostile from routine acts")
    fitp.add_argument("--offensive-divisor", type=float, default=1.0,
                      help="divide spiral deliberate rates of Russia-suspect types by this "
                           "(the offensive multiplier assumed in force in 2022-2025); default 1")
    hop = argparse.ArgumentParser(add_help=False)
    hop.add_argument("--fit-end", default="2024-12-31")
    sub.add_parser("fit", parents=[common, fitp], help="fit rates and ladder; write the config")
    sub.add_parser("heldout", parents=[common, hop], help="held-out test of the rate fit")
    sub.add_parser("all", parents=[common, fitp, hop], help="fit, then heldout")
    args = ap.parse_args(argv)
    if getattr(args, "offensive_divisor", 1.0) <= 0:
        ap.error("--offensive-divisor must be > 0")
    check_arguments(args)
    texts = []
    for md in ([False, True] if args.markdown else [False]):
        out = []
        if args.command in ("fit", "all"):
            cmd_fit(args, out, md=md, write=not md)
        if args.command == "all":
            out.append("")
        if args.command in ("heldout", "all"):
            cmd_heldout(args, out, md=md)
        texts.append("\n".join(out) + "\n")
    sys.stdout.write(texts[0])
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(texts[1])
    return 0


def check_arguments(args):
    """Before any work: the dates parse, the outputs can be written and are not inputs."""
    import datetime as dt
    for option in ("end", "fit_end"):
        value = getattr(args, option, None)
        if value is not None:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise EscalateError(f"--{option.replace('_', '-')} {value!r}: not a YYYY-MM-DD date") from None
    inputs = [args.incidents, args.counts]
    base = getattr(args, "base_config", None)
    if base is not None and not os.path.isfile(base):
        raise EscalateError(f"{base} (--base-config): no such file (run from the repository root, or name it)")
    if getattr(args, "output", "-") != "-":
        check_target(args.output, force=True, inputs=inputs, option="--output")
    if args.markdown:
        check_target(args.markdown, force=True, inputs=inputs + [getattr(args, "output", None)], option="--markdown")


if __name__ == "__main__":
    sys.exit(main())

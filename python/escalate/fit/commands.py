"""The fit and heldout commands: load the inputs, run the fits, and append the printed
(or Markdown) report to a list of lines; fit also writes the config."""
import datetime as dt
import os

from scipy import stats

from .assumptions import (CATALOGUE_START, CATALOGUE_TYPES, DISPERSION_P, LEVEL, NOT_USED,
                          SPIRAL_START, VICTIM, WAR_START)
from .catalogue import (BASE_CONFIG, EscalateError, base_incidents, data_version,
                        read_counts, read_incidents, sha256)
from .fragment import keep_base, write_config
from .heldout import heldout
from .ladder import ladder
from .rates import fit_all
from .report import completeness_table, heldout_table, ladder_table, rate_table, table


def load(args):
    incidents = read_incidents(args.incidents)
    counts_rows = read_counts(args.counts)
    last = max(r["date"] for r in incidents)
    end = dt.date.fromisoformat(args.end) if args.end else last
    meta = dict(version=data_version(os.path.join(os.path.dirname(os.path.abspath(args.incidents)),
                                                  "README.md")),
                sha_incidents=sha256(args.incidents), sha_counts=sha256(args.counts),
                first=min(r["date"] for r in incidents), last=last, end=end,
                n_rows=len(incidents))
    return incidents, counts_rows, end, meta


def cmd_fit(args, out, md=False, write=True):
    keep_base(args)   # refuse an unknown type name before any work
    incidents, counts_rows, end, meta = load(args)
    res = fit_all(incidents, counts_rows, end, split=args.split, use_series=not args.no_series,
                  include_partners=args.include_partners, divisor=args.offensive_divisor,
                  overdispersion=args.overdispersion)
    # The written config's base is configs/baseline-2022.toml (relative path
    # "../baseline-2022.toml" from configs/fitted/); its names are read from --base-config.
    base_schema, base_names = base_incidents(getattr(args, "base_config", BASE_CONFIG))
    for t, v in base_names.items():
        if t in VICTIM and v and v != VICTIM[t]:
            raise EscalateError(f"base config: incident {t} has victim {v}, the fit assumes {VICTIM[t]}")
    p = out.append
    p(f"Data: data/README.md version {meta['version']}; incidents {meta['first']} to {meta['last']} "
      f"({meta['n_rows']} rows); exposure {CATALOGUE_START} to {end}.")
    p(f"Eras: deep = {CATALOGUE_START.year}-{SPIRAL_START.year - 1}, spiral = {SPIRAL_START.year}-{end.year}; "
      f"stray-missile and strike-attributed-to-nato exposed from {WAR_START}.")
    p(f"Prior Gamma(1/2, 0) (Jeffreys); over-dispersed if Pearson p < {DISPERSION_P:g} "
      f"(widened by {args.overdispersion}); "
      f"contested/unknown split by {'half' if args.split == 'half' else 'the type share'}; "
      "intervals are 90% (5%-95%).\n")
    p("Incident rates per year (mean [5%, 95%]):\n")
    p(rate_table(res, md))
    p("\nShare of contested/unknown rows counted deliberate, rows excluded from the rates:\n")
    rows = []
    for t in CATALOGUE_TYPES:
        ex = res[t]["excluded"]
        rows.append([t, f"{res[t]['share']:.2f}", len(res[t]["rows"]),
                     ", ".join(r["id"] for r in ex) or "-"])
    p(table(["type", "deliberate share", "rows used", "excluded (other victim side or non-member)"],
            rows, md))
    p("\nCatalogue against published counts (under-count check, data/yearly_counts.csv):\n")
    p(completeness_table(incidents, counts_rows, md))
    p("\nSeries not used: " + "; ".join(f"{s} ({t}): {why}" for s, t, why in NOT_USED) + ".")
    pooled, eras, per = ladder(incidents, end, args.include_partners)
    p("\nLower ladder steps (Beta(1/2, 1/2) posteriors; step 0 = none->protest, "
      "step 1 = protest->countermeasure):\n")
    p(ladder_table(pooled, eras, per, md))
    p("\nu_r = logit of the posterior mean: the utility of step r at a typical incident. It is "
      "intercept[r] only if the other terms of u_r vanish there (q = 1/2, s = 1, no fear, "
      "benign side, no restraint); otherwise intercept[r] = u_r - those terms. A marginal fit "
      "that ignores the other ladder terms and the catalogue's selection of answered incidents.")
    if write and args.output != "-":
        write_config(args.output, res, args, meta, base_schema, base_names)
        rel = os.path.relpath(os.path.abspath(args.output))
        p(f"\nWrote {rel}.")
        if base_schema != 2:
            p(f"Warning: the base config says schema = {base_schema}; the fitted config "
              "is refused by the engine until the baseline is converted to schema 2.")
    return res


def cmd_heldout(args, out, md=False):
    incidents, _, end, meta = load(args)
    fit_end = dt.date.fromisoformat(args.fit_end)
    if fit_end >= end:
        raise EscalateError(f"--fit-end {fit_end} leaves no held-out data (catalogue ends {end})")
    rows, years = heldout(incidents, fit_end, end, args.split, args.include_partners,
                          args.overdispersion)
    p = out.append
    p(f"Held-out test: fit on {CATALOGUE_START}..{fit_end}, predict "
      f"{', '.join(map(str, years))} (the catalogue ends {meta['last']}; "
      f"{'no later year to predict' if end.year == years[-1] else ''}).".replace("; )", ")"))
    p("Prediction: negative binomial (Poisson-Gamma mixture) of the fitted spiral-era gamma "
      "(catalogue only); 'no widening': the same with the Jeffreys posterior even where the "
      "rule widened it; naive: the type's mean rate over all its years to the fit end as a "
      "point Poisson; plug-in: the spiral-era mean rate as a point Poisson. Log score = "
      "ln P(observed count), higher is better.\n")
    p(heldout_table(rows, md))
    inside = sum(r["inside"] for r in rows)
    n = len(rows)
    p(f"\n{inside} of {n} observed counts inside their 90% interval "
      f"(P(<= {inside} of {n} | nominal 90%) = {stats.binom.cdf(inside, n, LEVEL):.3g}). "
      f"Total log score: fitted {sum(r['ls'] for r in rows):.2f}, naive {sum(r['ls_naive'] for r in rows):.2f}, "
      f"plug-in {sum(r['ls_plug'] for r in rows):.2f}.")
    return rows

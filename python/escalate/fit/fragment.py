"""The fitted TOML config fragment (schema 2, base = the baseline, only the incident
rates): its header stating data, assumptions and method, and the gamma of every phase."""
import os

from .assumptions import (CATALOGUE_START, DISPERSION_P, ENGINE_TYPES,
                          UNOBSERVED_FROM_DEEP, UNOBSERVED_FROM_SPIRAL, WAR_START)
from .catalogue import EscalateError
from .poisson import gamma_interval
from .rates import phase_gammas
from ..names import rate_phases
from .report import fmt


def num(x):
    """A TOML float, deterministic: 6 significant digits, always with a decimal point."""
    s = f"{x:.6g}"
    if "e" in s or "E" in s:
        s = f"{x:.10f}".rstrip("0")
    if "." not in s:
        s += ".0"
    return s


def command_line(args):
    parts = ["scripts/fit_rates.py", "fit"]
    if args.split != "share":
        parts += ["--split", args.split]
    if args.no_series:
        parts.append("--no-series")
    if args.include_partners:
        parts.append("--include-partners")
    if args.offensive_divisor != 1.0:
        parts += ["--offensive-divisor", f"{args.offensive_divisor:g}"]
    if args.overdispersion != "moments":
        parts += ["--overdispersion", args.overdispersion]
    if keep_base(args):
        parts += ["--keep-base-accidental", ",".join(keep_base(args))]
    return " ".join(parts)


def keep_base(args):
    names = [t.strip() for t in getattr(args, "keep_base_accidental", "").split(",") if t.strip()]
    bad = [t for t in names if t not in ENGINE_TYPES]
    if bad:
        raise EscalateError(f"--keep-base-accidental: unknown type(s) {', '.join(bad)}")
    return sorted(set(names))


def write_config(path, res, args, meta, base_schema, base_names):
    L = []
    c = L.append
    c("# Incident rates fitted to the Russia-NATO incident catalogue (data/). GENERATED: do not")
    c("# edit by hand; regenerate with")
    c(f"#     /usr/bin/python3 {command_line(args)}")
    c("# Method and caveats: docs/calibration.md, \"Fitting incident rates to the catalogue\".")
    c("#")
    c(f"# Data: data/README.md version {meta['version']}")
    c(f"#   incidents.csv     sha256 {meta['sha_incidents']}")
    c(f"#   yearly_counts.csv sha256 {meta['sha_counts']}")
    c(f"# Date range: exposure {CATALOGUE_START} to {meta['end']} (incidents "
      f"{meta['first']} to {meta['last']}, {meta['n_rows']} rows).")
    c("#")
    c("# Phase assumption (the seed paper, Yang Lei & Zhang Lixia, \"The formation and")
    c("# escalation of the Russia-NATO security dilemma after the Cold War\"): 2014-2021 was")
    c("# the deep dilemma (phase 2), 2022 onward the spiral (phase 3). So element 3 of each")
    c("# array is fitted to 2022-2025 and element 2 to 2014-2021. The catalogue has no")
    fd, fs = UNOBSERVED_FROM_DEEP, UNOBSERVED_FROM_SPIRAL
    c("# dormant or activated years: elements 0 and 1 are modeller's judgement,")
    c(f"# {fd['dormant']:g} and {fd['activated']:g} x deep (same gamma shape). Stray missiles and strikes")
    c(f"# attributed to NATO have no exposure before the full-scale war ({WAR_START}): their")
    c(f"# deep, activated and dormant elements are {fs['deep']:g}, {fs['activated']:g} and {fs['dormant']:g} x spiral")
    c("# (judgement: the war, not the phase, drives them; a gamma cannot be exactly 0).")
    c("#")
    c("# Rate model: yearly counts ~ Poisson(rate x exposure); Jeffreys prior Gamma(1/2, 0);")
    c("# posterior Gamma(n + 1/2, exposure). Where the yearly counts are over-dispersed")
    if args.overdispersion == "quasi":
        c(f"# (Pearson test p < {DISPERSION_P:g}) the posterior's variance is multiplied by the")
        c("# dispersion D = X^2 / (k - 1) (quasi-Poisson: uncertainty of the mean rate).")
    else:
        c(f"# (Pearson test p < {DISPERSION_P:g}) the gamma is instead matched by moments to next")
        c("# year's rate: mean = posterior mean, variance = tau^2 + s^2/k, where s^2 is the")
        c("# variance of the k yearly rates and tau^2 its part beyond Poisson noise (negative")
        c("# binomial); the year-to-year variation is thereby spread over the draws.")
    share_rule = ("half each" if args.split == "half" else
                  "the type's resolved share (deliberate + 1) / (deliberate + accidental + 2)")
    c("# Accidental vs deliberate: final_attribution; contested and unknown rows are split by")
    c(f"# {share_rule}.")
    c("# Rows used: the engine type's victim side only, and for a NATO victim a member state"
      + (" or partner." if args.include_partners else "."))
    if args.offensive_divisor != 1.0:
        c(f"# Spiral deliberate rates of Russia-suspect types are divided by {args.offensive_divisor:g}"
          " (the offensive multiplier assumed in force in 2022-2025).")
    else:
        c("# NOT corrected for the offensive multiplier: the engine multiplies deliberate rates by")
        c("# m when the suspect is offensive, so in a spiral trajectory with an offensive")
        c("# suspect the engine's deliberate rate is m times the catalogue's (see the docs).")
    c("#")
    c("# The catalogue under-counts (data/README.md): these are rates of incidents that made")
    c("# international English-language news, not of all incidents. Spiral deliberate")
    c("# sabotage uses the CSIS count instead (README: use yearly_counts.csv for sabotage).")
    c("#")
    c("# Per type: rows used, exposure (years), fit method; deep era | spiral era")
    for t in ENGINE_TYPES:
        parts = []
        for era, f in res[t]["eras"].items():
            tot, d = f["total"], f["deliberate"]
            s = f"{era} {int(tot['n'])} in {tot['exposure']:.2f} y ({tot['method']})"
            if "series_fit" in d:
                s += f", deliberate from CSIS {int(d['series_fit']['n'])} in {d['series_fit']['exposure']:.2f} y ({d['series_fit']['method']})"
            parts.append(s)
        c(f"#   {t}: " + "; ".join(parts))
    if base_schema != 2:
        c("#")
        c(f"# NOTE: when this file was generated the base config said schema = {base_schema};")
        c("# the engine refuses a chain until every file of it says schema = 2.")
    c("schema = 2")
    c('base = "../baseline-2022.toml"')
    for t in ENGINE_TYPES:
        if base_names and t not in base_names:
            continue
        c("")
        c(f"[incident.{t}]")
        for comp, key in (("accidental", "accidental_rate"), ("deliberate", "deliberate_rate")):
            if comp == "accidental" and t in keep_base(args):
                c("# accidental_rate: the base config's (--keep-base-accidental)")
                continue
            g = phase_gammas(res[t], t, comp)
            c(f"{key} = [  # {', '.join(rate_phases())}")
            for (shape, rate, how), ph in zip(g, rate_phases()):
                lo, hi = gamma_interval(shape, rate)
                c(f'  {{ dist = "gamma", shape = {num(shape)}, rate = {num(rate)} }},'
                  f"  # {ph}: mean {fmt(shape / rate)}, 90% [{fmt(lo)}, {fmt(hi)}]; {how}")
            c("]")
    text = "\n".join(L) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return text

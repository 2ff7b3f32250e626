"""The printed and Markdown tables: number formatting, the plain/Markdown table, and the
tables of rates, ladder steps, catalogue completeness and the held-out test."""
import math

from .assumptions import CATALOGUE_TYPES, COMPLETENESS, WAR_BORN
from .ladder import logit
from .poisson import gamma_interval, gamma_posterior


def fmt(x, digits=2):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}"


def table(headers, rows, markdown=False):
    rows = [[str(c) for c in r] for r in rows]
    if markdown:
        out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    w = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w[i]) for i, h in enumerate(headers))
    out = [line, "  ".join("-" * x for x in w)]
    out += ["  ".join(c.ljust(w[i]) for i, c in enumerate(r)) for r in rows]
    return "\n".join(out)


def interval(shape, rate):
    lo, hi = gamma_interval(shape, rate)
    return f"{fmt(shape / rate)} [{fmt(lo)}, {fmt(hi)}]"


def rate_table(res, markdown=False):
    hdr = ["type", "era", "years", "n (acc+del)", "exposure", "disp. D (p)", "method",
           "accidental /yr, 90%", "deliberate /yr, 90%", "source of deliberate"]
    rows = []
    for t in CATALOGUE_TYPES:
        for era, f in res[t]["eras"].items():
            tot, a, d = f["total"], f["accidental"], f["deliberate"]
            disp = "-" if math.isnan(tot["dispersion"]) else f"{tot['dispersion']:.1f} ({tot['p']:.2f})"
            yrs = f"{f['window'][0].year}-{f['window'][1].year}"
            note = "catalogue"
            if "series_fit" in d:
                sf = d["series_fit"]
                note = (f"CSIS {int(sf['n'])} in {sf['exposure']:.2f} y, {sf['method']}; "
                        f"catalogue alone {interval(d['catalogue']['shape'], d['catalogue']['rate'])}")
            if "divided_by" in d:
                note += f"; divided by {d['divided_by']:g}"
            method = tot["method"]
            if method != "poisson" and math.isfinite(tot["nb_k"]):
                method += f", NB k={tot['nb_k']:.1f}"
            rows.append([t if era == "deep" or t in WAR_BORN else "", era, yrs,
                         f"{int(tot['n'])} ({fmt(a['n'], 1)}+{fmt(d['n'] if 'series_fit' not in d else d['catalogue']['n'], 1)})",
                         f"{tot['exposure']:.2f}", disp, method,
                         interval(a["shape"], a["rate"]), interval(d["shape"], d["rate"]), note])
    return table(hdr, rows, markdown)


def ladder_table(pooled, eras, per, markdown=False):
    hdr = ["incidents", "n", "P(>= protest), 90%", "P(>= countermeasure), 90%",
           "P(>= counterm. given >= protest), 90%", "u_0 = logit", "u_1 = logit"]
    def row(name, s):
        p, c, s1 = s["protest"], s["counter"], s["step1"]
        u0 = fmt(logit(p["mean"])) if 0 < p["mean"] < 1 else "-"
        u1 = fmt(logit(s1["mean"])) if s1["n"] and 0 < s1["mean"] < 1 else "-"
        cell = lambda b: f"{b['k']}/{b['n']} = {fmt(b['mean'])} [{fmt(b['lo'])}, {fmt(b['hi'])}]"
        return [name, s["n"], cell(p), cell(c), cell(s1) if s1["n"] else "-", u0, u1]
    rows = [row("pooled, 8 engine types", pooled)]
    rows += [row(f"pooled, {e} era", s) for e, s in eras.items()]
    rows += [row(t, s) for t, s in per.items()]
    return table(hdr, rows, markdown)


def completeness_table(incidents, counts_rows, markdown=False):
    hdr = ["type", "series", "period", "series count", "series /yr [90%]", "catalogue rows",
           "reading"]
    rows = []
    for t, series, place, why in COMPLETENESS:
        for r in [c for c in counts_rows if c["series"] == series]:
            cat = [i for i in incidents if i["type"] == t
                   and r["period_start"] <= i["date"] <= r["period_end"]
                   and (place is None or place.lower() in i.get("location", "").lower())]
            q = {"exact": "", "at_least": ">=", "about": "~"}.get(r["count_qualifier"], "")
            years = ((r["period_end"] - r["period_start"]).days + 1) / 365.25
            if years >= 0.5:
                sh, ra = gamma_posterior(r["count"], years)
                lo, hi = gamma_interval(sh, ra)
                implied = f"{fmt(r['count'] / years)} [{fmt(lo)}, {fmt(hi)}]"
            else:
                implied = "-"
            rows.append([t, series, f"{r['period_start']}..{r['period_end']}", f"{q}{r['count']}",
                         implied, len(cat), why])
            why = '"'
    return table(hdr, rows, markdown)


def heldout_table(rows, markdown=False):
    hdr = ["type", "year", "fit counts 2022..", "method", "pred. mean", "90% interval",
           "observed", "in?", "log score", "no widening", "naive rate", "naive",
           "plug-in"]
    body = []
    for r in rows:
        train = " ".join(str(int(c)) for _, c in r["train"])
        body.append([r["type"], r["year"], train, r["method"], fmt(r["mean"], 1),
                     f"[{int(r['lo'])}, {int(r['hi'])}]", r["obs"],
                     "yes" if r["inside"] else f"no ({r['side']})", fmt(r["ls"]),
                     fmt(r["ls_post"]), fmt(r["naive"]), fmt(r["ls_naive"]), fmt(r["ls_plug"])])
    for y in sorted({r["year"] for r in rows}):
        sel = [r for r in rows if r["year"] == y]
        body.append(["**total**" if markdown else "TOTAL", y, "", "", "", "",
                     sum(r["obs"] for r in sel),
                     f"{sum(r['inside'] for r in sel)}/{len(sel)}",
                     fmt(sum(r["ls"] for r in sel)), fmt(sum(r["ls_post"] for r in sel)), "",
                     fmt(sum(r["ls_naive"] for r in sel)),
                     fmt(sum(r["ls_plug"] for r in sel))])
    return table(hdr, body, markdown)

"""The record's observation model (make_record.py writes it into data/record.toml): the
probability that an engine incident reaches the catalogue, per type and by the rung of its
answer, each prior with its source or its reason (docs/calibration.md, "Second run:
reporting by rung")."""
from record_types import ENGINE_TYPES, RUNG_KEYS, engine_rows


def sourced_total(counts, series, years):
    """Sum of a published series' single-year rows for the given years."""
    rows = [r for r in counts if r["series"] == series and r["year"] in {str(y) for y in years}]
    if len(rows) != len(years):
        raise SystemExit(f"yearly_counts.csv: series {series!r} lacks one of the years {years}")
    return sum(int(r["count"]) for r in rows), rows


RUNG_OF_ROW = {row: key for row, key in RUNG_KEYS}
# Types a window's config disables (enabled = false in configs/calibration/window-2014-2021.toml:
# no war in Ukraine yet): the engine has none of them there, and a reporting probability for
# such a type is refused (docs/calibration.md, "The record file").
DISABLED = {"pre_war": {"stray-missile", "strike-attributed-to-nato"}, "war": set()}
# Judgement (docs/calibration.md, "Second run: reporting by rung"): an answer at the protest
# rung or above is an official act (data/CODING.md 2: a summons, a note, a named public
# accusation); most are announced, but a summons or a note is sometimes kept private, so a
# protest is reported with Beta(9, 1) (mean 0.9, 90% [0.72, 0.99]). An answer that changes
# something (an expulsion, an arrest, a closure, a deployment), a strike and a war are public
# acts by the rung's own definition: reported with probability 1, not inferred.
PROTEST_PRIOR = (9, 1)
CERTAIN_RUNGS = ["countermeasure", "limited_strike", "war"]
# Judgement where no published count of the same incidents exists: (a, b, why).
JUDGED_NONE = {
    "airspace-violation": (1, 19, "no count of unanswered violations exists: Estonia protests every "
                           "violation (see the protest rung), and NATO's scrambles are intercepts, "
                           "mostly outside allied airspace, not this type's incidents "
                           "(python/escalate/fit/assumptions.py, NOT_USED). A violation the victim "
                           "does not even protest is one it did not make public, so below the "
                           "protest rung's sourced mean in both windows (0.08 before the war, 0.42 "
                           "in it): Beta(1, 19), mean 0.05"),
    "stray-missile": (3, 1, "a missile or drone that comes down on NATO soil leaves wreckage "
                      "the state finds and announces (the catalogue's rows are such announcements); "
                      "some fall unseen in forest or at sea: Beta(3, 1), mean 0.75"),
    "cyber-attack": (1, 3, "most intrusions are never attributed to a state in public, and the "
                     "catalogue lists only those a government named: Beta(1, 3), mean 0.25"),
    "strike-attributed-to-nato": (1, 1, "Russia announces strikes it blames on NATO when it "
                                  "chooses to; nothing says how often: uniform Beta(1, 1)"),
    "nato-deployment": (1, 1, "a deployment is announced, but whether an unanswered one is "
                        "listed as an incident depends on the catalogue's coverage, which no "
                        "count measures: uniform Beta(1, 1)"),
    "nuclear-signalling": (1, 1, "signalling is public by design, but which statements the "
                           "catalogue lists is its coders' choice, which no count measures: "
                           "uniform Beta(1, 1)"),
    "infrastructure-sabotage": (1, 1, "no published count of pre-war sabotage; the CSIS ratio of "
                                "2023-2024 is not carried back (the pre-war rows came to light "
                                "years later, e.g. Vrbetice 2014, named in 2021, and a war-year "
                                "ratio would reach every walk-forward training record): uniform "
                                "Beta(1, 1)"),
}


def sourced_none(rows, n, what, years):
    """The `none` rung's Jeffreys prior from a published count n of the same incidents in
    `years` against the catalogue's rows: the rows answered at the protest rung or above are
    taken as reported whatever their number (the judgement above), so n minus them were
    unanswered, and the rows answered `none` are the reported ones among those."""
    k_none = sum(r["response_rung"] == "none" for r in rows)
    k_higher = len(rows) - k_none
    if n < len(rows):
        raise SystemExit(f"yearly_counts.csv: {what}: the published count {n} is below the catalogue's {len(rows)} rows")
    a, b = k_none + 0.5, n - k_higher - k_none + 0.5
    why = (f"{what}; the catalogue has {len(rows)} rows in those years, {k_higher} answered at the "
           f"protest rung or above, {k_none} answered none: of the {n - k_higher} unanswered, "
           f"{k_none} reached the catalogue. Jeffreys Beta({k_none} + 1/2, {n - k_higher} - {k_none} + 1/2)")
    return a, b, why, tuple(years)


def none_priors(rows, counts):
    """{window: {type: (a, b, why, source years)}}: the `none` rung of every enabled type."""
    def in_years(r, years):
        return r["date"][:4] in {str(y) for y in years}

    out = {"pre_war": {}, "war": {}}
    years = [2016, 2017]
    n, _ = sourced_total(counts, "eln_close_encounters_total", years)
    eln = sourced_none([r for r in rows if r["type"] == "close-encounter" and in_years(r, years)], n,
                       f"ELN listed {n} close encounters in 2016-2017 (yearly_counts.csv, "
                       f"eln_close_encounters_total; either direction)", years)
    out["pre_war"]["close-encounter"] = eln
    out["war"]["close-encounter"] = eln[:2] + (
        "judgement: no count of encounters exists for the war years, so the pre-war ELN ratio is "
        "carried over (the catalogue selects encounters the same way in both windows). " + eln[2], eln[3])
    years = [2023, 2024]
    n, _ = sourced_total(counts, "csis_russian_sabotage_attacks_europe", years)
    out["war"]["infrastructure-sabotage"] = sourced_none(
        [r for r in engine_rows(rows, "infrastructure-sabotage") if in_years(r, years)
         and r["final_attribution"] == "deliberate"], n,
        f"CSIS counted {n} Russian sabotage attacks in Europe in 2023-2024 "
        f"(csis_russian_sabotage_attacks_europe), against the sabotage rows formally attributed "
        f"to Russia", years)
    for w, got in out.items():
        for t in ENGINE_TYPES:
            if t not in got and t not in DISABLED[w]:
                a, b, why = JUDGED_NONE[t]
                got[t] = (a, b, "judgement: " + why, ())
    return out


QUALIFIER = {"about": "about ", "at_least": "at least "}


def estonia_protests(rows, counts, year, source):
    """The protest rung of airspace violations from Estonia's count of a year: its foreign
    ministry answers each violation by its air space with a summons and a note (`source`),
    so the year's n violations are n protested incidents, k of which the catalogue holds."""
    est = [r for r in counts if r["series"] == "estonia_airspace_violations_russian_aircraft"
           and r["year"] == str(year)]
    if len(est) != 1:
        raise SystemExit(f"yearly_counts.csv: estonia_airspace_violations_russian_aircraft lacks {year}")
    n = int(est[0]["count"])
    mine = [r for r in engine_rows(rows, "airspace-violation") if r["date"][:4] == str(year)
            and r["location"].startswith("Estonia")]
    k = sum(r["response_rung"] == "protest" for r in mine)
    above = sum(r["response_rung"] not in ("none", "protest") for r in mine)
    why = (f"Estonia counted {QUALIFIER.get(est[0]['count_qualifier'], '')}{n} Russian violations of "
           f"its airspace in {year} ({est[0]['source_publisher']}, {est[0]['source_date']}; "
           f"estonia_airspace_violations_russian_aircraft) and protests each with a summons and a note "
           f"({source}); the catalogue holds {k} of them answered by a protest ({above} higher). One "
           f"country's ratio, used for the type. Jeffreys Beta({k} + 1/2, {n - above} - {k} + 1/2)")
    return k + 0.5, n - above - k + 0.5, why, (year,)


# Where the protest rung is sourced: Estonia's protests of violations (judgement elsewhere).
ESTONIA_PRACTICE = {
    "pre_war": (2021, "the practice in the reports of the next year: Reuters via Devdiscourse, 22 Jun "
                "2022, a summons for the violation of 18 Jun; Pledge Times, 10 Aug 2022, a summons and "
                "a protest note for 9 Aug"),
    "war": (2025, "ERR, 8 Sep 2025: a summons and a note for the violation of 7 Sep, the year's "
            "third; the catalogue's rows of 13 May and 19 Sep record the same"),
}


def reporting_priors(rows, counts):
    """{window: [(type, rung, spec, comment, source years)]}, the observation model: the chance
    that an engine incident of a type reaches the catalogue, by the rung of its answer, for
    every type the window enables. spec is (a, b) of a Beta, or a probability."""
    out = {}
    for w, nones in none_priors(rows, counts).items():
        out[w] = []
        for t in ENGINE_TYPES:
            if t in DISABLED[w]:
                continue
            a, b, why, years = nones[t]
            out[w].append((t, "none", (a, b), why, years))
            if t == "airspace-violation":
                a, b, why, years = estonia_protests(rows, counts, *ESTONIA_PRACTICE[w])
                out[w].append((t, "protest", (a, b), why, years))
            else:
                out[w].append((t, "protest", PROTEST_PRIOR, "judgement: a protest is an official act, "
                               "mostly announced: Beta(9, 1)", ()))
            out[w] += [(t, rung, 1, "judgement: a public act", ()) for rung in CERTAIN_RUNGS]
    return out

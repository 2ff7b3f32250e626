#!/usr/bin/env python3
"""Write data/record.toml, the record in the calibrator's format (issue 19, item 1), from
data/incidents.csv and data/yearly_counts.csv, and the config of its second window
(data/windows/record-2022-war.toml). Standard library only; the output is a pure function
of the two CSV files, so tests/python/test_record.py regenerates it and compares.

    /usr/bin/python3 data/make_record.py [--incidents CSV] [--counts CSV] [--out-dir DIR]
                                         [--hold-out YEAR]

--hold-out YEAR (walk-forward validation, docs/calibration.md) writes instead
record-holdout-YEAR.toml and windows/record-2022-war-to-YEAR.toml into --out-dir: the
record a calibration trained on everything before YEAR sees, with YEAR's counts present as
-1 (unobserved: the calibrator predicts them) and every later period dropped. The war
window ends at the end of YEAR (or at the catalogue's date if that is earlier), its config
horizon shortened to match. Left out because they would carry YEAR's information:
  - the war window's answers and outcomes (window totals that would mix training and
    held-out incidents; the pre-war window keeps its own);
  - a sourced reporting prior whose source years reach YEAR (its k counts catalogue rows
    of those years), so that rung of that type is then reported with probability 1 in that
    window; judgement priors stay.
A hold-out record names its configs relative to --out-dir, so it can be written anywhere
(scripts/walk_forward.py writes under results/); YEAR runs from 2022 to the catalogue's
last year.

What is counted (stated once here and in the file's header):
- an incident of an engine type is a row of that type whose victim is the type's victim
  side (nato, except strike-attributed-to-nato and nato-deployment: russia) and, for a
  NATO victim, a member state on the day (victim_state_nato_member = yes); `other` rows
  are not engine incidents;
- answers are the rows' response_rung (the 30-day window of data/CODING.md);
- limited strikes are rows answered with `strike` (the Su-24 of 2015). The MQ-9 of 14 Mar
  2023 is a close-encounter answered by a protest, not a limited strike: the strike rung
  is a side's answer against the other's forces, and the US recorded the loss in an
  intercept, not an attack (row mq9-black-sea-2023);
- countermeasures are an interval: at least the rows answered with `countermeasure`, at
  most twice that (judgement, see COUNTERMEASURE_UPPER).
"""
import argparse
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
from record_types import ENGINE_TYPES, RUNG_KEYS, engine_rows, read
from record_reporting import reporting_priors

WAR_START = dt.date(2022, 2, 24)
# Judgement: each countermeasure in the catalogue can draw one counter-countermeasure that
# the catalogue does not itemise (the notes record such retaliation, e.g. Russia's
# expulsions after Skripal 2018 and Vrbetice 2021), hence at most twice the rows.
COUNTERMEASURE_UPPER = 2
WINDOW2_CONFIG = "windows/record-2022-war.toml"
# The window configs, as written in data/record.toml (relative to data/) and in the
# generated war window config (relative to data/windows/). A hold-out record written
# elsewhere names the same files relative to where it is written.
PRE_WAR_CONFIG = "../configs/calibration/window-2014-2021.toml"
WAR_BASE_CONFIG = "../../configs/calibration/window-2022-war-base.toml"
UNOBSERVED = -1



def in_period(r, start, stop):
    """Half-open [start, stop)."""
    return start <= dt.date.fromisoformat(r["date"]) < stop


def war_stop(last, hold_out=None):
    """The day after the war window's last day: the catalogue's date, or for a hold-out
    year the end of that year if it comes first."""
    stop = last + dt.timedelta(days=1)
    return stop if hold_out is None else min(stop, dt.date(hold_out + 1, 1, 1))


def windows(last, hold_out=None, out_dir=HERE):
    """(name, first day, day after the last, config path, periods, comment)."""
    stop2 = war_stop(last, hold_out)
    years2 = [(WAR_START, dt.date(2023, 1, 1))] + [
        (dt.date(y, 1, 1), min(dt.date(y + 1, 1, 1), stop2)) for y in range(2023, stop2.year + 1)
        if dt.date(y, 1, 1) < stop2]
    pre_config, war_config = PRE_WAR_CONFIG, WINDOW2_CONFIG
    war_comment = f"24 Feb 2022 (the invasion) to {last} (the catalogue's newest incident)"
    if hold_out is not None:
        pre_config = moved(PRE_WAR_CONFIG, HERE, out_dir)
        war_config = holdout_window_config(hold_out)
        war_comment = (f"24 Feb 2022 (the invasion) to {stop2 - dt.timedelta(days=1)}: {hold_out} held out "
                       f"(its counts -1); the window's answers and outcomes left out")
    return [
        ("pre_war", dt.date(2014, 1, 1), dt.date(2022, 1, 1), pre_config,
         [(dt.date(y, 1, 1), dt.date(y + 1, 1, 1)) for y in range(2014, 2022)],
         "2014-2021, the deep dilemma before the full-scale war"),
        ("war", WAR_START, stop2, war_config, years2, war_comment),
    ]


def holdout_record(year):
    return f"record-holdout-{year}.toml"


def holdout_window_config(year):
    return f"windows/record-2022-war-to-{year}.toml"



def window_lines(name, start, stop, config, periods, comment, rows, priors, hold_out=None):
    """The lines of one window. With hold_out, the periods from that year on are written
    as -1 and the window's answers and outcomes (totals over it) are left out."""
    held = [hold_out is not None and a.year >= hold_out for a, _ in periods]
    p = [f"# {comment}", f"[window.{name}]", f'config = "{config}"']
    if all(a.month == 1 and a.day == 1 and b == dt.date(a.year + 1, 1, 1) for a, b in periods):
        p.append('periods = "years"')
    else:
        p.append("periods = [" + ", ".join(f'["{a}", "{b}"]' for a, b in periods) + "]")
    p += ["", f"[window.{name}.counts]   # incidents per type per period"]
    total_cm = strikes = wars = 0
    answers = {}
    for t in ENGINE_TYPES:
        used = engine_rows(rows, t)
        p.append(f"{t} = [" + ", ".join(str(UNOBSERVED if h else sum(in_period(r, a, b) for r in used))
                                       for (a, b), h in zip(periods, held)) + "]")
        inside = [r for r in used if in_period(r, start, stop)]
        answers[t] = [sum(r["response_rung"] == rung for r in inside) for rung, _ in RUNG_KEYS]
        total_cm += answers[t][2]
        strikes += answers[t][3]
        wars += answers[t][4]
    if priors:
        p += ["", f"[window.{name}.reporting]   # P(an incident reaches the catalogue | the rung of its answer)"]
        for t in ENGINE_TYPES:
            mine = [q for q in priors if q[0] == t]
            if not mine:
                continue
            cells = []
            for _, rung, spec, why, _ in mine:
                if rung == "none" or rung == "protest":
                    p.append(f"# {t}, {rung}: {why}")
                cells.append(f"{rung} = " + (f'{{ dist = "beta", a = {spec[0]}, b = {spec[1]} }}'
                                             if isinstance(spec, tuple) else f"{float(spec)}"))
            certain = [q[1] for q in mine if not isinstance(q[2], tuple)]
            if certain:
                p.append(f"# {t}, {', '.join(certain)}: judgement: public acts, reported with probability 1")
            p.append(f"{t} = {{ " + ", ".join(cells) + " }")
    if any(held):
        return p + ["", f"# [window.{name}.answers.*] and [window.{name}.outcomes] left out: totals over a",
                    f"# window that holds the held-out year {hold_out} would carry its incidents", ""]
    for t in ENGINE_TYPES:
        p += ["", f"[window.{name}.answers.{t}]"]
        p += [f"{key} = {v}" for (_, key), v in zip(RUNG_KEYS, answers[t])]
    p += ["", f"[window.{name}.outcomes]",
          f"wars = {wars}",
          f"limited_strikes = {strikes}",
          f"countermeasures = [{total_cm}, {COUNTERMEASURE_UPPER * total_cm}]", ""]
    return p


HEADER = """# The record: what the incident catalogue observed, in the engine's terms (issue 19,
# item 1). GENERATED from data/incidents.csv and data/yearly_counts.csv by
#     /usr/bin/python3 data/make_record.py
# do not edit by hand; tests/python/test_record.py checks it is current.
#
# Counted (data/make_record.py, docstring): an incident of an engine type is a catalogue
# row of that type on the type's victim side, for a NATO victim a member state on the day;
# answers are the rows' response_rung, the highest answer in the 30 days after the
# incident (data/CODING.md 1); `other` rows are not engine incidents. Periods are
# half-open date ranges; "years" means calendar years.
# Outcomes: no war. Limited strikes = rows answered with `strike`: the Turkish shoot-down
# of the Su-24 (24 Nov 2015) only. The MQ-9 lost over the Black Sea (14 Mar 2023) is coded
# once, as a close-encounter answered by a protest, not a limited strike: the strike rung is
# an answer against the other side's forces, and the US recorded the loss in an intercept,
# not an attack. Countermeasures = [rows answered with `countermeasure`, twice that]: the
# lower end is sourced row by row; the upper end is a judgement (each such answer can draw
# one counter-countermeasure the catalogue does not itemise, e.g. Russia's retaliatory
# expulsions after Skripal and Vrbetice noted in those rows).
# Reporting (the observation model, issue 20 item 2; pre-registered before the calibration
# that uses it): for every type a window enables, the chance that an engine incident reaches
# the catalogue by the rung of its answer. The record, not the ladder, absorbs
# newsworthiness: the catalogue holds incidents that made the news (data/README.md,
# "Completeness and bias"), and an unanswered intercept rarely does.
# - none: sourced where a published count of the same incidents exists (ELN close
#   encounters 2016-2017, CSIS sabotage attacks 2023-2024): Jeffreys Beta over the published
#   incidents less the catalogue's answered rows of those years; elsewhere a judgement, said
#   so, with its reason;
# - protest: sourced for airspace violations (Estonia protests each violation; its counts of
#   2021 and 2025 against the catalogue's Estonian rows); elsewhere judgement, Beta(9, 1): an
#   official act, mostly announced;
# - countermeasure, limited_strike, war: judgement, 1: public acts by definition.
schema = 1
title = "Russia-NATO incident catalogue, data/README.md version {version}"
"""


def moved(path, old_dir, new_dir):
    """`path`, relative to old_dir, made relative to new_dir (both absolute)."""
    return os.path.relpath(os.path.join(old_dir, path), new_dir).replace(os.sep, "/")


def window_config(last, base=WAR_BASE_CONFIG, hold_out=None):
    days = (last - WAR_START).days + 1
    grid = max(d for d in range(1, 8) if days % d == 0)   # the engine needs grid | horizon
    source = WAR_BASE_CONFIG.replace("../../", "", 1)    # as seen from the repository root
    what = "the catalogue's\n# newest incident" if hold_out is None else \
        f"the end of the held-out\n# year {hold_out} (walk-forward validation, data/make_record.py --hold-out)"
    return f"""# The record's second window: 24 February 2022 (the invasion) to {last}, {what}. GENERATED by data/make_record.py from the catalogue date; the model,
# starting state and seed are those of {source} (its base),
# which also keeps the ceasefire in Ukraine disabled for the window - whether one came in
# 2026 is not checked by the catalogue.
schema = 2
base = "{base}"

[run]
start_date = "2022-02-24"
horizon_days = {days}          # 2022-02-24 .. {last} inclusive
grid_days = {grid}              # the largest divisor of horizon_days up to the base's 7
"""


def version(readme):
    with open(readme, encoding="utf-8") as f:
        for line in f:
            if line.startswith("version:"):
                return line.split(":", 1)[1].strip()
    return "unknown"


HOLDOUT_HEADER = """# HOLD-OUT RECORD for walk-forward validation (data/make_record.py --hold-out {year}):
# training on everything before {year}; {year}'s counts are -1 (the calibrator predicts
# them), later periods are dropped, and the war window's answers and outcomes and any
# reporting prior whose source years reach {year} are left out (they would carry {year}).
"""


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--incidents", default=os.path.join(HERE, "incidents.csv"))
    ap.add_argument("--counts", default=os.path.join(HERE, "yearly_counts.csv"))
    ap.add_argument("--out-dir", default=HERE)
    ap.add_argument("--hold-out", type=int, metavar="YEAR",
                    help="write record-holdout-YEAR.toml: train before YEAR, predict YEAR")
    args = ap.parse_args(argv[1:])
    rows, counts = read(args.incidents), read(args.counts)
    last = max(dt.date.fromisoformat(r["date"]) for r in rows)
    year = args.hold_out
    if year is not None and not WAR_START.year <= year <= last.year:
        ap.error(f"--hold-out {year}: a year from {WAR_START.year} (the war window) to {last.year} "
                 f"(the catalogue's last) is needed")
    priors = reporting_priors(rows, counts)
    if year is not None:
        priors = {w: [p for p in ps if not p[4] or max(p[4]) < year] for w, ps in priors.items()}
    out_dir = os.path.abspath(args.out_dir)
    text = HEADER.format(version=version(os.path.join(HERE, "README.md")))
    if year is not None:
        text = HOLDOUT_HEADER.format(year=year) + text
    for w in windows(last, year, out_dir):
        text += "\n" + "\n".join(window_lines(*w, rows, priors[w[0]], year))
    os.makedirs(os.path.join(out_dir, "windows"), exist_ok=True)
    if year is None:
        record, config = "record.toml", WINDOW2_CONFIG
        config_text = window_config(last)
    else:
        record, config = holdout_record(year), holdout_window_config(year)
        windows_dir = os.path.join(out_dir, "windows")
        base = moved(WAR_BASE_CONFIG, os.path.join(HERE, "windows"), windows_dir)
        config_text = window_config(war_stop(last, year) - dt.timedelta(days=1), base, year)
    write(os.path.join(out_dir, record), text)
    write(os.path.join(out_dir, config), config_text)
    print(f"wrote {args.out_dir}/{record} and {config} (catalogue to {last})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

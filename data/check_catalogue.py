#!/usr/bin/env python3
"""Validate the Russia-NATO incident catalogue (incidents.csv, yearly_counts.csv).

Standard library only. Usage:

    /usr/bin/python3 data/check_catalogue.py [DATA_DIR]

DATA_DIR defaults to the directory this script lives in. Prints "N rows ok"
and exits 0, or lists every problem found and exits 1.
"""
import csv
import datetime
import difflib
import os
import re
import sys

CATALOGUE_DATE = datetime.date(2026, 12, 6)  # catalogue version; no incident may be later
EARLIEST = datetime.date(2014, 1, 1)
WINDOW_DAYS = 30  # response window: the incident day and the 30 days after it (CODING.md 1)

INCIDENT_COLUMNS = [
    "id", "date", "date_precision", "type", "victim", "suspect", "location",
    "victim_state_nato_member", "initial_attribution", "final_attribution",
    "attributed_by", "attribution_delay_days", "casualties", "response_rung",
    "response_date", "late_response_rung", "article4", "shot_down", "response_notes", "source_publisher", "source_title",
    "source_date", "source_url", "source2_publisher", "source2_title", "source2_url",
    "notes",
]
COUNT_COLUMNS = [
    "series", "incident_type", "year", "period_start", "period_end", "count",
    "count_qualifier", "source_publisher", "source_title", "source_date",
    "source_url", "notes",
]
TYPES = {
    "stray-missile", "airspace-violation", "close-encounter", "infrastructure-sabotage",
    "cyber-attack", "strike-attributed-to-nato", "nato-deployment", "nuclear-signalling",
    "other",
}
# Every count series has one definition, written in CODING.md 5; a new series needs one there.
SERIES = {
    "nato_air_policing_scrambles_total", "nato_air_policing_scrambles_russian",
    "nato_baltic_air_policing_intercepts", "denmark_f16_scrambles_russian_aircraft",
    "csis_russian_sabotage_attacks_europe", "csis_sabotage_target_share_transport_pct",
    "csis_sabotage_target_share_government_pct",
    "csis_sabotage_target_share_critical_infrastructure_pct",
    "csis_sabotage_target_share_industry_pct", "iiss_suspected_russian_sabotage_europe",
    "iiss_suspected_russian_sabotage_europe_blog_figures", "poland_open_sabotage_investigations",
    "eln_close_encounters_total", "eln_close_encounters_high_risk", "eln_close_encounters_serious",
    "eln_close_encounters_near_routine", "nato_article4_consultations",
    "nato_article4_consultations_cumulative", "estonia_airspace_violations_russian_aircraft",
    "baltic_gnss_jamming_aircraft_affected", "baltic_gnss_interference_reports_ryanair_flights",
    "baltic_gnss_interference_reports_wizz_air_flights",
    "baltic_gnss_interference_reports_british_airways_flights",
    "lithuania_pilot_gnss_interference_reports",
}
SIDES = {"nato", "russia"}
PRECISIONS = {"day", "month", "year"}
ATTRIBUTIONS = {"deliberate", "accidental", "contested", "unknown"}
RUNGS = {"none", "protest", "countermeasure", "strike", "war"}
YES_NO = {"yes", "no"}
QUALIFIERS = {"exact", "at_least", "about"}

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SERIES_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
INT_RE = re.compile(r"^[0-9]+$")
PARTIAL_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_iso(text):
    """Return a date for a strict YYYY-MM-DD string, else None."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", text or ""):
        return None
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        return None


def valid_partial_date(text):
    """Source dates may be YYYY, YYYY-MM or YYYY-MM-DD (or empty)."""
    if text == "":
        return True
    if not PARTIAL_DATE_RE.match(text):
        return False
    parts = [int(p) for p in text.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def check_url(value, where, problems, required):
    if value == "":
        if required:
            problems.append(f"{where}: URL missing")
        return
    if not value.startswith("http"):
        problems.append(f"{where}: URL must start with http: {value!r}")


def read_csv(path, columns, problems):
    if not os.path.exists(path):
        problems.append(f"{path}: file not found")
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in columns if c not in header]
        if missing:
            problems.append(f"{os.path.basename(path)}: missing columns {missing}")
            return []
        rows = list(reader)
    for n, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            problems.append(f"{os.path.basename(path)} line {n}: wrong number of fields")
    return rows


def window_end(d, precision):
    """Last day of the response window: 30 days after the incident day, or after the last
    day of the month or year for month or year precision (CODING.md 1)."""
    if precision == "year":
        last = datetime.date(d.year, 12, 31)
    elif precision == "month":
        nxt = datetime.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        last = nxt - datetime.timedelta(days=1)
    else:
        last = d
    return last + datetime.timedelta(days=WINDOW_DAYS)


def check_response(r, d, where, problems):
    """The response rung, its date inside the window, and the late rung."""
    if r["response_rung"] not in RUNGS:
        problems.append(f"{where}: response_rung {r['response_rung']!r} not in {sorted(RUNGS)}")
    if r["late_response_rung"] and r["late_response_rung"] not in RUNGS - {"none"}:
        problems.append(f"{where}: late_response_rung {r['late_response_rung']!r} must be empty "
                        f"or one of {sorted(RUNGS - {'none'})}")
    if not r["response_date"]:
        return
    if r["response_rung"] == "none":
        problems.append(f"{where}: response_date given but response_rung is 'none'")
    rd = parse_iso(r["response_date"])
    if rd is None:
        problems.append(f"{where}: response_date {r['response_date']!r} is not ISO YYYY-MM-DD")
    elif d is not None and r["date_precision"] in PRECISIONS:
        end = window_end(d, r["date_precision"])
        if not (d <= rd <= end):
            problems.append(f"{where}: response_date {rd} outside the response window {d}..{end}")


def check_incidents(rows, problems):
    seen = set()
    for n, r in enumerate(rows, start=2):
        rid = (r.get("id") or "").strip()
        where = f"incidents.csv line {n} ({rid or 'no id'})"
        r = {k: (v or "").strip() for k, v in r.items() if k is not None}

        if not ID_RE.match(rid):
            problems.append(f"{where}: id must be a lower-case slug")
        if rid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(rid)

        d = parse_iso(r["date"])
        if d is None:
            problems.append(f"{where}: date {r['date']!r} is not ISO YYYY-MM-DD")
        else:
            if not (EARLIEST <= d <= CATALOGUE_DATE):
                problems.append(f"{where}: date {d} outside {EARLIEST}..{CATALOGUE_DATE}")
            if r["date_precision"] == "month" and d.day != 1:
                problems.append(f"{where}: month precision needs day 01")
            if r["date_precision"] == "year" and (d.month, d.day) != (1, 1):
                problems.append(f"{where}: year precision needs -01-01")
        if r["date_precision"] not in PRECISIONS:
            problems.append(f"{where}: date_precision {r['date_precision']!r} not in {sorted(PRECISIONS)}")

        if r["type"] not in TYPES:
            problems.append(f"{where}: type {r['type']!r} not in the engine's incident types")
        if r["victim"] not in SIDES:
            problems.append(f"{where}: victim {r['victim']!r} not in {sorted(SIDES)}")
        if r["suspect"] not in SIDES:
            problems.append(f"{where}: suspect {r['suspect']!r} not in {sorted(SIDES)}")
        if r["victim"] == r["suspect"]:
            problems.append(f"{where}: victim and suspect are the same ({r['victim']!r})")
        if not r["location"]:
            problems.append(f"{where}: location missing")
        if r["victim_state_nato_member"] not in YES_NO:
            problems.append(f"{where}: victim_state_nato_member must be yes/no")
        if r["final_attribution"] not in ATTRIBUTIONS:
            problems.append(f"{where}: final_attribution {r['final_attribution']!r} not in {sorted(ATTRIBUTIONS)}")
        check_response(r, d, where, problems)
        for col in ("article4", "shot_down"):
            if r[col] not in YES_NO:
                problems.append(f"{where}: {col} must be yes/no")
        if r["article4"] == "yes" and r["response_rung"] == "none":
            problems.append(f"{where}: article4=yes implies at least a 'protest' response_rung")
        for col in ("attribution_delay_days", "casualties"):
            if r[col] and not INT_RE.match(r[col]):
                problems.append(f"{where}: {col} must be a non-negative integer or empty, got {r[col]!r}")

        check_source(r, where, problems)
        check_url(r["source2_url"], where + " source2_url", problems, required=False)
        if r["source2_url"] and not r["source2_publisher"]:
            problems.append(f"{where}: source2_url given without source2_publisher")


def check_source(r, where, problems):
    """The main source of a row: publisher, title, date and a working address."""
    if not r["source_publisher"]:
        problems.append(f"{where}: source_publisher missing")
    if not r["source_title"]:
        problems.append(f"{where}: source_title missing")
    if not valid_partial_date(r["source_date"]):
        problems.append(f"{where}: source_date {r['source_date']!r} not YYYY[-MM[-DD]]")
    check_url(r["source_url"], where + " source_url", problems, required=True)


def check_counts(rows, problems):
    for n, r in enumerate(rows, start=2):
        r = {k: (v or "").strip() for k, v in r.items() if k is not None}
        where = f"yearly_counts.csv line {n} ({r.get('series') or 'no series'})"
        if not SERIES_RE.match(r["series"]):
            problems.append(f"{where}: series must be a lower-case identifier")
        elif r["series"] not in SERIES:
            near = difflib.get_close_matches(r["series"], sorted(SERIES), n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else " (define it in CODING.md 5 first)"
            problems.append(f"{where}: series {r['series']!r} has no definition{hint}")
        if r["incident_type"] and r["incident_type"] not in TYPES:
            problems.append(f"{where}: incident_type {r['incident_type']!r} not an engine type")
        if not INT_RE.match(r["count"]):
            problems.append(f"{where}: count must be a non-negative integer, got {r['count']!r}")
        if r["count_qualifier"] not in QUALIFIERS:
            problems.append(f"{where}: count_qualifier {r['count_qualifier']!r} not in {sorted(QUALIFIERS)}")
        year = None
        if r["year"]:
            if not re.match(r"^\d{4}$", r["year"]):
                problems.append(f"{where}: year {r['year']!r} not YYYY")
            else:
                year = int(r["year"])
        ps, pe = parse_iso(r["period_start"]), parse_iso(r["period_end"])
        if r["period_start"] and ps is None:
            problems.append(f"{where}: period_start {r['period_start']!r} not ISO")
        if r["period_end"] and pe is None:
            problems.append(f"{where}: period_end {r['period_end']!r} not ISO")
        if year is None and (ps is None or pe is None):
            problems.append(f"{where}: needs a year or both period_start and period_end")
        if ps and pe and ps > pe:
            problems.append(f"{where}: period_start after period_end")
        if year is not None and ps and pe and (ps.year != year or pe.year != year):
            problems.append(f"{where}: period {ps}..{pe} not inside year {year}")
        if pe and pe > CATALOGUE_DATE:
            problems.append(f"{where}: period ends after the catalogue date")
        check_source(r, where, problems)


def main(argv):
    data_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    problems = []
    incidents = read_csv(os.path.join(data_dir, "incidents.csv"), INCIDENT_COLUMNS, problems)
    counts = read_csv(os.path.join(data_dir, "yearly_counts.csv"), COUNT_COLUMNS, problems)
    if incidents:
        check_incidents(incidents, problems)
    if counts:
        check_counts(counts, problems)
    if problems:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s) found")
        return 1
    total = len(incidents) + len(counts)
    print(f"{total} rows ok (incidents.csv: {len(incidents)}, yearly_counts.csv: {len(counts)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

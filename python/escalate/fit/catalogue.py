"""Reading and validating the inputs: data/incidents.csv, data/yearly_counts.csv, the
data version in data/README.md, checksums, and the incident names of the base config.
A malformed input raises EscalateError (one clear line, exit status 2)."""
import csv
import datetime as dt
import hashlib
import os

try:
    import tomllib
except ImportError:  # Python < 3.11: the base config is then not read (names are not checked)
    tomllib = None

from .assumptions import (ATTRIBUTIONS, CATALOGUE_START, CATALOGUE_TYPES, COUNT_COLUMNS,
                          INCIDENT_COLUMNS, RUNGS)

from ..errors import EscalateError  # noqa: F401 - a malformed input: one clear line, exit 2

# Defaults of the commands' paths: relative to the working directory (the repository root).
INCIDENTS = os.path.join("data", "incidents.csv")
COUNTS = os.path.join("data", "yearly_counts.csv")
BASE_CONFIG = os.path.join("configs", "baseline-2022.toml")
FITTED_CONFIG = os.path.join("configs", "fitted", "baseline-fitted.toml")


def parse_date(text, where):
    try:
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise ValueError
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise EscalateError(f"{where}: date {text!r} is not a valid YYYY-MM-DD date") from None


def read_csv(path, required):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in required if c not in header]
            if missing:
                raise EscalateError(f"{path}: missing column(s) {', '.join(missing)} "
                                f"(see data/README.md for the columns)")
            rows = []
            for line, row in enumerate(reader, start=2):
                if None in row or any(v is None for v in row.values()):
                    raise EscalateError(f"{path} line {line}: {len(header)} fields expected")
                rows.append((line, row))
            return rows
    except OSError as e:
        raise EscalateError(f"{path}: {e.strerror}") from None
    except (UnicodeDecodeError, csv.Error) as e:
        raise EscalateError(f"{path}: not a readable CSV file ({e})") from None


def catalogue_date(path):
    """The last day the catalogue covers: the `version: YYYY-MM-DD` of the README.md beside
    it (data/check_catalogue.py's CATALOGUE_DATE), else today. No row may be later: a row
    from the future would stretch every exposure to its date."""
    readme = os.path.join(os.path.dirname(os.path.abspath(path)), "README.md")
    try:
        return dt.date.fromisoformat(data_version(readme)), f"the catalogue date of {readme}"
    except ValueError:
        return dt.date.today(), "today"


def read_incidents(path):
    out = []
    latest, latest_source = catalogue_date(path)
    for line, r in read_csv(path, INCIDENT_COLUMNS):
        where = f"{path} line {line}"
        row = {k: (r[k] or "").strip() for k in INCIDENT_COLUMNS}
        row["location"] = (r.get("location") or "").strip()
        row["date"] = parse_date(row["date"], where)
        if row["type"] not in CATALOGUE_TYPES:
            raise EscalateError(f"{where}: unknown type {row['type']!r}")
        if row["victim"] not in ("nato", "russia"):
            raise EscalateError(f"{where}: victim must be nato or russia, not {row['victim']!r}")
        if row["final_attribution"] not in ATTRIBUTIONS:
            raise EscalateError(f"{where}: final_attribution {row['final_attribution']!r} is not "
                            f"one of {', '.join(sorted(ATTRIBUTIONS))}")
        if row["response_rung"] not in RUNGS:
            raise EscalateError(f"{where}: response_rung {row['response_rung']!r} is not one of "
                            f"{', '.join(RUNGS)}")
        if row["victim_state_nato_member"] not in ("yes", "no"):
            raise EscalateError(f"{where}: victim_state_nato_member must be yes or no")
        if row["date"] < CATALOGUE_START:
            raise EscalateError(f"{where}: date {row['date']} before {CATALOGUE_START}")
        if row["date"] > latest:
            raise EscalateError(f"{where}: date {row['date']} after {latest} ({latest_source}): "
                                "an incident cannot postdate the catalogue")
        row["line"] = line
        out.append(row)
    if not out:
        raise EscalateError(f"{path}: no rows")
    return out


def read_counts(path):
    out = []
    latest, latest_source = catalogue_date(path)
    for line, r in read_csv(path, COUNT_COLUMNS):
        where = f"{path} line {line}"
        row = {k: (r[k] or "").strip() for k in COUNT_COLUMNS}
        row["period_start"] = parse_date(row["period_start"], where)
        row["period_end"] = parse_date(row["period_end"], where)
        if row["period_end"] < row["period_start"]:
            raise EscalateError(f"{where}: period_end before period_start")
        if row["period_end"] > latest:
            raise EscalateError(f"{where}: period_end {row['period_end']} after {latest} ({latest_source})")
        if not row["count"].isdigit():
            raise EscalateError(f"{where}: count {row['count']!r} is not a non-negative integer")
        row["count"] = int(row["count"])
        out.append(row)
    return out


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def data_version(readme):
    try:
        with open(readme, encoding="utf-8") as f:
            for line in f:
                if line.startswith("version:"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def base_incidents(path):
    """(schema, {name: victim}) of the base config, or (None, {}) if unreadable."""
    if tomllib is None or not os.path.exists(path):
        return None, {}
    with open(path, "rb") as f:
        cfg = tomllib.load(f)
    schema = cfg.get("schema")
    inc = cfg.get("incident", {})
    if isinstance(inc, list):   # schema 1: [[incident]] with name = "..."
        return schema, {i.get("name"): i.get("victim") for i in inc}
    return schema, {k: v.get("victim") for k, v in inc.items()}

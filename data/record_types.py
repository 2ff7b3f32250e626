"""The catalogue's engine incident types and rungs, shared by make_record.py and
record_reporting.py: which rows of data/incidents.csv are an engine type's incidents."""
import csv

ENGINE_TYPES = ["stray-missile", "airspace-violation", "close-encounter",
                "infrastructure-sabotage", "cyber-attack", "strike-attributed-to-nato",
                "nato-deployment", "nuclear-signalling"]
VICTIM = {t: "nato" for t in ENGINE_TYPES}
VICTIM["strike-attributed-to-nato"] = "russia"
VICTIM["nato-deployment"] = "russia"
RUNG_KEYS = [("none", "none"), ("protest", "protest"), ("countermeasure", "countermeasure"),
             ("strike", "limited_strike"), ("war", "war")]


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def engine_rows(rows, itype):
    return [r for r in rows if r["type"] == itype and r["victim"] == VICTIM[itype]
            and (r["victim"] == "russia" or r["victim_state_nato_member"] == "yes")]

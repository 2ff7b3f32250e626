#!/usr/bin/env python3
"""Agreement between two codings of the incident catalogue: Cohen's kappa per column
(type, attribution, rung) over the rows both codings share, and the list of
disagreements. Standard library only.

    /usr/bin/python3 data/agreement.py FIRST.csv SECOND.csv [--markdown]

FIRST is usually data/incidents.csv, SECOND the blind coding (data/second_coding.csv).
Rows are matched by `id`. Each column may be named as in incidents.csv or by its short
name (`attribution` for final_attribution, `rung` for response_rung). Prints one line per
column (n, observed agreement, chance agreement, kappa) and every disagreement; exits 2
with one line naming the file and the problem if an input is unreadable.
"""
import csv
import sys

COLUMNS = {  # reported name: names accepted in a file, first match wins
    "type": ("type", "incident_type"),
    "attribution": ("final_attribution", "attribution"),
    "rung": ("response_rung", "rung", "response"),
}


class InputError(Exception):
    """An unreadable input: one line, exit status 2."""


def cohen_kappa(a, b):
    """Cohen's kappa of two equally long label lists: (kappa, p_observed, p_chance, n).
    kappa = (p_o - p_e) / (1 - p_e) with p_e = sum over labels of the product of the two
    coders' label shares. kappa is None when p_e = 1 (both coders used one same label)."""
    if len(a) != len(b):
        raise ValueError("the two codings must have the same length")
    n = len(a)
    if n == 0:
        return None, None, None, 0
    p_o = sum(x == y for x, y in zip(a, b)) / n
    labels = set(a) | set(b)
    p_e = sum((a.count(k) / n) * (b.count(k) / n) for k in labels)
    kappa = None if p_e == 1.0 else (p_o - p_e) / (1.0 - p_e)
    return kappa, p_o, p_e, n


def read_coding(path):
    """{id: {column: label}} for the three columns, with the file's own column names."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            if "id" not in header:
                raise InputError(f"{path}: no 'id' column")
            names = {}
            for col, accepted in COLUMNS.items():
                found = [c for c in accepted if c in header]
                if not found:
                    raise InputError(f"{path}: no column for {col!r} (one of {', '.join(accepted)})")
                names[col] = found[0]
            out = {}
            for line, row in enumerate(reader, start=2):
                rid = (row.get("id") or "").strip()
                if not rid:
                    raise InputError(f"{path} line {line}: empty id")
                if rid in out:
                    raise InputError(f"{path} line {line}: duplicate id {rid!r}")
                out[rid] = {col: (row.get(name) or "").strip().lower() for col, name in names.items()}
            return out
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}") from None
    except (UnicodeDecodeError, csv.Error) as e:
        raise InputError(f"{path}: not a readable CSV file ({e})") from None


def compare(first, second):
    """Per column: (kappa, p_o, p_e, n) over the shared ids, and the disagreements as
    (id, column, first label, second label), in id order."""
    ids = sorted(set(first) & set(second))
    stats, disagreements = {}, []
    for col in COLUMNS:
        a = [first[i][col] for i in ids]
        b = [second[i][col] for i in ids]
        stats[col] = cohen_kappa(a, b)
        disagreements += [(i, col, x, y) for i, x, y in zip(ids, a, b) if x != y]
    disagreements.sort()
    return stats, disagreements


def report(stats, disagreements, only_first, only_second, markdown=False):
    def fmt(x):
        return "undefined" if x is None else f"{x:.2f}"
    lines = []
    if markdown:
        lines += ["| column | rows | observed agreement | chance agreement | Cohen's kappa |",
                  "|---|---|---|---|---|"]
        lines += [f"| {c} | {s[3]} | {fmt(s[1])} | {fmt(s[2])} | {fmt(s[0])} |" for c, s in stats.items()]
    else:
        lines += [f"{c:12s} n={s[3]:3d}  observed {fmt(s[1])}  chance {fmt(s[2])}  kappa {fmt(s[0])}"
                  for c, s in stats.items()]
    lines.append(f"{len(disagreements)} disagreement(s)" + (":" if disagreements else ""))
    lines += [f"- {i} {col}: first {x!r}, second {y!r}" for i, col, x, y in disagreements]
    if only_first or only_second:
        lines.append(f"ids only in the first coding: {len(only_first)}; only in the second: "
                     f"{', '.join(sorted(only_second)) or 'none'}")
    return "\n".join(lines)


def main(argv):
    args = [a for a in argv[1:] if a != "--markdown"]
    if len(args) != 2:
        print("usage: agreement.py FIRST.csv SECOND.csv [--markdown]", file=sys.stderr)
        return 2
    try:
        first, second = read_coding(args[0]), read_coding(args[1])
    except InputError as e:
        print(e, file=sys.stderr)
        return 2
    if not set(first) & set(second):
        print(f"{args[1]}: no id in common with {args[0]}", file=sys.stderr)
        return 2
    stats, disagreements = compare(first, second)
    try:
        print(report(stats, disagreements, set(first) - set(second), set(second) - set(first),
                     markdown="--markdown" in argv))
    except BrokenPipeError:   # output cut short by a pager or head: not an error
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

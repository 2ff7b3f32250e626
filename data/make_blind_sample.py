#!/usr/bin/env python3
"""Write the blinded sample for the second coder: a random quarter of the rows of
incidents.csv with only the row id, date, countries and the source columns, none of the
coding columns. The rows are chosen with numpy's default_rng(SEED).choice, so anyone can
draw the same sample again.

    /usr/bin/python3 data/make_blind_sample.py [OUT_DIR [FRAME_CSV]]

OUT_DIR defaults to /work/blind; FRAME_CSV (the rows drawn from) to data/incidents.csv.
The sample of data v2 was drawn from the 103 rows at commit e05aee1; to draw it again:

    git show e05aee1:data/incidents.csv > /tmp/frame.csv
    /usr/bin/python3 data/make_blind_sample.py /tmp/out /tmp/frame.csv

Writes OUT_DIR/sample.csv and copies CODING.md to OUT_DIR/CODING.md.
"""
import csv
import os
import shutil
import sys

import numpy as np

SEED = 20260020          # fixed: issue 20, catalogue year 2026; never change it after use
FRACTION = 0.25
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE_COLUMNS = ["id", "date", "location", "source_publisher", "source_title",
                  "source_date", "source_url", "source2_publisher", "source2_title",
                  "source2_url"]


def sample_ids(rows, seed=SEED, fraction=FRACTION):
    """The ids of the sampled rows, in catalogue order."""
    k = round(len(rows) * fraction)
    picked = np.random.default_rng(seed).choice(len(rows), size=k, replace=False)
    return [rows[i]["id"] for i in sorted(picked)]


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else "/work/blind"
    frame = argv[2] if len(argv) > 2 else os.path.join(HERE, "incidents.csv")
    with open(frame, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    chosen = set(sample_ids(rows))
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "sample.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=SAMPLE_COLUMNS, extrasaction="ignore")
        w.writeheader()
        w.writerows(r for r in rows if r["id"] in chosen)
    shutil.copy(os.path.join(HERE, "CODING.md"), os.path.join(out_dir, "CODING.md"))
    print(f"{len(chosen)} of {len(rows)} rows written to {out_dir}/sample.csv (seed {SEED})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""The incident catalogue in data/ passes its own checker, and the checker catches a row
without a source, a response dated outside the 30-day window and an unknown late rung
(so the data test can fail)."""
import datetime
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
PYTHON = os.environ.get("PYTHON", sys.executable)
CHECKER = os.path.join(SRC, "data", "check_catalogue.py")


def check(directory):
    return subprocess.run([PYTHON, CHECKER, directory], capture_output=True, text=True, timeout=60)


def check_edited(edit):
    """Run the checker on a copy of data/ whose incident rows went through edit(rows)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("incidents.csv", "yearly_counts.csv"):
            shutil.copy(os.path.join(SRC, "data", name), tmp)
        path = os.path.join(tmp, "incidents.csv")
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
            fields = list(rows[0].keys())
        edit(rows)
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
        return check(tmp)


def first_day_row(rows, rung="protest"):
    return next(r for r in rows if r["date_precision"] == "day" and r["response_rung"] == rung)


class CatalogueTest(unittest.TestCase):
    def test_the_shipped_catalogue_passes(self):
        done = check(os.path.join(SRC, "data"))
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertIn("rows ok", done.stdout)

    def test_a_row_without_its_source_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("incidents.csv", "yearly_counts.csv"):
                shutil.copy(os.path.join(SRC, "data", name), tmp)
            path = os.path.join(tmp, "incidents.csv")
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
                fields = list(rows[0].keys())
            self.assertGreaterEqual(len(rows), 60)
            rows[5]["source_url"] = ""
            with open(path, "w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(f, fieldnames=fields)
                writer.writeheader()
                writer.writerows(rows)
            done = check(tmp)
            self.assertNotEqual(done.returncode, 0, done.stdout)
            self.assertIn(rows[5]["id"], done.stdout + done.stderr)


    def test_a_response_on_day_30_passes_and_on_day_31_is_refused(self):
        def at(days):
            def edit(rows):
                r = first_day_row(rows)
                d = datetime.date.fromisoformat(r["date"])
                r["response_date"] = (d + datetime.timedelta(days=days)).isoformat()
                at.id = r["id"]
            return edit
        self.assertEqual(check_edited(at(30)).returncode, 0)
        done = check_edited(at(31))
        self.assertNotEqual(done.returncode, 0, done.stdout)
        self.assertIn(at.id, done.stdout)
        self.assertIn("outside the response window", done.stdout)
        done = check_edited(at(-1))
        self.assertNotEqual(done.returncode, 0, done.stdout)

    def test_a_month_row_has_its_window_from_the_month_end(self):
        def edit(rows, day):
            r = next(r for r in rows if r["date_precision"] == "month")
            r["response_rung"] = "protest"
            d = datetime.date.fromisoformat(r["date"])
            nxt = datetime.date(d.year + d.month // 12, d.month % 12 + 1, 1)
            r["response_date"] = (nxt + datetime.timedelta(days=day - 1)).isoformat()
        self.assertEqual(check_edited(lambda rows: edit(rows, 30)).returncode, 0)
        self.assertNotEqual(check_edited(lambda rows: edit(rows, 31)).returncode, 0)

    def test_a_response_date_without_a_response_and_a_bad_late_rung_are_refused(self):
        def dated_none(rows):
            r = first_day_row(rows, "none")
            r["response_date"] = r["date"]
        done = check_edited(dated_none)
        self.assertIn("response_rung is 'none'", done.stdout)
        done = check_edited(lambda rows: first_day_row(rows).update(late_response_rung="sanction"))
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("late_response_rung", done.stdout)


    def test_a_series_without_a_definition_is_refused_with_a_suggestion(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("incidents.csv", "yearly_counts.csv"):
                shutil.copy(os.path.join(SRC, "data", name), tmp)
            path = os.path.join(tmp, "yearly_counts.csv")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace("\nnato_air_policing_scrambles_total,", "\nnato_air_policing_scramble_total,", 1))
            done = check(tmp)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("did you mean 'nato_air_policing_scrambles_total'", done.stdout)


if __name__ == "__main__":
    unittest.main()

"""The incident catalogue in data/ passes its own checker, and the checker catches a row
without a source (so the data test can fail)."""
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


if __name__ == "__main__":
    unittest.main()

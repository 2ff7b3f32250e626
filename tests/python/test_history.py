"""The 1991-2022 replay matches the paper's periodization in at least 28 of 32 years (issue #3),
and its log score against the null model (every incident rate at zero; issue 12).

Run: cd tests/python && /usr/bin/python3 -m unittest -v test_history   (about 8 s)"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

SRC = os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate"))
SCRIPT = os.path.join(os.path.dirname(sys.executable), "escalate-history")   # the venv's entry point
from escalate.tools import history  # noqa: E402


class HistoryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="test-history-")
        cls.replay = os.path.join(cls.tmp, "replay.h5")
        cls.null = os.path.join(cls.tmp, "null.h5")
        subprocess.run([BIN, "run", os.path.join(SRC, history.CONFIG), "-q", "-o", cls.replay], check=True)
        subprocess.run([BIN, "run", os.path.join(SRC, history.NULL_CONFIG), "-q", "-o", cls.null], check=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def history(self, *args):
        return subprocess.run([SCRIPT, *args], check=True, capture_output=True, text=True).stdout

    def test_periodization(self):
        out = self.history(self.replay)
        print(out)
        last = out.strip().splitlines()[-1]
        matched, total = int(last.split()[0]), int(last.split()[2])
        self.assertEqual(total, 32)
        self.assertGreaterEqual(matched, 28, out)
        lines = {l.split()[0]: l for l in out.splitlines() if l[:4].isdigit()}
        self.assertIn("dormant", lines["1991"].split()[2])
        self.assertIn("spiral", lines["2022"].split()[2])

    def test_null_model_has_no_incidents(self):
        """The null config turns every incident off, including those the events switch on."""
        with h5py.File(self.null, "r") as f:
            self.assertEqual(int(f["incident_count"][:].sum()), 0)
            self.assertEqual(int(f.attrs["countermeasures"]), 0)
        with h5py.File(self.replay, "r") as f:
            self.assertGreater(int(f["incident_count"][:].sum()), 0)

    def test_score_against_the_null(self):
        """The replay gets 2022 (spiral) right where the null cannot (no incident, no offensive
        turn), so it wins that year and in total; the table has 32 years and a total."""
        out = self.history("--score", self.replay, self.null)
        print(out)
        rows = {l.split()[0]: l.split() for l in out.splitlines() if l[:4].isdigit() or l.startswith("total")}
        self.assertEqual(len(rows), 33)
        self.assertGreater(float(rows["2022"][-1]), 1.0)
        self.assertGreater(float(rows["total"][-1]), 0.0)
        # Each year's score is the smoothed log probability of the paper's phase.
        for year, r in rows.items():
            if year != "total":
                p, n = float(r[2]), 20000
                self.assertAlmostEqual(float(r[4]), history.log_score(p, n), places=1)

    def test_log_score(self):
        self.assertAlmostEqual(history.log_score(1.0, 100), np.log(100.5 / 101))
        self.assertAlmostEqual(history.log_score(0.0, 100), np.log(0.5 / 101))
        self.assertLess(history.log_score(0.0, 20000), -10)   # the floor of a phase never reached


if __name__ == "__main__":
    unittest.main()

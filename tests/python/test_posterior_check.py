"""escalate.tools.posterior_check: the share of observations inside their 90% band, by kind,
and the PIT histogram, from a posterior file's check group; held-out rows (NaN) left out;
bad input refused in one line with exit 2 and nothing written.

Run: cd tests/python && PYTHONPATH=../../python /usr/bin/python3 -m unittest -v test_posterior_check
"""
import os
import tempfile
import unittest

import h5py
import numpy as np

from escalate.errors import EscalateError
from escalate.tools.posterior_check import main, pit_histogram, read_check, summary


def write_check(path, observed, low, high, pit, names):
    with h5py.File(path, "w") as f:
        g = f.create_group("check")
        g["observation"] = np.array(names, dtype=h5py.string_dtype())
        g["observed"], g["low"], g["high"], g["pit"] = observed, low, high, pit


class PosteriorCheck(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.tmp.name, "posterior.h5")
        # 4 counts (3 inside), 2 answers (1 inside), 1 outcome (inside), 1 held out.
        observed = np.array([1, 5, 2, 9, 0, 3, 0, np.nan])
        low = np.array([0, 1, 2, 1, 1, 0, 0, 0])
        high = np.array([3, 6, 4, 8, 4, 5, 1, 9])
        pit = np.array([0.05, 0.15, 0.25, 0.999, 0.001, 0.55, 0.45, np.nan])
        names = ["w/counts/a/2014", "w/counts/a/2015", "w/counts/b/2014", "w/counts/b/2015",
                 "w/answers/a/none", "w/answers/a/protest", "w/outcomes/wars", "w/counts/a/2016"]
        write_check(self.path, observed, low, high, pit, names)

    def tearDown(self):
        self.tmp.cleanup()

    def test_coverage_by_kind_leaves_out_held_out_rows(self):
        rows = read_check(self.path)
        self.assertEqual(len(rows["observation"]), 7)
        table = {k: (n, i) for k, n, i, _ in summary(rows)}
        self.assertEqual(table["counts"], (4, 3))
        self.assertEqual(table["answers"], (2, 1))
        self.assertEqual(table["outcomes"], (1, 1))
        self.assertEqual(table["all"], (7, 5))

    def test_pit_histogram_counts_every_observed_row_once(self):
        counts = pit_histogram(read_check(self.path)["pit"])
        self.assertEqual(int(counts.sum()), 7)
        self.assertEqual(int(counts[0]), 2)   # 0.05 and 0.001
        self.assertEqual(int(counts[-1]), 1)  # 0.999

    def test_writes_table_and_figure_and_refuses_bad_input(self):
        out = os.path.join(self.tmp.name, "check")
        self.assertEqual(main([self.path, "-o", out]), 0)
        self.assertTrue(os.path.exists(out + ".md") and os.path.exists(out + ".png"))
        self.assertIn("w/counts/b/2015", open(out + ".md").read())   # PIT 0.999: out of reach
        self.assertEqual(main([self.path, "-o", out]), 2)             # exists, no --force
        self.assertEqual(main([os.path.join(self.tmp.name, "missing.h5"), "-o", out + "2"]), 2)
        self.assertFalse(os.path.exists(out + "2.md"))
        with h5py.File(os.path.join(self.tmp.name, "foreign.h5"), "w") as f:
            f["x"] = 1
        with self.assertRaises(EscalateError):
            read_check(os.path.join(self.tmp.name, "foreign.h5"))


if __name__ == "__main__":
    unittest.main()

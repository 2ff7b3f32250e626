"""scripts/plot.py draws real figures of the file's numbers (issue #6)."""
import json
import os
import struct
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")
PLOT = os.path.join(os.path.dirname(sys.executable), "escalate-plot")   # the venv's entry point


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


class PlotTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        cls.result = os.path.join(d, "small.h5")
        cls.comparison = os.path.join(d, "cmp.h5")
        small = os.path.join(SRC, "tests", "configs", "small.toml")
        subprocess.run([BIN, "run", small, "-q", "-o", cls.result], check=True)
        subprocess.run([BIN, "compare", small, os.path.join(SRC, "tests", "configs", "small-institutions.toml"),
                        "-q", "-o", cls.comparison], check=True)
        cls.out = os.path.join(d, "png")
        for f in (cls.result, cls.comparison):
            subprocess.run([PLOT, f, "-o", cls.out], check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_figure_is_a_real_image(self):
        for stem, kinds in (("small", ["fan", "occupancy", "p-war", "sensitivity"]),
                            ("cmp", ["fan", "occupancy", "p-war", "sensitivity", "forest", "overlay"])):
            for kind in kinds:
                path = os.path.join(self.out, f"{stem}-{kind}.png")
                self.assertTrue(os.path.exists(path), path)
                self.assertGreater(os.path.getsize(path), 15_000, f"{path} looks empty")
                width, height = png_size(path)
                self.assertGreaterEqual(width, 600, path)
                self.assertGreaterEqual(height, 300, path)

    def test_plotted_numbers_come_from_the_file(self):
        with open(os.path.join(self.out, "small-plotted.json")) as f:
            plotted = json.load(f)
        with h5py.File(self.result, "r") as h5:
            levels = list(h5["quantile"][:])
            q = h5["war_quantiles"][:]
            self.assertEqual(plotted["fan_median_at_horizon"], q[levels.index(0.5), -1])
            self.assertEqual(plotted["fan_q95_at_horizon"], q[levels.index(0.95), -1])
            # ... which is the median across draws of per-draw P(war) at the horizon.
            self.assertAlmostEqual(plotted["fan_median_at_horizon"], float(np.median(h5["draws/p_war"][:])), places=12)
            self.assertEqual(plotted["occupancy_at_horizon"], list(h5["occupancy"][-1]))
            names = [n.decode() if isinstance(n, bytes) else n for n in h5["parameter"][:]]
            for name, value in plotted["sensitivity"].items():
                s = h5["sensitivity"][names.index(name)]
                self.assertTrue(value == s or (np.isnan(value) and np.isnan(s)))

    def test_forest_shows_the_paired_differences(self):
        with open(os.path.join(self.out, "cmp-plotted.json")) as f:
            plotted = json.load(f)
        with h5py.File(self.comparison, "r") as h5:
            row = [n.decode() if isinstance(n, bytes) else n for n in h5["comparison/config"][:]].index("small-institutions")
            self.assertEqual(plotted["forest"]["small-institutions"]["difference"], h5["comparison/difference"][row, 0])
            self.assertEqual(plotted["forest"]["small-institutions"]["paired"], list(h5["comparison/paired_interval"][row, 0]))

    def test_foreign_file_is_refused(self):
        r = subprocess.run([PLOT, PLOT], capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("not a readable HDF5 file", r.stderr)


if __name__ == "__main__":
    unittest.main()

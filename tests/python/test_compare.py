"""escalate compare: common random numbers, exact zeros for a config against itself, and a
paired interval narrower than the unpaired one where pairing must help (issue #3)."""
import os
import subprocess
import tempfile
import unittest

import h5py
import numpy as np
import xarray as xr

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")


def config(name):
    return os.path.join(SRC, "tests", "configs", name)


class CompareTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.tmp.name, "cmp.h5")
        cls.out = subprocess.run(
            [BIN, "compare", config("small.toml"), config("small.toml"), config("small-institutions.toml"),
             "--draws", "40", "--trajectories", "200", "-o", cls.path],
            check=True, capture_output=True, text=True).stdout
        cls.h5 = h5py.File(cls.path, "r")

    @classmethod
    def tearDownClass(cls):
        cls.h5.close()
        cls.tmp.cleanup()

    def names(self):
        return [n.decode() if isinstance(n, bytes) else n for n in self.h5["comparison/config"][:]]

    def test_one_group_per_config_with_the_run_schema(self):
        self.assertEqual(self.names(), ["small", "small-2", "small-institutions"])
        for name in self.names():
            self.assertEqual(self.h5[f"{name}/occupancy"].shape[1], 6)
            self.assertIn("draws", self.h5[name])
        with xr.open_dataset(self.path, group="small-institutions") as ds:
            self.assertEqual(ds["occupancy"].dims, ("time", "phase"))

    def test_ncdump_reads_every_group(self):
        out = subprocess.run(["ncdump", "-h", self.path], check=True, capture_output=True, text=True).stdout
        for group in ("small", "small-2", "small-institutions", "comparison"):
            self.assertIn(f"group: {group} {{", out)
        self.assertIn("difference(config, outcome)", out)

    def test_self_comparison_is_exactly_zero(self):
        row = self.names().index("small-2")
        self.assertTrue(np.all(self.h5["comparison/difference"][row] == 0.0))
        self.assertTrue(np.all(self.h5["comparison/paired_interval"][row] == 0.0))
        self.assertTrue(np.all(self.h5["comparison/per_draw_difference"][row] == 0.0))
        self.assertEqual(self.h5["comparison/draws_paired_exactly"][row], 40)
        for name in ("occupancy", "reached", "draws/p_war"):
            np.testing.assert_array_equal(self.h5[f"small/{name}"][:], self.h5[f"small-2/{name}"][:])

    def test_pairing_narrows_the_interval(self):
        row = self.names().index("small-institutions")
        war = 0  # outcome index
        paired = self.h5["comparison/paired_interval"][row, war]
        unpaired = self.h5["comparison/unpaired_interval"][row, war]
        difference = self.h5["comparison/difference"][row, war]
        self.assertLess(difference, 0.0, "stronger institutions cannot raise P(war) under common random numbers")
        self.assertLess(paired[1] - paired[0], 0.5 * (unpaired[1] - unpaired[0]))
        self.assertTrue(paired[0] <= difference <= paired[1])
        # Restraint lowers every ladder step at every decision (one uniform per decision, so
        # the rung chosen can only fall), but a lower rung changes what follows, and later
        # arrivals are redrawn: per draw, P(war) may rise by chance, rarely. At 200
        # trajectories per draw, at least 90% of the draws must not rise.
        per_draw = self.h5["comparison/per_draw_difference"][row, :, war]
        self.assertGreaterEqual(np.mean(per_draw <= 0.0), 0.9)
        self.assertEqual(self.h5["comparison/draws_paired_exactly"][row], 40)

    def test_table(self):
        self.assertIn("small-institutions", self.out)
        self.assertIn("paired 95%", self.out)
        self.assertIn("(reference)", self.out)
        # Each config's own probabilities beside the differences, in at most 100 columns.
        war = self.h5["comparison/probability"][self.names().index("small-institutions"), 0]
        self.assertIn(f"{war:.4f}"[1:], self.out)
        self.assertLessEqual(max(len(line) for line in self.out.splitlines()), 100)

    def test_absolute_probabilities_are_each_configs_own(self):
        for i, name in enumerate(self.names()):
            war = [s.decode() for s in self.h5[f"{name}/phase"][:]].index("war")
            self.assertEqual(self.h5["comparison/probability"][i, 0], self.h5[f"{name}/p_reached"][war])
            np.testing.assert_array_equal(self.h5["comparison/probability_interval"][i, 0], self.h5[f"{name}/p_reached_interval"][war])
            self.assertEqual(self.h5["comparison/probability"][i, 1], self.h5[f"{name}/p_clash"][()])

    def test_summary_of_a_comparison(self):
        import json
        out = subprocess.run([BIN, "summary", self.path, "--json"], check=True, capture_output=True, text=True).stdout
        summary = json.loads(out)
        self.assertEqual(summary["reference"], "small")
        row = [c for c in summary["configs"] if c["config"] == "small-institutions"][0]
        index = self.names().index("small-institutions")
        self.assertEqual(row["war"]["difference"], self.h5["comparison/difference"][index, 0])
        self.assertEqual(row["war"]["probability"], self.h5["comparison/probability"][index, 0])
        self.assertIn("unpaired", row["war"])
        self.assertEqual(row["war"]["paired"], list(self.h5["comparison/paired_interval"][index, 0]))

    def test_mismatched_horizons_are_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            other = os.path.join(tmp, "longer.toml")
            with open(other, "w") as f:
                f.write(f'schema = 2\nbase = "{config("small.toml")}"\n[run]\nhorizon_days = 730\n')
            r = subprocess.run([BIN, "compare", config("small.toml"), other, "-o", os.path.join(tmp, "x.h5")],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 2)
            self.assertIn("must match the reference", r.stderr)
            self.assertFalse(os.path.exists(os.path.join(tmp, "x.h5")))


if __name__ == "__main__":
    unittest.main()

"""escalate sweep: one run per value with common random numbers, the swept values stored as
coordinates, paired differences against the first point, and clear refusals."""
import os
import subprocess
import tempfile
import tomllib
import unittest

import h5py
import numpy as np
import xarray as xr

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")
SMALL = os.path.join(SRC, "tests", "configs", "small.toml")


class SweepTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.tmp.name, "sweep.h5")
        cls.out = subprocess.run([BIN, "sweep", SMALL, "--set", "restraint.institutions=0:1:3",
                                  "--draws", "30", "--trajectories", "100", "-o", cls.path],
                                 check=True, capture_output=True, text=True).stdout
        cls.h5 = h5py.File(cls.path, "r")

    @classmethod
    def tearDownClass(cls):
        cls.h5.close()
        cls.tmp.cleanup()

    def test_values_are_coordinates(self):
        np.testing.assert_array_equal(self.h5["sweep/value"][:, 0], [0.0, 0.5, 1.0])
        self.assertEqual([p.decode() for p in self.h5["sweep/path"][:]], ["restraint.institutions"])
        ds = xr.open_dataset(self.path, group="sweep")
        self.assertEqual(ds["value"].dims, ("point", "path"))

    def test_each_point_is_a_run_with_its_value(self):
        for i, value in enumerate([0.0, 0.5, 1.0]):
            group = self.h5[f"point-{i}"]
            stored = tomllib.loads(group.attrs["config"])  # the resolved config of this point
            self.assertEqual(stored["restraint"]["institutions"], value)
            war = list(s.decode() for s in group["phase"][:]).index("war")
            self.assertEqual(self.h5["sweep/probability"][i, 0], group["p_reached"][war])
            np.testing.assert_array_equal(self.h5["sweep/interval"][i, 0], group["p_reached_interval"][war])

    def test_paired_against_the_first_point(self):
        self.assertTrue(np.all(self.h5["comparison/difference"][0] == 0.0))
        # Stronger institutions restrain: P(war) falls along the sweep, and pairing shows it.
        d = self.h5["comparison/difference"][:, 0]
        self.assertLess(d[2], d[1])
        self.assertLess(d[1], 0.0)
        self.assertLess(self.h5["comparison/paired_interval"][2, 0, 1], 0.0)
        self.assertIn("(reference)", self.out)

    def test_a_path_through_an_event_set_table(self):
        # An event's `set` keys are quoted dotted paths: the sweep path runs through them.
        out = os.path.join(self.tmp.name, "through-set.h5")
        subprocess.run([BIN, "sweep", SMALL, "--set",
                        "event.ceasefire-in-ukraine.set.incident.deployment.deliberate_rate.1=0.5,5",
                        "--draws", "4", "--trajectories", "20", "-q", "-o", out], check=True)
        with h5py.File(out, "r") as f:
            stored = tomllib.loads(f["point-1"].attrs["config"])
            rates = stored["event"]["ceasefire-in-ukraine"]["set"]["incident.deployment.deliberate_rate"]
            self.assertEqual(rates[1], 5.0)

    def test_refusals(self):
        for args, fragment in [(["--set", "restraint.instituions=0,1"], "did you mean 'institutions'"),
                               (["--set", "restraint.institutions"], "expected PATH=v1,v2"),
                               (["--set", "restraint.institutions=0:1:x"], "not a finite number"),
                               (["--set", "response.intercept.7=1"], "has 4 elements")]:
            r = subprocess.run([BIN, "sweep", SMALL, *args, "-o", os.path.join(self.tmp.name, "bad.h5")],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(fragment, r.stderr)
            self.assertFalse(os.path.exists(os.path.join(self.tmp.name, "bad.h5")))


if __name__ == "__main__":
    unittest.main()

"""Sweep files are grids (issue 21): each swept path is a dimension of the `sweep` group with
its values as the coordinate, so `xr.open_dataset(f, group="sweep").sel(<path>=value)`
works; several paths give the full grid; the point table stays; the plot reader still
draws the file."""
import os
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np
import xarray as xr

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")
SMALL = os.path.join(SRC, "tests", "configs", "small.toml")


def sweep(out, *sets, draws=4, trajectories=20):
    args = [BIN, "sweep", SMALL, "--draws", str(draws), "--trajectories", str(trajectories), "-q", "-o", out]
    for s in sets:
        args += ["--set", s]
    subprocess.run(args, check=True)


class SweepGridTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.one = os.path.join(cls.tmp.name, "one.h5")
        cls.two = os.path.join(cls.tmp.name, "two.h5")
        sweep(cls.one, "restraint.institutions=0.8,0,0.5")  # not sorted: the coordinate keeps the order given
        sweep(cls.two, "restraint.institutions=0,1", "response.intercept.1=-1,0,1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_one_path_sel_by_value(self):
        with xr.open_dataset(self.one, group="sweep") as ds:
            self.assertEqual(ds["restraint_institutions"].dims, ("restraint_institutions",))
            np.testing.assert_array_equal(ds["restraint_institutions"].values, [0.8, 0.0, 0.5])
            self.assertEqual(ds["restraint_institutions"].attrs["path"], "restraint.institutions")
            self.assertEqual(ds["grid_probability"].dims, ("restraint_institutions", "outcome"))
            self.assertEqual(ds["grid_interval"].dims, ("restraint_institutions", "outcome", "bound"))
            for i, value in enumerate([0.8, 0.0, 0.5]):
                cell = ds.sel(restraint_institutions=value)
                self.assertEqual(int(cell["grid_point"]), i)
                # The cell holds exactly the point's results, and the point table agrees.
                with h5py.File(self.one, "r") as f:
                    group = f[f"point-{i}"]
                    war = [s.decode() for s in group["phase"][:]].index("war")
                    self.assertEqual(float(cell["grid_probability"].sel(outcome="war")), group["p_reached"][war])
                    np.testing.assert_array_equal(cell["grid_interval"].sel(outcome="war").values,
                                                  group["p_reached_interval"][war])
                np.testing.assert_array_equal(cell["grid_probability"].values, ds["probability"].values[i])
            self.assertEqual(ds["grid_probability"].attrs["ancillary_variables"], "grid_interval")

    def test_several_paths_make_the_full_grid(self):
        with xr.open_dataset(self.two, group="sweep") as ds:
            p = ds["grid_probability"]
            self.assertEqual(p.dims, ("restraint_institutions", "response_intercept_1", "outcome"))
            self.assertEqual(p.shape, (2, 3, 3))
            np.testing.assert_array_equal(ds["response_intercept_1"].values, [-1.0, 0.0, 1.0])
            # Point i is cell i in row-major order, the first path slowest: the table agrees cell by cell.
            values = ds["value"].values
            for i in range(6):
                a, b = values[i]
                cell = ds.sel(restraint_institutions=a, response_intercept_1=b)
                self.assertEqual(int(cell["grid_point"]), i)
                np.testing.assert_array_equal(cell["grid_probability"].values, ds["probability"].values[i])
            # A curve over one path at a value of the other.
            curve = p.sel(outcome="war", restraint_institutions=1.0)
            self.assertEqual(curve.dims, ("response_intercept_1",))

    def test_the_point_table_is_kept(self):
        with xr.open_dataset(self.two, group="sweep") as ds:
            self.assertEqual(ds["value"].dims, ("point", "path"))
            self.assertEqual(ds["probability"].dims, ("point", "outcome"))
            self.assertEqual([str(p) for p in ds["path"].values], ["restraint.institutions", "response.intercept.1"])

    def test_dimension_names_of_awkward_paths(self):
        out = os.path.join(self.tmp.name, "awkward.h5")
        sweep(out, "event.ceasefire-in-ukraine.set.incident.deployment.deliberate_rate.1=0.5,5")
        with xr.open_dataset(out, group="sweep") as ds:
            name = "event_ceasefire_in_ukraine_set_incident_deployment_deliberate_rate_1"
            self.assertIn(name, ds.dims)
            self.assertEqual(ds[name].attrs["path"], "event.ceasefire-in-ukraine.set.incident.deployment.deliberate_rate.1")
            self.assertEqual(ds.sel({name: 5.0})["grid_point"].item(), 1)

    def test_the_plot_reader_still_draws_a_sweep(self):
        plots = os.path.join(self.tmp.name, "plots")
        r = subprocess.run([sys.executable, os.path.join(SRC, "scripts", "plot.py"), self.two, "-o", plots],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(any("sweep" in name for name in os.listdir(plots)), os.listdir(plots))


if __name__ == "__main__":
    unittest.main()

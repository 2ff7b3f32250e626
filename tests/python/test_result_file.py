"""The HDF5 result file as analysts read it: h5py, xarray, ncdump (docs/model.md section 13)."""
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


def run(config, output, *flags):
    subprocess.run([BIN, "run", os.path.join(SRC, config), "-q", "--force", "-o", output, *flags], check=True)


class ResultFileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.tmp.name, "small.h5")
        run("tests/configs/small.toml", cls.path)
        cls.h5 = h5py.File(cls.path, "r")

    @classmethod
    def tearDownClass(cls):
        cls.h5.close()
        cls.tmp.cleanup()

    def test_xarray_labels(self):
        with xr.open_dataset(self.path) as ds:
            self.assertEqual(ds["occupancy"].dims, ("time", "phase"))
            self.assertEqual(list(ds["phase"].values), ["dormant", "activated", "deep", "spiral", "war", "nuclear"])
            self.assertEqual(ds["war_by_draw"].dims, ("draw", "time"))
            self.assertEqual(ds["time"].values[-1], 365)  # no start_date: numbers of days, not timedeltas
            self.assertEqual(ds["occupancy"].attrs["units"], "1")
            self.assertIn("long_name", ds["reached"].attrs)
            self.assertEqual(ds.attrs["filetype"], "escalate-results")
        with xr.open_dataset(self.path, group="draws") as draws:
            self.assertEqual(draws["p_war"].shape, (12,))

    def test_checksums_and_readers(self):
        # Damage is detectable (docs/reliability.md): the HDF5 1.10 format (checksummed
        # metadata), Fletcher32 on every chunked dataset, scalars and string axes contiguous
        # (R's ncdf4 cannot open compact ones), and the whole-file seal after the HDF5 data;
        # every reader people use still opens it.
        with open(self.path, "rb") as f:
            self.assertEqual(f.read(8), b"\x89HDF\r\n\x1a\n")  # xarray recognises the file by it
            f.seek(-80, 2)
            self.assertTrue(f.read().startswith(b"escalate-seal 1 size="))
        numeric = 0
        def check(name, obj):
            nonlocal numeric
            if not isinstance(obj, h5py.Dataset):
                return
            layout = obj.id.get_create_plist().get_layout()
            if obj.dtype.kind in "fiu" and obj.size > 0 and obj.shape != ():
                numeric += 1
                self.assertTrue(obj.fletcher32, name)
                self.assertEqual(layout, h5py.h5d.CHUNKED, name)
            elif obj.size > 0:
                self.assertEqual(layout, h5py.h5d.CONTIGUOUS, name)  # covered by the seal
        self.h5.visititems(check)
        self.assertGreater(numeric, 20)
        self.assertGreaterEqual(self.h5.id.get_create_plist().get_version()[0], 2)  # superblock with a checksum
        out = subprocess.run(["h5dump", "-B", self.path], check=True, capture_output=True, text=True).stdout
        self.assertIn("SUPERBLOCK_VERSION 3", out)
        engines = ["netcdf4"]
        try:
            import h5netcdf  # noqa: F401  (Debian: python3-h5netcdf)
            engines.append("h5netcdf")
        except ImportError:
            print("h5netcdf not installed: only the netcdf4 engine checked")
        for engine in engines:
            with xr.open_dataset(self.path, engine=engine) as ds:
                np.testing.assert_array_equal(ds["occupancy"].values, self.h5["occupancy"][:])
                self.assertEqual(ds.attrs["filetype"], "escalate-results")
            with xr.open_dataset(self.path, engine=engine, group="draws") as draws:
                np.testing.assert_array_equal(draws["p_war"].values, self.h5["draws/p_war"][:])

    def test_ncdump_reads_the_header(self):
        out = subprocess.run(["ncdump", "-h", self.path], check=True, capture_output=True, text=True).stdout
        self.assertIn("occupancy(time, phase)", out)
        self.assertIn("string phase(phase)", out)

    def test_occupancy_sums_to_one(self):
        occ = self.h5["occupancy"][:]
        np.testing.assert_allclose(occ.sum(axis=1), 1.0, rtol=0, atol=1e-12)

    def test_reached_is_monotone(self):
        reached = self.h5["reached"][:]
        self.assertTrue(np.all(np.diff(reached, axis=0) >= 0), "reached must not fall over time")
        self.assertTrue(np.all(np.diff(reached, axis=1) <= 0), "reached must not rise with the phase")
        np.testing.assert_array_equal(reached[:, 0], 1.0)

    def test_per_draw_and_pooled_agree(self):
        p_war = self.h5["draws/p_war"][:]
        war_by_draw = self.h5["war_by_draw"][:]
        np.testing.assert_allclose(war_by_draw[:, -1], p_war, rtol=1e-6)  # float32 curves
        # Equal trajectories per draw: the pooled probability is the mean over draws.
        self.assertAlmostEqual(self.h5["p_reached"][4], p_war.mean(), places=12)
        self.assertAlmostEqual(self.h5["p_reached"][3], self.h5["draws/p_spiral"][:].mean(), places=12)
        lo, hi = self.h5["p_reached_interval"][4]
        self.assertLessEqual(lo, self.h5["p_reached"][4])
        self.assertGreaterEqual(hi, self.h5["p_reached"][4])

    def test_quantiles_match_numpy(self):
        war_by_draw = self.h5["war_by_draw"][:].astype(np.float64)
        levels = self.h5["quantile"][:]
        expected = np.quantile(self.h5["draws/p_war"][:], levels)
        np.testing.assert_allclose(self.h5["war_quantiles"][:, -1], expected, rtol=1e-12, atol=1e-12)
        self.assertTrue(np.all(np.diff(self.h5["war_quantiles"][:], axis=0) >= 0))
        np.testing.assert_allclose(self.h5["war_quantiles"][:, -1], np.quantile(war_by_draw[:, -1], levels), atol=1e-6)

    def test_parameters_and_sensitivity(self):
        names = [n.decode() if isinstance(n, bytes) else n for n in self.h5["parameter"][:]]
        self.assertIn("response.intercept.1", names)
        values = self.h5["draws/parameters"][:]
        self.assertEqual(values.shape, (12, len(names)))
        beta = names.index("sides.russia.initial_belief")
        self.assertTrue(np.all((values[:, beta] > 0) & (values[:, beta] < 1)))
        self.assertGreater(np.unique(values[:, beta]).size, 10, "each draw samples its own value")
        sens = self.h5["sensitivity"][:]
        self.assertTrue(np.all(np.isnan(sens) | (np.abs(sens) <= 1)))

    def test_counts_and_triggers(self):
        # Every war has a trigger; wars end in a ceasefire, in nuclear use or at the horizon;
        # a trajectory may have several wars, so at least as many wars as trajectories at war.
        wars = self.h5["war_trigger"][:].sum()
        done = self.h5.attrs["trajectories_done"]
        self.assertEqual(wars, self.h5.attrs["wars"])
        self.assertEqual(wars, self.h5.attrs["ceasefires"] + self.h5.attrs["wars_censored"] + self.h5["nuclear_by_side"][:].sum())
        self.assertGreaterEqual(wars, round(self.h5["draws/p_war"][:].mean() * done))
        self.assertEqual(self.h5["war_durations"][:].sum() + self.h5["war_durations_censored"][:].sum(), wars)
        self.assertGreater(self.h5["incident_count"][:].sum(), 0)
        self.assertEqual(self.h5["incident_count"].shape[1], 4, "incidents happen in phases 0..3 only")
        # Per-draw incidents per trajectory, times trajectories, add up to the pooled count by type.
        per_draw = self.h5["draws/incidents"][:] * self.h5.attrs["trajectories"]
        np.testing.assert_allclose(per_draw.sum(axis=0), self.h5["incident_count"][:].sum(axis=1), rtol=1e-12)
        # Per-draw decisions on incidents by rung add up to the decisions whose cause is an incident type.
        k = self.h5["incident"].shape[0]
        per_draw = self.h5["draws/incident_decisions"][:] * self.h5.attrs["trajectories"]
        self.assertEqual(per_draw.shape, (12, k, 5))
        np.testing.assert_allclose(per_draw.sum(axis=0), self.h5["decisions"][:k], rtol=1e-12)
        self.assertGreater(per_draw.sum(), 0)
        self.assertEqual(self.h5["decisions"][:].sum(), sum(self.h5["decisions"][:, r].sum() for r in range(5)))

    def test_summary_json_agrees_with_the_file(self):
        import json
        out = subprocess.run([BIN, "summary", self.path, "--json"], check=True, capture_output=True, text=True).stdout
        summary = json.loads(out)
        self.assertTrue(summary["complete"])
        self.assertEqual(summary["seed"], self.h5.attrs["seed"])
        self.assertEqual(summary["p_reached"]["war"]["pooled"], self.h5["p_reached"][4])
        self.assertEqual(summary["p_reached"]["spiral"]["upper"], self.h5["p_reached_interval"][3, 1])
        levels = list(self.h5["quantile"][:])
        self.assertEqual(summary["p_reached"]["war"]["draws_q50"], self.h5["reached_quantiles"][levels.index(0.5), 4])
        text = subprocess.run([BIN, "summary", self.path], check=True, capture_output=True, text=True).stdout
        self.assertIn("complete", text)
        self.assertIn("reach nuclear", text)

    def test_provenance(self):
        a = self.h5.attrs
        for key in ("engine_version", "git_sha1", "created", "seed", "draws", "trajectories", "horizon_days",
                    "config", "command_line", "threads", "ranks", "wall_time_seconds", "complete", "format_version"):
            self.assertIn(key, a)
        self.assertEqual(a["complete"], 1)
        self.assertEqual(a["draws"] * a["trajectories"], a["trajectories_done"])
        config = tomllib.loads(a["config"])  # the resolved config is valid TOML ...
        self.assertEqual(config["run"]["seed"], a["seed"])  # ... and carries the effective values
        self.assertNotIn("base", config)


if __name__ == "__main__":
    unittest.main()

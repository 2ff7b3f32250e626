"""escalate sensitivity on a config with a closed form (tests/configs/sensitivity.toml):
the true Sobol' indices, computed here by quadrature, lie in the engine's bootstrap
intervals; the file reads as netCDF; the bar chart draws the file's numbers."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")
PLOT = os.path.join(os.path.dirname(sys.executable), "escalate-plot")   # the venv's entry point
CONFIG = os.path.join(SRC, "tests", "configs", "sensitivity.toml")


def logistic(x):
    return 1 / (1 + np.exp(-x))


def true_indices():
    """First-order and total indices of P(war) = 1 - exp(-c s(i1) s(i3)) and P(clash) =
    1 - exp(-c s(i1)), i1 ~ U(-2, 0), i3 ~ U(-1, 3), c = 6 s(0) 360/365 (the config's
    header), by 200-point Gauss-Legendre quadrature. Parameter order: perception noise,
    intercept 1, intercept 3."""
    x, w = np.polynomial.legendre.leggauss(200)
    w = w / 2
    u = (x + 1) / 2
    i1, i3 = -2 + 2 * u, -1 + 4 * u
    c = 6 * 0.5 * 360 / 365
    war = 1 - np.exp(-c * logistic(i1)[:, None] * logistic(i3)[None, :])
    ww = w[:, None] * w[None, :]
    mean = (ww * war).sum()
    var = (ww * war ** 2).sum() - mean ** 2
    v1 = (w * (war * w[None, :]).sum(1) ** 2).sum() - mean ** 2   # Var(E[war | i1])
    v3 = (w * (war * w[:, None]).sum(0) ** 2).sum() - mean ** 2   # Var(E[war | i3])
    return {"war": {"S1": [0, v1 / var, v3 / var], "ST": [0, 1 - v3 / var, 1 - v1 / var]},
            "clash": {"S1": [0, 1, 0], "ST": [0, 1, 0]}}


class SensitivityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.tmp.name, "sens.h5")
        subprocess.run([BIN, "sensitivity", CONFIG, "--base-samples", "256", "--trajectories", "200", "-q",
                        "-o", cls.path], check=True)
        cls.out = os.path.join(cls.tmp.name, "png")
        cls.plot = subprocess.run([PLOT, cls.path, "-o", cls.out], capture_output=True, text=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_true_indices_lie_in_the_intervals(self):
        truth = true_indices()
        self.assertAlmostEqual(truth["war"]["S1"][1], 0.586, places=3)
        with h5py.File(self.path, "r") as f:
            outcomes = [o.decode() for o in f["outcome"][:]]
            for outcome, want in truth.items():
                o = outcomes.index(outcome)
                for index in ("S1", "ST"):
                    value, interval = f[index][o], f[index + "_interval"][o]
                    for k in range(3):
                        with self.subTest(outcome=outcome, index=index, parameter=k):
                            lo, hi = interval[k]
                            self.assertLessEqual(lo, want[index][k], f"{value[k]:.3f} [{lo:.3f}, {hi:.3f}]")
                            self.assertGreaterEqual(hi, want[index][k], f"{value[k]:.3f} [{lo:.3f}, {hi:.3f}]")
                            self.assertLess(hi - lo, 0.35)
                # The inert perception noise: its total index is near zero, not just covered.
                self.assertLess(abs(f["ST"][o][0]), 0.02)

    def test_per_point_estimates_and_the_noise(self):
        with h5py.File(self.path, "r") as f:
            p, k, n = f["estimates/p"][:], f["estimates/successes"][:], f["estimates/trajectories"][:]
            self.assertTrue((n == 200).all())
            np.testing.assert_array_equal(p, k / n[:, None])
            noise = f["estimates/noise_variance"][:]
            np.testing.assert_allclose(noise, p * (1 - p) / 199, rtol=1e-12)
            # The removed noise is the mean over the A and B points (the first and last of each block of 5).
            ab = np.r_[noise[0::5, 0], noise[4::5, 0]]
            self.assertAlmostEqual(f["noise_variance"][0], ab.mean(), places=12)
            y = np.r_[p[0::5, 0], p[4::5, 0]]
            self.assertAlmostEqual(f["variance"][0], y.var(ddof=1) - ab.mean(), places=12)
            # The design's values are the quantiles of its unit points: uniform(-1, 3) for intercept 3.
            np.testing.assert_allclose(f["design/value"][:, 2], -1 + 4 * f["design/unit"][:, 2], rtol=1e-12)

    def test_design_values_are_the_distributions_quantiles(self):
        """The engine's inverse CDFs (Boost.Math) agree with scipy's on small.toml's beta,
        normal and uniform parameters, and the Morris grid sits at the cell centres."""
        from scipy import stats
        path = os.path.join(self.tmp.name, "small-morris.h5")
        subprocess.run([BIN, "sensitivity", os.path.join(SRC, "tests", "configs", "small.toml"), "--method", "morris",
                        "--base-samples", "4", "--levels", "6", "--trajectories", "2", "-q", "-o", path], check=True)
        quantile = {"sides.russia.initial_belief": stats.beta(8, 2).ppf, "sides.russia.bias": stats.norm(0.5, 0.5).ppf,
                    "model.offensive_multiplier": stats.uniform(2, 2).ppf, "response.intercept.1": stats.norm(-1.5, 0.5).ppf}
        with h5py.File(path, "r") as f:
            names = [n.decode() for n in f["parameter"][:]]
            self.assertEqual(sorted(names), sorted(quantile))
            unit, value = f["design/unit"][:], f["design/value"][:]
            for k, name in enumerate(names):
                np.testing.assert_allclose(value[:, k], quantile[name](unit[:, k]), rtol=1e-12, atol=1e-14)
            np.testing.assert_allclose(unit * 6 - 0.5, np.round(unit * 6 - 0.5), atol=1e-12)   # levels (k + 1/2) / 6

    def test_cf_metadata(self):
        """The promises of docs/loading.md (tests/python/test_cf.py's checker) hold here too;
        design/value has one column per config key, so no single unit, and says so."""
        from test_cf import cf_problems
        problems = cf_problems(self.path)
        self.assertEqual([p for p in problems if p != "design/value: no units"], [])
        with h5py.File(self.path, "r") as f:
            self.assertIn("units of its config key", f["design/value"].attrs["comment"].decode()
                          if isinstance(f["design/value"].attrs["comment"], bytes) else f["design/value"].attrs["comment"])
            self.assertEqual(f["ST"].attrs["ancillary_variables"], "ST_interval")

    def test_file_opens_with_xarray(self):
        import xarray as xr
        ds = xr.open_dataset(self.path)
        self.assertEqual(list(ds["ST"].dims), ["outcome", "parameter"])
        self.assertIn("response.intercept.3", list(ds["parameter"].values))
        run = xr.open_dataset(self.path, group="run")
        self.assertEqual(run.sizes["draw"], 256 * 5)

    def test_bar_chart_draws_the_file(self):
        self.assertEqual(self.plot.returncode, 0, self.plot.stderr)
        png = os.path.join(self.out, "sens-sobol.png")
        self.assertGreater(os.path.getsize(png), 20_000)
        with open(os.path.join(self.out, "sens-plotted.json")) as j:
            plotted = json.load(j)
        self.assertEqual(plotted["order"][0], "response.intercept.1")     # largest ST of P(war) first
        self.assertEqual(plotted["order"][-1], "sides.nato.perception_noise")
        self.assertIn("sensitivity: which uncertain parameters drive", plotted["titles"]["sobol"])
        with h5py.File(self.path, "r") as f:
            names = [n.decode() for n in f["parameter"][:]]
            for name, drawn in plotted["indices"]["war"].items():
                k = names.index(name)
                self.assertEqual(drawn["ST"], f["ST"][0, k])
                self.assertEqual(drawn["S1_interval"], list(f["S1_interval"][0, k]))


if __name__ == "__main__":
    unittest.main()

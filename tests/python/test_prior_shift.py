"""escalate.forecast.prior_shift: the derived posterior of the prior sweep moves exactly one
column (a normal's draws by the change of mean, a lognormal's scaled by the ratio of
medians), keeps every other column and the draws' pairing, never writes its input, and
refuses what it cannot shift.

Run: cd tests/python && PYTHONPATH=../../python /usr/bin/python3 -m unittest -v test_prior_shift
"""
import hashlib
import os
import tempfile
import unittest

import h5py
import numpy as np

from escalate.errors import EscalateError
from escalate.forecast.prior_shift import prior_of, write_shifted_posterior

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
CONFIG = os.path.join(SRC, "configs", "calibration", "baseline-2026-prior.toml")
NAMES = ["response.intercept.3", "war.nuclear_use_rate_per_year", "model.offensive_multiplier"]


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class PriorShift(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.src = os.path.join(self.tmp.name, "posterior.h5")
        rng = np.random.default_rng(3)
        self.values = np.column_stack([rng.normal(-3.0, 1.0, 40), rng.lognormal(np.log(0.067), 1.5, 40),
                                       rng.uniform(1.5, 5.0, 40)])
        with h5py.File(self.src, "w") as f:
            f.create_dataset("posterior/parameters", data=self.values)
            f.create_dataset("posterior/parameter", data=np.array(NAMES, dtype=h5py.string_dtype()))

    def tearDown(self):
        self.tmp.cleanup()

    def derived(self, path, centre):
        out = os.path.join(self.tmp.name, "derived.h5")
        before = sha(self.src)
        write_shifted_posterior(self.src, out, path, prior_of(CONFIG, path), centre)
        self.assertEqual(sha(self.src), before)
        with h5py.File(out, "r") as f:
            self.assertIn(path, f["posterior/parameters"].attrs["derived_by"])
            return f["posterior/parameters"][()]

    def test_the_config_gives_the_two_priors(self):
        self.assertEqual(prior_of(CONFIG, "response.intercept.3"), {"dist": "normal", "mean": -3.0, "sd": 1.0})
        self.assertEqual(prior_of(CONFIG, "war.nuclear_use_rate_per_year"),
                         {"dist": "lognormal", "median": 0.067, "sigma": 1.5})

    def test_a_normal_column_moves_by_the_change_of_mean(self):
        new = self.derived("response.intercept.3", -2.0)
        np.testing.assert_allclose(new[:, 0], self.values[:, 0] + 1.0, rtol=0, atol=1e-14)
        np.testing.assert_array_equal(new[:, 1:], self.values[:, 1:])

    def test_a_lognormal_column_scales_by_the_ratio_of_medians(self):
        new = self.derived("war.nuclear_use_rate_per_year", 0.67)
        np.testing.assert_allclose(new[:, 1], self.values[:, 1] * 10.0, rtol=1e-12)
        np.testing.assert_array_equal(new[:, [0, 2]], self.values[:, [0, 2]])
        self.assertAlmostEqual(float(np.std(np.log(new[:, 1]))), float(np.std(np.log(self.values[:, 1]))), places=12)

    def test_refusals(self):
        out = os.path.join(self.tmp.name, "derived.h5")
        with self.assertRaises(EscalateError):     # a triangular prior has no shift here
            write_shifted_posterior(self.src, out, "model.offensive_multiplier",
                                    prior_of(CONFIG, "model.offensive_multiplier"), 3.0)
        with self.assertRaises(EscalateError):     # not in the config
            prior_of(CONFIG, "response.intercept.9")
        with self.assertRaises(EscalateError):     # the posterior itself
            write_shifted_posterior(self.src, self.src, "response.intercept.3",
                                    prior_of(CONFIG, "response.intercept.3"), -2.0)
        with h5py.File(self.src, "r+") as f:
            del f["posterior/parameter"]
            f.create_dataset("posterior/parameter", data=np.array(["a", "b", "c"], dtype=h5py.string_dtype()))
        with self.assertRaises(EscalateError):     # the posterior lacks the parameter
            write_shifted_posterior(self.src, out, "response.intercept.3", prior_of(CONFIG, "response.intercept.3"), -2.0)
        self.assertFalse(os.path.exists(out))
        self.assertFalse(os.path.exists(out + ".part"))


if __name__ == "__main__":
    unittest.main()

"""The installed escalate package (issue 17, item 6): escalate.open reads every file kind
and says which it is, groups come out as xarray Datasets, the engine is found through
$ESCALATE then PATH, the one Wilson interval has its closed-form properties, and the
package is the installed one (no path tricks: it imports from the venv's site-packages)."""
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

import escalate
from escalate import engine
from escalate.intervals import wilson

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BIN = os.path.abspath(os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate")))
SMALL = os.path.join(SRC, "tests", "configs", "small.toml")


class OpenEveryKind(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        cls.paths = {k: os.path.join(d, f"{k}.h5") for k in ("run", "comparison", "sweep", "sensitivity")}
        small = ["--draws", "3", "--trajectories", "20", "-q"]
        run = lambda *a: subprocess.run([BIN, *a], check=True, capture_output=True)   # noqa: E731
        run("run", SMALL, *small, "-o", cls.paths["run"])
        hawk = os.path.join(d, "hawk.toml")
        with open(hawk, "w") as f:
            f.write(f'schema = 2\nbase = "{SMALL}"\n[restraint]\ninstitutions = 0.1\n')
        run("compare", SMALL, hawk, *small, "-o", cls.paths["comparison"])
        run("sweep", SMALL, "--set", "restraint.institutions=0:1:2", *small, "-o", cls.paths["sweep"])
        run("sensitivity", SMALL, "--base-samples", "4", "--trajectories", "10", "-q", "-o", cls.paths["sensitivity"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_each_file_says_its_kind(self):
        for kind, path in self.paths.items():
            with escalate.open(path) as f:
                self.assertEqual(f.kind, kind)
                self.assertIn(f"escalate {kind} file", repr(f))

    def test_groups_are_xarray_datasets(self):
        with escalate.open(self.paths["run"]) as f:
            root, draws = f.dataset(), f.dataset("draws")
        self.assertEqual(root.attrs["filetype"], "escalate-results")
        self.assertEqual(draws["p_war"].shape, (3,))
        self.assertTrue(np.all((draws["p_war"] >= 0) & (draws["p_war"] <= 1)))
        with escalate.open(self.paths["comparison"]) as f:
            self.assertEqual(f.configs(), ["small", "hawk"])
            hawk = f.dataset("hawk")
            self.assertIn("p_war_by_time", hawk)
            with self.assertRaises(escalate.EscalateError) as e:
                f.dataset("no-such-group")
            self.assertIn("no group 'no-such-group'", str(e.exception))

    def test_results_of_every_config(self):
        with escalate.open(self.paths["sweep"]) as f:
            results = f.results()
            self.assertEqual(len(results), 2)
            for r in results:
                p, band = r.pooled_war()
                self.assertTrue(np.all(band[0] <= p + 1e-15) and np.all(p <= band[1] + 1e-15))

    def test_expect_refuses_another_kind(self):
        with self.assertRaises(escalate.EscalateError) as e:
            escalate.open(self.paths["sensitivity"]).expect("run")
        self.assertEqual(e.exception.exit_code, 2)
        self.assertIn("a sensitivity file (escalate sensitivity), where a run file (escalate run) is expected",
                      str(e.exception))

    def test_not_escalate_files(self):
        with tempfile.TemporaryDirectory() as d:
            for name, content in (("text.h5", b"not hdf5"), ("empty.h5", b"")):
                path = os.path.join(d, name)
                with open(path, "wb") as f:
                    f.write(content)
                with self.assertRaises(escalate.EscalateError) as e:
                    escalate.open(path)
                self.assertTrue(str(e.exception).startswith(path))
            fifo = os.path.join(d, "pipe.h5")
            os.mkfifo(fifo)
            with self.assertRaises(escalate.EscalateError) as e:   # refused, never opened (no hang)
                escalate.open(fifo)
            self.assertIn("not a regular file", str(e.exception))
            with self.assertRaises(escalate.EscalateError):
                escalate.open(d)


class EngineLookup(unittest.TestCase):
    def setUp(self):
        self.saved = {k: os.environ.get(k) for k in ("ESCALATE", "PATH")}

    def tearDown(self):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    def test_escalate_first(self):
        os.environ["ESCALATE"] = BIN
        self.assertEqual(engine.binary(), BIN)

    def test_then_path(self):
        os.environ.pop("ESCALATE", None)
        os.environ["PATH"] = os.path.dirname(BIN)
        self.assertEqual(engine.binary(), os.path.join(os.path.dirname(BIN), "escalate"))

    def test_neither(self):
        os.environ.pop("ESCALATE", None)
        os.environ["PATH"] = "/nonexistent"
        with self.assertRaises(escalate.EscalateError) as e:
            engine.binary()
        self.assertIn("$ESCALATE is not set", str(e.exception))

    def test_engine_refusal_is_an_error_with_its_message(self):
        os.environ["ESCALATE"] = BIN
        with self.assertRaises(escalate.EscalateError) as e:
            engine.run(["check", "/nonexistent.toml"])
        self.assertEqual(e.exception.exit_code, 2)
        self.assertIn("/nonexistent.toml", str(e.exception))


class Wilson(unittest.TestCase):
    def test_closed_forms(self):
        z = 1.959963984540054
        lo, hi = wilson(0.0, 100)
        self.assertEqual(lo, 0.0)
        self.assertAlmostEqual(hi, z * z / (100 + z * z), places=15)    # x = 0: upper = z^2 / (n + z^2)
        lo, hi = wilson(1.0, 100)
        self.assertAlmostEqual(lo, 100 / (100 + z * z), places=15)
        self.assertEqual(wilson(0.3, 0), (0.0, 1.0))

    def test_symmetry_and_coverage_of_the_estimate(self):
        p = np.linspace(0, 1, 11)
        lo, hi = wilson(p, 50)
        lo2, hi2 = wilson(1 - p, 50)
        np.testing.assert_allclose(lo, 1 - hi2, atol=1e-15)
        self.assertTrue(np.all((lo <= p) & (p <= hi)))
        self.assertTrue(np.all(np.diff(wilson(0.2, np.array([10, 100, 1000]))[1]) < 0))   # narrows with n


class ScriptWrappers(unittest.TestCase):
    """scripts/*.py are thin wrappers: with the package they are its commands; without it
    (Debian's bare python3) one line saying how to install it, exit 2."""
    NAMES = ("plot", "fit_rates", "predictive_check", "condition", "history", "calibration")

    def test_with_the_package(self):
        for name in self.NAMES:
            r = subprocess.run([sys.executable, os.path.join(SRC, "scripts", f"{name}.py"), "--help"],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(f"usage: escalate-{name.replace('_', '-')}", r.stdout)

    def test_without_the_package(self):
        bare = "/usr/bin/python3"
        if not os.access(bare, os.X_OK) or subprocess.run([bare, "-c", "import escalate"],
                                                          capture_output=True).returncode == 0:
            self.skipTest(f"{bare} is absent or has the package")
        for name in self.NAMES:
            r = subprocess.run([bare, "-I", os.path.join(SRC, "scripts", f"{name}.py")], capture_output=True,
                               text=True, timeout=60)
            self.assertEqual(r.returncode, 2)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn("pip install --no-build-isolation ./python", r.stderr)


class Installed(unittest.TestCase):
    def test_imported_from_the_installation(self):
        self.assertNotIn(os.path.join(SRC, "python"), os.path.dirname(os.path.abspath(escalate.__file__)))

    def test_no_path_tricks_in_the_sources(self):
        for root, _, names in os.walk(os.path.join(SRC, "python")):
            for name in names:
                if name.endswith(".py"):
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        text = f.read()
                    self.assertNotIn("sys.path.insert", text, name)
                    self.assertNotIn("dirname(os.path.abspath(__file__))", text, name)


if __name__ == "__main__":
    unittest.main()

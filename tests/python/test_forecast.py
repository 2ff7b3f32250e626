"""escalate-forecast and escalate-forecast-sweep end to end, with a FAKE `escalate` in front
of the real one (the real `calibrate` and `run --posterior` need not exist yet): the fake's
`calibrate` writes a posterior-shaped file (every uncertain parameter of the config, from
the real `escalate names --json`), its `run` drops `--posterior FILE` (logging it) and runs
the real engine at tiny sizes. What is checked: the steps and their order, the posterior
reused or recalibrated, the one- and five-year tables with p inside its interval, the
sweep's derived posteriors (shifted, inputs untouched), its CSV and figure, and refusals
(exit 2, one line).

Run: cd tests/python && PYTHONPATH=../../python /usr/bin/python3 -m unittest -v test_forecast   (about 30 s)
"""
import csv
import hashlib
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

import h5py
import numpy as np

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BIN = os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate"))

FAKE = textwrap.dedent('''\
    #!{python}
    import json, os, subprocess, sys
    import h5py, numpy as np
    real, args = os.environ["REAL_ESCALATE"], sys.argv[1:]
    log = open(os.environ["FAKE_LOG"], "a")
    if args[0] == "calibrate":
        config, out = args[1], args[args.index("-o") + 1]
        log.write("calibrate " + config + " " + " ".join(args[2:]) + "\\n")
        names = json.loads(subprocess.run([real, "names", "--json", config], capture_output=True,
                                          text=True, check=True).stdout)["uncertain_parameters"]
        with h5py.File(out, "w") as f:
            f.create_dataset("posterior/parameters", data=np.random.default_rng(0).normal(size=(12, len(names))))
            f.create_dataset("posterior/parameter", data=np.array(names, dtype=h5py.string_dtype()))
        sys.exit(0)
    if args[0] == "summary" and args[1].endswith("posterior.h5"):
        log.write("summary " + args[1] + "\\n")
        print("fake posterior summary: shrinkage of every parameter")
        sys.exit(0)
    if args[0] == "run" and "--posterior" in args:
        i = args.index("--posterior")
        log.write("run " + args[1] + " " + args[i + 1] + "\\n")
        del args[i:i + 2]
    log.close()
    os.execv(real, [real] + args)
    ''')


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@unittest.skipUnless(os.access(BIN, os.X_OK), f"no engine at {BIN}")
class Forecast(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.fake = os.path.join(self.dir, "fake-escalate")
        with open(self.fake, "w") as f:
            f.write(FAKE.format(python=sys.executable))
        os.chmod(self.fake, 0o755)
        self.log = os.path.join(self.dir, "log")
        self.posterior = os.path.join(self.dir, "posterior.h5")

    def tearDown(self):
        self.tmp.cleanup()

    def tool(self, module, *args):
        env = dict(os.environ, ESCALATE=self.fake, REAL_ESCALATE=os.path.abspath(BIN), FAKE_LOG=self.log)
        return subprocess.run([sys.executable, "-m", f"escalate.tools.{module}", "-q", *args],
                              capture_output=True, text=True, cwd=SRC, env=env, timeout=600)

    def steps(self):
        with open(self.log) as f:
            return [line.split() for line in f]

    def forecast(self, *extra):
        return self.tool("forecast", "--posterior", self.posterior, "-o", os.path.join(self.dir, "fc"),
                         "--draws", "6", "--trajectories", "10", *extra)

    def test_calibrate_once_then_one_and_five_years(self):
        done = self.forecast()
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual([s[:2] for s in self.steps()],
                         [["calibrate", "configs/calibration/baseline-2026-prior.toml"],
                          ["run", "configs/calibration/baseline-2026-prior-1y.toml"],
                          ["run", "configs/calibration/baseline-2026-prior.toml"],
                          ["summary", self.posterior]])
        self.assertTrue(all(s[2] == self.posterior for s in self.steps()[1:3]))
        calibrate = self.steps()[0]                  # the published sizes, the config's seed
        self.assertEqual(calibrate[calibrate.index("--trajectories") + 1], "800")
        self.assertEqual(calibrate[calibrate.index("--particles") + 1], "100")
        self.assertNotIn("--seed", calibrate)
        self.assertIn("fake posterior summary", done.stdout)
        lines = [line for line in done.stdout.splitlines() if line.startswith("| 1 year") or line.startswith("| 5 years")]
        self.assertEqual(len(lines), 2, done.stdout)
        for line in lines:
            for cell in line.strip("|").split("|")[1:]:
                p, low, high = (float(x) for x in cell.replace("%", "").replace("[", "").replace("]", "").replace(",", "").split())
                self.assertTrue(0 <= low <= p <= high <= 100, line)
        for name, days in (("fc-1y.h5", 365), ("fc-5y.h5", 1825)):
            with h5py.File(os.path.join(self.dir, name)) as f:
                self.assertEqual(int(f.attrs["horizon_days"]), days)
        again = self.forecast()                      # an existing posterior is reused
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(sum(s[0] == "calibrate" for s in self.steps()), 1)
        third = self.forecast("--recalibrate")
        self.assertEqual(third.returncode, 0, third.stderr)
        self.assertEqual(sum(s[0] == "calibrate" for s in self.steps()), 2)

    def test_sweep_shifts_the_two_priors_and_draws_the_figure(self):
        self.assertEqual(self.forecast().returncode, 0)
        before = sha(self.posterior)
        out, fig = os.path.join(self.dir, "sweep"), os.path.join(self.dir, "sweep.png")
        done = self.tool("forecast_sweep", "--posterior", self.posterior, "--out-dir", out, "--figure", fig,
                         "--points", "2", "--draws", "6", "--trajectories", "10")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(sha(self.posterior), before)
        with open(os.path.join(out, "sweep.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([r["parameter"] for r in rows], ["response.intercept.3"] * 2 + ["war.nuclear_use_rate_per_year"] * 2)
        self.assertAlmostEqual(float(rows[0]["centre"]), -3.0 - 1.6448536, places=5)     # the prior's 90% interval
        self.assertAlmostEqual(float(rows[3]["centre"]), 0.067 * np.exp(1.5 * 1.6448536), places=5)
        with h5py.File(self.posterior) as f:
            names = [n.decode() for n in f["posterior/parameter"][()]]
            base = f["posterior/parameters"][()]
        j = names.index("response.intercept.3")
        with h5py.File(os.path.join(out, "response_intercept_3-0-posterior.h5")) as f:
            np.testing.assert_allclose(f["posterior/parameters"][:, j], base[:, j] - 1.6448536, atol=1e-6)
        self.assertGreater(os.path.getsize(fig), 10000)
        self.assertEqual(sum(s[0] == "run" for s in self.steps()), 2 + 4)

    def test_seed_reaches_calibrate(self):
        done = self.forecast("--seed", "20261206", "--calibration-trajectories", "30")
        self.assertEqual(done.returncode, 0, done.stderr)
        calibrate = self.steps()[0]
        self.assertEqual(calibrate[0], "calibrate")
        self.assertEqual(calibrate[calibrate.index("--seed") + 1], "20261206")
        self.assertEqual(calibrate[calibrate.index("--trajectories") + 1], "30")
        done = self.forecast("--seed", "0", "--recalibrate")    # seed 0 is a seed, not "the default"
        self.assertEqual(done.returncode, 0, done.stderr)
        calibrate = [s for s in self.steps() if s[0] == "calibrate"][-1]
        self.assertEqual(calibrate[calibrate.index("--seed") + 1], "0")

    def test_no_summary(self):
        done = self.forecast("--no-summary")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertNotIn("summary", [s[0] for s in self.steps()])

    def test_refusals(self):
        for args, fragment in ((["--record", "nope.toml"], "nope.toml (--record): no such file"),
                               (["--draws", "-1"], "must not be negative"),
                               (["--seed", "-3"], "must not be negative")):
            done = self.forecast(*args)
            self.assertEqual(done.returncode, 2, done.stderr)
            self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
            self.assertIn(fragment, done.stderr)
        self.assertFalse(os.path.exists(self.log))       # refused before any engine call
        done = self.tool("forecast_sweep", "--posterior", os.path.join(self.dir, "none.h5"))
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertIn("none.h5: no such file", done.stderr)
        with open(self.posterior, "w") as f:
            f.write("not hdf5")
        done = self.tool("forecast_sweep", "--posterior", self.posterior, "--out-dir", os.path.join(self.dir, "s"))
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertIn("not a posterior file", done.stderr)


if __name__ == "__main__":
    unittest.main()

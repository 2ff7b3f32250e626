"""escalate-walk-forward end to end with a FAKE calibrator (an executable passed as
$ESCALATE that writes a posterior-shaped HDF5 file with h5py), so the test needs neither
the real `escalate calibrate` nor its minutes: the hold-out records the tool makes, the
check rows it reads, the table it writes, and its refusals (exit 2, one line, nothing
written).

The fake predicts every unobserved count (-1) with draws from $FAKE_MODE: "oracle" (a
point mass at the count in data/record.toml: the model's CRPS must then be 0 and beat
every naive forecast), "poisson" (Poisson(3) draws), "missing" (no check rows at all)
or "fail" (exit 2 with a message, as the engine on a bad record).

Run: cd tests/python && PYTHONPATH=../../python /usr/bin/python3 -m unittest -v test_walk_forward
"""
import csv
import os
import subprocess
import sys
import tempfile
import textwrap
import tomllib
import unittest

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
RECORD = os.path.join(SRC, "data", "record.toml")

FAKE = textwrap.dedent('''\
    #!{python}
    """A stand-in for `escalate calibrate FORECAST --record R -o OUT ...`."""
    import datetime as dt, os, sys, tomllib
    import h5py, numpy as np
    args = sys.argv[1:]
    if args[0] != "calibrate":
        sys.exit("fake: only calibrate")
    record, out = args[args.index("--record") + 1], args[args.index("-o") + 1]
    mode = os.environ.get("FAKE_MODE", "poisson")
    if mode == "fail":
        print("escalate: error: " + record + ":3: key 'window': a fake refusal", file=sys.stderr)
        sys.exit(2)
    with open(record, "rb") as f:
        rec = tomllib.load(f)
    with open(os.environ["FAKE_TRUTH"], "rb") as f:
        truth = tomllib.load(f)
    names, columns, held = [], [], 0
    rng = np.random.default_rng(1)
    for w, win in rec["window"].items():
        periods = win["periods"]
        if periods == "years":
            with open(os.path.join(os.path.dirname(record), win["config"]), "rb") as f:
                first = int(tomllib.load(f)["run"]["start_date"][:4])
            labels = [str(first + i) for i in range(len(next(iter(win["counts"].values()))))]
        else:
            labels = [a + ".." + b for a, b in periods]
        for t, counts in win["counts"].items():
            for p, (label, c) in enumerate(zip(labels, counts)):
                if c < 0:
                    held += 1
                    if mode == "missing":
                        continue
                    y = truth["window"][w]["counts"][t][p]
                    draws = np.full(50, y) if mode == "oracle" else rng.poisson(3.0, 50)
                else:
                    draws = rng.poisson(max(c, 0.5), 50)
                names.append(w + "/counts/" + t + "/" + label)
                columns.append(draws.astype(float))
    if held == 0:
        sys.exit("fake: the record holds no unobserved count")
    with h5py.File(out, "w") as f:
        f.create_dataset("posterior/parameters", data=np.zeros((50, 1)))
        f.create_dataset("check/observation", data=np.array(names, dtype=h5py.string_dtype()))
        f.create_dataset("check/predictive", data=np.array(columns).T.reshape(50, len(names)))
    ''')


class WalkForward(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.fake = os.path.join(self.dir, "fake-escalate")
        with open(self.fake, "w") as f:
            f.write(FAKE.format(python=sys.executable))
        os.chmod(self.fake, 0o755)
        self.out = os.path.join(self.dir, "wf")

    def tearDown(self):
        self.tmp.cleanup()

    def run_tool(self, mode, *extra):
        env = dict(os.environ, ESCALATE=self.fake, FAKE_MODE=mode, FAKE_TRUTH=RECORD)
        return subprocess.run([sys.executable, "-m", "escalate.tools.walk_forward", "--years", "2022,2025",
                               "--work", os.path.join(self.dir, "work"), "-o", self.out, "-q", *extra],
                              capture_output=True, text=True, cwd=SRC, env=env, timeout=300)

    def rows(self):
        with open(self.out + ".csv", newline="") as f:
            return list(csv.DictReader(f))

    def test_an_oracle_model_scores_zero_crps_and_beats_the_naive_forecasts(self):
        done = self.run_tool("oracle")
        self.assertEqual(done.returncode, 0, done.stderr)
        rows = self.rows()
        self.assertEqual(len(rows), 2 * 8 * 4)          # years x types x forecasts
        with open(RECORD, "rb") as f:
            war = tomllib.load(f)["window"]["war"]["counts"]
        for r in rows:
            period = {"2022": 0, "2025": 3}[r["year"]]
            self.assertEqual(int(r["observed"]), war[r["type"]][period], r)
            if r["forecast"] == "model":
                self.assertEqual(float(r["crps"]), 0.0)
                self.assertAlmostEqual(float(r["mean"]), int(r["observed"]))
        total = {}
        for r in rows:
            total[r["forecast"]] = total.get(r["forecast"], 0.0) + float(r["crps"])
        for key in ("poisson_mean_rate", "poisson_last_three", "nb_random_walk"):
            self.assertLess(total["model"], total[key])
        with open(self.out + ".md") as f:
            md = f.read()
        self.assertIn("| total | calibrated model (posterior predictive) | ", md)
        self.assertIn("| 2025 | negative-binomial random walk |", md)
        # the hold-out records were made under --work, with the held-out year unobserved
        with open(os.path.join(self.dir, "work", "2025", "record-holdout-2025.toml"), "rb") as f:
            self.assertEqual(tomllib.load(f)["window"]["war"]["counts"]["stray-missile"], [2, 4, 3, -1])

    def test_naive_scores_do_not_depend_on_the_model(self):
        a = self.run_tool("oracle")
        self.assertEqual(a.returncode, 0, a.stderr)
        first = [r for r in self.rows() if r["forecast"] != "model"]
        b = self.run_tool("poisson", "--force")
        self.assertEqual(b.returncode, 0, b.stderr)
        second = [r for r in self.rows() if r["forecast"] != "model"]
        self.assertEqual(first, second)
        model = [r for r in self.rows() if r["forecast"] == "model"]
        self.assertTrue(any(float(r["crps"]) > 0 for r in model))
        # --naive-only needs no engine at all and gives the same naive rows
        self.fake = os.path.join(self.dir, "no-such-engine")
        c = self.run_tool("poisson", "--force", "--naive-only")
        self.assertEqual(c.returncode, 0, c.stderr)
        self.assertEqual(self.rows(), first)

    def assert_refused(self, done, fragment):
        self.assertEqual(done.returncode, 2, done.stderr)
        lines = done.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, done.stderr)
        self.assertIn(fragment, lines[0])
        self.assertNotIn("Traceback", done.stderr)
        self.assertFalse(os.path.exists(self.out + ".md"))
        self.assertFalse(os.path.exists(self.out + ".csv"))

    def test_refusals(self):
        self.assert_refused(self.run_tool("fail"), "a fake refusal")
        self.assert_refused(self.run_tool("missing"), "no check row war/counts/")
        self.assert_refused(self.run_tool("poisson", "--record", "nope.toml"), "nope.toml (--record): no such file")
        self.assert_refused(self.run_tool("poisson", "--years", "2021"), "--years 2021")
        self.assert_refused(self.run_tool("poisson", "--particles", "0"), "--particles 0")
        with open(self.out + ".md", "w") as f:
            f.write("kept")
        done = self.run_tool("poisson")
        self.assertEqual(done.returncode, 2)
        self.assertIn("exists (use --force", done.stderr)
        with open(self.out + ".md") as f:
            self.assertEqual(f.read(), "kept")


if __name__ == "__main__":
    unittest.main()

"""scripts/condition.py: the forecast conditioned on the record, on a config where the
answer is known in closed form (tests/configs/conditioning.toml: incidents at a rate
r ~ Gamma(4, 2) per year, each answered by war at once, so P(war within t | r) =
1 - exp(-r t/365)), and its refusals.

Run: cd tests/python && /usr/bin/python3 -m unittest -v test_condition   (about 15 s)

Closed forms (t in years): a window of w years without war multiplies the prior by
exp(-r w): posterior Gamma(4, 2 + w); n incidents observed in w years (incidents that are
never answered): Gamma(4 + n, 2 + w); k protests among n answers, with intercept[0] ~
Normal(0, 1): a one-dimensional integral, done by quadrature here. Then P(war within t)
= 1 - (b / (b + t))^a for Gamma(a, b).

Tolerances: each run's 95% interval must cover the exact value; the coverage test runs 20
seeds and asks for at least 16 covers (a calibrated interval fails that with probability
0.3%, binomial(20, 0.95)). Seeds are fixed, so the tests are deterministic.
"""
import csv
import datetime as dt
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np
from scipy import integrate, stats

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BIN = os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate"))
PYTHON = os.environ.get("PYTHON", sys.executable)
SCRIPT = os.path.join(os.path.dirname(sys.executable), "escalate-condition")   # the venv's entry point
CONFIG = os.path.join(SRC, "tests", "configs", "conditioning.toml")
os.environ.setdefault("ESCALATE", BIN)
C = importlib.import_module("escalate.tools.condition")
from escalate.calibrate.estimate import weighted_estimate  # noqa: E402
from escalate.calibrate.runs import read_result  # noqa: E402

with open(os.path.join(SRC, "data", "incidents.csv"), newline="", encoding="utf-8") as _f:
    HEADER = next(csv.reader(_f))        # the catalogue's columns, for synthetic catalogues


def p_war(a, b, t=1.0):
    return 1.0 - (b / (b + t)) ** a


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class Conditioning(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.access(BIN, os.X_OK):
            raise unittest.SkipTest(f"no engine at {BIN}")
        cls.tmp = tempfile.mkdtemp(prefix="test-condition-")

    def config(self, name, text):
        path = os.path.join(self.tmp, f"{name}.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f'schema = 2\nbase = "{CONFIG}"\n{text}')
        return path

    def catalogue(self, name, answers, first=dt.date(2020, 1, 10)):
        """A synthetic catalogue: one cyber-attack row per answer (rung) in 2020, and one
        `other` row in 2023 so that the record reaches past every window."""
        path = os.path.join(self.tmp, f"{name}.csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            rows = [(first + dt.timedelta(days=20 * i), "cyber-attack", rung) for i, rung in enumerate(answers)]
            rows.append((dt.date(2023, 6, 1), "other", "none"))
            for i, (day, itype, rung) in enumerate(rows):
                row = dict.fromkeys(HEADER, "")
                row.update(id=f"r{i}", date=day.isoformat(), date_precision="day", type=itype, victim="nato",
                           suspect="russia", victim_state_nato_member="yes", final_attribution="accidental",
                           response_rung=rung, source_url="https://example.org")
                w.writerow([row[h] for h in HEADER])
        return path

    def condition(self, forecast, window, record, *extra):
        args = C.parse([forecast, "--window", window, "--record", record, "-o", os.path.join(self.tmp, "x.h5"),
                        "--draws", "400", "--trajectories", "50", "--window-trajectories", "50", *extra])
        return C.condition(args)

    def test_no_war_closed_form_and_coverage(self):
        """A year without war: posterior P(war next year) = 1 - (3/4)^4 = 0.684 (prior 0.802);
        the 95% interval covers it in at least 16 of 20 seeds."""
        record = self.catalogue("empty", [])
        exact_prior, exact_post = p_war(4, 2), p_war(4, 3)
        covers, posts = 0, []
        for seed in range(20):
            forecast = self.config(f"seed{seed}", f"[run]\nseed = {seed}\nstart_date = \"2021-01-01\"\n")
            wdw = self.config(f"wseed{seed}", f"[run]\nseed = {seed}\nstart_date = \"2020-01-01\"\n")
            r = self.condition(forecast, wdw, record, "--terms", "no_war")
            mean, lo, hi, ess = r["table"]["war"]["post"]
            posts.append(mean)
            covers += lo <= exact_post <= hi
            if seed == 0:
                pm, plo, phi, _ = r["table"]["war"]["prior"]
                self.assertLessEqual(plo, exact_prior)
                self.assertGreaterEqual(phi, exact_prior)
                self.assertGreater(ess, 100)
                self.assertLess(ess, 400)
                # The weights are P_m(no war), which estimates exp(-r_m): the weighted mean of r
                # is the posterior mean 4/3 (prior 2).
                rate = r["window"].parameters[:, r["window"].parameter.index("incident.cyber-attack.accidental_rate.0")]
                self.assertAlmostEqual(float(np.sum(r["weight"] * rate)), 4 / 3, delta=0.12)
        print(f"\n  no-war posterior: covered {covers}/20, mean {np.mean(posts):.4f}, exact {exact_post:.4f}")
        self.assertGreaterEqual(covers, 16, f"covered {covers}/20; posteriors {np.round(posts, 3)}")
        self.assertLess(abs(np.mean(posts) - exact_post), 0.01, np.mean(posts))
        self.assertLess(abs(np.mean(posts) - exact_post), abs(np.mean(posts) - exact_prior) / 5)

    def test_counts_plain_closed_form(self):
        """Incidents that are never answered, seen n times in 2 years: posterior
        Gamma(4 + n, 4), so P(war within a year) = 1 - (4/5)^(4 + n)."""
        window = self.config("counts", '[run]\nhorizon_days = 730\ngrid_days = 365\nstart_date = "2020-01-01"\n'
                                       "[response]\nintercept = [-30.0, -30.0, -30.0, -30.0]\n")
        forecast = self.config("counts-forecast", '[run]\nstart_date = "2022-01-01"\n')
        for n in (0, 5):
            record = self.catalogue(f"n{n}", ["none"] * n)
            r = self.condition(forecast, window, record, "--terms", "counts", "--counts", "plain")
            self.assertEqual(r["obs_counts"].tolist(), [n])
            mean, lo, hi, ess = r["table"]["war"]["post"]
            exact = p_war(4 + n, 4)
            self.assertLessEqual(lo, exact, (n, mean, lo, hi, exact))
            self.assertGreaterEqual(hi, exact, (n, mean, lo, hi, exact))
            self.assertGreater(ess, 50)

    def test_responses_closed_form(self):
        """Nine protests in twelve answers with intercept[0] ~ Normal(0, 1), every protest
        then climbing to war in the forecast: the posterior is a one-dimensional integral."""
        ladder = '[response]\nintercept = [{ dist = "normal", mean = 0.0, sd = 1.0 }, %s]\n'
        window = self.config("answers", '[run]\nhorizon_days = 730\ngrid_days = 365\nstart_date = "2020-01-01"\n'
                             + ladder % "-30.0, -30.0, -30.0")
        forecast = self.config("answers-forecast", '[run]\nstart_date = "2022-01-01"\n' + ladder % "30.0, 30.0, 30.0")
        record = self.catalogue("answers", ["protest"] * 9 + ["none"] * 3)
        r = self.condition(forecast, window, record, "--terms", "responses")
        np.testing.assert_array_equal(r["obs_rungs"][0], [3, 9, 0, 0, 0])
        like = lambda x: stats.norm.pdf(x) * sigmoid(x) ** 9 * (1 - sigmoid(x)) ** 3       # noqa: E731
        war = lambda x: 1 - (2 / (2 + sigmoid(x))) ** 4     # E_r[1 - exp(-r s(x))], r ~ Gamma(4, 2)  # noqa: E731
        exact = integrate.quad(lambda x: war(x) * like(x), -8, 8)[0] / integrate.quad(like, -8, 8)[0]
        prior = integrate.quad(lambda x: war(x) * stats.norm.pdf(x), -8, 8)[0]
        mean, lo, hi, _ = r["table"]["war"]["post"]
        self.assertLessEqual(lo, exact, (mean, lo, hi, exact))
        self.assertGreaterEqual(hi, exact, (mean, lo, hi, exact))
        self.assertGreater(exact - prior, 0.05)       # the data move it: the test can fail
        self.assertGreater(mean, r["table"]["war"]["prior"][0])

    def test_equal_weights_reproduce_the_engine_interval(self):
        forecast = os.path.join(self.tmp, "prior.h5")
        subprocess.run([BIN, "run", os.path.join(SRC, "tests", "configs", "small.toml"), "-q", "-o", forecast],
                       check=True)
        res = read_result(forecast)
        m = res.draws
        mean, lo, hi, ess = weighted_estimate(res.p["war"], np.ones(m), res.trajectories)
        engine = res.pooled["war"]
        np.testing.assert_allclose([mean, lo, hi], engine, rtol=1e-9, atol=1e-12)
        self.assertAlmostEqual(ess, m)

    def test_repository_windows_share_the_baseline_draws(self):
        """configs/baseline-2026.toml and both record windows: parameter draw m is the same
        draw in all three (a tiny run of each)."""
        runs = {}
        for name in ("baseline-2026", "scenarios/record-2022-2025", "scenarios/record-2014-2021"):
            out = os.path.join(self.tmp, name.replace("/", "-") + ".h5")
            subprocess.run([BIN, "run", os.path.join(SRC, "configs", f"{name}.toml"), "-q", "-o", out,
                            "--draws", "6", "--trajectories", "2"], check=True)
            runs[name] = read_result(out)
        base = runs.pop("baseline-2026")
        for name, window in runs.items():
            compared, skipped = C.check_same_draws(base, window)
            self.assertIn("response.intercept.3", compared, name)
            self.assertIn("incident.nuclear-signalling.deliberate_rate.3", compared, name)
            self.assertGreater(len(compared), 60, name)

    def test_cli_output_and_refusals(self):
        forecast = self.config("cli", '[run]\nstart_date = "2021-01-01"\n')
        window = self.config("cli-window", '[run]\nstart_date = "2020-01-01"\n')
        record = self.catalogue("cli", [])
        out = os.path.join(self.tmp, "cli.h5")
        run = lambda *a: subprocess.run([SCRIPT, *a], capture_output=True, text=True,  # noqa: E731
                                        env=dict(os.environ, ESCALATE=BIN), cwd=SRC)
        before = open(record, "rb").read()
        r = run(forecast, "--window", window, "--record", record, "--terms", "no_war", "-o", out,
                "--draws", "100", "--trajectories", "20", "--window-trajectories", "20")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("ESS", r.stdout)
        with h5py.File(out, "r") as f:
            w = f["weight"][:]
            self.assertAlmostEqual(float(w.sum()), 1.0, places=12)
            self.assertAlmostEqual(float(f["ess"][()]), 1 / float(np.sum(w * w)), places=9)
            self.assertAlmostEqual(float(f["posterior"][0]), float(np.sum(w * f["forecast_p"][0])), places=12)
            self.assertEqual([x.decode() for x in f["term"][:]], ["no_war"])
            self.assertEqual(f.attrs["window_start"], "2020-01-01")
            self.assertEqual(f.attrs["data_version"], "unknown")   # no README beside the synthetic catalogue
            self.assertEqual(len(f.attrs["record_sha256"]), 64)
        self.assertEqual(open(record, "rb").read(), before, "the record was modified")
        r = run(forecast, "--window", window, "--record", record, "-o", out, "--draws", "100")
        self.assertEqual(r.returncode, 2)
        self.assertIn("exists", r.stderr)
        # A window with another seed does not share the forecast's draws: refused.
        other = self.config("other-seed", '[run]\nseed = 99\nstart_date = "2020-01-01"\n')
        r = run(forecast, "--window", other, "--record", record, "-o", os.path.join(self.tmp, "y.h5"), "--draws", "100")
        self.assertEqual(r.returncode, 2)
        self.assertIn("do not share parameter draws", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "y.h5")))
        # A window outside the record, and an unknown term.
        late = self.config("late", '[run]\nstart_date = "2024-01-01"\n')
        r = run(forecast, "--window", late, "--record", record, "-o", os.path.join(self.tmp, "z.h5"), "--draws", "100")
        self.assertEqual(r.returncode, 2)
        self.assertIn("leaves the record", r.stderr)
        r = run(forecast, "--terms", "vibes", "-o", os.path.join(self.tmp, "z.h5"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown", r.stderr)
        self.assertNotIn("Traceback", r.stderr)


if __name__ == "__main__":
    unittest.main()

"""scripts/predictive_check.py: the per-year predictive distribution on a config with a known
answer (tests/configs/conditioning.toml with every answer at "none": incidents at a rate
r ~ Gamma(4, 2) per year, never answered, so one year's count is negative binomial with
mean 2 and variance 3, and two years of one trajectory share r: correlation 1/3), the
band and PIT helpers, and the command line.

Run: cd tests/python && /usr/bin/python3 -m unittest -v test_predictive   (about 5 s)

Tolerances: 2000 draws; the sample mean of a year's count has sd sqrt(3/2000) = 0.039
(checked within 0.16, four sd), the variance within 0.5 (about four sd), the correlation
of two years within 0.1 (its sd is about 0.02). Fixed seeds: deterministic.
"""
import csv
import datetime as dt
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BIN = os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate"))
PYTHON = os.environ.get("PYTHON", sys.executable)
SCRIPT = os.path.join(os.path.dirname(sys.executable), "escalate-predictive-check")   # the venv's entry point
CONFIG = os.path.join(SRC, "tests", "configs", "conditioning.toml")
os.environ.setdefault("ESCALATE", BIN)
from escalate.calibrate.predictive import band, pit, predict, rows, totals  # noqa: E402
from escalate.calibrate.record import Catalogue  # noqa: E402

with open(os.path.join(SRC, "data", "incidents.csv"), newline="", encoding="utf-8") as _f:
    HEADER = next(csv.reader(_f))        # the catalogue's columns, for a synthetic catalogue


class Predictive(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.access(BIN, os.X_OK):
            raise unittest.SkipTest(f"no engine at {BIN}")
        cls.tmp = tempfile.mkdtemp(prefix="test-predictive-")
        cls.window = os.path.join(cls.tmp, "window.toml")
        with open(cls.window, "w", encoding="utf-8") as f:
            f.write(f'schema = 2\nbase = "{CONFIG}"\n[run]\nhorizon_days = 731\ngrid_days = 731\n'
                    'start_date = "2020-01-01"\n[response]\nintercept = [-30.0, -30.0, -30.0, -30.0]\n')
        cls.record = os.path.join(cls.tmp, "incidents.csv")
        with open(cls.record, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            for i, (day, rung) in enumerate([("2020-03-01", "protest"), ("2021-05-01", "none"),
                                             ("2021-06-01", "none"), ("2023-01-01", "none")]):
                row = dict.fromkeys(HEADER, "")
                row.update(id=f"r{i}", date=day, date_precision="day", type="cyber-attack", victim="nato",
                           suspect="russia", victim_state_nato_member="yes", final_attribution="accidental",
                           response_rung=rung, source_url="https://example.org")
                w.writerow([row[h] for h in HEADER])
        cls.result = predict(cls.window, Catalogue.load(cls.record), cls.tmp, 2000)

    def test_years_and_record(self):
        w = self.result
        self.assertEqual([y.year for y in w.years], [2020, 2021])   # 2020 is a leap year: 366 + 365 days
        self.assertEqual((w.start, w.end), (dt.date(2020, 1, 1), dt.date(2021, 12, 31)))
        self.assertEqual([y.observed.tolist() for y in w.years], [[1], [2]])
        self.assertEqual(w.years[0].observed_answers.tolist(), [0, 1, 0, 0, 0])
        self.assertEqual(w.war.sum(), 0)        # nothing is ever answered

    def test_negative_binomial_per_year_and_one_rate_per_trajectory(self):
        y1, y2 = (y.counts[:, 0].astype(float) for y in self.result.years)
        for c, days in ((y1, 366), (y2, 365)):
            scale = days / 365                  # the engine's rates are per 365 days
            self.assertAlmostEqual(c.mean(), 2 * scale, delta=0.16)
            self.assertAlmostEqual(c.var(), 2 * scale + scale ** 2, delta=0.5)
        # The years of one trajectory share its draw's rate: Cov = Var(r) = 1, corr ~ 1/3.
        # Years taken from unrelated trajectories would be uncorrelated.
        self.assertAlmostEqual(np.corrcoef(y1, y2)[0, 1], 1 / 3, delta=0.1)
        self.assertTrue((self.result.years[1].answers[:, 0] == y2).all(), "every incident answered 'none'")

    def test_band_pit_and_flags(self):
        self.assertEqual(band(np.arange(100)), (4, 49, 94))
        self.assertEqual(band([3] * 50), (3, 3, 3))
        rng = np.random.default_rng(3)
        samples = rng.poisson(4.0, 5000)
        pits = [pit(samples, x) for x in rng.poisson(4.0, 400)]
        self.assertAlmostEqual(np.mean(pits), 0.5, delta=0.04)          # calibrated: uniform on average
        self.assertGreater(pit(samples, 12), 0.99)
        r = {(e["year"], e["type"]): e for e in rows(self.result)}
        for e in r.values():
            self.assertEqual(bool(e["flag"]), not e["lo"] <= e["observed"] <= e["hi"])
        t = totals(self.result)[0]
        self.assertEqual(t["observed"], 3)

    def test_command_line(self):
        md, png = os.path.join(self.tmp, "pc.md"), os.path.join(self.tmp, "pc.png")
        r = subprocess.run([SCRIPT, self.window, "--record", self.record, "--draws", "200",
                            "--markdown", md, "--figure", png], capture_output=True, text=True, cwd=SRC)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("yearly counts inside the model's 90% band", r.stdout)
        with open(md, encoding="utf-8") as f:
            self.assertIn("| type | 2020 | 2021 | window | PIT |", f.read())
        self.assertGreater(os.path.getsize(png), 10000)
        late = os.path.join(self.tmp, "late.toml")
        with open(late, "w", encoding="utf-8") as f:
            f.write(f'schema = 2\nbase = "{self.window}"\n[run]\nstart_date = "2022-06-01"\n')
        r = subprocess.run([SCRIPT, late, "--record", self.record, "--draws", "50"],
                           capture_output=True, text=True, cwd=SRC)
        self.assertEqual(r.returncode, 2)
        self.assertIn("leaves the record", r.stderr)
        self.assertNotIn("Traceback", r.stderr)


if __name__ == "__main__":
    unittest.main()

"""scripts/fit_rates.py: the rate fit on synthetic catalogues with known rates, the
held-out predictive, the fitted config, and refusal of malformed input.

Run: cd tests/python && /usr/bin/python3 -m unittest -v test_fit   (about 10 s)

Tolerances. The synthetic-catalogue test makes four coverage checks (accidental and
deliberate, deep and spiral) on the same 100 catalogues. Under binomial(100, 0.9) a
perfectly calibrated 90% interval covers the truth in at most 84 of 100 with probability
4% per check (about 15% for four), so each check asks for >= 80 of 100 (a calibrated
interval fails it with probability 0.2%; one with a real coverage of 75% passes it with
probability 13%) and the four together for >= 344 of 400 (the lower end of the 99%
binomial band at 0.9: a calibrated interval fails it with probability 0.5%). The seeds
are fixed, so every test is deterministic; the thresholds say what "about nominal" means.
The Jeffreys interval of a Poisson rate has an exact coverage that oscillates with the
expected count (0.81 at 2, 0.86 at 4, 0.89-0.90 from 5 up), so the synthetic catalogues
expect at least 12 events per rate and era. (Measured on 2000 catalogues: 0.90-0.92.)
"""
import csv
import datetime as dt
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest

import numpy as np

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR",
                                     os.path.join(os.path.dirname(__file__), "..", "..")))
SCRIPT = os.path.join(os.path.dirname(sys.executable), "escalate-fit-rates")   # the venv's entry point
FITTED = os.path.join(SRC, "configs", "fitted", "baseline-fitted.toml")
BASELINE = os.path.join(SRC, "configs", "baseline-2022.toml")
PYTHON = os.environ.get("PYTHON", sys.executable)
BIN = os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate"))

F = importlib.import_module("escalate.fit")   # the fit's functions (python/escalate/fit/__init__.py)


def run(*args):
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, timeout=120, cwd=SRC)  # data/ by default


def synthetic_rows(rng, itype, rates, end=dt.date(2025, 12, 31)):
    """Catalogue rows of one type with Poisson counts per calendar year.
    rates: {era: (accidental rate, deliberate rate)} per year."""
    rows = []
    for year in range(2014, end.year + 1):
        era = "deep" if year < 2022 else "spiral"
        for attribution, rate in zip(("accidental", "deliberate"), rates[era]):
            for _ in range(rng.poisson(rate)):
                day = dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365)))
                rows.append(dict(id=f"s{len(rows)}", date=day, type=itype,
                                 victim=F.VICTIM[itype], suspect="russia",
                                 victim_state_nato_member="yes", location="",
                                 final_attribution=attribution, response_rung="protest"))
    return rows


class SyntheticFit(unittest.TestCase):
    def test_interval_covers_true_rate(self):
        """90% intervals of both components in both eras cover the true rate about 90% of
        the time in 100 synthetic catalogues (>= 80 each, >= 344 of the 400 together)."""
        rng = np.random.default_rng(20251231)
        truth = {"deep": (1.5, 2.0), "spiral": (3.0, 5.0)}   # expected counts 12, 16, 12, 20
        covered = {(era, c): 0 for era in truth for c in ("accidental", "deliberate")}
        for _ in range(100):
            rows = synthetic_rows(rng, "cyber-attack", truth)
            res = F.fit_all(rows, [], dt.date(2025, 12, 31), use_series=False)
            for (era, comp) in covered:
                g = res["cyber-attack"]["eras"][era][comp]
                lo, hi = F.gamma_interval(g["shape"], g["rate"])
                true = truth[era][0 if comp == "accidental" else 1]
                covered[(era, comp)] += lo <= true <= hi
        for key, n in covered.items():
            self.assertGreaterEqual(n, 80, f"{key}: 90% interval covered the true rate {n}/100 times")
            self.assertLessEqual(n, 99, f"{key}: {n}/100 - intervals far too wide")
        self.assertGreaterEqual(sum(covered.values()), 344, covered)

    def test_point_estimate_converges(self):
        rng = np.random.default_rng(7)
        true = 3.0
        errors, widths = [], []
        for years in (10, 100, 1000, 10000):
            counts = rng.poisson(true, size=years)
            f = F.fit_rate(counts, np.ones(years))
            lo, hi = F.gamma_interval(f["shape"], f["rate"])
            errors.append(abs(f["shape"] / f["rate"] - true))
            widths.append(hi - lo)
        self.assertLess(errors[-1], 0.06, errors)          # 3.5 sd of the estimate at 10^4 years
        self.assertLess(errors[-1], errors[0], errors)
        for a, b in zip(widths, widths[1:]):               # width ~ 1/sqrt(years): /3.16 a step
            self.assertLess(b, a / 2.5, widths)

    def test_jeffreys_posterior(self):
        self.assertEqual(F.gamma_posterior(7, 4.0), (7.5, 4.0))
        self.assertEqual(F.gamma_posterior(0, 8.0), (0.5, 8.0))

    def test_split_of_unresolved_rows(self):
        rows = ([dict(final_attribution="deliberate")] * 30 + [dict(final_attribution="accidental")] * 10
                + [dict(final_attribution="unknown")] * 12 + [dict(final_attribution="contested")] * 8)
        share = F.deliberate_share(rows, "share")
        self.assertAlmostEqual(share, 31 / 42)
        acc, dlb, unresolved = F.split_counts(rows, share)
        self.assertEqual(unresolved, 20)
        self.assertAlmostEqual(acc + dlb, 60)
        self.assertAlmostEqual(dlb, 30 + 20 * 31 / 42)
        self.assertEqual(F.deliberate_share(rows, "half"), 0.5)

    def test_predictive_interval_coverage(self):
        """The 90% posterior-predictive interval of next year's count covers held-out
        synthetic counts at about its nominal rate. A central interval of a discrete count
        is conservative (each tail holds at most 5%), so the band is [0.88, 0.99]."""
        rng = np.random.default_rng(11)
        n, hits = 1000, 0
        for _ in range(n):
            c = rng.poisson(6.0, size=5)
            f = F.fit_rate(c[:4], np.ones(4))
            d = F.predictive(f["shape"], f["rate"])
            hits += d.ppf(0.05) <= c[4] <= d.ppf(0.95)
        self.assertGreaterEqual(hits / n, 0.88)
        self.assertLessEqual(hits / n, 0.99)

    def test_overdispersion_widening(self):
        """Yearly rates that vary (negative binomial, size 2): the widened predictive keeps
        about nominal coverage where the plain Poisson posterior does not."""
        rng = np.random.default_rng(13)
        n, widened, plain = 1000, 0, 0
        for _ in range(n):
            c = rng.poisson(rng.gamma(2.0, 2.0, size=9))
            f = F.fit_rate(c[:8], np.ones(8))
            d, p = F.predictive(f["shape"], f["rate"]), F.predictive(*f["post"])
            widened += d.ppf(0.05) <= c[8] <= d.ppf(0.95)
            plain += p.ppf(0.05) <= c[8] <= p.ppf(0.95)
        self.assertGreaterEqual(widened / n, 0.85)
        self.assertGreater(widened, plain + 0.05 * n)

    def test_quasi_widening_keeps_mean(self):
        """--overdispersion quasi: same mean as the posterior, variance times D."""
        c, e = np.array([0.0, 1.0, 3.0, 9.0]), np.ones(4)
        post = F.fit_rate(c, e)["post"]
        q = F.fit_rate(c, e, mode="quasi")
        m = F.fit_rate(c, e, mode="moments")
        self.assertEqual((q["method"], m["method"]), ("over-dispersed", "over-dispersed"))
        for f in (q, m):
            self.assertAlmostEqual(f["shape"] / f["rate"], post[0] / post[1])
        self.assertAlmostEqual((q["shape"] / q["rate"] ** 2) / (post[0] / post[1] ** 2), q["dispersion"])

    def test_heldout_uses_only_fit_years(self):
        """Removing every 2025 row changes the observed 2025 counts but no prediction."""
        rows = F.read_incidents(os.path.join(SRC, "data", "incidents.csv"))
        end, fit_end = dt.date(2025, 12, 31), dt.date(2024, 12, 31)
        full, _ = F.heldout(rows, fit_end, end)
        cut, _ = F.heldout([r for r in rows if r["date"].year < 2025], fit_end, end)
        for a, b in zip(full, cut):
            self.assertEqual((a["mean"], a["lo"], a["hi"]), (b["mean"], b["lo"], b["hi"]))
            self.assertEqual(b["obs"], 0)
        self.assertGreater(sum(a["obs"] for a in full), 0)


class FittedConfig(unittest.TestCase):
    def test_parses_and_every_rate_is_a_gamma(self):
        with open(FITTED, "rb") as f:
            cfg = tomllib.load(f)
        self.assertEqual(cfg["schema"], 2)
        self.assertEqual(cfg["base"], "../baseline-2022.toml")
        self.assertEqual(set(cfg) - {"schema", "base"}, {"incident"}, "only incident rates may be set")
        self.assertEqual(set(cfg["incident"]), set(F.ENGINE_TYPES))
        for name, inc in cfg["incident"].items():
            self.assertEqual(set(inc), {"accidental_rate", "deliberate_rate"}, name)
            for key, arr in inc.items():
                self.assertEqual(len(arr), 4, f"{name}.{key}")
                for i, g in enumerate(arr):
                    where = f"{name}.{key}[{i}]"
                    self.assertIsInstance(g, dict, where)
                    self.assertEqual(g["dist"], "gamma", where)
                    self.assertEqual(set(g), {"dist", "shape", "rate"}, where)
                    self.assertGreater(g["shape"], 0, where)
                    self.assertGreater(g["rate"], 0, where)
                    self.assertTrue(np.isfinite(g["shape"] / g["rate"]), where)

    def test_names_exist_in_baseline(self):
        with open(BASELINE, "rb") as f:
            base = tomllib.load(f)
        if base.get("schema") != 2:
            self.skipTest("configs/baseline-2022.toml is not schema 2 yet")
        with open(FITTED, "rb") as f:
            cfg = tomllib.load(f)
        self.assertLessEqual(set(cfg["incident"]), set(base["incident"]))

    def test_config_is_current_and_deterministic(self):
        """Regenerating from data/ gives the committed file byte for byte."""
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "fitted.toml")
            r1 = run("fit", "--output", out)
            self.assertEqual(r1.returncode, 0, r1.stderr)
            with open(out, encoding="utf-8") as f:
                new = f.read()
            r2 = run("fit", "--output", "-")
            self.assertEqual(r1.stdout.split("\nWrote")[0], r2.stdout.split("\nWrote")[0])
        with open(FITTED, encoding="utf-8") as f:
            old = f.read()
        self.assertEqual(old, new, "configs/fitted/baseline-fitted.toml is stale: regenerate with "
                                   "v/bin/escalate-fit-rates all")

    def test_engine_accepts_config(self):
        with open(BASELINE, "rb") as f:
            if tomllib.load(f).get("schema") != 2:
                self.skipTest("configs/baseline-2022.toml is not schema 2 yet")
        if not os.access(BIN, os.X_OK):
            self.skipTest(f"no engine at {BIN}")
        r = subprocess.run([BIN, "check", FITTED], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)


class Cli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        with open(os.path.join(SRC, "data", "incidents.csv"), newline="", encoding="utf-8") as f:
            cls.header, *cls.rows = list(csv.reader(f))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def write(self, name, header, rows):
        path = os.path.join(self.tmp, name)
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
        return path

    def refuse(self, path, expect):
        r = run("fit", "--incidents", path, "--output", "-")
        self.assertNotEqual(r.returncode, 0)
        self.assertEqual(r.returncode, 2)
        self.assertIn("error", r.stderr)
        self.assertIn(expect, r.stderr)
        self.assertNotIn("Traceback", r.stderr)

    def test_missing_column(self):
        i = self.header.index("final_attribution")
        path = self.write("nocol.csv", self.header[:i] + self.header[i + 1:],
                          [r[:i] + r[i + 1:] for r in self.rows])
        self.refuse(path, "missing column(s) final_attribution")

    def test_bad_date(self):
        rows = [list(r) for r in self.rows]
        rows[4][self.header.index("date")] = "2023-13-45"
        self.refuse(self.write("baddate.csv", self.header, rows), "line 6: date '2023-13-45'")

    def test_unknown_type_and_attribution(self):
        rows = [list(r) for r in self.rows]
        rows[0][self.header.index("type")] = "alien-landing"
        self.refuse(self.write("badtype.csv", self.header, rows), "unknown type 'alien-landing'")
        rows = [list(r) for r in self.rows]
        rows[1][self.header.index("final_attribution")] = "probably"
        self.refuse(self.write("badattr.csv", self.header, rows), "final_attribution 'probably'")

    def test_short_row_and_missing_file(self):
        rows = [list(r) for r in self.rows]
        rows[2] = rows[2][:5]
        self.refuse(self.write("short.csv", self.header, rows), "line 4")
        self.refuse(os.path.join(self.tmp, "absent.csv"), "absent.csv")

    def test_keep_base_accidental(self):
        out = os.path.join(self.tmp, "keep.toml")
        r = run("fit", "--output", out, "--keep-base-accidental", "nato-deployment,cyber-attack")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, "rb") as f:
            cfg = tomllib.load(f)
        self.assertEqual(set(cfg["incident"]["nato-deployment"]), {"deliberate_rate"})
        self.assertEqual(set(cfg["incident"]["cyber-attack"]), {"deliberate_rate"})
        self.assertIn("accidental_rate", cfg["incident"]["stray-missile"])
        r = run("fit", "--output", "-", "--keep-base-accidental", "ufo")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown type(s) ufo", r.stderr)

    def test_heldout_markdown(self):
        md = os.path.join(self.tmp, "heldout.md")
        r = run("heldout", "--markdown", md)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("predict 2025", r.stdout)
        with open(md, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("| type | year |", text)
        years = r.stdout.split(" predict ", 1)[1].split(" (", 1)[0].split(", ")
        # a header, then per predicted year one row per engine type (8) and a total row
        self.assertEqual(sum(line.startswith("| ") for line in text.splitlines()), 1 + 9 * len(years))


if __name__ == "__main__":
    unittest.main()

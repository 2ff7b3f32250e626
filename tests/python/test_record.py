"""data/record.toml is the record of data/incidents.csv: it parses, regenerating it gives
the committed files byte for byte, and its counts, answers and outcomes agree with an
independent count of the catalogue's rows (so the test fails if either drifts)."""
import csv
import datetime as dt
import os
import subprocess
import sys
import tempfile
import tomllib
import unittest

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
PYTHON = os.environ.get("PYTHON", sys.executable)
DATA = os.path.join(SRC, "data")
SCRIPT = os.path.join(DATA, "make_record.py")
BIN = os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate"))
RUNGS = {"none": "none", "protest": "protest", "countermeasure": "countermeasure",
         "strike": "limited_strike", "war": "war"}


def catalogue(path=os.path.join(DATA, "incidents.csv")):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def is_incident(r, itype):
    """The record's rule, written again: the type's victim side; a NATO victim a member."""
    side = "russia" if itype in ("strike-attributed-to-nato", "nato-deployment") else "nato"
    return r["type"] == itype and r["victim"] == side and (side == "russia" or r["victim_state_nato_member"] == "yes")


def generate(out_dir, *extra):
    return subprocess.run([PYTHON, SCRIPT, "--out-dir", out_dir, *extra],
                          capture_output=True, text=True, timeout=60)


class Record(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(DATA, "record.toml"), "rb") as f:
            cls.record = tomllib.load(f)
        cls.rows = catalogue()

    def test_regenerating_gives_the_committed_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            done = generate(tmp)
            self.assertEqual(done.returncode, 0, done.stderr)
            for name in ("record.toml", os.path.join("windows", "record-2022-war.toml")):
                with open(os.path.join(tmp, name), encoding="utf-8") as f:
                    new = f.read()
                with open(os.path.join(DATA, name), encoding="utf-8") as f:
                    self.assertEqual(f.read(), new, f"data/{name} is stale: run data/make_record.py")

    def test_counts_and_answers_match_the_catalogue(self):
        for name, w in self.record["window"].items():
            periods = w["periods"]
            if periods == "years":
                periods = [[f"{y}-01-01", f"{y + 1}-01-01"] for y in range(2014, 2022)]
            start, stop = (dt.date.fromisoformat(periods[0][0]), dt.date.fromisoformat(periods[-1][1]))
            for itype, counts in w["counts"].items():
                rows = [r for r in self.rows if is_incident(r, itype)
                        and start <= dt.date.fromisoformat(r["date"]) < stop]
                self.assertEqual(sum(counts), len(rows), (name, itype))
                self.assertEqual(len(counts), len(periods))
                answers = w["answers"][itype]
                self.assertEqual(sum(answers.values()), len(rows), (name, itype))
                for rung, key in RUNGS.items():
                    self.assertEqual(answers[key], sum(r["response_rung"] == rung for r in rows))

    def test_outcomes_and_window_dates(self):
        pre, war = self.record["window"]["pre_war"], self.record["window"]["war"]
        self.assertEqual((pre["outcomes"]["wars"], war["outcomes"]["wars"]), (0, 0))
        self.assertEqual(pre["outcomes"]["limited_strikes"], 1)    # the Su-24, 24 Nov 2015
        self.assertEqual(war["outcomes"]["limited_strikes"], 0)    # the MQ-9 is not one
        low, high = war["outcomes"]["countermeasures"]
        self.assertLessEqual(low, high)
        last = max(dt.date.fromisoformat(r["date"]) for r in self.rows)
        self.assertEqual(war["periods"][0][0], "2022-02-24")
        self.assertEqual(dt.date.fromisoformat(war["periods"][-1][1]), last + dt.timedelta(days=1))
        for a, b in zip(war["periods"], war["periods"][1:]):
            self.assertEqual(a[1], b[0])      # contiguous half-open periods
        with open(os.path.join(DATA, war["config"]), "rb") as f:
            cfg = tomllib.load(f)
        self.assertEqual(cfg["run"]["horizon_days"], (last - dt.date(2022, 2, 24)).days + 1)
        self.assertEqual(cfg["run"]["horizon_days"] % cfg["run"]["grid_days"], 0)
        self.assertTrue(os.path.exists(os.path.normpath(os.path.join(DATA, "windows", cfg["base"]))))
        self.assertTrue(os.path.exists(os.path.normpath(os.path.join(DATA, pre["config"]))))

    def test_reporting_is_by_rung_for_every_enabled_type(self):
        """The observation model: each type a window enables has all five rungs, each a
        proper Beta or a probability; a protest or more is judged at least as likely to be
        reported as no answer; the disabled types of 2014-2021 have none."""
        for name, w in self.record["window"].items():
            disabled = {"stray-missile", "strike-attributed-to-nato"} if name == "pre_war" else set()
            self.assertEqual(set(w["reporting"]), set(w["counts"]) - disabled, name)
            for itype, by_rung in w["reporting"].items():
                self.assertEqual(set(by_rung), set(RUNGS.values()), (name, itype))
                means = {}
                for rung, prior in by_rung.items():
                    if isinstance(prior, dict):
                        self.assertEqual(prior["dist"], "beta")
                        self.assertGreater(prior["a"], 0)
                        self.assertGreater(prior["b"], 0)
                        means[rung] = prior["a"] / (prior["a"] + prior["b"])
                    else:
                        self.assertTrue(0 <= prior <= 1)
                        means[rung] = prior
                self.assertLessEqual(means["none"], means["protest"], (name, itype))
                self.assertEqual([means[r] for r in ("countermeasure", "limited_strike", "war")], [1, 1, 1])

    def test_sourced_reporting_priors_count_the_catalogue(self):
        """The sourced priors' k, counted again from the rows: CSIS sabotage 2023-2024 (rows
        formally attributed, answered none), Estonia's protested violations of 2021 and 2025."""
        def n_rows(itype, years, rung, where=lambda r: True):
            return sum(1 for r in self.rows if is_incident(r, itype) and r["date"][:4] in years
                       and r["response_rung"] == rung and where(r))
        war, pre = self.record["window"]["war"]["reporting"], self.record["window"]["pre_war"]["reporting"]
        k = n_rows("infrastructure-sabotage", ("2023", "2024"), "none", lambda r: r["final_attribution"] == "deliberate")
        self.assertEqual(war["infrastructure-sabotage"]["none"]["a"], k + 0.5)
        estonia = lambda r: r["location"].startswith("Estonia")
        self.assertEqual(war["airspace-violation"]["protest"]["a"], n_rows("airspace-violation", ("2025",), "protest", estonia) + 0.5)
        self.assertEqual(pre["airspace-violation"]["protest"]["a"], n_rows("airspace-violation", ("2021",), "protest", estonia) + 0.5)
        self.assertEqual(war["airspace-violation"]["protest"]["a"] + war["airspace-violation"]["protest"]["b"], 5 + 1)

    def test_the_engine_accepts_both_window_configs(self):
        if not os.access(BIN, os.X_OK):
            self.skipTest(f"no engine at {BIN}")
        for w in self.record["window"].values():
            path = os.path.normpath(os.path.join(DATA, w["config"]))
            done = subprocess.run([BIN, "check", path], capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 0, done.stderr)

    def test_a_removed_row_changes_its_count(self):
        row = next(r for r in self.rows if is_incident(r, "infrastructure-sabotage") and r["date"].startswith("2024"))
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "incidents.csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=list(self.rows[0].keys()))
                w.writeheader()
                w.writerows(r for r in self.rows if r is not row)
            done = generate(tmp, "--incidents", path)
            self.assertEqual(done.returncode, 0, done.stderr)
            with open(os.path.join(tmp, "record.toml"), "rb") as f:
                new = tomllib.load(f)
        old_c = self.record["window"]["war"]["counts"]["infrastructure-sabotage"]
        new_c = new["window"]["war"]["counts"]["infrastructure-sabotage"]
        self.assertEqual(old_c[2] - new_c[2], 1)
        self.assertEqual(sum(old_c) - sum(new_c), 1)


class HoldOut(unittest.TestCase):
    """`make_record.py --hold-out YEAR`: the training record of walk-forward validation."""

    def holdout(self, year, tmp):
        done = generate(tmp, "--hold-out", str(year))
        self.assertEqual(done.returncode, 0, done.stderr)
        with open(os.path.join(tmp, f"record-holdout-{year}.toml"), "rb") as f:
            return tomllib.load(f)

    def test_held_out_year_is_unobserved_and_later_years_dropped(self):
        with open(os.path.join(DATA, "record.toml"), "rb") as f:
            full = tomllib.load(f)
        for year in (2022, 2023, 2025):
            with tempfile.TemporaryDirectory() as tmp:
                rec = self.holdout(year, tmp)
                pre, war = rec["window"]["pre_war"], rec["window"]["war"]
                self.assertEqual(pre, full["window"]["pre_war"] | {"config": pre["config"]})
                self.assertEqual(war["periods"][-1][1], f"{year + 1}-01-01")
                self.assertEqual(war["periods"], full["window"]["war"]["periods"][:year - 2021])
                for itype, counts in war["counts"].items():
                    self.assertEqual(counts[-1], -1, itype)
                    self.assertEqual(counts[:-1], full["window"]["war"]["counts"][itype][:year - 2022])
                self.assertNotIn("answers", war)     # totals over a window holding `year`
                self.assertNotIn("outcomes", war)
                # configs resolve from where the record was written, to the record's own
                with open(os.path.join(tmp, war["config"]), "rb") as f:
                    cfg = tomllib.load(f)
                base = os.path.join(tmp, os.path.dirname(war["config"]), cfg["base"])
                with open(os.path.join(DATA, full["window"]["war"]["config"]), "rb") as f:
                    full_base = os.path.join(DATA, "windows", tomllib.load(f)["base"])
                self.assertTrue(os.path.samefile(base, full_base))     # the record's own window base
                self.assertTrue(os.path.samefile(os.path.join(tmp, pre["config"]),
                                                 os.path.join(DATA, full["window"]["pre_war"]["config"])))
                self.assertEqual(cfg["run"]["horizon_days"], (dt.date(year + 1, 1, 1) - dt.date(2022, 2, 24)).days)
                self.assertEqual(cfg["run"]["horizon_days"] % cfg["run"]["grid_days"], 0)
                if year <= 2024:   # the sabotage prior counts 2023-2024 rows: not before 2025
                    self.assertNotIn("none", war["reporting"]["infrastructure-sabotage"])
                else:
                    self.assertIn("none", war["reporting"]["infrastructure-sabotage"])
                # Estonia's 2025 protests reach every held-out year; the judgements stay
                self.assertNotIn("protest", war["reporting"]["airspace-violation"])
                self.assertEqual(war["reporting"]["cyber-attack"], full["window"]["war"]["reporting"]["cyber-attack"])
                if BIN and os.access(BIN, os.X_OK):
                    done = subprocess.run([BIN, "check", os.path.join(tmp, war["config"])],
                                          capture_output=True, text=True, timeout=60)
                    self.assertEqual(done.returncode, 0, done.stderr)

    def test_a_year_outside_the_war_window_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            for year in ("2021", "2099"):
                done = generate(tmp, "--hold-out", year)
                self.assertEqual(done.returncode, 2)
                self.assertIn(f"--hold-out {year}", done.stderr)
            self.assertEqual(os.listdir(tmp), [])


if __name__ == "__main__":
    unittest.main()

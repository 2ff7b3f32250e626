"""The questions model v2 exists to answer (issue 10), asked of the shipped configs:
- attribution matters: without clarification of the stray-missile type, P(war) after an
  injected Przewodow-type missile is higher, and the paired interval excludes 0;
- fewer countermeasures no longer means more war: lowering the countermeasure step's
  intercept does not raise P(war);
- a derived config that adds one incident keeps the base's others."""
import os
import subprocess
import tempfile
import tomllib
import unittest

import h5py

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")


def cfg(*parts):
    return os.path.join(SRC, "configs", *parts)


class QuestionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_engine(self, *args):
        return subprocess.run([BIN, *args], check=True, capture_output=True, text=True).stdout

    def test_attribution_lowers_war_after_przewodow(self):
        out = os.path.join(self.tmp.name, "przewodow.h5")
        self.run_engine("compare", cfg("scenarios", "przewodow-2022.toml"),
                        cfg("scenarios", "przewodow-no-clarification.toml"), "-q", "-o", out)
        with h5py.File(out, "r") as f:
            lo, hi = f["comparison/paired_interval"][1, 0]  # no clarification minus attribution, war
            difference = f["comparison/difference"][1, 0]
        print(f"dP(war within 30 days) without attribution: {difference:+.5f} [{lo:+.5f}, {hi:+.5f}]")
        self.assertGreater(lo, 0.0, "without attribution, war must be more likely (interval excludes 0)")

    def test_fewer_countermeasures_do_not_raise_war(self):
        out = os.path.join(self.tmp.name, "countermeasure.h5")
        with open(cfg("baseline-2022.toml"), "rb") as f:
            step = tomllib.load(f)["response"]["intercept"][1]  # protest -> countermeasure
        self.assertIsInstance(step, float, "the test lowers a fixed intercept; the baseline's is a distribution")
        values = f"{step},{step - 2.0}"  # 2 lower on the logit scale
        self.run_engine("sweep", cfg("baseline-2022.toml"), "--set", f"response.intercept.1={values}",
                        "--draws", "60", "--trajectories", "200", "-q", "-o", out)
        with h5py.File(out, "r") as f:
            lo, hi = f["comparison/paired_interval"][1, 0]
            difference = f["comparison/difference"][1, 0]
        print(f"dP(war) with the countermeasure step 2 lower: {difference:+.5f} [{lo:+.5f}, {hi:+.5f}]")
        self.assertLessEqual(difference, 0.0)
        self.assertLessEqual(lo, 0.0)

    def test_a_derived_config_adding_an_incident_keeps_the_others(self):
        base = self.run_engine("check", cfg("baseline-2022.toml"))
        derived = self.run_engine("check", cfg("scenarios", "example-extra-incident.toml"))
        line = lambda text: [l for l in text.splitlines() if "incident type(s)" in l][0]
        base_names = line(base).split(":")[1].split()
        derived_names = line(derived).split(":")[1].split()
        self.assertTrue(set(base_names) < set(derived_names), (base_names, derived_names))
        self.assertEqual(len(derived_names), len(base_names) + 1)


if __name__ == "__main__":
    unittest.main()

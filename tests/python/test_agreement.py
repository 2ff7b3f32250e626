"""Cohen's kappa of data/agreement.py against hand-computed examples, and the command's
matching by id, disagreement list and error paths."""
import csv
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
PYTHON = os.environ.get("PYTHON", sys.executable)
SCRIPT = os.path.join(SRC, "data", "agreement.py")
spec = importlib.util.spec_from_file_location("agreement", SCRIPT)
A = importlib.util.module_from_spec(spec)
spec.loader.exec_module(A)


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


class Kappa(unittest.TestCase):
    def test_two_labels_by_hand(self):
        # 10 rows, 8 agree: p_o = 0.8; both coders say Y 5 times: p_e = .5*.5 + .5*.5 = 0.5;
        # kappa = (0.8 - 0.5) / (1 - 0.5) = 0.6
        a = list("YYYYYNNNNN")
        b = list("YYYYNNNNNY")
        kappa, p_o, p_e, n = A.cohen_kappa(a, b)
        self.assertEqual(n, 10)
        self.assertAlmostEqual(p_o, 0.8)
        self.assertAlmostEqual(p_e, 0.5)
        self.assertAlmostEqual(kappa, 0.6)

    def test_three_labels_by_hand(self):
        # p_o = 5/6; shares first (3, 2, 1)/6, second (2, 3, 1)/6: p_e = (6 + 6 + 1)/36 = 13/36;
        # kappa = (30/36 - 13/36) / (23/36) = 17/23
        a = ["protest", "protest", "protest", "countermeasure", "countermeasure", "none"]
        b = ["protest", "protest", "countermeasure", "countermeasure", "countermeasure", "none"]
        kappa, p_o, p_e, _ = A.cohen_kappa(a, b)
        self.assertAlmostEqual(p_o, 5 / 6)
        self.assertAlmostEqual(p_e, 13 / 36)
        self.assertAlmostEqual(kappa, 17 / 23)

    def test_perfect_chance_and_constant(self):
        self.assertAlmostEqual(A.cohen_kappa(list("abcab"), list("abcab"))[0], 1.0)
        self.assertAlmostEqual(A.cohen_kappa(list("YYNN"), list("YNYN"))[0], 0.0)
        self.assertLess(A.cohen_kappa(list("YN"), list("NY"))[0], 0.0)
        self.assertIsNone(A.cohen_kappa(list("xxx"), list("xxx"))[0])   # p_e = 1: undefined
        with self.assertRaises(ValueError):
            A.cohen_kappa(["a"], [])


class Command(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.first = os.path.join(self.tmp.name, "first.csv")
        self.second = os.path.join(self.tmp.name, "second.csv")
        write(self.first, ["id", "date", "type", "final_attribution", "response_rung"],
              [["a", "2020-01-01", "cyber-attack", "deliberate", "protest"],
               ["b", "2021-01-01", "stray-missile", "accidental", "none"],
               ["c", "2022-01-01", "stray-missile", "unknown", "protest"]])

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *extra):
        return subprocess.run([PYTHON, SCRIPT, self.first, self.second, *extra],
                              capture_output=True, text=True, timeout=60)

    def test_matches_by_id_with_short_column_names(self):
        write(self.second, ["id", "type", "attribution", "rung"],
              [["c", "airspace-violation", "unknown", "protest"],
               ["a", "cyber-attack", "Deliberate", "protest"]])
        done = self.run_cli()
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("1 disagreement(s):", done.stdout)
        self.assertIn("- c type: first 'stray-missile', second 'airspace-violation'", done.stdout)
        self.assertRegex(done.stdout, r"attribution +n=  2 .* kappa 1.00")
        self.assertIn("ids only in the first coding: 1", done.stdout)

    def test_bad_inputs_give_one_line_and_exit_2(self):
        write(self.second, ["id", "type", "rung"], [["a", "cyber-attack", "protest"]])
        done = self.run_cli()
        self.assertEqual(done.returncode, 2)
        self.assertIn("no column for 'attribution'", done.stderr)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1)
        os.remove(self.second)
        done = self.run_cli()
        self.assertEqual(done.returncode, 2)
        self.assertIn("second.csv", done.stderr)
        write(self.second, ["id", "type", "attribution", "rung"], [["zz", "other", "unknown", "none"]])
        self.assertEqual(self.run_cli().returncode, 2)


if __name__ == "__main__":
    unittest.main()

"""The 1991-2022 replay matches the paper's periodization in at least 28 of 32 years (issue #3)."""
import os
import subprocess
import sys
import unittest

SRC = os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


class HistoryTest(unittest.TestCase):
    def test_periodization(self):
        out = subprocess.run([sys.executable, os.path.join(SRC, "scripts", "history.py")],
                             check=True, capture_output=True, text=True).stdout
        print(out)
        last = out.strip().splitlines()[-1]
        matched, total = int(last.split()[0]), int(last.split()[2])
        self.assertEqual(total, 32)
        self.assertGreaterEqual(matched, 28, out)
        lines = {l.split()[0]: l for l in out.splitlines() if l[:4].isdigit()}
        self.assertIn("dormant", lines["1991"].split()[2])
        self.assertIn("spiral", lines["2022"].split()[2])


if __name__ == "__main__":
    unittest.main()

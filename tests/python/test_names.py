"""escalate.names: the package takes the engine's phase and rung names from `escalate names
--json` instead of copying them. Checked against the real engine, against a fake engine
that prints other names (they must come through, so they are read, not copied), and for
the refusals when the engine is missing or prints no usable JSON (EscalateError).

Run: cd tests/python && PYTHONPATH=../../python ESCALATE=../../build/release/engine/escalate /usr/bin/python3 -m unittest -v test_names
"""
import os
import sys
import tempfile
import unittest
from unittest import mock

from escalate import names
from escalate.errors import EscalateError

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BIN = os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate"))


class EngineNames(unittest.TestCase):
    def setUp(self):
        names.engine_names.cache_clear()
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        names.engine_names.cache_clear()
        self.tmp.cleanup()

    def fake(self, output):
        path = os.path.join(self.tmp.name, f"escalate-{len(os.listdir(self.tmp.name))}")
        with open(path, "w") as f:
            f.write(f"#!{sys.executable}\nimport sys\nsys.stdout.write({output!r})\n")
        os.chmod(path, 0o755)
        return path

    @unittest.skipUnless(os.access(BIN, os.X_OK), f"no engine at {BIN}")
    def test_the_real_engine(self):
        with mock.patch.dict(os.environ, {"ESCALATE": BIN}):
            phases, rate, rungs = names.phases(), names.rate_phases(), names.rungs()
        self.assertEqual(rate, phases[:len(rate)])          # rates are given for the first phases
        self.assertIn("war", phases)
        self.assertEqual(rungs[0], "none")
        self.assertEqual(rungs[-1], "war")

    def test_names_come_from_the_engine(self):
        fake = self.fake('{"phases": ["a", "b", "w"], "rate_phases": ["b", "a"], "rungs": ["x", "y"]}')
        with mock.patch.dict(os.environ, {"ESCALATE": fake}):
            self.assertEqual(names.rate_phases(), ["b", "a"])
            self.assertEqual(names.rungs(), ["x", "y"])

    def test_refusals(self):
        cases = [(os.path.join(self.tmp.name, "missing"), "not an executable file"),
                 (self.fake("not json"), "not JSON"),
                 (self.fake('{"phases": []}'), "no rate_phases, rungs")]
        for path, fragment in cases:
            names.engine_names.cache_clear()
            with mock.patch.dict(os.environ, {"ESCALATE": path}):
                with self.assertRaises(EscalateError) as e:
                    names.rate_phases()
            self.assertIn(fragment, str(e.exception))


if __name__ == "__main__":
    unittest.main()

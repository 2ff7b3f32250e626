"""Every Python tool answers bad input as the engine does (issue 21, item 6): one line on
stderr naming the file (and line and key where they apply), exit 2 (1 for a failure to
write), no traceback, nothing written on refusal, inputs checked before any work.

One test class per kind of bad input; within it, one test per tool that takes such an
input. The tools run as users run them: the console entry points of the installed package
(the venv's, beside sys.executable); the engine is $ESCALATE."""
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BIN = os.path.abspath(os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate")))
BINDIR = os.path.dirname(sys.executable)
SMALL = os.path.join(SRC, "tests", "configs", "small.toml")
SEAL_BYTES = 80


def tool(name):
    return os.path.join(BINDIR, f"escalate-{name}")


class Files:
    """The inputs of every case, made once: a run, a damaged copy, a sensitivity file."""
    dir = None

    @classmethod
    def make(cls):
        if cls.dir is not None:
            return cls
        cls.tmp = tempfile.TemporaryDirectory(prefix="test-tool-errors-")
        cls.dir = cls.tmp.name
        cls.run = os.path.join(cls.dir, "run.h5")
        subprocess.run([BIN, "run", SMALL, "-q", "--draws", "3", "--trajectories", "40", "-o", cls.run], check=True)
        cls.damaged = os.path.join(cls.dir, "damaged.h5")
        damage(cls.run, cls.damaged)
        cls.lacking = os.path.join(cls.dir, "lacking.h5")
        lacking(cls.run, cls.lacking)
        cls.sensitivity = os.path.join(cls.dir, "sensitivity.h5")
        subprocess.run([BIN, "sensitivity", SMALL, "--base-samples", "4", "--trajectories", "10", "-q",
                        "-o", cls.sensitivity], check=True)
        return cls


def damage(original, out):
    """An unsealed copy (as another tool leaves a file) with one bit flipped inside the data
    of a Fletcher32-checksummed chunk (tests/python/test_byte_flips.py)."""
    with open(original, "rb") as f:
        data = bytearray(f.read()[:-SEAL_BYTES])
    with h5py.File(original, "r") as f:
        d = f["draws/parameters"]
        assert d.fletcher32 and d.chunks is not None
        info = d.id.get_chunk_info(0)
    data[info.byte_offset + 1] ^= 0x10
    with open(out, "wb") as f:
        f.write(data)


def lacking(original, out):
    """An unsealed copy without two datasets every reader uses (occupancy, p_clash), as
    another version of the engine or an editing tool could leave it."""
    with open(original, "rb") as f:
        data = f.read()[:-SEAL_BYTES]
    with open(out, "wb") as f:
        f.write(data)
    with h5py.File(out, "r+") as f:
        del f["occupancy"]
        del f["p_clash"]


class ToolCase(unittest.TestCase):
    def setUp(self):
        self.files = Files.make()
        self.work = tempfile.mkdtemp(prefix="case-", dir=self.files.dir)

    def tearDown(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def call(self, name, *args, env=None):
        return subprocess.run([tool(name), *args], capture_output=True, text=True, cwd=SRC, timeout=300,
                              env={**os.environ, "ESCALATE": BIN, **(env or {})})

    def refused(self, r, code, *names, written=()):
        """Exit `code`, one line naming every one of `names`, no traceback, nothing written."""
        lines = r.stderr.strip().splitlines()
        self.assertEqual(r.returncode, code, r.stderr)
        self.assertEqual(len(lines), 1, r.stderr)
        self.assertNotIn("Traceback", r.stderr)
        self.assertIn(": error: ", lines[0])
        for name in names:
            self.assertIn(name, lines[0])
        for path in written:
            self.assertFalse(os.path.exists(path), f"{path} was written on refusal")
        return lines[0]


class DamagedFile(ToolCase):
    """A result file whose chunk fails its Fletcher32 checksum."""

    def test_plot(self):
        out = os.path.join(self.work, "figures")
        line = self.refused(self.call("plot", self.files.damaged, "-o", out), 2, self.files.damaged, written=[out])
        self.assertIn("draws/parameters", line)

    def test_condition(self):
        out = os.path.join(self.work, "c.h5")
        self.refused(self.call("condition", self.files.damaged, "-o", out), 2, self.files.damaged, written=[out])

    def test_calibration(self):
        self.refused(self.call("calibration", self.files.damaged), 2, self.files.damaged)

    def test_history(self):
        self.refused(self.call("history", self.files.damaged), 2, self.files.damaged)

    def test_overlay_checks_every_file_first(self):
        out = os.path.join(self.work, "figures")
        r = self.call("plot", "--overlay", self.files.run, self.files.damaged, "-o", out)
        self.refused(r, 2, self.files.damaged, written=[out])


class MissingDataset(ToolCase):
    """A result file without datasets the tool reads: exit 2 naming the file, not a KeyError."""

    def test_plot(self):
        out = os.path.join(self.work, "figures")
        self.refused(self.call("plot", self.files.lacking, "-o", out), 2, self.files.lacking, written=[out])

    def test_condition(self):
        out = os.path.join(self.work, "c.h5")
        self.refused(self.call("condition", self.files.lacking, "-o", out), 2, self.files.lacking, written=[out])

    def test_calibration(self):
        self.refused(self.call("calibration", self.files.lacking), 2, self.files.lacking)

    def test_history(self):
        self.refused(self.call("history", self.files.lacking), 2, self.files.lacking)


class WrongKind(ToolCase):
    """A sensitivity file where a run is expected; a file that is not HDF5 at all."""

    def test_condition(self):
        out = os.path.join(self.work, "c.h5")
        line = self.refused(self.call("condition", self.files.sensitivity, "-o", out), 2,
                            self.files.sensitivity, written=[out])
        self.assertIn("a sensitivity file", line)

    def test_calibration(self):
        line = self.refused(self.call("calibration", self.files.sensitivity), 2, self.files.sensitivity)
        self.assertIn("where a run file", line)

    def test_history(self):
        self.refused(self.call("history", self.files.sensitivity), 2, self.files.sensitivity)

    def test_plot_not_hdf5(self):
        out = os.path.join(self.work, "figures")
        self.refused(self.call("plot", SMALL, "-o", out), 2, SMALL, written=[out])

    def test_plot_overlay_of_a_sensitivity_file(self):
        out = os.path.join(self.work, "figures")
        self.refused(self.call("plot", "--overlay", self.files.run, self.files.sensitivity, "-o", out), 2,
                     self.files.sensitivity, written=[out])


class MissingInput(ToolCase):
    def setUp(self):
        super().setUp()
        self.missing = os.path.join(self.work, "no-such.h5")

    def test_plot(self):
        out = os.path.join(self.work, "figures")
        self.refused(self.call("plot", self.missing, "-o", out), 2, self.missing, written=[out])

    def test_calibration(self):
        self.refused(self.call("calibration", self.missing), 2, self.missing)

    def test_history(self):
        self.refused(self.call("history", self.missing), 2, self.missing)

    def test_condition_window(self):
        out = os.path.join(self.work, "c.h5")
        missing = os.path.join(self.work, "no-window.toml")
        self.refused(self.call("condition", self.files.run, "--window", missing, "-o", out), 2, missing,
                     written=[out])

    def test_fit_rates(self):
        out = os.path.join(self.work, "fitted.toml")
        missing = os.path.join(self.work, "no-incidents.csv")
        self.refused(self.call("fit-rates", "fit", "--incidents", missing, "--output", out), 2, missing,
                     written=[out])

    def test_predictive_check(self):
        missing = os.path.join(self.work, "no-window.toml")
        self.refused(self.call("predictive-check", missing, "--draws", "20"), 2, missing)


class BadOutput(ToolCase):
    """-o (or --output, --markdown, --figure) naming an existing file, or a directory."""

    def test_plot_output_is_a_file(self):
        target = os.path.join(self.work, "taken")
        with open(target, "w") as f:
            f.write("keep me")
        self.refused(self.call("plot", self.files.run, "-o", target), 2, target)
        with open(target) as f:
            self.assertEqual(f.read(), "keep me")
        self.assertEqual(os.listdir(self.work), ["taken"], "debris beside the output")

    def test_plot_output_folder_without_parent(self):
        target = os.path.join(self.work, "a", "b")
        self.refused(self.call("plot", self.files.run, "-o", target), 2, target, written=[os.path.dirname(target)])

    def test_condition_output_exists(self):
        target = os.path.join(self.work, "c.h5")
        with open(target, "w") as f:
            f.write("keep me")
        self.refused(self.call("condition", self.files.run, "-o", target), 2, target)
        with open(target) as f:
            self.assertEqual(f.read(), "keep me")

    def test_condition_output_is_a_directory(self):
        self.refused(self.call("condition", self.files.run, "-o", self.work, "--force"), 2, self.work)

    def test_fit_rates_output_is_a_directory(self):
        self.refused(self.call("fit-rates", "fit", "--output", self.work), 2, self.work)
        self.assertEqual(os.listdir(self.work), [])

    def test_fit_rates_markdown_is_an_input(self):
        incidents = os.path.join(SRC, "data", "incidents.csv")
        with open(incidents, "rb") as f:
            before = f.read()
        self.refused(self.call("fit-rates", "heldout", "--markdown", incidents), 2, incidents)
        with open(incidents, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_predictive_check_figure_is_a_directory(self):
        self.refused(self.call("predictive-check", "--draws", "20", "--figure", self.work), 2, self.work)


class FutureCatalogueRow(ToolCase):
    """A catalogue row dated after the catalogue's date (data/README.md's version), as
    data/check_catalogue.py refuses it: refused, not used to stretch every exposure."""

    def catalogue(self, incidents_row=None, counts_row=None):
        data = os.path.join(self.work, "data")
        shutil.copytree(os.path.join(SRC, "data"), data)
        for name, change in (("incidents.csv", incidents_row), ("yearly_counts.csv", counts_row)):
            if change is None:
                continue
            path = os.path.join(data, name)
            with open(path, newline="", encoding="utf-8") as f:
                header, *rows = list(csv.reader(f))
            rows.append(change(header, list(rows[-1])))
            with open(path, "w", newline="", encoding="utf-8") as f:
                csv.writer(f, lineterminator="\n").writerows([header] + rows)
        return data, len(rows) + 1

    @staticmethod
    def in_2099(column):
        def change(header, row):
            if "id" in header:
                row[header.index("id")] += "-future"
            row[header.index(column)] = "2099-01-01"
            return row
        return change

    def test_fit_rates(self):
        data, line = self.catalogue(incidents_row=self.in_2099("date"))
        out = os.path.join(self.work, "fitted.toml")
        incidents = os.path.join(data, "incidents.csv")
        msg = self.refused(self.call("fit-rates", "fit", "--incidents", incidents,
                                     "--counts", os.path.join(data, "yearly_counts.csv"), "--output", out),
                           2, f"{incidents} line {line}", "2099-01-01", written=[out])
        self.assertIn("after 2026-", msg)

    def test_predictive_check_reads_its_counts_before_any_run(self):
        data, line = self.catalogue(counts_row=self.in_2099("period_end"))
        counts = os.path.join(data, "yearly_counts.csv")
        log = os.path.join(self.work, "engine-calls")
        fake = os.path.join(self.work, "escalate")
        with open(fake, "w") as f:
            f.write(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{BIN}" "$@"\n')
        os.chmod(fake, 0o755)
        r = self.call("predictive-check", "--counts", counts, "--draws", "20", env={"ESCALATE": fake})
        self.refused(r, 2, f"{counts} line {line}", "period_end")
        self.assertFalse(os.path.exists(log), "the engine ran before the counts were checked")


class ErrorContract(unittest.TestCase):
    """escalate.errors.run_main: the one wrapper of every tool's main()."""

    def outcome(self, exc):
        from escalate.errors import run_main

        def body(argv):
            raise exc
        import contextlib
        import io
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = run_main("tool", body, [])
        return code, err.getvalue()

    def test_bad_input_is_exit_2(self):
        from escalate.errors import EscalateError
        self.assertEqual(self.outcome(EscalateError("x.h5: bad\nsecond line")), (2, "tool: error: x.h5: bad second line\n"))

    def test_io_failure_is_exit_1(self):
        from escalate.errors import EscalateError
        self.assertEqual(self.outcome(EscalateError("disk full", 1))[0], 1)
        code, err = self.outcome(PermissionError(13, "Permission denied", "/out.h5"))
        self.assertEqual((code, err), (1, "tool: error: /out.h5: Permission denied\n"))

    def test_a_bug_is_one_line_not_a_traceback(self):
        code, err = self.outcome(ZeroDivisionError("division by zero"))
        self.assertEqual(code, 3)
        self.assertEqual(len(err.strip().splitlines()), 1)
        self.assertIn("internal error: ZeroDivisionError", err)

    def test_interrupt_is_130(self):
        self.assertEqual(self.outcome(KeyboardInterrupt())[0], 130)


if __name__ == "__main__":
    unittest.main()

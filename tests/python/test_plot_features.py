"""scripts/plot.py: time axis by horizon, partial-file warnings, --format, forest layout,
--overlay, precision and titles (the analysts' frictions)."""
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import h5py
import numpy as np

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")
PLOT = os.path.join(os.path.dirname(sys.executable), "escalate-plot")   # the venv's entry point
SMALL = os.path.join(SRC, "tests", "configs", "small.toml")
INSTITUTIONS = os.path.join(SRC, "tests", "configs", "small-institutions.toml")
PRZEWODOW = os.path.join(SRC, "configs", "scenarios", "przewodow-2022.toml")
NO_CLARIFICATION = os.path.join(SRC, "configs", "scenarios", "przewodow-no-clarification.toml")
BASELINE = os.path.join(SRC, "configs", "baseline-2022.toml")
KINDS = ["fan", "occupancy", "p-war", "sensitivity"]


def plot(*args):
    r = subprocess.run([PLOT, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"plot.py {' '.join(args)} failed ({r.returncode}):\n{r.stderr}")
    return r


def plotted(outdir, stem):
    with open(os.path.join(outdir, f"{stem}-plotted.json")) as f:
        return json.load(f)


def png_height(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(head[20:24], "big")


def load_plot_module():
    """The formatting helpers of the plot package (python/escalate/plots/common.py)."""
    return importlib.import_module("escalate.plots.common")


class PlotFeaturesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.d = cls.tmp.name
        cls.month = os.path.join(d, "przewodow-2022.h5")       # 30-day horizon
        cls.small = os.path.join(d, "small.h5")                # 365 days
        cls.institutions = os.path.join(d, "small-institutions.h5")
        cls.years = os.path.join(d, "baseline-quick.h5")       # 1825 days
        cls.cmp = os.path.join(d, "cmp.h5")                    # one row in the forest
        cls.scenarios = os.path.join(d, "scenarios.h5")        # one row, two scenario configs
        run = lambda *a: subprocess.run([BIN, *a, "-q"], check=True)  # noqa: E731
        run("run", PRZEWODOW, "--draws", "20", "--trajectories", "100", "-o", cls.month)
        run("run", SMALL, "-o", cls.small)
        run("run", INSTITUTIONS, "-o", cls.institutions)
        run("run", BASELINE, "--draws", "4", "--trajectories", "20", "-o", cls.years)
        run("compare", SMALL, INSTITUTIONS, "-o", cls.cmp)
        run("compare", PRZEWODOW, NO_CLARIFICATION, "--draws", "10", "--trajectories", "50", "-o", cls.scenarios)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def outdir(self, name):
        return os.path.join(self.d, name)

    # 1. The time axis follows the horizon (and the start date, when the file has one).
    def test_30_day_file_is_drawn_in_days(self):
        out = self.outdir("month")
        plot(self.month, "-o", out)
        p = plotted(out, "przewodow-2022")
        self.assertEqual(p["time_axis"]["unit"], "day")
        # The Przewodow scenario has a start date: days, counted from it.
        self.assertEqual(p["time_axis"]["label"], "days since 15 Nov 2022")
        self.assertEqual(p["horizon_days"], 30)
        self.assertIn("within 30 days", p["titles"]["p-war"])

    def test_longer_horizons_use_months_or_years(self):
        out = self.outdir("long")
        plot(self.small, "-o", out)
        plot(self.years, "-o", out)
        self.assertEqual(plotted(out, "small")["time_axis"]["unit"], "month")
        # The baseline has a start date (15 Nov 2022): a five-year axis of calendar dates.
        self.assertEqual(plotted(out, "baseline-quick")["time_axis"]["unit"], "date")
        undated = os.path.join(self.d, "undated.h5")
        shutil.copy(self.years, undated)
        with h5py.File(undated, "a") as f:  # without it: years
            del f.attrs["start_date"]
            f["time"].attrs["units"] = "day"
            text = f.attrs["config"]
            text = text.decode() if isinstance(text, bytes) else text
            f.attrs["config"] = "\n".join(l for l in text.splitlines() if not l.startswith("start_date"))
        plot(undated, "-o", out)
        self.assertEqual(plotted(out, "undated")["time_axis"]["unit"], "year")

    def test_start_date_from_cf_units_attribute_or_config(self):
        out = self.outdir("dated")
        cf = os.path.join(self.d, "cf.h5")
        shutil.copy(self.month, cf)
        with h5py.File(cf, "a") as f:
            f["time"].attrs["units"] = "days since 2022-11-15"
        plot(cf, "-o", out)
        axis = plotted(out, "cf")["time_axis"]
        self.assertEqual((axis["unit"], axis["start_date"], axis["start_date_from"]),
                         ("day", "2022-11-15", "time units"))
        self.assertEqual(axis["label"], "days since 15 Nov 2022")

        root = os.path.join(self.d, "root-date.h5")
        shutil.copy(self.years, root)
        with h5py.File(root, "a") as f:
            f.attrs["start_date"] = "2022-11-15"
            f["time"].attrs["units"] = "day"  # as a file whose time coordinate has no reference date
        plot(root, "-o", out)
        axis = plotted(out, "root-date")["time_axis"]
        self.assertEqual((axis["unit"], axis["start_date"], axis["start_date_from"]),
                         ("date", "2022-11-15", "start_date attribute"))

        config = os.path.join(self.d, "config-date.h5")
        shutil.copy(self.years, config)
        with h5py.File(config, "a") as f:
            text = f.attrs["config"]
            text = text.decode() if isinstance(text, bytes) else text
            self.assertIn("[run]\n", text)
            f.attrs["config"] = text.replace("[run]\n", "[run]\nstart_date = \"2023-02-24\"\n")
            if "start_date" in f.attrs:  # runs of a config with a start date carry it as an attribute too
                del f.attrs["start_date"]
            f["time"].attrs["units"] = "day"  # ... and in the units of their time coordinate
        plot(config, "-o", out)
        axis = plotted(out, "config-date")["time_axis"]
        self.assertEqual((axis["unit"], axis["start_date"], axis["start_date_from"]),
                         ("date", "2023-02-24", "config [run] start_date"))

    # 3. Every figure of a partial file says so, and counts only the draws done.
    def check_partial(self, path, stem):
        out = self.outdir("partial")
        r = plot(path, "-o", out)
        p = plotted(out, stem)
        with h5py.File(path, "r") as f:
            self.assertEqual(f.attrs["complete"], 0)
            planned = int(f.attrs["draws"])
            done = int(np.count_nonzero(f["state/draw_trajectories"][:] > 0))
            finite = int(np.count_nonzero(np.isfinite(f["draws/p_war"][:])))
        self.assertLess(done, planned)
        self.assertEqual(p["draws"]["draws_done"], done)
        self.assertEqual(p["p_war_draws"], finite)
        self.assertEqual(sorted(p["titles"]), sorted(KINDS))
        for kind, title in p["titles"].items():
            self.assertTrue(title.startswith(f"PARTIAL: {done} of {planned} draws"), f"{kind}: {title!r}")
            self.assertNotIn(f"across {planned} ", title)
        self.assertIn(f"across {done} parameter draws", p["titles"]["fan"])
        self.assertIn("PARTIAL", r.stderr)
        return p

    def test_interrupted_run_is_marked_partial(self):
        path = os.path.join(self.d, "interrupted.h5")
        proc = subprocess.Popen([BIN, "run", BASELINE, "--draws", "100", "--trajectories", "2000", "-q", "-o", path])
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        self.assertEqual(proc.wait(timeout=60), 130)
        p = self.check_partial(path, "interrupted")
        self.assertIn("interrupted run", p["titles"]["fan"])

    def test_shard_is_marked_partial(self):
        path = os.path.join(self.d, "shard.h5")
        subprocess.run([BIN, "run", SMALL, "--shard", "2/3", "-q", "-o", path], check=True)
        p = self.check_partial(path, "shard")
        self.assertIn("shard 2 of 3", p["titles"]["occupancy"])

    def test_complete_file_has_no_warning(self):
        out = self.outdir("complete")
        plot(self.small, "-o", out)
        p = plotted(out, "small")
        self.assertTrue(p["draws"]["complete"])
        self.assertEqual(p["draws"]["draws_done"], 12)
        self.assertFalse(any("PARTIAL" in t for t in p["titles"].values()))
        self.assertIn("across 12 parameter draws", p["titles"]["fan"])

    # 5. --format
    def test_svg_and_pdf(self):
        for fmt, magic in (("svg", b"<svg"), ("pdf", b"%PDF")):
            out = self.outdir(fmt)
            plot(self.cmp, "-o", out, "--format", fmt)
            for kind in KINDS + ["forest", "overlay"]:
                path = os.path.join(out, f"cmp-{kind}.{fmt}")
                self.assertTrue(os.path.exists(path), path)
                with open(path, "rb") as f:
                    head = f.read(4096)
                self.assertIn(magic, head, path)
            self.assertFalse([n for n in os.listdir(out) if n.endswith(".png")], f"{fmt}: PNGs written too")
            self.assertEqual(plotted(out, "cmp")["format"], fmt)

    # 2. A one-row forest: short, the bar on its label, padded, titled from what is compared.
    def test_one_row_forest(self):
        out = self.outdir("forest")
        plot(self.scenarios, "-o", out)
        p = plotted(out, "scenarios")
        layout = p["forest_meta"]["layout"]
        height = png_height(os.path.join(out, "scenarios-forest.png"))
        self.assertLessEqual(layout["height_inches"], 3.5)
        self.assertGreaterEqual(height, 300)
        self.assertLessEqual(height, 400)
        self.assertEqual(layout["bar_y"], layout["ytick_y"])
        self.assertEqual(len(layout["bar_y"]), 1)
        low, high = sorted(layout["ylim"])
        self.assertLessEqual(low, layout["bar_y"][0] - 0.5)
        self.assertGreaterEqual(high, layout["bar_y"][0] + 0.5)
        self.assertEqual(p["forest_meta"]["compared"], "Scenarios")
        title = p["titles"]["forest"]
        self.assertNotIn("Policies", title)
        self.assertIn("przewodow-no-clarification against przewodow-2022", title)
        self.assertIn("within 30 days", title)

    def test_forest_of_configs_outside_policies_is_not_called_policies(self):
        out = self.outdir("forest-cmp")
        plot(self.cmp, "-o", out)
        p = plotted(out, "cmp")
        self.assertEqual(p["forest_meta"]["compared"], "Configurations")
        self.assertNotIn("Policies", p["titles"]["forest"])

    # 7. Overlay of several files, and of a comparison's configs.
    def test_overlay_of_two_files(self):
        out = self.outdir("overlay")
        r = plot("--overlay", self.small, self.institutions, "-o", out)
        stem = "small-vs-small-institutions"
        self.assertIn(os.path.join(out, f"{stem}-overlay.png"), r.stdout)
        self.assertGreater(os.path.getsize(os.path.join(out, f"{stem}-overlay.png")), 15_000)
        lines = plotted(out, stem)["overlay"]["lines"]
        self.assertEqual(sorted(lines), ["small", "small-institutions"])
        for label, path in (("small", self.small), ("small-institutions", self.institutions)):
            with h5py.File(path, "r") as f:
                war = [n.decode() if isinstance(n, bytes) else n for n in f["phase"][:]].index("war")
                self.assertAlmostEqual(lines[label]["p_war_at_horizon"], f["reached"][-1, war], places=12)
                # The band is the file's own two-loop interval of pooled P(war): at the horizon, p_reached_interval.
                np.testing.assert_allclose(lines[label]["band_at_horizon"], f["p_reached_interval"][war], rtol=1e-9)
        self.assertIn("small, small-institutions", plotted(out, stem)["titles"]["overlay"])

    def test_overlay_of_a_comparison(self):
        out = self.outdir("overlay-cmp")
        plot(self.cmp, "-o", out)
        self.assertTrue(os.path.exists(os.path.join(out, "cmp-overlay.png")))
        lines = plotted(out, "cmp")["overlay"]["lines"]
        self.assertEqual(sorted(lines), ["small", "small-institutions"])
        with h5py.File(self.cmp, "r") as f:
            self.assertAlmostEqual(lines["small-institutions"]["p_war_at_horizon"], f["small-institutions/reached"][-1, 4], places=12)
        # A comparison passed to --overlay contributes every config; equal names get the file's name.
        plot("--overlay", self.cmp, self.small, "-o", out, "--name", "mixed")
        lines = plotted(out, "mixed")["overlay"]["lines"]
        self.assertEqual(sorted(lines), ["small (cmp.h5)", "small (small.h5)", "small-institutions"])

    def test_overlay_refuses_foreign_files(self):
        r = subprocess.run([PLOT, "--overlay", self.small, PLOT, "-o", self.outdir("x")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("not a readable HDF5 file", r.stderr)

    # 4. Precision, 6. titles from the config's name.
    def test_percentages_keep_their_significant_digits(self):
        plot_module = load_plot_module()
        self.assertEqual(plot_module.pct(0.0005), "0.05%")
        self.assertEqual(plot_module.pct(0.0012), "0.12%")
        self.assertEqual(plot_module.pct(0.12), "12%")
        self.assertEqual(plot_module.pct(0.0898), "9.0%")
        self.assertEqual(plot_module.pct(0.9996), "100.0%")
        self.assertEqual(plot_module.pct(0), "0%")
        self.assertEqual(plot_module.interval_text(0.00006, [0.000025, 0.0001]), "+0.0060 pp [+0.0025, +0.0100]")

    def test_titles_name_the_config(self):
        out = self.outdir("titles")
        plot(self.month, "-o", out)
        for kind, title in plotted(out, "przewodow-2022")["titles"].items():
            self.assertIn("przewodow-2022", title, kind)
            self.assertNotIn(".toml", title, kind)
        # Without a recorded config path, the file's stem names it.
        anonymous = os.path.join(self.d, "my-run.h5")
        shutil.copy(self.small, anonymous)
        with h5py.File(anonymous, "a") as f:
            del f.attrs["config_path"]
        plot(anonymous, "-o", out)
        self.assertIn("my-run:", plotted(out, "my-run")["titles"]["fan"])


if __name__ == "__main__":
    unittest.main()

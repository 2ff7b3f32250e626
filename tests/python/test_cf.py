"""CF-1.8 metadata of run, merged, comparison and sweep files, as netCDF and xarray read them.

The checker below tests what the files promise (docs/loading.md): the global attributes, a
long_name on every variable, a UDUNITS units string on every numeric one (checked with
Debian's `udunits2` when udunits-bin is installed), a `time` coordinate in
`days since <start_date>` that xarray decodes to dates, `ancillary_variables` that name
variables of the same group, and no 8-byte integer attribute (R's ncdf4 warns about each).
"""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import h5py
import netCDF4
import numpy as np
import xarray as xr

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")
START = "2022-11-15"

# Every units string the engine writes. "count" and "probability" are what CF asks to avoid.
UNITS = {"1", "day", f"days since {START} 00:00:00"}
GLOBALS = ("Conventions", "title", "history", "source", "references", "comment")
ROOT_ONLY = ("Conventions",)
MIXED_UNITS = {"draws/parameters", "sweep/value"}  # one column per config key: no single unit


def escalate(*args):
    subprocess.run([BIN, *args], check=True, stdout=subprocess.DEVNULL)


def groups(nc, path=""):
    yield path, nc
    for name, g in nc.groups.items():
        yield from groups(g, f"{path}{name}/")


def cf_problems(path):
    """What in `path` breaks a promise of docs/loading.md, as a list of sentences."""
    problems = []
    with netCDF4.Dataset(path) as nc:
        for key in GLOBALS:
            if not str(getattr(nc, key, "")).strip():
                problems.append(f"no global attribute {key}")
        if getattr(nc, "Conventions", "") != "CF-1.8":
            problems.append("Conventions is not CF-1.8")
        for where, g in groups(nc):
            holders = [(where or "/", g)] + [(where + name, v) for name, v in g.variables.items()]
            for name, obj in holders:
                for key in obj.ncattrs():
                    value = np.asarray(obj.getncattr(key))
                    if value.dtype.kind in "iu" and value.dtype.itemsize > 4:
                        problems.append(f"{name}: attribute {key} is an 8-byte integer")
                if where and obj is g:
                    problems.extend(f"{where}: {key} outside the root group" for key in ROOT_ONLY if key in g.ncattrs())
            for name, v in g.variables.items():
                full, attrs = where + name, v.ncattrs()
                if not str(getattr(v, "long_name", "")).strip():
                    problems.append(f"{full}: no long_name")
                units = getattr(v, "units", None)
                if v.dtype == str:
                    if units is not None:
                        problems.append(f"{full}: a label with units {units!r}")
                elif units is None:
                    # A swept path's coordinate (attribute `path`) has the unknown unit of its
                    # config key: like the mixed columns, it must say so in a comment.
                    if full.split("/", 1)[-1] not in MIXED_UNITS and full not in MIXED_UNITS and "path" not in attrs:
                        problems.append(f"{full}: no units")
                    elif "comment" not in attrs:
                        problems.append(f"{full}: no units and no comment saying why")
                elif units not in UNITS:
                    problems.append(f"{full}: units {units!r} are not among {sorted(UNITS)}")
                for other in getattr(v, "ancillary_variables", "").split():
                    if other not in g.variables:
                        problems.append(f"{full}: ancillary variable {other} is not in its group")
    return problems


class CfFileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        small = os.path.join(SRC, "tests/configs/small.toml")
        cls.config = os.path.join(d, "dated.toml")
        with open(cls.config, "w") as f:
            f.write(f'schema = 2\nbase = "{small}"\n[run]\nstart_date = "{START}"\ndraws = 3\ntrajectories = 20\n')
        cls.files = {k: os.path.join(d, f"{k}.h5") for k in ("run", "part1", "part2", "merged", "resumed", "compare", "sweep")}
        f = cls.files
        escalate("run", cls.config, "-q", "-o", f["run"])
        escalate("run", cls.config, "-q", "--shard", "1/2", "-o", f["part1"])
        escalate("run", cls.config, "-q", "--shard", "2/2", "-o", f["part2"])
        escalate("merge", f["part1"], f["part2"], "-q", "-o", f["merged"])
        escalate("run", cls.config, "-q", "--resume", f["part1"], "-o", f["resumed"])
        escalate("compare", cls.config, small, "-q", "--draws", "3", "--trajectories", "10", "-o", f["compare"])
        escalate("sweep", cls.config, "--set", "restraint.institutions=0,1", "-q", "--draws", "3", "--trajectories", "10",
                 "-o", f["sweep"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_file_keeps_the_promises(self):
        for kind in ("run", "merged", "resumed", "compare", "sweep"):
            with self.subTest(kind):
                self.assertEqual(cf_problems(self.files[kind]), [])

    def test_the_checker_catches_what_it_checks(self):
        # A file with each kind of defect: the checker must name every one.
        bad = os.path.join(self.tmp.name, "bad.h5")
        shutil.copy(self.files["run"], bad)
        with netCDF4.Dataset(bad, "a") as nc:
            nc.delncattr("history")
            nc["occupancy"].units = "count"
            nc["p_clash"].delncattr("long_name")
            nc["p_reached"].ancillary_variables = "p_reached_interval no_such_variable"
            nc["draws"].setncattr("Conventions", "CF-1.8")
            nc["draws/p_war"].delncattr("units")
            nc.setncattr("draws", np.int64(3))
        problems = "\n".join(cf_problems(bad))
        for expected in ("no global attribute history", "occupancy: units 'count'", "p_clash: no long_name",
                         "ancillary variable no_such_variable", "draws/: Conventions outside the root group",
                         "draws/p_war: no units", "attribute draws is an 8-byte integer"):
            self.assertIn(expected, problems)

    def test_units_are_udunits(self):
        if shutil.which("udunits2") is None:
            self.skipTest("udunits2 not installed (Debian udunits-bin): units checked against the list only")
        for units in sorted(UNITS) + ["count"]:
            got = subprocess.run(["udunits2", "-H", units, "-W", ""], stdin=subprocess.DEVNULL, capture_output=True)
            self.assertEqual(got.returncode, 0, f"{units!r}: {got.stderr}")
        got = subprocess.run(["udunits2", "-H", "probability", "-W", ""], stdin=subprocess.DEVNULL, capture_output=True)
        self.assertNotEqual(got.returncode, 0, "udunits2 accepts anything: the check above proves nothing")

    def test_xarray_gives_the_start_date_and_the_horizon(self):
        with xr.open_dataset(self.files["run"]) as ds:
            self.assertEqual(ds["time"].values[0], np.datetime64(START))
            self.assertEqual(ds["time"].values[-1], np.datetime64(START) + np.timedelta64(365, "D"))
            self.assertEqual(ds["p_war_by_time"].dims, ("time",))
            at_horizon = ds["p_war_by_time"].sel(time="2023-11-15").item()
            self.assertEqual(at_horizon, ds["p_reached"].sel(phase="war").item())
            lo, hi = ds["p_war_by_time_interval"].sel(time="2023-11-15").values
            self.assertLessEqual(lo, at_horizon)
            self.assertLessEqual(at_horizon, hi)
        with xr.open_dataset(self.files["run"], decode_times=False) as raw:
            self.assertEqual(raw["time"].attrs["units"], f"days since {START} 00:00:00")
            self.assertEqual(list(raw["time"].values[:3]), [0, 5, 10])

    def test_comparison_groups_carry_their_own_time(self):
        # The dated config's group has dates; the undated one keeps whole days (not timedeltas).
        with xr.open_dataset(self.files["compare"], group="dated") as dated:
            self.assertEqual(dated["time"].values[0], np.datetime64(START))
        with xr.open_dataset(self.files["compare"], group="small") as undated:
            self.assertEqual(undated["time"].dtype.kind, "i")
            self.assertEqual(undated["time"].attrs["units"], "day")
            self.assertIn("start of the simulation", undated["time"].attrs["long_name"])

    def test_history_appends_each_command(self):
        with netCDF4.Dataset(self.files["merged"]) as nc:
            lines = nc.history.splitlines()
        self.assertEqual(len(lines), 3, lines)
        self.assertIn("--shard 1/2", lines[0])
        self.assertIn("--shard 2/2", lines[1])
        self.assertIn(" merge ", lines[2])
        for line in lines:
            self.assertRegex(line, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \S")
        with netCDF4.Dataset(self.files["resumed"]) as nc:
            lines = nc.history.splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertIn("--resume", lines[1])

    def test_intervals_are_linked_to_their_estimates(self):
        with netCDF4.Dataset(self.files["run"]) as nc:
            self.assertEqual(nc["p_war_by_time"].ancillary_variables.split()[0], "p_war_by_time_interval")
            self.assertIn("p_reached_interval", nc["p_reached"].ancillary_variables.split())
        with netCDF4.Dataset(self.files["sweep"]) as nc:
            self.assertEqual(nc["sweep/probability"].ancillary_variables, "interval")
            self.assertIn("paired_interval", nc["comparison/difference"].ancillary_variables.split())
            self.assertTrue(nc.title.startswith("Escalate sweep of restraint.institutions"))

    def test_ncdump_shows_dates_and_no_8_byte_attributes(self):
        out = subprocess.run(["ncdump", "-h", self.files["sweep"]], check=True, capture_output=True, text=True).stdout
        self.assertIn(f'time:units = "days since {START} 00:00:00"', out)
        self.assertIn(':Conventions = "CF-1.8"', out)
        self.assertIsNone(re.search(r"^\s*\S*:\w+ = -?\d+U?LL ;", out, re.M), "an 8-byte integer attribute")

    def test_files_of_the_previous_format_are_refused_with_a_reason(self):
        old = os.path.join(self.tmp.name, "format2.h5")
        shutil.copy(self.files["run"], old)
        with open(old, "r+b") as f:  # drop the seal (80 bytes), as any editing tool does
            f.truncate(os.path.getsize(old) - 80)
        with h5py.File(old, "a") as f:
            f.attrs["format_version"] = np.int32(2)
        got = subprocess.run([BIN, "summary", old], capture_output=True, text=True)
        self.assertEqual(got.returncode, 2, got.stderr)
        self.assertIn("result format 2 was written by an older engine", got.stderr)
        self.assertIn("time_days became time", got.stderr)


if __name__ == "__main__":
    unittest.main()

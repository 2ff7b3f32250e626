"""The pre-registered priors (configs/calibration/baseline-2026-prior.toml) and their table
(docs/priors.md) agree: every uncertain parameter of the config has one row and every row
names one, with the same distribution and its central 90% interval; the config keeps
baseline-2026's paths (the calibrator matches the record's windows by path), its incident
rates are not the fitted ones (the record would be counted twice), the parameters the
record cannot identify are marked so, and the engine accepts the config."""
import os
import re
import subprocess
import sys
import tomllib
import unittest

SRC = os.path.abspath(os.environ.get("ESCALATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))
BIN = os.environ.get("ESCALATE", os.path.join(SRC, "build", "release", "engine", "escalate"))
PRIOR = os.path.join(SRC, "configs", "calibration", "baseline-2026-prior.toml")
BASELINE = os.path.join(SRC, "configs", "baseline-2026.toml")
FITTED = os.path.join(SRC, "configs", "fitted", "baseline-fitted.toml")
TABLE = os.path.join(SRC, "docs", "priors.md")
# What the record (data/record.toml) does with a parameter: the table's last column starts so.
RECORD_WORDS = ("counts", "answers", "weakly", "little", "prior")
# No war in the record: these stay at their prior (docs/priors.md, "What the record can and
# cannot identify").
NOT_IDENTIFIED = ("response.intercept.3", "war.nuclear_use_rate_per_year", "war.ceasefire_rate_per_year")


def is_dist(value):
    return isinstance(value, dict) and "dist" in value


def merge(base, child):
    """docs/model.md section 15, "Derived configs": tables merge key by key, arrays and
    distribution tables are replaced whole."""
    out = dict(base)
    for key, value in child.items():
        if key in out and isinstance(value, dict) and isinstance(out[key], dict) \
                and not is_dist(value) and not is_dist(out[key]):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def chain(path):
    """The files of a config's `base` chain, the config first."""
    files = [os.path.abspath(path)]
    with open(path, "rb") as f:
        data = tomllib.load(f)
    if "base" in data:
        files += chain(os.path.join(os.path.dirname(path), data["base"]))
    return files


def resolve(path):
    data = {}
    for file in reversed(chain(path)):
        with open(file, "rb") as f:
            data = merge(data, tomllib.load(f))
    return data


def uncertain(config, prefix=""):
    """{path: distribution} as `escalate check` names them (array elements as `.i`; a
    disabled named table has none)."""
    found = {}
    for key, value in config.items():
        path = prefix + key
        if is_dist(value):
            found[path] = value
        elif isinstance(value, dict):
            if value.get("enabled", True) is not False and key != "set":
                found.update(uncertain(value, path + "."))
        elif isinstance(value, list):
            found.update({f"{path}.{i}": v for i, v in enumerate(value) if is_dist(v)})
    return found


def table_rows(text):
    """{path: (prior, interval, source, record)} from the rows of docs/priors.md whose first
    cell is a `code` path; a path given twice is an error."""
    rows = {}
    for line in text.splitlines():
        m = re.match(r"\|\s*`([^`]+)`\s*\|(.*)\|\s*$", line)
        if not m:
            continue
        cells = [c.strip() for c in m.group(2).split("|")]
        if len(cells) != 4:
            raise ValueError(f"docs/priors.md: the row of {m.group(1)} has {len(cells) + 1} cells, not 5")
        if m.group(1) in rows:
            raise ValueError(f"docs/priors.md: {m.group(1)} has two rows")
        rows[m.group(1)] = tuple(cells)
    return rows


def parse_prior(cell):
    """'gamma(shape=1.5, rate=0.375)' -> {'dist': 'gamma', 'shape': 1.5, 'rate': 0.375}"""
    m = re.fullmatch(r"(\w+)\((.*)\)", cell)
    if not m:
        raise ValueError(f"not a prior: {cell!r}")
    out = {"dist": m.group(1)}
    for item in m.group(2).split(","):
        key, value = item.split("=")
        out[key.strip()] = float(value)
    return out


def mismatches(config_paths, rows):
    """Paths without a row, and rows without a path: what the test reports."""
    return sorted(set(config_paths) - set(rows)), sorted(set(rows) - set(config_paths))


def quantiles(dist, probs):
    from scipy import stats
    kind = dist["dist"]
    if kind == "gamma":
        d = stats.gamma(dist["shape"], scale=1.0 / dist["rate"])
    elif kind == "beta":
        d = stats.beta(dist["a"], dist["b"])
    elif kind == "normal":
        d = stats.norm(dist["mean"], dist["sd"])
    elif kind == "lognormal":
        d = stats.lognorm(dist["sigma"], scale=dist["median"])
    elif kind == "uniform":
        d = stats.uniform(dist["low"], dist["high"] - dist["low"])
    elif kind == "triangular":
        width = dist["high"] - dist["low"]
        d = stats.triang((dist["mode"] - dist["low"]) / width, loc=dist["low"], scale=width)
    else:
        raise ValueError(kind)
    return d.ppf(probs)


class Priors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.priors = uncertain(resolve(PRIOR))
        with open(TABLE, encoding="utf-8") as f:
            cls.text = f.read()
        cls.rows = table_rows(cls.text)

    def test_every_uncertain_parameter_has_one_row_and_every_row_a_parameter(self):
        missing, extra = mismatches(self.priors, self.rows)
        self.assertEqual(missing, [], "uncertain in the config, no row in docs/priors.md")
        self.assertEqual(extra, [], "a row in docs/priors.md, not uncertain in the config")
        self.assertGreater(len(self.priors), 0)

    def test_the_check_finds_a_missing_and_a_stray_row(self):
        rows = {path: ("", "", "", "") for path in self.priors}
        gone = next(iter(rows))
        del rows[gone]
        rows["incident.no-such-type.accidental_rate.0"] = ("", "", "", "")
        self.assertEqual(mismatches(self.priors, rows), ([gone], ["incident.no-such-type.accidental_rate.0"]))

    def test_each_row_gives_the_configs_prior(self):
        for path, dist in self.priors.items():
            with self.subTest(path=path):
                self.assertIn(path, self.rows)
                written = parse_prior(self.rows[path][0])
                self.assertEqual(written["dist"], dist["dist"])
                self.assertEqual(set(written), set(dist))
                for key, value in dist.items():
                    if key != "dist":
                        self.assertAlmostEqual(written[key], value, delta=1e-5 * abs(value))

    def test_each_rows_interval_is_the_central_90_percent(self):
        try:
            import scipy  # noqa: F401
        except ImportError:
            self.skipTest("scipy is not installed for this python")
        for path, dist in self.priors.items():
            with self.subTest(path=path):
                self.assertIn(path, self.rows)
                m = re.fullmatch(r"\[(\S+), (\S+)\]", self.rows[path][1])
                self.assertIsNotNone(m, self.rows[path][1])
                for written, exact in zip(map(float, m.groups()), quantiles(dist, [0.05, 0.95])):
                    # three significant digits
                    self.assertAlmostEqual(written, exact, delta=max(5e-3 * abs(exact), 1e-12))

    def test_every_row_has_a_source_and_says_what_the_record_does(self):
        for path, (_, _, source, record) in self.rows.items():
            with self.subTest(path=path):
                self.assertTrue(source, "no source or judgement")
                self.assertTrue(record.startswith(RECORD_WORDS), record)
        for path in NOT_IDENTIFIED:
            self.assertIn(path, self.rows)
            self.assertTrue(self.rows[path][3].startswith("prior"), path)

    def test_same_paths_as_baseline_2026(self):
        self.assertEqual(sorted(self.priors), sorted(uncertain(resolve(BASELINE))))

    def test_incident_rates_are_not_the_fitted_ones(self):
        self.assertNotIn(os.path.abspath(FITTED), chain(PRIOR))
        fitted = uncertain(resolve(FITTED))
        rates = [p for p in self.priors if re.match(r"incident\.[\w-]+\.(accidental|deliberate)_rate\.\d$", p)]
        self.assertEqual(len(rates), 64)
        same = [p for p in rates if self.priors[p] == fitted.get(p)]
        self.assertEqual(same, [], "prior rates equal to the fitted config's")

    def test_the_engine_accepts_the_config_and_lists_the_same_parameters(self):
        if not os.access(BIN, os.X_OK):
            self.skipTest(f"no engine at {BIN}")
        done = subprocess.run([BIN, "check", PRIOR], capture_output=True, text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        listed = re.findall(r"^#   (\S+) ~ ", done.stdout, flags=re.M)
        self.assertEqual(sorted(listed), sorted(self.priors))
        self.assertEqual(sorted(listed), sorted(self.rows))


if __name__ == "__main__":
    unittest.main()

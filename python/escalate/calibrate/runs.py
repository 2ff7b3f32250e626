"""Running the engine and reading the parts of a result file the calibration uses.

A run with a shorter horizon is a derived config written to a temporary directory
(`base` = the absolute path of the config, [run] horizon_days = grid_days = the horizon).
Everything else, the seed included, is the config's, so trajectory (m, n) of the shorter
run is the first part of trajectory (m, n) of the longer one: the engine's random streams
depend only on (seed, m, n) and the output grid only observes (docs/model.md §3.4, §12).

For the same reason two configs run with the same seed share their chance events
trajectory by trajectory (common random numbers). A window run that is to weight a
forecast's draws must share the forecast's parameter draws but not its trajectories, or
the weights and the forecast's per-draw estimates carry the same noise and the weighted
mean is biased. independent_window() therefore runs the window with skip + n and with
skip trajectories per draw and keeps the difference: trajectories skip .. skip + n - 1,
none of which the forecast (trajectories 0 .. skip - 1) ran.
"""
import dataclasses
import datetime as dt
import os
import tempfile
import tomllib

import numpy as np

from .. import engine
from ..errors import EscalateError
from ..files import open as escalate_open
from ..files import reading
from ..reading import text

OUTCOMES = ("war", "clash", "nuclear")


def run_engine(config, out, draws=None, trajectories=None, threads=None, horizon_days=None):
    """`escalate run CONFIG -o OUT` (quiet, replacing OUT); with horizon_days, the same
    config cut short at that day. Raises EscalateError with the engine's message."""
    with tempfile.TemporaryDirectory(prefix="escalate-calibrate-") as tmp:
        cfg = os.path.abspath(config)
        if horizon_days is not None:
            cfg = os.path.join(tmp, "horizon.toml")
            with open(cfg, "w", encoding="utf-8") as f:
                f.write(f"schema = 2\nbase = {toml_string(os.path.abspath(config))}\n\n[run]\n"
                        f"horizon_days = {int(horizon_days)}\ngrid_days = {int(horizon_days)}\n")
        cmd = ["run", cfg, "-q", "--force", "-o", out]
        for flag, value in (("--draws", draws), ("--trajectories", trajectories), ("--threads", threads)):
            if value is not None:
                cmd += [flag, str(value)]
        engine.run(cmd, what=f"run {config}")


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclasses.dataclass
class RunDraws:
    """What the calibration reads from one run file (per draw m, trajectory-means)."""
    path: str
    seed: int
    draws: int
    trajectories: int
    horizon_days: int
    start: dt.date | None
    config_text: str
    config_path: str
    engine: str
    incident: list          # [K] names
    incidents: np.ndarray   # [M, K] incidents per trajectory
    decisions: np.ndarray   # [M, K, 5] decisions on incidents per trajectory, by rung
    p: dict                 # outcome -> [M] per-draw probability by the horizon
    pooled: dict            # outcome -> (mean, lo, hi) as the engine reported it
    parameter: list         # [P] paths of the uncertain parameters
    parameters: np.ndarray  # [M, P]

    @property
    def end(self):
        """The last day the run covers whole (day horizon_days - 1 from start_date)."""
        return self.start + dt.timedelta(days=self.horizon_days - 1) if self.start else None

    def resolved(self):
        return tomllib.loads(self.config_text)


def read_result(path):
    """The RunDraws of a run file (escalate.open checks it whole and refuses other kinds)."""
    with escalate_open(path).expect("run") as ef, reading(path):
        f = ef.h5
        a = f.attrs
        if int(a["complete"]) != 1:
            raise EscalateError(f"{path}: an incomplete run (complete = 0): finish it with escalate run --resume")
        if "draws/incident_decisions" not in f:
            raise EscalateError(f"{path}: written by an engine without draws/incident_decisions: run it again")
        phases = [text(x) for x in f["phase"][:]]
        war, nuclear = phases.index("war"), phases.index("nuclear")
        start = a.get("start_date")
        pooled = {
            "war": (float(f["p_reached"][war]), *map(float, f["p_reached_interval"][war])),
            "nuclear": (float(f["p_reached"][nuclear]), *map(float, f["p_reached_interval"][nuclear])),
            "clash": (float(f["p_clash"][()]), *map(float, f["p_clash_interval"][:])),
        }
        return RunDraws(
            path=path, seed=int(text(a["seed"])), draws=int(a["draws"]),
            trajectories=int(a["trajectories"]), horizon_days=int(a["horizon_days"]),
            start=dt.date.fromisoformat(text(start)) if start is not None else None,
            config_text=text(a["config"]), config_path=text(a.get("config_path", "")),
            engine=f"{text(a['engine_version'])} ({text(a['git_sha1'])})",
            incident=[text(x) for x in f["incident"][:]],
            incidents=f["draws/incidents"][:], decisions=f["draws/incident_decisions"][:],
            p={"war": f["draws/p_war"][:], "clash": f["draws/p_clash"][:],
               "nuclear": f["draws/p_nuclear"][:]},
            pooled=pooled,
            parameter=[text(x) for x in f["parameter"][:]],
            parameters=f["draws/parameters"][:].reshape(int(a["draws"]), -1))


def independent_window(config, folder, draws, skip, n, threads=None):
    """The window's per-draw results over trajectories skip .. skip + n - 1 only (see the
    module's docstring): a RunDraws whose tallies are the difference of two runs."""
    full = os.path.join(folder, "window.h5")
    run_engine(config, full, draws=draws, trajectories=skip + n, threads=threads)
    result = read_result(full)
    if skip == 0:
        return result
    shared = os.path.join(folder, "window-shared.h5")
    run_engine(config, shared, draws=draws, trajectories=skip, threads=threads)
    first = read_result(shared)

    def rest(a, b):
        counts = np.rint(np.asarray(a) * (skip + n)) - np.rint(np.asarray(b) * skip)
        if (counts < 0).any():
            raise EscalateError(f"{config}: a run with fewer trajectories counted more than one with more: "
                           "trajectories are not the same streams")
        return counts / n
    result.incidents = rest(result.incidents, first.incidents)
    result.decisions = rest(result.decisions, first.decisions)
    result.p = {o: rest(result.p[o], first.p[o]) for o in result.p}
    result.pooled = {}
    result.trajectories = n
    result.path = f"{full} minus {shared}"
    return result


def lookup(cfg, path):
    """The value at a parameter path ("incident.x.accidental_rate.3", "response.intercept.0",
    "event.e.set.incident.x.rate") in a resolved config, or None. Keys may contain dots
    (set paths), so the longest key that matches comes first."""
    node, rest = cfg, path
    while rest:
        if isinstance(node, list):
            head, _, rest = rest.partition(".")
            if not head.isdigit() or int(head) >= len(node):
                return None
            node = node[int(head)]
            continue
        if not isinstance(node, dict):
            return None
        for key in sorted(node, key=len, reverse=True):
            if rest == key or rest.startswith(key + "."):
                node, rest = node[key], rest[len(key) + 1:]
                break
        else:
            return None
    return node


def check_same_draws(a, b):
    """Parameter draw m must be the same draw in both runs: same seed and draws, and every
    parameter both have with the same distribution has bit-identical values. Returns
    (compared, skipped) path lists; raises EscalateError otherwise."""
    if (a.seed, a.draws) != (b.seed, b.draws):
        raise EscalateError(f"{a.path} (seed {a.seed}, {a.draws} draws) and {b.path} (seed {b.seed}, "
                       f"{b.draws} draws) do not share parameter draws: use the same seed and --draws")
    ca, cb = a.resolved(), b.resolved()
    compared, skipped = [], []
    for i, path in enumerate(a.parameter):
        if path not in b.parameter:
            continue
        j = b.parameter.index(path)
        if lookup(ca, path) != lookup(cb, path):
            skipped.append(path)     # drawn from different distributions: not the same parameter
            continue
        if not np.array_equal(a.parameters[:, i], b.parameters[:, j]):
            m = int(np.flatnonzero(a.parameters[:, i] != b.parameters[:, j])[0])
            raise EscalateError(f"{path}: draw {m} is {a.parameters[m, i]!r} in {a.path} but "
                           f"{b.parameters[m, j]!r} in {b.path}: the runs do not share draws")
        compared.append(path)
    if not compared:
        raise EscalateError(f"{a.path} and {b.path} share no uncertain parameter: nothing links the runs")
    return compared, skipped

"""The one reader of the files Escalate writes: `escalate.open(path)`.

    f = escalate.open("results/baseline-2022.h5")
    f.kind                      # 'run', 'comparison', 'sweep', 'sensitivity' or 'conditioned'
    f.dataset()                 # the root as an xarray Dataset
    f.dataset("draws")          # a group as an xarray Dataset
    f.results()                 # [Result]: the run, or every config of a comparison or sweep

Opening checks the file whole before anyone works with it: it exists, is an HDF5 file,
says it is an Escalate file (the `filetype` attribute), and every dataset reads back
(HDF5 verifies the Fletcher32 checksums of the chunks as it reads). A file that fails
raises EscalateError naming the file and the dataset: one line, exit status 2.
"""
import contextlib
import os

import h5py
import numpy as np

from .errors import EscalateError
from .intervals import wilson
from .reading import attr, config_name, draws_done, start_date, strings, text, time_axis

FILETYPES = {
    "escalate-results": "run",
    "escalate-comparison": "comparison",     # a sweep is a comparison with a `sweep` group
    "escalate-sensitivity": "sensitivity",
    "escalate-conditioned": "conditioned",   # written by escalate-condition
}
KINDS = ("run", "comparison", "sweep", "sensitivity", "conditioned")
MADE_BY = {"run": "escalate run", "comparison": "escalate compare", "sweep": "escalate sweep",
           "sensitivity": "escalate sensitivity", "conditioned": "escalate-condition"}


def _h5(path):
    if not os.path.lexists(path):
        raise EscalateError(f"{path}: no such file")
    if os.path.isdir(path):
        raise EscalateError(f"{path}: is a directory, not a result file")
    if not os.path.isfile(path):   # a FIFO or a device: never opened (it could block)
        raise EscalateError(f"{path}: is not a regular file, not a result file")
    try:
        return h5py.File(path, "r")
    except OSError as e:
        if not os.access(path, os.R_OK):
            raise EscalateError(f"{path}: cannot be read (permission denied)") from None
        raise EscalateError(f"{path}: not a readable HDF5 file, so not an Escalate result "
                            f"({str(e).split('(')[0].strip()})") from None


def _verify(path, f):
    """Reads every dataset once; a checksum or decoding failure names the dataset."""
    damaged = []

    def visit(name, obj):
        if damaged or not isinstance(obj, h5py.Dataset):
            return
        try:
            obj[()]
        except (OSError, ValueError, TypeError) as e:
            damaged.append((name, e))
    try:
        f.visititems(visit)
    except (OSError, RuntimeError, KeyError) as e:
        damaged.append(("(its structure)", e))
    if damaged:
        name, e = damaged[0]
        raise EscalateError(f"{path}: dataset {name} is damaged and cannot be read "
                            f"({' '.join(str(e).split())[:160]}); rerun the command that wrote it")


class EscalateFile:
    """One file of the engine (or of escalate-condition), open for reading."""

    def __init__(self, path, verify=True):
        self.path = path
        self.h5 = _h5(path)
        try:
            filetype = text(self.h5.attrs.get("filetype", ""))
            if filetype not in FILETYPES:
                raise EscalateError(f"{path}: not an Escalate file (filetype {filetype!r}; expected one of "
                                    f"{', '.join(FILETYPES)})")
            kind = FILETYPES[filetype]
            self.kind = "sweep" if kind == "comparison" and "sweep" in self.h5 else kind
            if verify:
                _verify(path, self.h5)
        except BaseException:
            self.h5.close()
            raise

    # -- what it is
    @property
    def stem(self):
        return os.path.splitext(os.path.basename(self.path))[0]

    @property
    def attrs(self):
        return self.h5.attrs

    def expect(self, *kinds):
        """Refuses a file of another kind: 'a sensitivity file (escalate sensitivity), where a
        run file is expected'. Returns self."""
        if self.kind not in kinds:
            wanted = " or ".join(f"a {k} file ({MADE_BY[k]})" for k in kinds)
            self.close()
            raise EscalateError(f"{self.path}: a {self.kind} file ({MADE_BY[self.kind]}), where {wanted} "
                                "is expected")
        return self

    def configs(self):
        """The config groups: [None] (the root) for a run, the names of a comparison or sweep."""
        if self.kind in ("comparison", "sweep"):
            return strings(self.h5["comparison/config"])
        return [None]

    # -- reading
    def dataset(self, group=None, **options):
        """The root, or a group ('draws', 'comparison', 'sweep', a config's name), as an
        xarray Dataset (loaded into memory; the file stays unchanged)."""
        import xarray as xr
        if group is not None and group not in self.h5:
            raise EscalateError(f"{self.path}: no group {group!r} (groups: "
                                f"{', '.join(k for k in self.h5 if isinstance(self.h5[k], h5py.Group))})")
        with xr.open_dataset(self.path, group=group, **options) as ds:
            return ds.load()

    def results(self):
        """[Result] of every config the file holds (the reference first)."""
        self.expect("run", "comparison", "sweep")
        with reading(self.path):
            if self.kind == "run":
                return [Result(self.h5, self.path, self.stem)]
            return [Result(self.h5[n], self.path, n) for n in self.configs()]

    def close(self):
        self.h5.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        a = self.h5.attrs if self.h5.id.valid else {}
        sizes = f", {int(a['draws'])} draws" if "draws" in a else ""
        return f"<escalate {self.kind} file {self.path}{sizes}>"


@contextlib.contextmanager
def reading(*paths):
    """Turns a dataset or attribute missing from a file (h5py's KeyError) into an
    EscalateError naming the file(s): a file of another engine version, or edited."""
    try:
        yield
    except KeyError as e:
        what = " ".join(str(e).strip("'\"").split())
        where = paths[0] if len(paths) == 1 else f"one of {', '.join(paths)}"
        raise EscalateError(f"{where}: lacks what this tool reads ({what}): written by another "
                            "version of the engine, or edited") from None


def open(path, verify=True):   # noqa: A001 - escalate.open, as the issue names it
    """Opens an Escalate file for reading (checked whole unless verify=False)."""
    return EscalateFile(os.fspath(path), verify=verify)




class Result:
    """One config's results: the root of a run file, or one config's group of a comparison or
    sweep (`g` is its h5py group; the file stays open while it is used)."""

    def __init__(self, g, path, fallback_name):
        self.g = g
        self.path = path
        self.name = config_name(g, fallback_name)
        self.days = time_axis(g)[:].astype(float)  # whole days from the start, as stored
        self.horizon = int(round(self.days[-1]))
        self.phases = strings(g["phase"])
        self.war = self.phases.index("war") if "war" in self.phases else len(self.phases) - 1
        self.start, self.start_source = start_date(g)
        self.draws_done, self.draws_planned, self.draws_source = draws_done(g)
        complete = attr(g, "complete")
        if complete is None and g is not g.file:
            complete = attr(g.file, "complete")
        self.complete = complete is None or int(complete) != 0
        self.trajectories_done = attr(g, "trajectories_done")
        self.trajectories_planned = attr(g, "trajectories_planned")
        self.shard = (int(attr(g, "shard_index", 0)), int(attr(g, "shard_count", 1)))   # index: 0-based

    @property
    def warning(self):
        """'' for a complete result, else the line every title of it carries."""
        if self.complete:
            return ""
        w = f"PARTIAL: {self.draws_done} of {self.draws_planned} draws"
        details = []
        if self.trajectories_done is not None and self.trajectories_planned:
            details.append(f"{int(self.trajectories_done):,} of {int(self.trajectories_planned):,} trajectories")
        details.append(f"shard {self.shard[0] + 1} of {self.shard[1]}" if self.shard[1] > 1 else "interrupted run")
        w += f" ({'; '.join(details)})"
        return w

    def record(self):
        return {"name": self.name, "complete": self.complete, "draws_done": self.draws_done,
                "draws_planned": self.draws_planned, "draws_counted_from": self.draws_source,
                "trajectories_done": None if self.trajectories_done is None else int(self.trajectories_done),
                "trajectories_planned": None if self.trajectories_planned is None else int(self.trajectories_planned),
                "warning": self.warning or None}

    def pooled_war(self):
        """Pooled P(war by t) and its 95% Monte Carlo band over both loops, as the engine wrote
        them (p_war_by_time); for older files, the pooled curve with a Wilson band (None if
        unknown), which ignores the spread between parameter draws."""
        if "p_war_by_time" in self.g and "p_war_by_time_interval" in self.g:
            return self.g["p_war_by_time"][:].astype(float), self.g["p_war_by_time_interval"][:].T.astype(float)
        p = self.g["reached"][:, self.war].astype(float)
        n = self.trajectories_done
        if n is None or int(n) <= 0:
            return p, None
        lo, hi = wilson(p, float(n))
        return p, np.vstack([lo, hi])


"""A posterior file whose draws of one parameter come from a prior with another centre, for
the sweep of the priors the record cannot touch (docs/calibration.md, "make forecast").

The draws are shifted, not drawn again: for a normal prior every draw moves by the change
of the mean (x + c - c0), for a lognormal prior every draw is scaled by the ratio of the
medians (x c / c0); the spread (sd, sigma) is kept. When the record leaves the parameter
at its prior (docs/priors.md: the war step and the nuclear hazard), its posterior draws are
draws of the prior, and the shifted draws are exactly draws of the shifted prior, still
paired with the same draws of every other parameter. Where the record does inform it a
little, the shift carries that update along. The derived file is a copy of the posterior
with that one column changed and attributes saying so; the input is never written."""
import os
import shutil

import h5py
import numpy as np

from ..errors import EscalateError
from ..reading import strings
from .series import load_toml

SHIFTS = {"normal": ("mean", lambda x, c0, c: x + (c - c0)),
          "lognormal": ("median", lambda x, c0, c: x * (c / c0))}


def prior_of(config_path, path, seen=()):
    """The distribution table a config (or its base chain) gives the parameter `path`
    ("response.intercept.3", "war.nuclear_use_rate_per_year")."""
    cfg = load_toml(config_path)
    node = cfg
    for part in path.split("."):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            node = None
            break
    if isinstance(node, dict) and "dist" in node:
        return node
    base = cfg.get("base")
    if node is None and base and config_path not in seen:
        return prior_of(os.path.join(os.path.dirname(config_path), base), path, seen + (config_path,))
    raise EscalateError(f"{config_path}: {path} is not an uncertain parameter (a {{ dist = ... }} table)")


def centre_of(prior, path):
    """(the key of its centre, the centre) of a normal or lognormal prior."""
    dist = prior.get("dist")
    if dist not in SHIFTS:
        raise EscalateError(f"{path}: a {dist} prior; the sweep shifts normal and lognormal priors only")
    key = SHIFTS[dist][0]
    return key, float(prior[key])


def write_shifted_posterior(source, target, path, prior, centre):
    """Copies the posterior file `source` to `target` with the draws of `path` moved from the
    prior's centre to `centre` (module docstring). Returns the new column."""
    if os.path.exists(target) and os.path.samefile(source, target):
        raise EscalateError(f"{target}: is the posterior itself: it is never overwritten")
    key, c0 = centre_of(prior, path)
    if prior["dist"] == "lognormal" and (centre <= 0 or c0 <= 0):
        raise EscalateError(f"{path}: a lognormal median must be positive, not {centre}")
    tmp = target + ".part"
    shutil.copyfile(source, tmp)
    try:
        with h5py.File(tmp, "r+") as f:
            names = strings(f["posterior/parameter"])
            if path not in names:
                raise EscalateError(f"{source}: the posterior holds no parameter {path}")
            j = names.index(path)
            values = f["posterior/parameters"]
            column = SHIFTS[prior["dist"]][1](np.asarray(values[:, j], dtype=float), c0, centre)
            values[:, j] = column
            # On the dataset, not the root: the root's string attributes are checksummed
            # by the engine (a derived file must still read as a posterior file).
            values.attrs["derived_from"] = os.path.abspath(source)
            values.attrs["derived_by"] = (f"escalate-forecast-sweep: {path} shifted from the prior {key} "
                                     f"{c0:g} to {centre:g} ({prior['dist']}, spread kept)")
        os.replace(tmp, target)
    except OSError as e:
        os.remove(tmp)
        raise EscalateError(f"{source}: not a readable posterior file ({str(e).split('(')[0].strip()})") from None
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return column

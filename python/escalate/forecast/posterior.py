"""The posterior predictive draws of a posterior file (`escalate calibrate -o`, layout in
docs/calibration.md "The posterior file"): check/observation names the rows and
check/predictive [draw, observation] holds one predictive draw per posterior draw."""
import os

import h5py
import numpy as np

from ..errors import EscalateError
from ..reading import strings


def predictive_draws(path):
    """{observation name: draws (1-D array)} from the file at `path`."""
    if not os.path.isfile(path):
        raise EscalateError(f"{path}: no such file (the posterior of `escalate calibrate`)")
    try:
        with h5py.File(path, "r") as f:
            if "check/observation" not in f or "check/predictive" not in f:
                raise EscalateError(f"{path}: no check/observation and check/predictive: not a posterior file")
            names = strings(f["check/observation"])
            draws = np.asarray(f["check/predictive"][()], dtype=float)
    except OSError as e:
        raise EscalateError(f"{path}: not a readable HDF5 file ({str(e).split('(')[0].strip()})") from None
    if draws.ndim != 2 or draws.shape[1] != len(names):
        raise EscalateError(f"{path}: check/predictive has shape {draws.shape}, not [draw, {len(names)}]")
    return {name: draws[:, j] for j, name in enumerate(names)}

"""`escalate run CONFIG --posterior FILE`: the forecast's outer loop from the posterior's
draws (issue 19 item 5), at a number of draws the posterior holds."""
import os

import h5py

from .. import engine
from ..errors import EscalateError


def posterior_draws(path):
    """The number of equally weighted draws in a posterior file."""
    if not os.path.isfile(path):
        raise EscalateError(f"{path}: no such file (the posterior of `escalate calibrate`)")
    try:
        with h5py.File(path, "r") as f:
            return int(f["posterior/parameters"].shape[0])
    except (OSError, KeyError) as e:
        raise EscalateError(f"{path}: not a posterior file ({str(e).split('(')[0].strip()})") from None


def run_with_posterior(config, posterior, output, draws, trajectories=None, threads=0):
    """Runs the engine; the result file is replaced (it is this tool's own output)."""
    args = ["run", config, "--posterior", posterior, "-o", output, "--draws", draws, "--force", "-q"]
    if trajectories:
        args += ["--trajectories", trajectories]
    if threads:
        args += ["--threads", threads]
    engine.run(args, what=f"run {config} --posterior {posterior}")
    return output

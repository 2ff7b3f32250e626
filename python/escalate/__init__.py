"""Escalate's Python package: one reader of the engine's files and the project's tools.

    import escalate
    f = escalate.open("results/baseline-2022.h5")     # checked whole; f.kind == "run"
    ds = f.dataset()                                   # xarray Dataset of the root
    draws = f.dataset("draws")                         # ... of a group

Subpackages: escalate.plots (figures), escalate.fit (the rate fit), escalate.calibrate
(the model against the record); escalate.tools holds the commands (escalate-plot, ...).
Errors are escalate.EscalateError: one line for the user and an exit status.
"""
from .errors import EscalateError  # noqa: F401
from .files import EscalateFile, Result, open  # noqa: F401,A004

__version__ = "1.0.0"

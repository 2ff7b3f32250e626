"""The engine's names of phases, rate phases and rungs, read from `escalate names --json`
(include/escalate/base/names.hpp is their one home; the package never copies them). The
engine is $ESCALATE, else `escalate` on PATH; when it cannot be found or run, an
EscalateError says so (exit 2). Read once per process."""
import functools
import json

from . import engine
from .errors import EscalateError

KEYS = ("phases", "rate_phases", "rungs")


@functools.lru_cache(maxsize=1)
def engine_names():
    """The JSON object `escalate names --json` prints."""
    text = engine.run(["names", "--json"], what="names --json")
    try:
        names = json.loads(text)
    except ValueError:
        raise EscalateError(f"{engine.binary()} names --json: its output is not JSON") from None
    missing = [k for k in KEYS if not isinstance(names.get(k), list)]
    if missing:
        raise EscalateError(f"{engine.binary()} names --json: no {', '.join(missing)} (an older engine?)")
    return names


def phases():
    """All phases in the engine's order: dormant ... war, nuclear."""
    return list(engine_names()["phases"])


def rate_phases():
    """The phases an incident rate array is given for, in the config's element order."""
    return list(engine_names()["rate_phases"])


def rungs():
    """The rungs of the escalation ladder in the engine's order."""
    return list(engine_names()["rungs"])

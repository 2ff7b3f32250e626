"""The `escalate` binary: found through $ESCALATE, else on PATH; run with its message
turned into an EscalateError instead of a traceback."""
import os
import shutil
import subprocess

from .errors import EscalateError

HINT = ("build it (cmake --preset release && cmake --build --preset release) and set "
        "ESCALATE=build/release/engine/escalate, or install it on PATH (cmake --install)")


def binary():
    """The path of the engine: $ESCALATE if set, else `escalate` on PATH."""
    path = os.environ.get("ESCALATE")
    if path:
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            raise EscalateError(f"ESCALATE={path}: not an executable file; {HINT}")
        return path
    found = shutil.which("escalate")
    if found is None:
        raise EscalateError(f"no escalate binary: $ESCALATE is not set and none is on PATH; {HINT}")
    return found


def run(args, what=None):
    """Runs `escalate ARGS...`; returns its stdout. A failure raises EscalateError with the
    engine's own message and the engine's exit status (2 for bad input, 1 for I/O)."""
    command = [binary()] + [str(a) for a in args]
    try:
        r = subprocess.run(command, capture_output=True, text=True, errors="replace")
    except OSError as e:
        raise EscalateError(f"{command[0]}: cannot run it ({e.strerror})", 1) from None
    if r.returncode != 0:
        message = r.stderr.strip().splitlines()
        detail = message[-1] if message else f"no message, exit {r.returncode}"
        code = r.returncode if r.returncode in (1, 2) else 2
        raise EscalateError(f"escalate {what or ' '.join(map(str, args[:2]))} failed (exit {r.returncode}): {detail}", code)
    return r.stdout

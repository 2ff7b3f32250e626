"""The one error type of the Python tools and the one main() wrapper around them.

The contract is the engine's (docs/reliability.md): bad input (a missing, damaged or
foreign file, a malformed data row, an output that exists or is a directory) gives one
clear line naming the file (and line and key where they apply) and exit status 2; a
failure to write gives exit status 1; nothing is written on refusal; never a traceback.
"""
import os
import sys

BAD_INPUT = 2
IO_FAILURE = 1
INTERRUPTED = 130


class EscalateError(Exception):
    """A refusal or failure the user can act on: one line, and the exit status to give."""

    def __init__(self, message, exit_code=BAD_INPUT):
        super().__init__(message)
        self.exit_code = exit_code


def one_line(text, limit=600):
    """`text` on one line, cut to `limit` characters (engine messages can be long)."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[:limit - 3] + "..."


def run_main(prog, body, argv=None):
    """Calls body(argv) and turns every failure into one line on stderr and an exit status:
    EscalateError -> its own (2 or 1), an OSError (writing, reading) -> 1, Ctrl-C -> 130.
    Anything else is a bug: one line saying so, exit 3 (ESCALATE_DEBUG=1 shows the traceback)."""
    try:
        return body(sys.argv[1:] if argv is None else list(argv)) or 0
    except EscalateError as e:
        print(f"{prog}: error: {one_line(e)}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        return IO_FAILURE
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        print(f"{prog}: error: {where}{one_line(e.strerror or e)}", file=sys.stderr)
        return IO_FAILURE
    except Exception as e:  # noqa: BLE001 - the last line of defence: no traceback for users
        if os.environ.get("ESCALATE_DEBUG"):
            raise
        print(f"{prog}: internal error: {type(e).__name__}: {one_line(e)} "
              "(please report it; ESCALATE_DEBUG=1 shows where)", file=sys.stderr)
        return 3

"""The one check of a path a tool is about to write, made before any work: it is not a
directory, its folder exists, it is not one of the inputs, and it does not exist unless
replacing it is allowed (--force, or a file the tool regenerates by design)."""
import os

from .errors import EscalateError


def check_target(path, force=False, inputs=(), option="-o"):
    """Raises EscalateError (exit 2) when writing `path` is refused; returns it otherwise."""
    if path is None or path == "":
        raise EscalateError(f"{option}: an empty path")
    if os.path.isdir(path):
        raise EscalateError(f"{path} ({option}) is a directory: name the file to write")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise EscalateError(f"{path} ({option}): the directory {folder} does not exist")
    target = os.path.realpath(path)
    for p in inputs:
        if p and os.path.exists(p) and os.path.realpath(p) == target:
            raise EscalateError(f"{path} ({option}) is an input of this command: it is never overwritten")
    if os.path.exists(path) and not force:
        raise EscalateError(f"{path} ({option}) exists (use --force to replace it)")
    return path


def check_folder(path, option="-o"):
    """A folder to write figures into: an existing directory, or one whose parent exists
    (created only once everything has been drawn). Raises EscalateError otherwise."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise EscalateError(f"{path} ({option}) exists and is not a directory: name a directory for the figures")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise EscalateError(f"{path} ({option}): the directory {parent} does not exist")
    return path

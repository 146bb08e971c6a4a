"""Writing reports to files: checked before the run, written atomically.

``problem`` says why an output path cannot be written, so that a run stops before any work (and
creates nothing) instead of failing after it. ``write`` puts the data in a temporary file in the
target's own folder, flushes it to disk, then renames it over the target (``os.replace``): a
failure or a kill part-way leaves the previous file whole, never an empty or half-written one. A
target that is not a regular file (``/dev/stdout``, a pipe) is written in place; a link is
followed, so the file it points at is replaced, not the link.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def problem(path: Path, folder: bool = False) -> str | None:
    """Why ``path`` cannot be written (None when it can); ``folder``: a folder may be given, or
    created (with its parents) where none is."""
    kind = _kind(path)
    if kind is not None and not stat.S_ISREG(kind) and not stat.S_ISDIR(kind):  # a device or a pipe
        return None if os.access(path, os.W_OK) else f"{path} is not writable"
    target = Path(os.path.realpath(path))
    if target.is_dir():
        return None if folder and os.access(target, os.W_OK) else (
            f"{path} is a folder, not writable" if folder else f"{path} is a folder; give a file name")
    parent = target.parent
    if folder and target.suffix.lower() != ".docx":
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
    if not parent.is_dir():
        return f"no folder {parent} to write {path} in"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"cannot write in the folder {parent}"
    if target.exists() and not os.access(target, os.W_OK):
        return f"{path} is not writable"
    return None


def write(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` atomically: a temporary file in the same folder,
    then a rename over the target, keeping the target's permissions."""
    content = data.encode("utf-8") if isinstance(data, str) else data
    kind = _kind(path)
    if kind is not None and not stat.S_ISREG(kind):  # a device or a pipe (/dev/stdout): nothing to replace
        with open(path, "wb") as stream:
            stream.write(content)
        return
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode) if kind is not None else _new_file_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _kind(path: Path) -> int | None:
    """The mode bits of what ``path`` leads to (links followed), None when nothing is there."""
    try:
        return os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None


def _new_file_mode() -> int:
    """The permissions a new file gets under the process's umask (as ``open`` would give)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

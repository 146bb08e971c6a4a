"""Writing reports to files: checked before the run, written atomically.

``problem`` says why an output path cannot be written, so that a run stops before any work (and
creates nothing) instead of failing after it. ``write`` puts the data in a temporary file in the
target's own folder, flushes it to disk, then renames it over the target (``os.replace``): a
failure or a kill part-way leaves the previous file whole, never an empty or half-written one. A
target that is not a regular file (``/dev/stdout``, a pipe) is written in place; a link is
followed, so the file it points at is replaced, not the link. The data may come in pieces (an
iterable of bytes, a report written as it is made): each goes to the file as it comes.

The temporary file is ``.NAME.PID.XXXXXXXX.tmp`` (the writer's process id, eight hex digits). A
writer killed part-way leaves it behind; the next write of NAME removes those whose process is no
longer alive (each folder is listed once per process, so writing many files into one folder stays
linear).
"""
from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp")
_stale: dict[Path, dict[str, list[tuple[int, str]]]] = {}  # folder → target name → (pid, temporary file)


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


def write(path: Path, data: str | bytes | Iterable[bytes]) -> None:
    """Write ``data`` (text as UTF-8, or pieces of bytes) to ``path`` atomically: a temporary file
    in the same folder, then a rename over the target, keeping the target's permissions."""
    pieces = [data.encode("utf-8")] if isinstance(data, str) else [data] if isinstance(data, bytes) else data
    kind = _kind(path)
    if kind is not None and not stat.S_ISREG(kind):  # a device or a pipe (/dev/stdout): nothing to replace
        with open(path, "wb") as stream:
            stream.writelines(pieces)
        return
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode) if kind is not None else _new_file_mode()
    _remove_stale(target)
    handle, temporary = _temporary(target)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(pieces)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _temporary(target: Path) -> tuple[int, str]:
    """A new temporary file beside ``target``, open for writing, and its path."""
    while True:
        path = str(target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), path
        except FileExistsError:
            continue


def _remove_stale(target: Path) -> None:
    """Remove the temporary files of ``target`` that writers no longer alive left behind."""
    folder = target.parent
    if folder not in _stale:
        _stale[folder] = {}
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                match = _TEMPORARY.fullmatch(entry.name)
                if match:
                    _stale[folder].setdefault(match["name"], []).append((int(match["pid"]), entry.path))
    for pid, path in _stale[folder].pop(target.name, []):
        if not _alive(pid):
            with contextlib.suppress(OSError):
                os.unlink(path)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (this one counts: another thread may be writing)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, another user's
        return True
    return True


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

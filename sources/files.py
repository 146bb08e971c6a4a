"""What kind of thing a path is, reading only regular files (never a FIFO, a device or a socket,
which could block or never end), at most ``MAX_BYTES`` of them; and how to show a file name
that is not valid UTF-8."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_BYTES = 64 * 1024 * 1024  # a larger input is not a report: it is refused, not read
_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


class NotReadable(OSError):
    """A path that is not a regular file of a readable size; the message says what it is."""


def not_regular(path: Path) -> str | None:
    """Why ``path`` is not a regular file to read (a FIFO, a device, a broken or looping link, a
    file too large …), or None when it is one."""
    try:
        info = path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop"
        if error.errno == errno.ENOENT and path.is_symlink():
            return f"a broken symbolic link (to {display(os.readlink(path))})"
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(info.st_mode):
        return f"too large: {info.st_size:,} bytes (at most {MAX_BYTES:,})" if info.st_size > MAX_BYTES else None
    kind = next((what for test, what in _KINDS if test(info.st_mode)), "not a regular file")
    return f"not a regular file: {kind}" + (f" (a link to {display(os.readlink(path))})" if path.is_symlink() else "")


def read_regular(path: Path) -> bytes:
    """The bytes of the regular file ``path``; ``NotReadable`` for anything else."""
    if reason := not_regular(path):
        raise NotReadable(f"{display(str(path))}: {reason}")
    data = path.read_bytes()
    if len(data) > MAX_BYTES:  # grew since it was looked at
        raise NotReadable(f"{display(str(path))}: too large (at most {MAX_BYTES:,} bytes)")
    return data


def display(name: str) -> str:
    """``name`` as valid UTF-8 text: the bytes of a name that is not UTF-8 (kept by Python as lone
    surrogates) shown as backslash escapes, ``bad\\xff.txt``."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file system gave
        return name.encode("utf-8", "backslashreplace").decode("utf-8")

"""Work in a forked copy of this process, its output written into an unnamed temporary file.

    with forked(lambda spool: spool.write(make())) as copy:
        mine = make_mine()            # an exception here kills the copy, and is raised
        if copy.wait():               # the copy's work returned: its output is in copy.spool
            theirs = read(copy.spool)
        else:                         # no copy (off Linux, no file, no fork), or it failed
            theirs = make()

The copy shares this process's memory until it writes to it, so nothing is pickled on the way
in. It moves what it inherits out of the cyclic collector's passes (``gc.freeze``: a pass would
copy every page it writes), runs the work, flushes the spool and leaves with ``os._exit``: none of
this process's exit handlers or buffers run twice, and the copy does not linger until its output
is read. A work that raises, or a copy that is killed, leaves ``wait`` False: the caller makes
the output itself, so a result never depends on where it was made. The spool is opened before
the fork and closed on leaving the block (it has no name: nothing is left on disk).
"""
from __future__ import annotations

import gc
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

FAILED = 1  # the copy's exit status when its work raised


@dataclass
class Copy:
    """A forked copy of this process at work (``pid`` None: there is none), writing ``spool``
    (None: no file could be opened); ``status`` is its exit status once it has left."""

    spool: IO[bytes] | None
    pid: int | None
    status: int | None = None

    def wait(self) -> bool:
        """Wait for the copy to leave; whether its work returned (False when there was no copy)."""
        if self.pid is None:
            return False
        if self.status is None:
            self.status = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.status == 0

    def kill(self) -> None:
        """Stop the copy at once (``wait`` then reaps it)."""
        if self.pid is not None and self.status is None:
            os.kill(self.pid, signal.SIGKILL)


@contextmanager
def forked(work: Callable[[IO[bytes]], object]) -> Iterator[Copy]:
    """``work(spool)`` run in a forked copy of this process while the block runs here (Linux
    only); on leaving the block the copy has left too (killed first when the block raised)."""
    if not sys.platform.startswith("linux"):
        yield Copy(None, None)
        return
    try:
        spool = tempfile.TemporaryFile()
    except OSError:
        yield Copy(None, None)
        return
    with spool:
        try:
            pid = os.fork()
        except OSError:
            pid = None
        if pid == 0:
            _run(work, spool)
        copy = Copy(spool, pid)
        try:
            yield copy
        except BaseException:
            copy.kill()
            raise
        finally:
            copy.wait()


def _run(work: Callable[[IO[bytes]], object], spool: IO[bytes]) -> None:
    """In the copy: the work, its output flushed; the copy leaves either way, without this
    process's exit handlers."""
    status = FAILED
    gc.freeze()
    try:
        work(spool)
        spool.flush()
        status = 0
    finally:
        os._exit(status)

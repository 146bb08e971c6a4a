"""Progress on standard error for the long stages of a run: reading, aligning, checking, rendering.

A ``Stages`` is what the pipeline's ``progress`` parameters take: ``stages(description, items,
total)`` gives the items back, with a transient bar while they are consumed when bars are shown.
Stage names are shown in the run's language (``reports.notes``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TypeVar

from rich.console import Console

from reports.notes import words

T = TypeVar("T")


@dataclass(frozen=True)
class Stages:
    """Bars when ``shown`` (a terminal and a run big enough to wait for), otherwise nothing;
    stages named in ``language``."""

    shown: bool = False
    language: str = "both"

    def name(self, stage: str) -> str:
        """How the stage ``stage`` ("reading", "aligning" …) is named on the bar (a stage the notes
        do not name, as it is given)."""
        try:
            return words(stage, self.language)
        except KeyError:
            return stage

    def __call__(self, description: str, items: Iterable[T], total: int) -> Iterable[T]:
        if not self.shown:
            return items
        from rich.progress import track

        return track(items, description=self.name(description), total=total, console=_console(), transient=True)

    @contextmanager
    def status(self, description: str) -> Iterator[None]:
        """A spinner while one long call (rendering) runs."""
        with _console().status(self.name(description)) if self.shown else nullcontext():
            yield


def unshown(description: str, items: Iterable[T], total: int) -> Iterable[T]:
    """No progress: the items as they are."""
    return items


def _console() -> Console:
    return Console(stderr=True)

"""Map positions in a derived text (extracted, normalized) back to the original text.

Every character of a derived text remembers the span of original characters it came from, so a
match found in the normalized view can be reported at the exact characters of the file.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class OffsetMap:
    """Per-character origin spans: derived char ``i`` came from ``original[starts[i]:ends[i]]``.

    A character inserted by the pipeline (a line break between HTML blocks) has an empty span at
    the place it stands for.
    """

    starts: np.ndarray
    ends: np.ndarray

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        starts = np.arange(length, dtype=np.int32)
        return cls(starts, starts + 1)

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` covering derived characters ``start..end`` (end exclusive)."""
        if end <= start:
            position = int(self.starts[start]) if start < len(self.starts) else self.end_of_text()
            return position, position
        return int(self.starts[start]), int(self.ends[end - 1])

    def spans(self, starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
        """``span`` of every ``(starts[k], ends[k])``, at once: the original starts and the ends."""
        begin, stop = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        if (stop <= begin).any():
            return _one_by_one(self, starts, ends)
        return self.starts[begin].tolist(), self.ends[stop - 1].tolist()

    def end_of_text(self) -> int:
        return int(self.ends[-1]) if len(self.ends) else 0

    def keep(self, mask: np.ndarray) -> OffsetMap:
        """The map of a text made by keeping only the characters where ``mask`` is true."""
        return OffsetMap(self.starts[mask], self.ends[mask])

    def compact(self) -> Runs:
        """The same map as runs (``Runs``), a few numbers for a text copied from its file."""
        return Runs.of(self)


def deletion_mask(length: int, spans: list[tuple[int, int]]) -> np.ndarray:
    """A keep-mask of ``length`` characters with every ``(start, end)`` span removed."""
    mask = np.ones(length, dtype=bool)
    for start, end in spans:
        mask[start:end] = False
    return mask


@dataclass(frozen=True)
class Runs:
    """An ``OffsetMap`` kept as runs, for the documents a run holds: a run of copied characters
    (derived ``at + k`` came from original ``origin + k``, one character each) is three numbers
    however long it is; any other character (an entity, an inserted break) is a run of its own with
    its ``end``. A plain-text file is one run instead of two arrays of its length."""

    at: array  # where each run starts in the derived text
    origin: array  # the original position of its first character
    end: array  # a single character's original end; -1 for a run of copied characters
    length: int

    @classmethod
    def of(cls, offsets: OffsetMap) -> Runs:
        starts, ends = offsets.starts.astype(np.int64), offsets.ends.astype(np.int64)
        copied = ends == starts + 1
        follows = np.zeros(len(starts), dtype=bool)
        follows[1:] = copied[1:] & copied[:-1] & (starts[1:] == starts[:-1] + 1)
        at = np.flatnonzero(~follows)
        end = np.where(copied[at], -1, ends[at])
        return cls(array("q", at.tolist()), array("q", starts[at].tolist()), array("q", end.tolist()), len(starts))

    def __len__(self) -> int:
        return self.length

    def _start(self, i: int) -> int:
        run = bisect_right(self.at, i) - 1
        return self.origin[run] + (i - self.at[run] if self.end[run] < 0 else 0)

    def _end(self, i: int) -> int:
        run = bisect_right(self.at, i) - 1
        return self.origin[run] + i - self.at[run] + 1 if self.end[run] < 0 else self.end[run]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` covering derived characters ``start..end`` (end exclusive)."""
        if end <= start:
            position = self._start(start) if start < self.length else self.end_of_text()
            return position, position
        return self._start(start), self._end(end - 1)

    def spans(self, starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
        """``span`` of every ``(starts[k], ends[k])``, at once: the original starts and the ends."""
        begin, last = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64) - 1
        if (last < begin).any():
            return _one_by_one(self, starts, ends)
        at, origin, end = (np.frombuffer(column, dtype=np.int64) for column in (self.at, self.origin, self.end))
        first, final = np.searchsorted(at, begin, side="right") - 1, np.searchsorted(at, last, side="right") - 1
        opening = origin[first] + np.where(end[first] < 0, begin - at[first], 0)
        closing = np.where(end[final] < 0, origin[final] + last - at[final] + 1, end[final])
        return opening.tolist(), closing.tolist()

    def end_of_text(self) -> int:
        return self._end(self.length - 1) if self.length else 0


def _one_by_one(offsets: OffsetMap | Runs, starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
    """``offsets.spans`` when a span is empty (its own rule, ``span``'s)."""
    found = [offsets.span(start, end) for start, end in zip(starts, ends, strict=True)]
    return [start for start, _ in found], [end for _, end in found]

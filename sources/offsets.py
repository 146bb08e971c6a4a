"""Map positions in a derived text (extracted, normalized) back to the original text.

Every character of a derived text remembers the span of original characters it came from, so a
match found in the normalized view can be reported at the exact characters of the file.
"""
from __future__ import annotations

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

    def end_of_text(self) -> int:
        return int(self.ends[-1]) if len(self.ends) else 0

    def keep(self, mask: np.ndarray) -> OffsetMap:
        """The map of a text made by keeping only the characters where ``mask`` is true."""
        return OffsetMap(self.starts[mask], self.ends[mask])


def deletion_mask(length: int, spans: list[tuple[int, int]]) -> np.ndarray:
    """A keep-mask of ``length`` characters with every ``(start, end)`` span removed."""
    mask = np.ones(length, dtype=bool)
    for start, end in spans:
        mask[start:end] = False
    return mask

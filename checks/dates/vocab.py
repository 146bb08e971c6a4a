"""The history words of DT01 (``data/history_words.txt``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from vocab.files import data_lines


@dataclass(frozen=True)
class HistoryWords:
    words: tuple[str, ...]  # anywhere near the date in its sentence
    frames: tuple[tuple[str, str], ...]  # right before and right after it (自…起)


@cache
def history_words() -> HistoryWords:
    words, frames = [], []
    for line in data_lines("checks.dates", "history_words.txt"):
        if "…" in line:
            before, _, after = line.partition("…")
            frames.append((before, after))
        else:
            words.append(line)
    return HistoryWords(tuple(words), tuple(frames))

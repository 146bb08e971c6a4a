"""The own words of the Markdown and JUnit reports, in the run's language (``view.language``).

A label is a pair [Chinese, English]: the reports' own (``data/report_labels.json``) or one they
share with the HTML report (``data/html_labels.json``) or the terminal (the ``[zh]`` and ``[en]``
tables of ``data/terminal.toml``). Under "zh" or "en" a label is that language's; under "both" it
reads Chinese, then English: "错误 / errors".
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from vocab.files import error, read_text, toml_data

OWN = "report_labels.json"
SHARED = "html_labels.json"


def _pairs_of(name: str) -> dict[str, tuple[str, str]]:
    return {key: tuple(pair) for key, pair in json.loads(read_text("reports", name)).items()
            if not key.startswith("_")}


@cache
def pairs() -> dict[str, tuple[str, str]]:
    """Every label by key, [Chinese, English]. A key of the reports' own file that the shared
    files already have is an error: the shared word is the one to use."""
    terminal = toml_data("reports", "terminal.toml")
    shared = {key: (terminal["zh"][key], text) for key, text in terminal["en"].items() if isinstance(text, str)}
    shared |= _pairs_of(SHARED)
    own = _pairs_of(OWN)
    if clash := sorted(own.keys() & shared.keys()):
        raise error("reports", OWN, None, f"{', '.join(clash)}: already in {SHARED} or terminal.toml")
    return shared | own


@dataclass(frozen=True)
class Labels:
    """The labels in ``language``: "zh", "en" or "both"."""

    language: str

    def __call__(self, key: str, **fields: object) -> str:
        """The label ``key``, its ``str.format`` fields filled in."""
        zh, en = (text.format(**fields) for text in pairs()[key])
        return {"zh": zh, "en": en}.get(self.language, f"{zh} / {en}")

    def lead(self, key: str) -> str:
        """The label ``key`` before what it names: "原文：", "text: ", "原文 / text: "."""
        return _lead(self.language, key)

    def each(self, make: Callable[[Labels], str]) -> str:
        """A text made of labels of one language, ``make(labels)``: under "both" made in Chinese,
        then in English, joined by " / " (for a sentence whose fields are labels themselves)."""
        if self.language in ("zh", "en"):
            return make(self)
        return " / ".join(make(Labels(language)) for language in ("zh", "en"))


@cache
def _lead(language: str, key: str) -> str:
    return Labels(language)(key) + ("：" if language == "zh" else ": ")

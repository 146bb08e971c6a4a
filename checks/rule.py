"""The rule base class: id, name, family, default severity, options, bilingual messages, docs.

A rule's docstring opens with a one-line summary and has the sections ``What it does``,
``Why is this bad?``, ``Example`` and ``Use instead`` (real Chinese examples); the summary is
the rule's description everywhere (``run-checks rules``, reports, SARIF help).
"""
from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")
LANGUAGES = ("both", "zh", "en")
_SECTION = re.compile(rf"^({'|'.join(map(re.escape, DOC_SECTIONS))})\s*$", re.MULTILINE)


class Rule:
    """Base class of every rule (not itself a rule)."""

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    default_severity: ClassVar[Severity]
    options: ClassVar[Mapping[str, Any]] = MappingProxyType({})
    messages: ClassVar[Mapping[str, str]]  # "zh" and "en" templates, str.format fields

    def __init__(self, severity: Severity | None = None, options: Mapping[str, Any] | None = None,
                 language: str = "both") -> None:
        self.severity = severity or self.default_severity
        self.settings = {**self.options, **(options or {})}
        self.language = language

    def check(self, corpus: Corpus) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, doc: str, start: int, end: int, *, claims: Iterable[str] = (),
                related: Iterable[Location] = (), evidence: Mapping[str, Any] | None = None,
                **fields: Any) -> Finding:
        """A finding of this rule, its message formatted from ``fields`` in the chosen language."""
        return Finding(self.code, self.name, self.severity, self.message(**fields), doc, start, end,
                       tuple(claims), tuple(related), MappingProxyType(dict(evidence or {})))

    def message(self, **fields: Any) -> str:
        zh, en = (self.messages[lang].format(**fields) for lang in ("zh", "en"))
        return {"zh": zh, "en": en}.get(self.language, f"{zh} / {en}")

    @classmethod
    def summary(cls) -> str:
        return inspect.getdoc(cls).split("\n", 1)[0]

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring's sections by title (missing ones are absent)."""
        text = inspect.getdoc(cls) or ""
        parts = _SECTION.split(text)
        return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}

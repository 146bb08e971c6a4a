"""The finding record: what a rule found, where, and the evidence side by side."""
from __future__ import annotations

import copyreg
from dataclasses import dataclass, field
from enum import IntEnum
from types import MappingProxyType
from typing import Any

from vocab.records import compact

LISTED = 5  # other claims a cross-document finding lists (claims, related, evidence); the evidence counts all


def _frozen_mapping(mapping: MappingProxyType) -> tuple:
    """A read-only mapping pickles as the dict it shows (findings come back from a forked checker)."""
    return frozen, (dict(mapping),)


def frozen(items: dict[str, Any]) -> MappingProxyType:
    """A read-only view of ``items``."""
    return MappingProxyType(items)


copyreg.pickle(MappingProxyType, _frozen_mapping)


class Severity(IntEnum):
    """How bad a finding is; ordered so that ``severity >= threshold`` compares."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}; use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


@compact
@dataclass(frozen=True, slots=True)
class Location:
    """A labelled place in a document: ``original[start:end]`` of document ``doc``; ``label`` in
    English ("stated as 14 here"), ``label_zh`` in Chinese ("此处为14")."""

    doc: str
    start: int
    end: int
    label: str = ""
    label_zh: str = ""

    def text(self, language: str) -> str:
        """The label in ``language`` (zh, en or both: "此处为14 / stated as 14 here")."""
        if language == "en" or not self.label_zh:
            return self.label
        if language == "zh" or not self.label:
            return self.label_zh
        return f"{self.label_zh} / {self.label}"


@compact
@dataclass(frozen=True, slots=True)
class Edit:
    """A change that fixes a finding: ``original[start:end]`` of its document becomes ``replacement``."""

    start: int
    end: int
    replacement: str = ""


@compact
@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: the rule, how bad, why (message), where, the claims involved, the related
    places in other documents (each labelled, e.g. "stated as 14 here"; at most ``LISTED`` of
    them for a fact of many copies, the rest counted in ``unlisted``), the evidence (values,
    intervals, alignment score, tolerance) as a read-only mapping, and the edits that fix it when
    a fix is unambiguous."""

    rule: str
    name: str
    severity: Severity
    message: str
    doc: str
    start: int
    end: int
    claims: tuple[str, ...] = ()
    related: tuple[Location, ...] = ()
    evidence: MappingProxyType[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    fix: tuple[Edit, ...] = ()  # the edits that fix it, when the fix is unambiguous (a gloss, a spam run)
    unlisted: int = 0  # related places left out of ``related`` (a fact stated by hundreds of copies), counted

    @property
    def related_count(self) -> int:
        """How many related places the finding stands for, listed or not."""
        return len(self.related) + self.unlisted

    def sort_key(self) -> tuple:
        return self.doc, self.start, self.end, self.rule, self.claims

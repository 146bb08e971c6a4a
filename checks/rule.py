"""The rule base classes: id, name, family, default severity, options, bilingual messages, docs.

A rule subclasses the base for what it looks at, and the engine does the walking:
``ClaimRule.check_claim`` is called for each claim (of ``kinds``), ``DocumentRule.check_document``
for each readable document with its claims, ``FactRule.check_fact`` for each fact (claims of
different documents aligned as statements of the same thing), ``RestatementRule.check_restatement``
for each figure of a sentence copied across documents, and ``CorpusRule.check_corpus`` once. A
rule's family is the package it lives in (``checks/<family>/<rule>.py``).

A rule's docstring opens with a one-line summary and has the sections ``What it does``,
``Why is this bad?``, ``Example`` and ``Use instead`` (real Chinese examples); the summary is
the rule's description everywhere (``run-checks rules``, reports, SARIF help). The Chinese
summary and sections (作用, 为何要改, 示例, 应改为) are ``checks/data/rule_docs_zh.toml``, one table
per rule; the first line of 应改为 is the advice itself, the review sheet's 建议.
"""
from __future__ import annotations

import inspect
import re
import tomllib
from collections.abc import Container, Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

from checks.corpus import Corpus
from checks.facts import Fact
from checks.finding import Edit, Finding, Location, Severity
from checks.passages import Restatement
from claims.claim import Claim
from sources.document import Document

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")
DOC_SECTIONS_ZH = ("作用", "为何要改", "示例", "应改为")
_ZH_KEYS = ("what", "why", "example", "instead")  # the keys of a rule's table in rule_docs_zh.toml
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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        package = cls.__module__.split(".")
        if len(package) == 3 and package[0] == "checks":
            cls.family = package[1]

    def __init__(self, severity: Severity | None = None, options: Mapping[str, Any] | None = None,
                 language: str = "both") -> None:
        self.severity = severity or self.default_severity
        self.settings = {**self.options, **(options or {})}
        self.language = language

    def finding(self, doc: str, start: int, end: int, *, claims: Iterable[str] = (),
                related: Iterable[Location] = (), evidence: Mapping[str, Any] | None = None,
                fix: Iterable[Edit] = (), unlisted: int = 0, **fields: Any) -> Finding:
        """A finding of this rule, its message formatted from ``fields`` in the chosen language."""
        return Finding(self.code, self.name, self.severity, self.message(**fields), doc, start, end,
                       tuple(claims), tuple(related), MappingProxyType(dict(evidence or {})), tuple(fix), unlisted)

    def message(self, **fields: Any) -> str:
        zh, en = (self.messages[lang].format(**fields) for lang in ("zh", "en"))
        return {"zh": zh, "en": en}.get(self.language, f"{zh} / {en}")

    @classmethod
    def summary(cls, language: str = "en") -> str:
        """The one-line description, in English (the docstring's first line) or Chinese ("zh")."""
        if language == "zh":
            return _zh_docs().get(cls.code, {}).get("summary", "").strip()
        return inspect.getdoc(cls).split("\n", 1)[0]

    @classmethod
    def doc_sections(cls, language: str = "en") -> dict[str, str]:
        """The documentation's sections by title, from the docstring or in Chinese ("zh") from
        ``rule_docs_zh.toml`` (missing or empty ones are absent)."""
        if language == "zh":
            entry = _zh_docs().get(cls.code, {})
            return {title: entry[key].strip() for title, key in zip(DOC_SECTIONS_ZH, _ZH_KEYS, strict=True)
                    if entry.get(key, "").strip()}
        text = inspect.getdoc(cls) or ""
        parts = _SECTION.split(text)
        return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}

    @classmethod
    def advice(cls) -> str:
        """What to do instead, in Chinese, in one line: the first line of 应改为 ("" when missing)."""
        return cls.doc_sections("zh").get(DOC_SECTIONS_ZH[-1], "").split("\n", 1)[0]


@cache
def _zh_docs() -> dict[str, dict[str, str]]:
    with (Path(__file__).parent / "data" / "rule_docs_zh.toml").open("rb") as file:
        return tomllib.load(file)


class ClaimRule(Rule):
    """A rule that looks at one claim at a time (not itself a rule)."""

    kinds: ClassVar[frozenset[str] | None] = None  # the claim kinds it looks at; None: every kind

    def check_claim(self, claim: Claim, doc: Document, corpus: Corpus) -> Iterable[Finding]:
        raise NotImplementedError

    def candidates(self, corpus: Corpus) -> Container[str] | None:
        """The ids of the only claims ``check_claim`` can find something in (None: any of its
        kinds), so that the engine calls it on those alone: the same findings."""
        return None


class DocumentRule(Rule):
    """A rule that looks at one document and its claims at a time (not itself a rule)."""

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        raise NotImplementedError


class FactRule(Rule):
    """A rule that looks at one fact at a time: claims of different documents aligned at the
    rule's ``min_score`` option, about the same place or (``across_levels``) places containing
    one another (not itself a rule)."""

    across_levels: ClassVar[bool] = False
    ignores: ClassVar[frozenset[str]] = frozenset()  # aspects not compared when aligning: "period", "status"
    options: ClassVar[Mapping[str, Any]] = MappingProxyType({"min_score": 75.0})

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        raise NotImplementedError


class RestatementRule(Rule):
    """A rule that looks at one figure restated in the same words by several documents (a sentence
    copied into a reprint, a Traditional-script copy, a spun copy) at a time (not itself a rule)."""

    def check_restatement(self, restatement: Restatement, corpus: Corpus) -> Iterable[Finding]:
        raise NotImplementedError


class CorpusRule(Rule):
    """A rule that looks at the whole corpus at once (not itself a rule)."""

    def check_corpus(self, corpus: Corpus) -> Iterable[Finding]:
        raise NotImplementedError

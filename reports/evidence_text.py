"""A finding's evidence as sentences a reader can take in, in Chinese and English.

``sentences(finding, names, language)`` turns the JSON-ready evidence (``reports.evidence``) into
plain text: a conflict reads "17 here, 14 in 《中国民族》 2025年第1期; intervals [16.5, 17.5] and
[13.5, 14.5] cannot overlap", every other key "name: value" with the key's name from
``data/evidence_terms.json``, lists and mappings written out, documents by their names. Nothing of
the evidence is left out; the sentences are text, for the renderer to escape.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from checks.comparable import aspect_name
from checks.finding import Finding
from reports.evidence import evidence

SHOWN = 3  # other sources named in a conflict's sentence; the rest are counted
LANGUAGES = {"zh": ("zh",), "en": ("en",), "both": ("zh", "en")}


@cache
def _terms() -> dict[str, tuple[str, str]]:
    text = resources.files("reports").joinpath("data/evidence_terms.json").read_text(encoding="utf-8")
    return {key: tuple(value) for key, value in json.loads(text).items() if not key.startswith("_")}


def term(key: str, lang: str) -> str:
    """The name of evidence key ``key`` in ``lang`` ("zh" or "en")."""
    names = _terms().get(key)
    return names[lang == "en"] if names else key.replace("_", " ")


@dataclass(frozen=True)
class Sentence:
    """One sentence of evidence: its language ("zh" or "en"), its text, and whether it is a detail
    (the remaining fields, "name: value; …") rather than the comparison itself."""

    lang: str
    text: str
    detail: bool = False


def sentences(finding: Finding, names: Mapping[str, str], language: str) -> list[Sentence]:
    """The sentences of ``finding``'s evidence: the Chinese ones, then the English ones under
    ``language`` "both"; ``names`` maps a document id to the name to show."""
    values = evidence(finding)
    out = []
    for lang in LANGUAGES.get(language, ("zh", "en")):
        out += _sentences(values, names, lang)
    return out


def _sentences(values: dict[str, object], names: Mapping[str, str], lang: str) -> list[Sentence]:
    rest = dict(values)
    out: list[Sentence] = []
    others = rest.get("others")
    if "value" in rest and isinstance(others, list) and all(isinstance(o, dict) for o in others):
        out.append(Sentence(lang, _comparison(rest, others, names, lang)))
        for key in ("value", "interval", "others"):
            rest.pop(key, None)
    agreeing = rest.pop("agreeing", None)
    if agreeing:
        listed = _listing([_at(o.get("value"), o.get("doc"), names, lang) for o in agreeing], lang)
        out.append(Sentence(lang, f"与{listed}一致" if lang == "zh" else f"agrees with {listed}"))
    fields = [f"{term(key, lang)}{'：' if lang == 'zh' else ': '}{_show(value, names, lang, key)}"
              for key, value in rest.items()]
    if fields:
        out.append(Sentence(lang, ("；" if lang == "zh" else "; ").join(fields), detail=True))
    return out


def _comparison(values: dict[str, object], others: list[dict], names: Mapping[str, str], lang: str) -> str:
    """"96.5% here, 90.65% in X; intervals [96.45, 96.55] and [90.645, 90.655] cannot overlap"."""
    here = _show(values["value"], names, lang)
    shown = [_at(o.get("value"), o.get("doc"), names, lang) for o in others[:SHOWN]]
    hidden = len(others) - SHOWN
    if hidden > 0:
        shown.append(f"另有{hidden}处" if lang == "zh" else f"{hidden} more")
    own = _interval(values["interval"]) if isinstance(values.get("interval"), list) else None
    theirs: list[str] = []
    for item in (o.get("interval") for o in others[:SHOWN]):
        if isinstance(item, list) and _interval(item) not in theirs and _interval(item) != own:
            theirs.append(_interval(item))
    if lang == "zh":
        sentence = f"此处为{here}，{_listing(shown, lang)}"
        if own and theirs:
            sentence += f"；区间{own}与{theirs[0]}互不重叠" if len(theirs) == 1 else \
                f"；区间{own}与{'、'.join(theirs)}均不重叠"
        return sentence
    sentence = f"{here} here, {_listing(shown, lang)}"
    if own and theirs:
        sentence += f"; intervals {own} and {theirs[0]} cannot overlap" if len(theirs) == 1 else \
            f"; interval {own} overlaps none of {_listing(theirs, lang)}"
    return sentence


def _at(value: object, doc: object, names: Mapping[str, str], lang: str) -> str:
    where = names.get(str(doc), str(doc)) if doc is not None else ""
    shown = _show(value, names, lang)
    if not where:
        return shown
    return f"{where}为{shown}" if lang == "zh" else f"{shown} in {where}"


def _listing(items: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _interval(pair: list) -> str:
    low, high = pair
    return f"[{'−∞' if low is None else _show(low, {}, 'en')}, {'∞' if high is None else _show(high, {}, 'en')}]"


def _show(value: object, names: Mapping[str, str], lang: str, key: str = "") -> str:
    """One evidence value as text: no JSON punctuation, documents by name."""
    if isinstance(value, dict):
        if key.endswith("aspects"):  # what a figure was compared as: its values named in Chinese too
            value = {k: aspect_name("label" if k == "period" else k, v, lang) if isinstance(v, str) else v
                     for k, v in value.items()}
        parts = [f"{term(k, lang)} {_show(v, names, lang, k)}" for k, v in value.items()]
        return ("，" if lang == "zh" else ", ").join(parts) if parts else "—"
    if isinstance(value, list):
        if key.endswith("interval") or key == "frame":
            if len(value) == 2 and all(v is None or isinstance(v, int | float) for v in value):
                return _interval(value)
        parts = [_show(v, names, lang) for v in value]
        return ("、" if lang == "zh" else ", ").join(parts) if parts else "—"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if value is None:
        return "—"
    if key.endswith("doc") and isinstance(value, str):
        return names.get(value, value)
    return str(value)

"""Restated copies of a report with known changed figures, for the restatement benchmark.

A copy keeps the report's sentences, shuffled, optionally converted to the other script (OpenCC),
with some figures changed the ways copies change them: two digits swapped (662 → 626), a digit
changed (3000 → 3005), a decimal point slipped (18.6 → 186), a scale word slipped (万 ↔ 亿), a
qualifier dropped (超过450万 → 450万), a measure swapped (人次 → 人). Each change records the span
of the changed figure in the copy, so a run can tell the findings that touch it from the others.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

import opencc

from claims.claim import Claim

KINDS = ("digit_swap", "digit_change", "decimal_slip", "scale_slip", "qualifier_drop", "measure_swap")
MEASURE_SWAPS = {"人次": "人", "人": "人次", "户": "人", "个": "家", "家": "个", "场": "次", "次": "场",
                 "吨": "千克", "公里": "米"}
QUALIFIERS = re.compile(r"^(超过|超|近|约|逾|达到|达|突破|不到|不足|将近|接近)|(余|多|以上|以下|左右)(?=\D*$)")
SENTENCE = re.compile(r"[^。！？；]*[。！？；]\n*|[^。！？；]+$")  # a wrapped line stays in its sentence
_CONVERTERS = {"s2t": opencc.OpenCC("s2t"), "t2s": opencc.OpenCC("t2s")}


@dataclass(frozen=True)
class Change:
    """A figure changed in the copy: how, the original text, the changed text and its span there."""

    kind: str
    before: str
    after: str
    start: int
    end: int


def changed(text: str, kind: str, rng: random.Random) -> str | None:
    """``text`` (a figure as written) changed the way ``kind`` says, or None when it cannot be."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if kind == "digit_swap":
        pairs = [(a, b) for a, b in zip(digits, digits[1:], strict=False) if b == a + 1 and text[a] != text[b]]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        return text[:a] + text[b] + text[a] + text[b + 1:]
    if kind == "digit_change":
        if not digits:
            return None
        at = rng.choice(digits)
        digit = rng.choice([d for d in "0123456789" if d != text[at] and (d != "0" or at != digits[0])])
        return text[:at] + digit + text[at + 1:]
    if kind == "decimal_slip":
        point = text.find(".")
        return text[:point] + text[point + 1:] if point > 0 else None
    if kind == "scale_slip":
        for old, new in (("万", "亿"), ("亿", "万"), ("萬", "億"), ("億", "萬")):
            if old in text:
                return text.replace(old, new, 1)
        return None
    if kind == "qualifier_drop":
        dropped = QUALIFIERS.sub("", text)
        return dropped if dropped != text and any(ch.isdigit() for ch in dropped) else None
    if kind == "measure_swap":
        for old in sorted(MEASURE_SWAPS, key=len, reverse=True):
            if text.endswith(old) and not text.endswith("人次" if old == "人" else "\0"):
                return text[:-len(old)] + MEASURE_SWAPS[old]
        return None
    raise ValueError(f"unknown change {kind!r}")


def restated(text: str, claims: list[Claim], rng: random.Random, share: float = 0.15,
             script: str | None = None) -> tuple[str, list[Change]]:
    """A shuffled copy of ``text`` (the report's original text, whose ``claims`` are given) with
    about ``share`` of its figures changed, converted by ``script`` ("s2t", "t2s" or None)."""
    figures = [claim for claim in claims if claim.kind != "date" and claim.text.strip() == claim.text]
    chosen: dict[int, tuple[Claim, str, str]] = {}
    count = max(1, round(len(figures) * share)) if share and figures else 0
    for claim in rng.sample(figures, count):
        kinds = list(KINDS)
        rng.shuffle(kinds)
        for kind in kinds:
            after = changed(claim.text, kind, rng)
            if after is not None and after != claim.text:
                chosen[claim.start] = (claim, kind, after)
                break
    convert = _CONVERTERS[script].convert if script else (lambda part: part)
    sentences = []
    for match in SENTENCE.finditer(text):
        pieces: list[tuple[str, Change | None]] = []
        position = match.start()
        for start in sorted(s for s in chosen if match.start() <= s and chosen[s][0].end <= match.end()):
            claim, kind, after = chosen[start]
            pieces += [(text[position:start], None), (after, Change(kind, claim.text, after, 0, 0))]
            position = claim.end
        pieces.append((text[position:match.end()], None))
        sentences.append(pieces)
    rng.shuffle(sentences)
    out, changes, length = [], [], 0
    for pieces in sentences:
        for piece, change in pieces:
            piece = convert(piece)
            if change is not None:
                changes.append(Change(change.kind, change.before, piece, length, length + len(piece)))
            out.append(piece)
            length += len(piece)
    return "".join(out), changes

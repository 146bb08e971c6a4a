"""Passages copied across documents, and the figures they restate.

A passage is a sentence of a document's normalized view that holds a claim. Its key is the
sentence with every claim masked and punctuation and spacing dropped (the normalized view already
has one script and half-width digits), so a reprint, a Traditional-script copy or a copy whose
figures changed gives the same key. Passages with the same key form a group; groups whose keys are
close (rapidfuzz ``ratio`` at least ``min_score``) join one family. Candidates come from an index
of the keys' character shingles, skipping shingles so common they say nothing, so the cost grows
with the matches and not with the square of the passages: a thousand identical copies are one
group.

Within a family the figures align by position: the masks of each group's key are mapped onto
those of the family's pivot (its largest group) along the edit script between the two keys.
Each mapped position is a ``Restatement``: the claims of different documents that state the same
figure in the same words. A document holding the same key twice is ambiguous for that key (a
table's repeated row) and is left out of its group; a passage whose dates differ from another's
speaks of another time: passages restate each other only when their dates agree.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from claims.claim import Claim
from sources.document import Document

MASK = "\ue000"
MIN_WORDS = 8  # characters besides masks a key needs to identify a passage
MIN_FUZZY = 16  # and to be matched to a key that is not identical, or to restate across years
SHINGLE = 3
COMMON_SHINGLE = 64  # a shingle in more keys than this finds no candidates
_DROPPED = re.compile(r"[^\w\ue000]|_")
_NUMERALS = re.compile(r"[\d〇零一二三四五六七八九十百千万亿两]+")


@dataclass(frozen=True)
class Passage:
    """A sentence holding claims: its document, span in the normalized view, masked key, and its
    claims in text order (one per mask of the key)."""

    doc: str
    start: int
    end: int
    key: str
    claims: tuple[Claim, ...]

    @property
    def words(self) -> int:
        """The key's characters besides its masks."""
        return len(self.key) - self.key.count(MASK)


@dataclass(frozen=True)
class Restatement:
    """One figure stated in the same words by several documents: the claims in input order, the
    passages holding them, and how close the passages' keys are to the family's pivot (100 for
    identical wording)."""

    claims: tuple[Claim, ...]
    passages: tuple[Passage, ...]
    scores: tuple[float, ...]


def passage_key(text: str, start: int, claims: Iterable[Claim]) -> str:
    """``text`` (a sentence starting at ``start`` of the normalized view) with each claim masked
    and everything but letters, digits and Han characters dropped."""
    parts, position = [], 0
    for claim in claims:
        begin, end = claim.span[0] - start, claim.span[1] - start
        parts += [text[position:begin], MASK]
        position = end
    parts.append(text[position:])
    return _DROPPED.sub("", "".join(parts))


def passages(documents: list[Document], claims_of: dict[str, list[Claim]]) -> list[Passage]:
    """Every sentence holding a claim, in input order; sentences too short to identify are left out."""
    found = []
    keys: dict[tuple, str | None] = {}  # (sentence, claims' spans in it) → key (None: no passage)
    for doc in documents:
        by_sentence: dict[int, list[Claim]] = defaultdict(list)
        for claim in claims_of.get(doc.id, ()):
            by_sentence[claim.sentence.index].append(claim)
        for members in by_sentence.values():
            if len(members) > 1:
                members.sort(key=_span)
            sentence = members[0].sentence
            text = doc.text[sentence.start:sentence.end]
            where = (text, *(claim.span[0] - sentence.start for claim in members),
                     *(claim.span[1] - sentence.start for claim in members))
            if where in keys:  # copies, and a page of short lines, repeat their sentences
                key = keys[where]
            else:
                key = keys[where] = _key(passage_key(text, sentence.start, members), len(members))
            if key is not None:
                found.append(Passage(doc.id, sentence.start, sentence.end, key, tuple(members)))
    return found


def _key(key: str, claims: int) -> str | None:
    """``key``, or None when it is too short to identify a passage or does not mask its ``claims``
    one by one."""
    masks = key.count(MASK)
    return key if len(key) - masks >= MIN_WORDS and masks == claims else None


_span = attrgetter("span")


def restatements(documents: list[Document], claims_of: dict[str, list[Claim]],
                 min_score: float = 85.0) -> list[Restatement]:
    """The figures restated across documents in the same (or nearly the same) words."""
    groups = _groups(passages(documents, claims_of))
    rank = {key: index for index, key in enumerate(groups)}
    order = {doc.id: index for index, doc in enumerate(documents)}
    found = []
    for family in _families(groups, min_score):
        pivot = max(family, key=lambda key: (len(groups[key]), -rank[key]))
        slots: dict[tuple, list[tuple[Passage, Claim, float]]] = defaultdict(list)
        for key in family:
            mapping = _mask_map(key, pivot)
            score = 100.0 if key == pivot else round(fuzz.ratio(key, pivot), 1)
            for passage in groups[key]:
                time = _dates(passage, mapping)
                for index, slot in mapping.items():
                    slots[(slot, time)].append((passage, passage.claims[index], score))
        for members in slots.values():
            if len({passage.doc for passage, _, _ in members}) > 1:
                members.sort(key=lambda member: (order[member[0].doc], member[1].start))
                found.append(Restatement(tuple(c for _, c, _ in members), tuple(p for p, _, _ in members),
                                         tuple(s for _, _, s in members)))
    return sorted(found, key=lambda r: (order[r.claims[0].doc], r.claims[0].start))


def _groups(found: list[Passage]) -> dict[str, list[Passage]]:
    """Passages by key, in input order; a document holding a key twice is left out of it."""
    groups: dict[str, list[Passage]] = defaultdict(list)
    for passage in found:
        groups[passage.key].append(passage)
    kept = {}
    for key, members in groups.items():
        docs = Counter(passage.doc for passage in members)
        kept[key] = [passage for passage in members if docs[passage.doc] == 1]
    return {key: members for key, members in kept.items() if members}


def _families(groups: dict[str, list[Passage]], min_score: float) -> list[list[str]]:
    """Keys joined by close matches, best first, through a shingle index; two families join only
    when no document has a passage in both (a document does not restate itself in other words:
    its two near-identical sentences, 第二产业… and 第三产业…, are two facts), and only keys whose
    unmasked numerals agree (1—9月 is not 1—10月, 第二产业 not 第三产业), and only keys long enough
to tell copies from sentences built alike. Every key is in one family."""
    keys = list(groups)
    shingles = [{key[i:i + SHINGLE] for i in range(len(key) - SHINGLE + 1)} for key in keys]
    words = [groups[key][0].words for key in keys]
    index: dict[str, list[int]] = defaultdict(list)
    for number, grams in enumerate(shingles):
        for gram in grams:
            index[gram].append(number)
    links = []
    for number, grams in enumerate(shingles):
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            postings = index[gram]
            if len(postings) <= COMMON_SHINGLE:
                for other in postings:
                    if other > number:
                        shared[other] += 1
        for other, count in shared.items():
            if count * 2 >= min(len(grams), len(shingles[other])) and min(words[number], words[other]) >= MIN_FUZZY \
                    and _NUMERALS.findall(keys[number]) == _NUMERALS.findall(keys[other]):
                score = fuzz.ratio(keys[number], keys[other])
                if score >= min_score:
                    links.append((-score, number, other))
    parent = list(range(len(keys)))
    docs = [{passage.doc for passage in groups[key]} for key in keys]

    def root(number: int) -> int:
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number
    for _, first, second in sorted(links):
        a, b = root(first), root(second)
        if a != b and not docs[a] & docs[b]:
            parent[b] = a
            docs[a] |= docs[b]
    families: dict[int, list[str]] = defaultdict(list)
    for number, key in enumerate(keys):
        families[root(number)].append(key)
    return list(families.values())


def _mask_map(key: str, pivot: str) -> dict[int, int]:
    """Which mask of ``pivot`` each mask of ``key`` stands at, along their edit script: masks in
    unchanged stretches, or replaced one for one."""
    if key == pivot:
        return {index: index for index in range(key.count(MASK))}
    masks_key = [i for i, ch in enumerate(key) if ch == MASK]
    masks_pivot = {position: index for index, position in enumerate(i for i, ch in enumerate(pivot) if ch == MASK)}
    mapping = {}
    for tag, a_start, a_end, b_start, b_end in Levenshtein.opcodes(key, pivot):
        if tag == "equal" or (tag == "replace" and a_end - a_start == b_end - b_start):
            for offset in range(a_end - a_start):
                if key[a_start + offset] == MASK and b_start + offset in masks_pivot:
                    mapping[masks_key.index(a_start + offset)] = masks_pivot[b_start + offset]
    return mapping


def _dates(passage: Passage, mapping: dict[int, int]) -> tuple[tuple[int, object], ...]:
    """The passage's dates by the pivot's mask they stand at: passages whose dates differ speak of
    another time and restate nothing of each other."""
    return tuple(sorted((slot, passage.claims[index].value) for index, slot in mapping.items()
                        if passage.claims[index].kind == "date"))

"""Which claims of different documents state the same fact.

Two claims align when they are about the same place and a compatible time, measure the same kind
of quantity in compatible units, and their subjects, normalized (script unified, verbs, places
and filler stripped), score at least ``min_score`` with rapidfuzz's ``ratio``. Claims are blocked
by place, kind and unit class, then by the first and last two characters of the normalized
subject; years must agree where both are known (a report that never says its year aligns with
any), so the work grows with the number of claims, not its square. Claims that are different
facts (``checks.comparable``: another period, aggregate, scope or status) never align, nor do
claims of a sentence copied from one document into the other (``checks.passages``). Of several
candidates in another document a claim keeps the best, and only mutual best matches are kept.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from rapidfuzz import fuzz, process

from checks.comparable import compare, comparison_key
from claims.claim import Claim
from claims.kinds import ALIGNED
from claims.subject import clean, verbs
from vocab.files import csv_rows, data_sections, in_order

FILLER_SECTIONS = ("filler_before", "filler_after")


@cache
def _measure_classes() -> dict[str, str]:
    """Measure words that count the same things (data/measure_classes.csv): 名 → 人."""
    return {row["word"]: row["class"] for row in csv_rows("checks", "measure_classes.csv", ("word", "class"))}


@cache
def _filler() -> re.Pattern[str]:
    """Filler at the start (in the listed order, data/alignment_words.txt) or the end of a subject."""
    words = data_sections("checks", "alignment_words.txt", known=FILLER_SECTIONS)
    return re.compile(rf"^(?:{in_order(words['filler_before'])})+|(?:{in_order(words['filler_after'])})$")


@dataclass(frozen=True, slots=True)
class Alignment:
    """Claim ``a`` (earlier document) and claim ``b`` (later document) state the same fact."""

    a: Claim
    b: Claim
    score: float
    uncertain: tuple[str, ...] = ()  # why they may not be comparable after all (a period stated on one side)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the two align, for a finding's evidence."""
        a, b = self.a, self.b
        return (f"place {a.place} / {b.place}", f"year {year_of(a) or '?'} / {year_of(b) or '?'}",
                f"kind {a.kind}, measure {unit_class(a) or '-'}",
                f"subjects {a.subject} ~ {b.subject} ({self.score:.1f})", *self.uncertain)


@cache
def normalized_subject(subject: str) -> str:
    """The subject stripped of verbs, filler and bracketed notes: 改造老旧小区 → 老旧小区."""
    return _filler().sub("", verbs().sub("", clean(subject)))


def subjects_agree(subject: str, other: str, min_score: float, containing: bool = False) -> bool:
    """Whether two subjects agree once normalized (each kept as it is when nothing is left): a
    rapidfuzz ``ratio`` of at least ``min_score`` or, when ``containing``, one of two characters or
    more held in the other (a headline's 出资 in the body's 概算出资)."""
    a, b = normalized_subject(subject) or subject, normalized_subject(other) or other
    if containing and min(len(a), len(b)) >= 2 and (a in b or b in a):
        return True
    return fuzz.ratio(a, b) >= min_score


def unit_class(claim: Claim) -> str:
    """What must agree for two figures to be compared: the measure class or the unit."""
    if claim.kind == "count":
        return _measure_classes().get(claim.measure or "", claim.measure or "")
    return claim.unit or ""


def year_of(claim: Claim) -> str:
    return (claim.time or "")[:4]


def _block_key(claim: Claim, place: Callable[[Claim], object]) -> tuple:
    return place(claim), claim.kind, unit_class(claim)


def blocks(claims: Iterable[Claim], place: Callable[[Claim], object],
           spread: frozenset[str] = frozenset()) -> list[list[Claim]]:
    """The claims that may align, by place, kind, unit class and the first or last two
    characters of the normalized subject (each claim in two blocks); blocks of one document only
    are left out (a claim whose id is in ``spread`` stands for claims of several documents)."""
    found: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        subject = normalized_subject(claim.subject) if claim.kind in ALIGNED and claim.subject else ""
        if len(subject) >= 2:
            key = _block_key(claim, place)
            found[(*key, "head", subject[:2])].append(claim)
            found[(*key, "tail", subject[-2:])].append(claim)
    return [members for members in found.values()
            if len({claim.doc for claim in members}) > 1 or any(claim.id in spread for claim in members)]


_NONE: frozenset[str] = frozenset()
Edges = dict[tuple[str, str], float]  # (class, class), each named by its lowest claim id → subject score
MapBlocks = Callable[[Callable[[tuple], Edges], list[tuple]], Iterable[Edges]]  # ``map`` or an executor's
Row = dict[str, tuple[float, Claim, str]]  # other document → (score, its best claim, that claim's class)


@dataclass(frozen=True, slots=True)
class Link:
    """Two classes of identical statements that are each other's best match: every claim of
    ``left`` aligns with every claim of ``right`` in another document (``left == right``: a class
    aligned with itself, each pair once). Each side holds at most one claim per document, in
    input order."""

    left: tuple[Claim, ...]
    right: tuple[Claim, ...]
    score: float
    forward: tuple[str, ...] = ()  # the pairs' doubts when ``left``'s claim comes first
    backward: tuple[str, ...] = ()  # … and when ``right``'s does

    def pairs(self, order: Mapping[str, int]) -> Iterator[Alignment]:
        """The claim pairs, each as an ``Alignment`` (earlier document first)."""
        itself = self.left == self.right
        for a in self.left:
            for b in self.right:
                if a.doc == b.doc or (itself and order[a.doc] > order[b.doc]):
                    continue
                if order[a.doc] < order[b.doc]:
                    yield Alignment(a, b, self.score, self.forward)
                else:
                    yield Alignment(b, a, self.score, self.backward)

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.left if self.left == self.right else self.left + self.right


def pair_order(order: Mapping[str, int]) -> Callable[[Alignment], tuple]:
    """The sort key of aligned pairs: by the later claim's place in the input, then the earlier's."""
    return lambda p: (order[p.b.doc], p.b.start, order[p.a.doc], p.a.start)


def align(claims: Iterable[Claim], documents: list[str], min_score: float,
          place: Callable[[Claim], object] = lambda claim: claim.place,
          ignore: frozenset[str] = frozenset(),
          restated: Mapping[str, frozenset[str]] | None = None, run: MapBlocks = map,
          classes: Mapping[str, list[Claim]] | None = None,
          lowest: Mapping[str, Mapping[str, Claim]] | None = None) -> list[Link]:
    """Mutual best matches between claims of different documents (``documents`` gives their
    order), as links between classes of identical statements.

    ``place`` is the blocking key for places: the place itself for same-place alignment, or a
    coarser key (the province) when looking across administrative levels. Aspects in ``ignore``
    ("period", "status") are not compared (``checks.comparable.compare``). ``restated`` maps a
    claim's id to the documents that restate it in the same words (``checks.passages``, its own
    included): such pairs are left to the restatement rules. Each block is scored on its own
    (``align_block``: which classes may match, and how well) and ``run`` maps the blocks
    (default: here, one after another; a Dask cluster's map sends them to its workers). Then,
    per class (and the classes its claims' documents restate), the best claim of each other
    document: a claim's best match in a document is that of its class, so a fact stated by
    thousands of copies costs one row per class and document, not one per pair of claims.
    ``classes`` may give ``statement_classes(claims, place, restated)`` and ``lowest``
    ``lowest_by_doc(classes)``, computed once for several calls.
    """
    restated = restated or {}
    order = {doc: index for index, doc in enumerate(documents)}
    classes = classes if classes is not None else statement_classes(claims, place, restated)
    spread = frozenset(x for x, members in classes.items() if any(claim.doc != members[0].doc for claim in members))
    firsts = [members[0] for members in classes.values()]
    tasks = [(block, min_score, ignore, {claim.id: restated[claim.id] for claim in block if claim.id in restated})
             for block in blocks(firsts, place, spread)]
    candidates: dict[str, dict[str, float]] = defaultdict(dict)
    for found in run(_align_task, tasks):
        for (x, y), score in found.items():
            candidates[x][y] = score
    copies = {x: restated.get(x, _NONE) for x in candidates}
    lowest = lowest if lowest is not None else {x: _lowest_by_doc(classes[x]) for x in candidates}
    rows: list[Row] = []  # per group: a class and the classes its claims' documents restate
    class_of: list[str] = []
    group_of: dict[str, int] = {}  # a class of one group → that group
    doc_group: dict[tuple[str, str], int] = {}  # (class, document) → its group, for a class of several
    for x, scores in candidates.items():
        grouped = _by_restating(classes[x], lowest[x].keys(), scores, copies)
        for restating, members in grouped.items():
            if len(grouped) == 1:
                group_of[x] = len(rows)
            else:
                doc_group.update(((x, claim.doc), len(rows)) for claim in members)
            rows.append(_row(scores, restating, copies[x], lowest))
            class_of.append(x)
    won: dict[tuple[int, int], list[Claim]] = defaultdict(list)  # (group, other) → other's claims best in a row
    for group, row in enumerate(rows):
        for _, other, y in row.values():
            found = group_of.get(y)
            if found is None:
                found = doc_group.get((y, other.doc))
            if found is not None:
                won[(group, found)].append(other)
    links, doubts = [], {}
    for (group, other), right in won.items():
        left = won.get((other, group))
        if left is None or group > other:
            continue  # not mutual, or met from the other side
        left, right = _partnered(left, right), _partnered(right, left)
        if not left:
            continue  # both sides in one document: no pair
        left, right = sorted(left, key=_position(order)), sorted(right, key=_position(order))
        a, b = left[0], right[0]
        aspects = (comparison_key(a), comparison_key(b))
        if aspects not in doubts:
            doubts[aspects] = (compare(a, b, ignore).uncertain, compare(b, a, ignore).uncertain)
        score = candidates[class_of[group]][class_of[other]]
        links.append(Link(tuple(left), tuple(right), round(score, 1), *doubts[aspects]))
    return sorted(links, key=lambda link: min(map(_position(order), link.claims)))


def _partnered(side: list[Claim], opposite: list[Claim]) -> list[Claim]:
    """The claims of ``side`` with a claim of ``opposite`` in another document."""
    docs = {claim.doc for claim in opposite}
    return [claim for claim in side if len(docs) > 1 or claim.doc not in docs]


_id = attrgetter("id")


def _position(order: Mapping[str, int]) -> Callable[[Claim], tuple[int, int]]:
    return lambda claim: (order[claim.doc], claim.start)


def _statement_key(claim: Claim) -> tuple | None:
    """What makes claims identical statements for alignment besides their place and restating
    documents (``align_block``'s class, in any block), for a claim of an aligned kind with a
    subject; None when too little of the subject is left to align on."""
    subject = normalized_subject(claim.subject)
    if len(subject) < 2:
        return None
    return claim.kind, unit_class(claim), subject, year_of(claim), comparison_key(claim)


READ = ("subject", "kind", "unit", "measure", "time", "period", "aggregate", "scope", "status")  # by _statement_key
_READING = attrgetter(*READ)


def read_alike(claim: Claim, other: Claim | None) -> bool:
    """Whether ``claim`` reads as ``other`` for ``_statement_key`` (``_READING``), as the figures of a
    dense run do (sharing the very subject: a cheap first test)."""
    return other is not None and claim.subject is other.subject and _READING(claim) == _READING(other)


def statement_groups(claims: Iterable[Claim], restated: Mapping[str, frozenset[str]]) -> list[list[tuple[int, Claim]]]:
    """The claims that may align, by all that makes them identical statements but their place
    (``_statement_key`` and the restating documents), each with its place in ``claims``: worked
    out once for the blockings by place and by province. A claim reading as the one before it
    (``read_alike``), restated alike, joins its group."""
    found: dict[tuple, list[tuple[int, Claim]]] = defaultdict(list)
    last, copied, members = None, None, None
    for index, claim in enumerate(claims):
        if claim.kind not in ALIGNED or not claim.subject:
            continue
        copies = restated.get(claim.id, _NONE)
        if copies is not copied or not read_alike(claim, last):
            key = _statement_key(claim)
            members = None if key is None else found[(*key, copies)]
        last, copied = claim, copies
        if members is not None:
            members.append((index, claim))
    return list(found.values())


def statement_classes(claims: Iterable[Claim], place: Callable[[Claim], object],
                      restated: Mapping[str, frozenset[str]],
                      groups: list[list[tuple[int, Claim]]] | None = None) -> dict[str, list[Claim]]:
    """The classes of identical statements among the claims that may align (in the order of
    their first claims), each named by its lowest claim id, that claim first (it stands for the
    class in the blocks). ``groups`` may give ``statement_groups(claims, restated)``."""
    groups = groups if groups is not None else statement_groups(claims, restated)
    found: list[tuple[int, list[Claim]]] = []  # each class's first index and claims
    for group in groups:
        by_place: dict[object, list[Claim]] = {}
        for index, claim in group:
            where = place(claim)
            members = by_place.get(where)
            if members is None:
                members = by_place[where] = []
                found.append((index, members))
            members.append(claim)
    named = {}
    for _, members in sorted(found, key=_first_index):
        first = min(members, key=_id)
        named[first.id] = [first, *(claim for claim in members if claim is not first)]
    return named


def _first_index(item: tuple[int, list[Claim]]) -> int:
    return item[0]


def _by_restating(members: list[Claim], docs: KeysView[str], scores: Mapping[str, float],
                  copies: Mapping[str, frozenset[str]]) -> dict[frozenset[str], list[Claim]]:
    """A class's claims (in the documents ``docs``) by the candidate classes their documents
    restate in the same words (those candidates are not theirs to match)."""
    by_copies: dict[frozenset[str], list[str]] = defaultdict(list)  # restating documents → their candidates
    for y in scores:
        if copies[y]:
            by_copies[copies[y]].append(y)
    hit = [(found, ys) for found, ys in by_copies.items() if not docs.isdisjoint(found)]
    if not hit:
        return {_NONE: members}
    holding: dict[str, list[int]] = defaultdict(list)  # a document → the sets of restating documents holding it
    for number, (found, _) in enumerate(hit):
        for doc in docs & found:
            holding[doc].append(number)
    grouped: dict[frozenset[str], list[Claim]] = defaultdict(list)
    named: dict[tuple[int, ...], frozenset[str]] = {}  # which sets of restating documents hold a claim's
    for claim in members:
        which = tuple(holding.get(claim.doc, ()))
        if which not in named:
            named[which] = frozenset(y for number in which for y in hit[number][1])
        grouped[named[which]].append(claim)
    return grouped


def _row(scores: Mapping[str, float], restating: frozenset[str], copies: frozenset[str],
         lowest: Mapping[str, Mapping[str, Claim]]) -> Row:
    """Per other document, the best claim of the candidate classes (highest score; ties: the
    smaller id), leaving out the documents restating the class and the classes ``restating``."""
    row: Row = {}
    for y, score in scores.items():
        if y in restating:
            continue
        for doc, other in lowest[y].items():
            if doc not in copies:
                _keep_best(row, doc, score, other, y)
    return row


def align_block(members: list[Claim], min_score: float, ignore: frozenset[str],
                restated: Mapping[str, frozenset[str]]) -> Edges:
    """Which classes of the block may match, and their subject score: pairs of classes with a
    score of at least ``min_score``, compatible years, not different facts
    (``checks.comparable``), and not one class restated in the same words matched with itself.

    A class is the claims with the same normalized subject, year, aspects (period, aggregate,
    scope, status) and restating documents, named by its lowest claim id; subjects are scored
    once per distinct pair, comparisons made once per pair of aspects. A pure function of its
    (picklable) arguments, so blocks can be mapped over a process pool.
    """
    classes: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in members:
        classes[(normalized_subject(claim.subject), year_of(claim), comparison_key(claim),
                 restated.get(claim.id, _NONE))].append(claim)
    subjects = sorted({key[0] for key in classes})
    index = {subject: number for number, subject in enumerate(subjects)}
    scores = process.cdist(subjects, subjects, scorer=fuzz.ratio, score_cutoff=min_score)
    keys = list(classes)
    first = {key: min(classes[key], key=lambda claim: claim.id) for key in keys}
    different: dict[tuple, bool] = {}
    edges: Edges = {}
    for x in keys:
        subject, year, aspects, copies = x
        for y in keys:
            score = float(scores[index[subject], index[y[0]]])
            if score < min_score or (year and y[1] and year != y[1]) or (x == y and copies):
                continue
            if (aspects, y[2]) not in different:
                different[(aspects, y[2])] = bool(compare(first[x], first[y], ignore).different)
            if not different[(aspects, y[2])]:
                edges[(first[x].id, first[y].id)] = score
    return edges


def _align_task(task: tuple[list[Claim], float, frozenset[str], Mapping[str, frozenset[str]]]) -> Edges:
    """``align_block`` of one block's arguments: a function of one item, for a map."""
    return align_block(*task)


def lowest_by_doc(classes: Mapping[str, list[Claim]]) -> dict[str, dict[str, Claim]]:
    """Per class, each document's claim of the smallest id."""
    return {x: _lowest_by_doc(members) for x, members in classes.items()}


def _lowest_by_doc(claims: list[Claim]) -> dict[str, Claim]:
    """Each document's claim of the smallest id among ``claims``."""
    lowest: dict[str, Claim] = {}
    for claim in claims:
        if claim.doc not in lowest or claim.id < lowest[claim.doc].id:
            lowest[claim.doc] = claim
    return lowest


def _keep_best(row: Row, doc: str, score: float, other: Claim, y: str) -> None:
    """Keep, per other document, the best-scoring other claim (ties: the smaller id)."""
    current = row.get(doc)
    if current is None or score > current[0] or (score == current[0] and other.id < current[1].id):
        row[doc] = (score, other, y)

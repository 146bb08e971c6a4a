"""Facts: claims of different documents aligned as statements of the same thing.

Connected links (``checks.alignment.Link``: classes of identical statements aligned with each
other) form one fact. Each claim of a fact is a statement of it, with the claims of other
documents whose intervals agree with it and those that disagree. Claims alike for comparing (the
same aspects and interval) share their lists, so a fact of thousands of copies holds one list
per distinct figure, not one per claim. Of a figure's agreeing and disagreeing keys, the fewer
are listed (found by sorted bounds, ``checks.overlaps``) and the others held as the comparable
keys less those: a fact of K different figures costs about K log K, not K sets of K keys.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from itertools import chain, islice
from operator import attrgetter, itemgetter
from typing import Any

from checks import sweep
from checks.alignment import Alignment, Link
from checks.comparable import compare, comparison_key
from checks.overlaps import Overlaps
from checks.sweep import Bound
from checks.values import interval, is_exact
from claims.claim import Claim


class Others:
    """The claims of a fact whose key (aspects and interval) is one of ``keys`` but none of
    ``less`` (some of ``keys``), in the fact's order, without those of document ``doc``: a
    read-only sequence shared in all but ``doc``. Most of a fact's keys are held as the keys of
    some aspects ``less`` the few others, so that a fact of K figures holds no K sets of K keys."""

    __slots__ = ("_fact", "keys", "less", "doc", "_length")

    def __init__(self, fact: _Keyed, keys: frozenset[tuple], doc: str, less: frozenset[tuple] = frozenset()) -> None:
        self._fact, self.keys, self.less, self.doc = fact, keys, less, doc
        own = [fact.key_of[o.id] for o in fact.of_doc[doc]]  # the keys of ``doc``'s claims
        held = sum(1 for key in own if key in keys and key not in less) if less else sum(key in keys for key in own)
        self._length = fact.size(keys) - (fact.size(less) if less else 0) - held

    def _has(self, key: tuple | None) -> bool:
        return key in self.keys and key not in self.less

    def __len__(self) -> int:
        return self._length

    def __bool__(self) -> bool:
        return self._length > 0

    def __iter__(self) -> Iterator[Claim]:
        fact = self._fact
        return (claim for claim in fact.head(self.keys, fact.size(self.keys))
                if claim.doc != self.doc and fact.key_of[claim.id] not in self.less)

    def __getitem__(self, item: slice) -> tuple[Claim, ...]:
        if item.start or item.step or item.stop is None:
            return tuple(islice(iter(self), item.start, item.stop, item.step))
        fact = self._fact  # enough outside ``doc`` and ``less``:
        head = fact.head(self.keys, item.stop + len(fact.of_doc[self.doc]) + fact.size(self.less))
        return tuple(islice((claim for claim in head if claim.doc != self.doc
                             and fact.key_of[claim.id] not in self.less), item.stop))

    def __contains__(self, claim: object) -> bool:
        return isinstance(claim, Claim) and claim.doc != self.doc and self._has(self._fact.key_of.get(claim.id))

    def aspects(self) -> list[Claim]:
        """One claim per distinct ``comparison_key``: what ``compare`` reads (looked through
        per aspect, not per figure)."""
        fact, found = self._fact, []
        for keys in fact.by_aspect(self.keys):
            kept = (key for key in keys if key not in self.less)
            first = next(kept, None)
            if first is None:
                continue
            claim = next((claim for key in chain((first,), kept) for claim in fact.top(key, _first, self.doc)), None)
            if claim is not None:
                found.append((fact.rank(first), claim))
        return [claim for _, claim in sorted(found, key=itemgetter(0))]

    def only(self, keep: Callable[[Claim], bool]) -> Others:
        """The claims of the keys whose claims ``keep`` holds for (judged by one of each key; kept
        per ``keep`` object, so pass the same one for claims alike)."""
        kept = self._fact.only(self.keys, keep)
        return Others(self._fact, kept, self.doc, frozenset(key for key in self.less if key in kept) if self.less
                      else self.less)

    def least(self, rank: Callable[[Claim], Any]) -> Claim | None:
        """The claim of the lowest ``rank`` (ties: the first in the fact's order), None if empty;
        each key's ranking is kept per ``rank`` object, so pass the same one for a fact's claims."""
        return self._fact.least(self.keys, rank, self.doc, self.less)


@dataclass(frozen=True, slots=True)
class Statement:
    """One claim of a fact, with the claims of other documents that agree and disagree with it."""

    claim: Claim
    agree: Others
    disagree: Others
    score: float

    @property
    def support(self) -> int:
        return 1 + len(self.agree)


def _first(claim: Claim) -> int:
    return 0


@dataclass
class _Keyed:
    """A fact's claims by key (aspects and interval in the fact's unit, unit, exactness), for
    ``Others``."""

    claims: tuple[Claim, ...]
    key_of: dict[str, tuple] = field(default_factory=dict)
    members: dict[tuple, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    of_doc: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    index: dict[str, int] = field(default_factory=dict)
    _sizes: dict[frozenset[tuple], int] = field(default_factory=dict)
    _rank: dict[tuple, int] = field(default_factory=dict)
    _top: dict[tuple, list[Claim]] = field(default_factory=dict)
    _ranked: dict[tuple, list[Claim]] = field(default_factory=dict)
    _heads: dict[frozenset[tuple], tuple[Claim, ...]] = field(default_factory=dict)
    _only: dict[tuple, frozenset[tuple]] = field(default_factory=dict)
    _aspects: dict[frozenset[tuple], list[list[tuple]]] = field(default_factory=dict)
    _interned: dict[frozenset[tuple], frozenset[tuple]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unit = self.claims[0].unit
        for number, claim in enumerate(self.claims):
            key = (comparison_key(claim), interval(claim, unit), claim.unit, is_exact(claim))
            self.key_of[claim.id] = key
            self.members[key].append(claim)
            self.of_doc[claim.doc].append(claim)
            self.index[claim.id] = number
        self._rank = {key: number for number, key in enumerate(self.members)}

    def position(self, claim: Claim) -> int:
        return self.index[claim.id]

    def rank(self, key: tuple) -> int:
        """Where ``key`` first stands in the fact's order, among its keys."""
        return self._rank[key]

    def top(self, key: tuple, rank: Callable[[Claim], Any], doc: str) -> list[Claim]:
        """The claim of ``key`` of the lowest ``rank`` (ties: the first) outside document ``doc``."""
        return self._outside(self._two_of(key, rank), doc)

    def _two_of(self, key: tuple, rank: Callable[[Claim], Any]) -> list[Claim]:
        if (key, rank) not in self._top:
            self._top[(key, rank)] = self._two(self.members[key], rank)
        return self._top[(key, rank)]

    def least(self, keys: frozenset[tuple], rank: Callable[[Claim], Any], doc: str,
              less: frozenset[tuple]) -> Claim | None:
        """The claim of ``keys`` but ``less`` of the lowest ``rank`` (ties: the first) outside
        document ``doc``: the first such of each key's two (``_two``), ranked once per key set."""
        if (keys, rank) not in self._ranked:
            self._ranked[(keys, rank)] = self._sorted([o for key in keys for o in self._two_of(key, rank)], rank)
        key_of = self.key_of
        return next((o for o in self._ranked[(keys, rank)] if o.doc != doc and key_of[o.id] not in less), None)

    def _sorted(self, claims: list[Claim], rank: Callable[[Claim], Any]) -> list[Claim]:
        return sorted(claims, key=lambda claim: (rank(claim), self.index[claim.id]))

    def _two(self, claims: list[Claim], rank: Callable[[Claim], Any]) -> list[Claim]:
        """The lowest-ranked claim and the lowest-ranked of another document (ties: the first)."""
        ranked = self._sorted(claims, rank)
        return ranked[:1] + [next((o for o in ranked if o.doc != ranked[0].doc), ranked[0])] if ranked else []

    @staticmethod
    def _outside(two: list[Claim], doc: str) -> list[Claim]:
        if not two:
            return []
        first, other = two
        return [first] if first.doc != doc else [other] if other.doc != doc else []

    def only(self, keys: frozenset[tuple], keep: Callable[[Claim], bool]) -> frozenset[tuple]:
        if (keys, keep) not in self._only:
            self._only[(keys, keep)] = self.interned(frozenset(key for key in keys if keep(self.members[key][0])))
        return self._only[(keys, keep)]

    def interned(self, keys: frozenset[tuple]) -> frozenset[tuple]:
        """``keys`` as the one object of sets equal to it: the caches keyed by key sets then find
        it by identity, not by comparing thousands of keys."""
        return self._interned.setdefault(keys, keys)

    def by_aspect(self, keys: frozenset[tuple]) -> list[list[tuple]]:
        """``keys`` in the fact's order, by their aspects (``comparison_key``): kept per key set."""
        if keys not in self._aspects:
            grouped: dict[tuple, list[tuple]] = {}
            for key in self.ordered(keys):
                grouped.setdefault(key[0], []).append(key)
            self._aspects[keys] = list(grouped.values())
        return self._aspects[keys]

    def head(self, keys: frozenset[tuple], length: int) -> tuple[Claim, ...]:
        """At least the first ``length`` claims of ``keys`` in the fact's order (kept per key set,
        and at least doubled when a longer one is asked for)."""
        kept = self._heads.get(keys)
        if kept is None or (len(kept) < length and len(kept) < self.size(keys)):
            length = max(length, 2 * len(kept or ()))
            lists = [self.members[key][:length] for key in keys]
            kept = tuple(sorted((claim for found in lists for claim in found), key=self.position)[:length])
            self._heads[keys] = kept
        return kept

    def size(self, keys: frozenset[tuple]) -> int:
        if keys not in self._sizes:
            self._sizes[keys] = sum(len(self.members[key]) for key in keys)
        return self._sizes[keys]

    def ordered(self, keys: frozenset[tuple]) -> list[tuple]:
        return sorted(keys, key=self._rank.__getitem__)


_WHERE = ("id", "doc", "start", "end", "span", "sentence", "clause")
_FIGURE = ("value", "low", "high", "precision", "text")
_FORM = tuple(item.name for item in fields(Claim) if item.name not in _WHERE + _FIGURE)
_form: Callable[[Claim], tuple] = attrgetter(*_FORM)


def form(claim: Claim) -> tuple:
    """What a pair rule reads of a claim besides where it stands and its figure (and whether the
    figure is exact): claims of one form are judged alike but for their figures."""
    return *_form(claim), is_exact(claim)


@dataclass(frozen=True, slots=True)
class Bounds:
    """How a pair rule judges the pairs of two forms: the pair's ``flagged`` claim (``pair.a`` or
    ``pair.b``) is flagged when its ``mine`` bound lies at or above the other claim's ``theirs``
    (strictly above when ``strict``); a bound None flags nothing."""

    flagged: Claim
    mine: Bound
    theirs: Bound
    strict: bool = False


Judge = Callable[[Alignment], Bounds | None]
"""A pair rule's judge: it sees one pair per shape and must judge by the claims' forms alone."""


@dataclass(frozen=True, slots=True)
class Shape:
    """Aligned pairs alike but for their figures: each claim of ``first`` with each claim of
    ``second`` in a later document, one form on each side, both sides in input order (at most one
    claim per document) with their documents' ranks."""

    first: tuple[Claim, ...]
    second: tuple[Claim, ...]
    score: float
    uncertain: tuple[str, ...]
    ranks: tuple[list[int], list[int]] = field(repr=False, compare=False)

    @property
    def pair(self) -> Alignment:
        """The pair that stands for all: the first claim of ``first`` with the last of ``second``."""
        return Alignment(self.first[0], self.second[-1], self.score, self.uncertain)

    def sides(self, bounds: Bounds) -> tuple[tuple[Claim, ...], list[int], tuple[Claim, ...], list[int], bool]:
        """The flagged side and its ranks, the other side and its ranks, and whether the flagged
        claims come first (their partners are in later documents)."""
        if bounds.flagged is self.first[0]:
            return self.first, self.ranks[0], self.second, self.ranks[1], True
        return self.second, self.ranks[1], self.first, self.ranks[0], False

    def alignment(self, claim: Claim, other: Claim, earlier: bool) -> Alignment:
        return Alignment(claim, other, self.score, self.uncertain) if earlier \
            else Alignment(other, claim, self.score, self.uncertain)


@dataclass(frozen=True)
class Fact:
    """The claims of one fact in input order (document, then position), and the links joining
    them; ``order`` ranks the documents."""

    claims: tuple[Claim, ...]
    links: tuple[Link, ...]
    order: Mapping[str, int] = field(repr=False, compare=False)

    @cached_property
    def shapes(self) -> tuple[Shape, ...]:
        """The fact's pairs as shapes: per link, the claims of one form on each side, in each
        order of documents that has a pair."""
        position = self.order.__getitem__
        found = []
        for link in self.links:
            left, right = _forms(link.left, self.order), _forms(link.right, self.order)
            sides = [(left, left, link.forward)] if link.left == link.right else \
                [(left, right, link.forward), (right, left, link.backward)]
            for firsts, seconds, uncertain in sides:
                for first, first_ranks in firsts:
                    for second, second_ranks in seconds:
                        if position(first[0].doc) < position(second[-1].doc):
                            found.append(Shape(first, second, link.score, uncertain, (first_ranks, second_ranks)))
        return tuple(found)

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        """Every claim as a statement: agreeing and disagreeing claims of other documents (those
        that are a different fact, joined only through a third claim, are neither), and the best
        alignment score it takes part in."""
        keyed = _Keyed(self.claims)
        groups: dict[tuple, list[tuple]] = {}  # the keys by aspects, in the fact's order
        for key in keyed.members:
            groups.setdefault(key[0], []).append(key)
        first = {aspects: keyed.members[keys[0]][0] for aspects, keys in groups.items()}
        near = {aspects: [other for other in groups if not compare(claim, first[other]).different]
                for aspects, claim in first.items()}  # the aspects each aspects' claims compare with
        searched = {aspects: Overlaps([(key, key[1]) for key in keys]) for aspects, keys in groups.items()}
        comparable = {aspects: keyed.interned(frozenset(key for other in others for key in groups[other]))
                      for aspects, others in near.items()}
        related: dict[tuple, tuple[tuple[frozenset[tuple], frozenset[tuple]], ...]] = {}
        for key in keyed.members:
            indexes, keys = [searched[other] for other in near[key[0]]], comparable[key[0]]
            if 2 * sum(index.apart_bound(key[1]) for index in indexes) < len(keys):  # few apart: agree is the rest
                apart = frozenset(found for index in indexes for found in index.apart(key[1]))
                related[key] = ((keys, apart), (apart, frozenset()))
            else:
                agree = frozenset(found for index in indexes for found in index.overlapping(key[1]))
                related[key] = ((agree, frozenset()), (keys, agree))
        scores = _scores(self.links)
        found = []
        for claim in self.claims:
            (agree, fewer), (disagree, less) = related[keyed.key_of[claim.id]]
            found.append(Statement(claim, Others(keyed, agree, claim.doc, fewer),
                                   Others(keyed, disagree, claim.doc, less), scores[claim.id]))
        return tuple(found)


def flagged(fact: Fact, judge: Judge, listed: int) -> Iterator[tuple[Claim, int, list[Alignment]]]:
    """The claims a pair rule flags, in the fact's order: per claim ``judge``'s bounds flag in
    some of its pairs, how many such pairs it has and the first ``listed`` of them (by the other
    claim's place in the input)."""
    found: dict[str, list[tuple[int, list[Claim], Shape, bool]]] = defaultdict(list)
    for shape in fact.shapes:
        bounds = judge(shape.pair)
        if bounds is None:
            continue
        side, side_ranks, others, other_ranks, earlier = shape.sides(bounds)
        for claim, count, first in sweep.partners(side, side_ranks, others, other_ranks, bounds.mine, bounds.theirs,
                                                  bounds.strict, earlier, listed):
            found[claim.id].append((count, first, shape, earlier))
    position = {claim.id: number for number, claim in enumerate(fact.claims)}
    for claim in fact.claims:
        sides = found.get(claim.id)
        if not sides:
            continue
        tagged = [[(position[o.id], o, shape, earlier) for o in first] for _, first, shape, earlier in sides]
        first = islice(heapq.merge(*tagged, key=itemgetter(0)), listed)
        yield claim, sum(count for count, _, _, _ in sides), [shape.alignment(claim, o, earlier)
                                                               for _, o, shape, earlier in first]


def flagged_pairs(fact: Fact, judge: Judge) -> Iterator[Alignment]:
    """Every pair ``judge``'s bounds flag, shape by shape."""
    for shape in fact.shapes:
        bounds = judge(shape.pair)
        if bounds is not None:
            side, side_ranks, others, other_ranks, earlier = shape.sides(bounds)
            for claim, other in sweep.pairs(side, side_ranks, others, other_ranks, bounds.mine, bounds.theirs,
                                            bounds.strict, earlier):
                yield shape.alignment(claim, other, earlier)



def _forms(claims: tuple[Claim, ...], order: Mapping[str, int]) -> list[tuple[tuple[Claim, ...], list[int]]]:
    """The claims (of a link's side: in input order) by form, each group with its documents' ranks."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[form(claim)].append(claim)
    return [(tuple(group), [order[claim.doc] for claim in group]) for group in groups.values()]


def _scores(links: tuple[Link, ...]) -> dict[str, float]:
    """Each claim's best score among the links it has a pair in."""
    scores: dict[str, float] = {}
    for link in links:
        sides = [(link.left, link.right)] if link.left == link.right else [(link.left, link.right),
                                                                           (link.right, link.left)]
        for side, opposite in sides:
            docs = {claim.doc for claim in opposite}
            for claim in side:
                if len(docs) > 1 or claim.doc not in docs:
                    scores[claim.id] = max(scores.get(claim.id, 0.0), link.score)
    return scores


def facts(links: list[Link], order: dict[str, int]) -> list[Fact]:
    """The facts the links form, ordered by their first claim; ``order`` ranks documents."""
    parent: dict[str, str] = {}

    def root(claim_id: str) -> str:
        while parent.setdefault(claim_id, claim_id) != claim_id:
            parent[claim_id] = parent[parent[claim_id]]  # path halving
            claim_id = parent[claim_id]
        return claim_id

    claims: dict[str, Claim] = {}
    for link in links:
        joined = root(link.left[0].id)  # stays the root: the link's claims join it
        for claim in link.claims:
            claims[claim.id] = claim
            own = root(claim.id)
            if own != joined:
                parent[own] = joined
    members: dict[str, list[Claim]] = {}
    for claim_id, claim in claims.items():
        members.setdefault(root(claim_id), []).append(claim)
    joining: dict[str, list[Link]] = {}
    for link in links:
        joining.setdefault(root(link.left[0].id), []).append(link)

    def position(claim: Claim) -> tuple[int, int]:
        return order[claim.doc], claim.start
    found = [Fact(tuple(sorted(group, key=position)), tuple(joining[key]), order) for key, group in members.items()]
    return sorted(found, key=lambda fact: position(fact.claims[0]))

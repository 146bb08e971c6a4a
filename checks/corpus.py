"""What the rules read: the readable documents, their claims, and lookups built once."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import groupby
from operator import attrgetter
from typing import Any

from checks.alignment import Link, MapBlocks, align, lowest_by_doc, statement_classes, statement_groups
from checks.corrections import Correction, corrections, notice_spans
from checks.facts import Fact, Statement, facts
from checks.passages import Restatement, restatements
from claims.claim import Claim
from sources.document import Document
from sources.gazetteer import load_gazetteer
from sources.naming import names

_NONE: frozenset[str] = frozenset()
_id, _doc = attrgetter("id"), attrgetter("doc")


@dataclass
class Corpus:
    """Documents with status "ok" and all their claims, in reading order."""

    documents: list[Document]
    claims: list[Claim]
    by_id: dict[str, Claim] = field(init=False)
    _memo: dict[Hashable, Any] = field(init=False, default_factory=dict)
    notes: dict[str, set[str]] = field(init=False, default_factory=dict)  # what rules note besides findings
    run: MapBlocks = field(default=map, repr=False, compare=False)  # maps the alignment blocks

    def __post_init__(self) -> None:
        self.documents = [doc for doc in self.documents if doc.ok]
        self.by_id = {claim.id: claim for claim in self.claims}

    def aligned(self, min_score: float, across_levels: bool = False,
                ignore: frozenset[str] = frozenset()) -> list[Link]:
        """Alignments of claims across documents (links between classes of identical statements),
        computed once per setting.

        ``across_levels`` aligns a place with the places above and below it (same province), for
        scope checks; otherwise only claims about the same place align.
        """
        place = _province if across_levels else _place
        groups = self.memo("statement groups", lambda: statement_groups(self._alignable, self._restated_by))
        classes = self.memo(("classes", across_levels),
                            lambda: statement_classes(self._alignable, place, self._restated_by, groups))
        lowest = self.memo(("lowest", across_levels), lambda: lowest_by_doc(classes))
        return self.memo(("aligned", min_score, across_levels, ignore),
                         lambda: align(self._alignable, [doc.id for doc in self.documents], min_score, place,
                                       ignore, self._restated_by, self.run, classes, lowest))

    def facts(self, min_score: float, across_levels: bool = False,
              ignore: frozenset[str] = frozenset()) -> list[Fact]:
        """The facts the alignments at ``min_score`` form (computed once per setting)."""
        return self.memo(("facts", min_score, across_levels, ignore),
                         lambda: facts(self.aligned(min_score, across_levels, ignore), self.order))

    def statements(self, min_score: float) -> list[Statement]:
        """Every statement of every same-place fact at ``min_score``."""
        return [statement for fact in self.facts(min_score) for statement in fact.statements]

    @cached_property
    def restatements(self) -> list[Restatement]:
        """The figures of sentences copied across documents (``checks.passages``); a correction
        notice's figures are left out."""
        inside = self._in_notices
        stated = {doc: [claim for claim in claims if claim.id not in inside]
                  for doc, claims in self.claims_of.items()} if inside else self.claims_of
        return restatements(self.documents, stated)

    @cached_property
    def corrections(self) -> list[Correction]:
        """The figures the correction notices of every document correct (``checks.corrections``)."""
        return [found for doc in self.documents for found in corrections(doc, self.claims_of[doc.id])]

    @cached_property
    def _in_notices(self) -> frozenset[str]:
        """The ids of the claims inside correction notices."""
        inside = set()
        for doc in self.documents:
            spans = notice_spans(doc)
            if spans:  # most documents have none: their claims are not looked through
                inside |= {claim.id for claim in self.claims_of[doc.id]
                           if any(start <= claim.span[0] < end for start, end in spans)}
        return frozenset(inside)

    def in_notice(self, claim: Claim) -> bool:
        """Whether a claim stands in a correction notice: it states no fact of its own."""
        return claim.id in self._in_notices

    @cached_property
    def _restated_by(self) -> dict[str, frozenset[str]]:
        """Each restated claim's id → the documents restating its figure in the same words."""
        found = {}
        for restatement in self.restatements:
            found.update(dict.fromkeys(map(_id, restatement.claims), frozenset(map(_doc, restatement.claims))))
        return found

    @cached_property
    def _alignable(self) -> list[Claim]:
        """The claims subject alignment looks at: not those of correction notices, nor those every
        document restates in the same words (no document is left to state them otherwise), so a
        thousand copies cost nothing."""
        everyone, restated, inside = len(self.documents), self._restated_by, self._in_notices
        if not restated and not inside and everyone:
            return list(self.claims)
        return [claim for claim in self.claims
                if len(restated.get(claim.id, _NONE)) < everyone and claim.id not in inside]

    def copied(self, a: Claim, b: Claim) -> bool:
        """Whether ``a`` or ``b`` is restated in the same words by the other's document: such a pair
        is the restatement rules' business, and is not aligned again by subject."""
        return b.doc in self.restating(a) or a.doc in self.restating(b)

    def restating(self, claim: Claim) -> frozenset[str]:
        """The documents restating ``claim``'s figure in the same words, its own included (none
        when no other document does)."""
        return self._restated_by.get(claim.id, _NONE)

    def note(self, key: str, *items: str) -> None:
        """Record ``items`` under ``key`` (the documents a family left alone): what a run reports
        besides its findings, kept apart from ``memo`` so that a forked checker can send it back."""
        self.notes.setdefault(key, set()).update(items)

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per corpus and ``key`` (a table or a validation several rules share)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def order(self) -> dict[str, int]:
        """Each document's position in the input."""
        return {doc.id: index for index, doc in enumerate(self.documents)}

    @cached_property
    def _names(self) -> dict[str, str]:
        return names(self.documents)

    def name(self, doc_id: str) -> str:
        """How messages name a document: its outlet, title or date (``sources.naming``)."""
        return self._names.get(doc_id, doc_id)

    @cached_property
    def document(self) -> dict[str, Document]:
        return {doc.id: doc for doc in self.documents}

    @cached_property
    def claims_of(self) -> dict[str, list[Claim]]:
        grouped: dict[str, list[Claim]] = {doc.id: [] for doc in self.documents}
        for doc, claims in groupby(self.claims, _doc):  # a document's claims come together
            grouped.setdefault(doc, []).extend(claims)
        return grouped


def _place(claim: Claim) -> str | None:
    return claim.place


def _province(claim: Claim) -> str | None:
    """The province-level place above a claim's place (itself for a province), for blocking."""
    return _province_of(claim.place)


@cache
def _province_of(place: str | None) -> str | None:
    gazetteer = load_gazetteer()
    places = gazetteer.lookup(place) if place else ()
    if not places:
        return place
    chain = [places[0], *gazetteer.ancestors(places[0])]
    return chain[-1].name

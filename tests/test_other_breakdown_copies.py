"""AR05 over many copies: documents with the same breakdowns are judged once as a group, and the
finding still names the first other document, in input order, whose lists explain the gap."""
from __future__ import annotations

from checks.arithmetic.other_breakdown import PartAgainstOtherBreakdown
from checks.corpus import Corpus
from pipeline import load

WRONG = "2026年全市新建充电站共计60座(昆都仑区20座、青山区15座、东河区10座)。"  # adds up to 45
EXPLAINS = "2026年全市新建充电站60座。在60座充电站中,昆都仑区20座、青山区15座、东河区25座。"
UNEXPLAINED = "2026年全市新建充电站60座。在60座充电站中,昆都仑区20座、青山区10座、东河区30座。"  # two parts differ


def findings(tmp_path, texts: list[str]) -> list:
    for index, text in enumerate(texts):
        (tmp_path / f"d{index:02d}.txt").write_text(text, encoding="utf-8")
    claim_set = load([tmp_path])
    return list(PartAgainstOtherBreakdown().check_corpus(Corpus(claim_set.documents, claim_set.claims)))


def test_each_wrong_copy_is_flagged_against_the_first_document_that_explains_it(tmp_path):
    texts = [UNEXPLAINED, WRONG, *[EXPLAINS] * 6, WRONG, UNEXPLAINED, WRONG]
    found = findings(tmp_path, texts)
    assert [(f.doc, f.evidence["part"], f.evidence["other_parts"]) for f in found] == [
        (doc, "10座", ["25座"]) for doc in ("d01", "d08", "d10")]
    assert {location.doc for f in found for location in f.related} == {"d01", "d08", "d10", "d02"}


def test_a_document_is_never_its_own_reference(tmp_path):
    both = WRONG + EXPLAINS  # wrong, and a list that explains the gap, in one document
    found = findings(tmp_path, [both, EXPLAINS, both])
    assert [(f.doc, sorted({loc.doc for loc in f.related} - {f.doc})) for f in found] == [
        ("d00", ["d01"]), ("d02", ["d00"])]  # d00 explains d02's gap; it skips only itself

"""Passages copied across documents: masked keys, families of close keys, figures by position."""
from __future__ import annotations

from collections import defaultdict

from checks.corpus import Corpus
from checks.passages import MASK, MIN_WORDS, Passage, passage_key, passages
from claims.extract import extract_claims
from sources.reader import document_from_text


def _corpus(*texts: str) -> Corpus:
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(texts)]
    return Corpus(documents, [claim for doc in documents for claim in extract_claims(doc)])


def _restated(*texts: str) -> list[list[str]]:
    corpus = _corpus(*texts)
    return [[f"{claim.doc}:{claim.text}" for claim in restatement.claims] for restatement in corpus.restatements]


def test_the_key_masks_each_claim_and_drops_punctuation_and_spaces():
    corpus = _corpus("截至6月底，全市累计培训志愿者 1,200人次、建成17个“生活圈”。")
    [passage] = passages(corpus.documents, corpus.claims_of)
    assert passage.key == f"截至{MASK}全市累计培训志愿者{MASK}建成{MASK}生活圈"
    assert [claim.text for claim in passage.claims] == ["6月底", "1,200人次", "17个"]
    assert passage_key("建成17个生活圈", 0, []) == "建成17个生活圈"


def test_a_traditional_copy_with_changed_figures_has_the_same_key():
    first, second = (passages(c.documents, c.claims_of)[0].key for c in (
        _corpus("全市共投入资金18.6亿元改造老旧小区272个。"), _corpus("全市共投入資金186億元改造老舊小區270餘個。")))
    assert first == second


def test_figures_align_by_position_even_when_the_copy_is_shuffled():
    assert _restated("全市建成17个生活圈,培训志愿者1200人次。全年开展各类理论宣讲活动800余场。",
                     "全年开展各类理论宣讲活动800余场。全市建成14个生活圈,培训志愿者1200人次。") == [
        ["d0:17个", "d1:14个"], ["d0:1200人次", "d1:1200人次"], ["d0:800余场", "d1:800余场"]]


def test_a_lightly_reworded_copy_joins_and_its_figures_map_across_the_edit():
    restated = _restated("2025年呼和浩特市计划完成老旧小区改造272个,涉及居民约53424户,概算投资约18.6亿元。",
                         "2025年呼和浩特市方案完结老旧小区改造工作272个,涉及居民约53424户,概算投资约186亿元。")
    assert ["d0:约18.6亿元", "d1:约186亿元"] in restated and ["d0:272个", "d1:272个"] in restated


def test_sentences_with_other_numerals_or_another_order_are_not_copies():
    assert _restated("1—9月,全国新开工改造城镇老旧小区5.13万个,惠及居民851万户,开工率达到97%。",
                     "1—10月,全国新开工改造城镇老旧小区5.28万个,惠及居民870万户,开工率达到99.6%。") == []
    assert _restated("全市第二产业增加值359.8亿元,比上年增长2.4%,拉动经济增长0.8个百分点。",
                     "全市第三产业增加值606.6亿元,比上年增长5.7%,拉动经济增长3.2个百分点。") == []


def test_a_document_never_restates_itself_in_other_words():
    restated = _restated("第二产业增加值359.8亿元,比上年增长2.4%,拉动经济增长0.8个百分点。"
                         "第三产业增加值606.6亿元,比上年增长5.7%,拉动经济增长3.2个百分点。",
                         "第三产业增加值606.6亿元,比上年增长5.7%,拉动经济增长3.2个百分点。")
    assert restated == [["d0:606.6亿元", "d1:606.6亿元"], ["d0:5.7%", "d1:5.7%"], ["d0:3.2个百分点", "d1:3.2个百分点"]]


def test_a_key_a_document_holds_twice_is_ambiguous_for_it():
    restated = _restated("本月开展文明实践活动12场。本月开展文明实践活动15场。", "本月开展文明实践活动12场。",
                         "本月开展文明实践活动14场。")
    assert restated == [["d1:12场", "d2:14场"]]


def test_a_copied_pair_is_not_aligned_again_by_subject():
    corpus = _corpus("全市建成17个一刻钟便民生活圈。", "全市建成14个一刻钟便民生活圈。")
    first, second = corpus.claims
    assert corpus.copied(first, second) and corpus.aligned(75.0) == []
    reworded = _corpus("全市建成17个一刻钟便民生活圈。", "截至年底,我市一刻钟便民生活圈已达14个。")
    assert not reworded.copied(*reworded.claims) and len(reworded.aligned(75.0)) == 1


def _plain_passages(corpus: Corpus) -> list[Passage]:
    """Every sentence holding a claim made a passage, its key worked out afresh, then the short ones
    and those whose key lost a mask left out."""
    found = []
    for doc in corpus.documents:
        by_sentence = defaultdict(list)
        for claim in corpus.claims_of[doc.id]:
            by_sentence[claim.sentence.index].append(claim)
        for members in by_sentence.values():
            members.sort(key=lambda claim: claim.span)
            sentence = members[0].sentence
            key = passage_key(doc.text[sentence.start:sentence.end], sentence.start, members)
            passage = Passage(doc.id, sentence.start, sentence.end, key, tuple(members))
            if passage.words >= MIN_WORDS and key.count(MASK) == len(members):
                found.append(passage)
    return found


def test_repeated_and_short_sentences_give_the_passages_of_the_plain_definition():
    page = "全市3个。" * 40 + "全市共投入资金18.6亿元改造老旧小区272个。" * 3 + "截至6月底,建成17个“生活圈”。"
    corpus = _corpus(page, "全市共投入资金18.6亿元改造老旧小区272个。全市3个。", "3个5人" * 300)
    found = passages(corpus.documents, corpus.claims_of)
    assert found == _plain_passages(corpus)
    assert [(p.doc, len(p.claims)) for p in found] == [("d0", 2)] * 3 + [("d1", 2)]  # the others too short

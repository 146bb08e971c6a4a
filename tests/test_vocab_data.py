"""The word lists moved out of the code: each loader gives the modules the words they need, and a
mistake in a data file (a misspelt section header, a missing section) names the file and line."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from checks import alignment
from claims import vocab
from claims.subject import COMPARATOR, preceding
from sources import metadata
from vocab import files
from vocab.files import DataFileError


def test_subject_words_keep_the_order_of_the_leading_filler():
    words = vocab.subject_words()
    leading = words["leading"]
    assert leading.index("已") < leading.index("已经")  # the listed order is the matching order
    assert "共同" in words["not_with"] and "其中" in words["breakdown"] and "change" not in words
    assert words["list_joiners"] == ("、", "和", "及", "与")
    assert re.fullmatch(COMPARATOR, "较上年同期") and re.fullmatch(COMPARATOR, "同比")
    assert preceding("同比提高", None, "居民收入") == "居民收入提高"


def test_figure_and_context_words():
    words = vocab.figure_words()
    assert "以来" in words["date_tails"] and words["open_ended"] == ("以来",)
    assert "份" in words["plain_date_tails"] and "份" not in words["date_tails"]
    assert "居" in words["rank_verbs"] and "聚居" in words["not_rank_verbs"]
    assert words["rank_units"] == ("位", "名") and "ICP备" in words["lookalike_labels"]
    assert vocab.relative_years() == {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "明年": 1}
    assert "携手" in vocab.context_words()["partners"]


def test_metadata_and_alignment_words():
    words = metadata.metadata_words()
    assert "发布日期" in words["date_labels"] and "稿源" in words["source_labels"] and "责编" in words["after_source"]
    assert words["self_prefixes"] == ("我", "全", "本") and words["province"] == ("省",)
    assert words["country"] == ("全国",)
    assert alignment.unit_class(SimpleNamespace(kind="count", measure="名")) == "人"
    assert alignment.unit_class(SimpleNamespace(kind="count", measure="个")) == "个"
    assert alignment._filler().sub("", "全市累计培训人员总数") == "培训人员"


LOADERS = [
    (vocab.subject_words, "claims", "subject_words.txt"),
    (vocab.figure_words, "claims", "figure_words.txt"),
    (vocab.context_words, "claims", "context_words.txt"),
    (vocab.named_numbers, "claims", "named_numbers.txt"),
    (metadata.metadata_words, "sources", "metadata_words.txt"),
    (alignment._filler, "checks", "alignment_words.txt"),
]


def _replacing(monkeypatch, package: str, name: str, change) -> None:
    """Make ``vocab.files`` read ``change(text)`` for one data file."""
    real = files.read_text

    def read_text(pkg: str, file: str) -> str:
        text = real(pkg, file)
        return change(text) if (pkg, file) == (package, name) else text
    monkeypatch.setattr(files, "read_text", read_text)


@pytest.fixture
def fresh(request):
    """Clear the loaders' caches before and after, so the real files are read again afterwards."""
    for loader, _, _ in LOADERS:
        loader.cache_clear()
    vocab.relative_years.cache_clear()
    yield
    for loader, _, _ in LOADERS:
        loader.cache_clear()
    vocab.relative_years.cache_clear()


@pytest.mark.parametrize("loader, package, name", LOADERS, ids=[name for _, _, name in LOADERS])
def test_a_misspelt_section_header_names_the_file_and_line(monkeypatch, fresh, loader, package, name):
    text = files.read_text(package, name)
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("["))
    lines[number - 1] = lines[number - 1].replace("]", "s]")
    _replacing(monkeypatch, package, name, lambda _: "\n".join(lines) + "\n")
    path = re.escape(f"{package}/data/{name}")
    with pytest.raises(DataFileError, match=rf"^{path}:{number}: unknown section \["):
        loader()


@pytest.mark.parametrize("loader, package, name", LOADERS, ids=[name for _, _, name in LOADERS])
def test_a_missing_section_is_an_error(monkeypatch, fresh, loader, package, name):
    _replacing(monkeypatch, package, name, lambda text: text.split("\n[", 2)[0] + "\n[" + text.split("\n[", 2)[1])
    with pytest.raises(DataFileError, match=rf"^{re.escape(f'{package}/data/{name}')}: missing section"):
        loader()


def test_a_word_that_is_no_rank_verb_is_an_error(monkeypatch, fresh):
    _replacing(monkeypatch, "claims", "figure_words.txt", lambda text: text.replace("聚居\n", "聚众\n"))
    with pytest.raises(DataFileError, match=r"figure_words\.txt: \[not_rank_verbs\]: '聚众'"):
        vocab.figure_words()


def test_change_words_serve_subjects_lists_and_growth():
    from claims.vocab import change_words

    words = change_words()
    assert "提高" in words.up and "下降" in words.down and set(words.up).isdisjoint(words.down)
    assert words.verbs[:len(words.up)] == words.up and words.before_to == ("增",)
    assert words.start == ("由", "从") and words.to == ("至", "到")


def test_arithmetic_cross_source_and_style_words():
    from checks.arithmetic import average, breakdowns, share
    from checks.arithmetic.vocab import arithmetic_words
    from checks.cross_source.containment import not_additive
    from checks.style.percent_without_sign import score_words

    words = arithmetic_words()
    assert "合计" in words["total_before"] and "其中" in words["parts_follow"] and "全年共" in words["whole"]
    assert "共" in words["total_opens"] and "共" not in words["total_before"] and words["share_of"] == ("占",)
    assert breakdowns._TOTAL_BEFORE.search("、捐物13.42万元,合计") and breakdowns._PARTS_FOLLOW.match(",其中线上")
    assert share._SHARE.search("占全市农村人口总数的比重") and not share._SHARE.search("线上培训人数")
    assert average._PER.search("划分为17个生活圈,平均每个生活圈").group("unit") == "生活圈"
    assert not_additive().search("城镇居民人均收入") and not not_additive().search("培训人数")
    assert "测评分" in score_words()["subjects"] and "‰" in score_words()["suffixes"]


def test_url_place_and_list_words():
    from checks.integrity.spam import lexicon
    from sources.gazetteer import place_names

    assert lexicon().cited.search("详见:") and lexicon().cited.search("(") and not lexicon().cited.search("发布")
    names = place_names()
    assert names.suffixes[3].index("自治县") < names.suffixes[3].index("县") and names.suffixes[1][0] == "特别行政区"
    assert "联合" in names.banner_directions and names.broken_endings == {"市场", "区域"}
    words = vocab.list_words()
    assert words.joiners == vocab.subject_words()["list_joiners"] and words.respectively == "分别"
    assert words.between_figures == {*words.joiners, ",、"}


def _new_loaders():
    from checks.arithmetic.vocab import arithmetic_words
    from checks.integrity.spam import lexicon
    from checks.style.percent_without_sign import score_words

    return [(arithmetic_words, "checks.arithmetic", "arithmetic_words.txt", "per_measure"),
            (score_words, "checks.style", "score_words.txt", "suffixes"),
            (lexicon, "checks.integrity", "spam.txt", "cites-url")]


@pytest.mark.parametrize("index", range(3), ids=["arithmetic_words", "score_words", "spam"])
def test_a_missing_section_of_the_new_word_lists_names_the_file(monkeypatch, index):
    loader, package, name, section = _new_loaders()[index]
    _replacing(monkeypatch, package, name, lambda text: text.replace(f"\n[{section}]\n", "\n"))
    loader.cache_clear()
    try:
        path = re.escape(f"{package.replace('.', '/')}/data/{name}")
        with pytest.raises(DataFileError, match=rf"^{path}: missing section\(s\) \[{section}\]"):
            loader()
    finally:
        loader.cache_clear()


def test_place_names_without_a_key_name_the_file(monkeypatch):
    from sources.gazetteer import place_names

    _replacing(monkeypatch, "sources", "place_names.toml",
               lambda text: text.replace("broken_endings = ", "broken_ending = "))
    place_names.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"^sources/data/place_names\.toml: missing or unknown key 'broken_"):
            place_names()
    finally:
        place_names.cache_clear()

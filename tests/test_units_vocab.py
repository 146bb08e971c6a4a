"""The unit registry, the vocabularies and the interval arithmetic behind every claim."""
from __future__ import annotations

import tomllib
from decimal import Decimal as D

import pint
import pytest

from claims import vocab
from claims.intervals import interval
from claims.numbers import parse_number, plain, step_of
from claims.units import convert, units


@pytest.mark.parametrize("numeral, value, step", [
    ("270", D(270), D(10)), ("5000", D(5000), D(1000)), ("17", D(17), D(1)), ("1,234", D(1234), D(1)),
    ("53.21", D("53.21"), D("0.01")), ("十七", D(17), D(1)), ("两万", D(20000), D(10000)),
    ("三千", D(3000), D(1000)), ("万", D(10000), D(10000)), ("二〇二四", D(2024), D(1)), ("三点五", D("3.5"), D("0.1")),
])
def test_numerals(numeral, value, step):
    assert (parse_number(numeral), step_of(numeral)) == (value, step)


def test_step_scales_with_the_scale_word():
    assert step_of("2.8", D(10000)) == D(1000)


def test_plain_numbers_for_json():
    assert (plain(D("16.4") * D(10**8)), plain(D("0.005")), plain(D("532100.00"))) == (1640000000, 0.005, 532100)


@pytest.mark.parametrize("meanings, x, step, expected", [
    ([], D(279), D(1), (D(279), D(279))),
    (["truncated"], D(270), D(10), (D(270), D(280))),
    (["nearly"], D(100), D(100), (D(90), D(100))),
    (["about"], D(40000), D(10000), (D(35000), D(45000))),
    (["about"], D(1000), D(1), (D(950), D(1050))),
    (["more_than"], D(5), D(1), (D(5), None)),
    (["at_most"], D(5), D(1), (D(0), D(5))),
    (["more_than", "truncated"], D(410), D(10), (D(410), D(420))),
])
def test_interval_meanings(meanings, x, step, expected):
    assert interval(x, step, meanings) == expected


def test_unknown_meaning_is_rejected():
    with pytest.raises(ValueError, match="unknown qualifier meaning"):
        interval(D(1), D(1), ["roughly"])


def test_every_unit_word_is_a_registry_unit_with_a_kind():
    table = units()
    assert {u.kind for u in table.values()} >= {"money", "percent", "percentage_points", "weight", "area", "length",
                                                 "duration"}
    assert table["亩"].dimensionality == table["平方米"].dimensionality == "[length] ** 2"


def test_chinese_units_convert_exactly():
    assert convert(D(3), "mu", "meter ** 2") == D(2000)
    assert convert(D("662"), "tonne", "kilogram") == D(662000)
    assert convert(D(2), "jin", "kilogram") == D(1)


@pytest.mark.parametrize("unit, other", [("yuan", "us_dollar"), ("percent", "item"), ("percent", "percentage_point")])
def test_incompatible_dimensions_never_convert(unit, other):
    with pytest.raises(pint.DimensionalityError):
        convert(D(43), unit, other)


def test_vocabulary_files_load():
    assert vocab.qualifiers().prefix["近"] == "nearly"
    assert vocab.qualifiers().suffix["余"] == "truncated"
    assert vocab.measure_words()["人次"] == "人次"
    assert "120" in vocab.named_numbers()["hotlines"]
    assert "改造" in vocab.subject_words()["transform"]
    assert vocab.not_before()["年"].split("|")[:2] == ["代", "级"]


def test_a_bad_qualifier_meaning_names_the_section(monkeypatch):
    bad = '[parameters]\nnearly = 0.1\nabout = 0.05\n[prefix]\n"近" = "sorta"\n[suffix]\n[vague]\n'
    monkeypatch.setattr(vocab, "toml_data", lambda package, name: tomllib.loads(bad))
    vocab.qualifiers.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"\[prefix\].*sorta"):
            vocab.qualifiers()
    finally:
        vocab.qualifiers.cache_clear()

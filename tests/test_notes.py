"""The notes on standard error follow --lang: Chinese under zh, English by default and under both."""
from __future__ import annotations

import re
import string
import tomllib

import pytest

import run_checks
from reports.progress import Stages
from tests.test_cli import ROOT

GLOSSED = "烏海市2024年報告\n近年來(lái)，全市建成生活圈17個。\n"


def test_both_languages_have_the_same_notes_with_the_same_fields():
    tables = tomllib.loads((ROOT / "reports" / "data" / "terminal.toml").read_text(encoding="utf-8"))["notes"]
    assert set(tables) == {"en", "zh"} and set(tables["en"]) == set(tables["zh"])
    for key, text in tables["en"].items():
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        chinese = {name for _, name, _, _ in string.Formatter().parse(tables["zh"][key]) if name}
        assert chinese == fields - {"plural"}, key  # Chinese has no plural "s"
    kept = r"\{[^}]*\}|IO02|Word|exclude|options\.usage\.publications_only = false"  # fields, ids, names, keys
    assert not any(re.search(r"[A-Za-z]{3,}", re.sub(kept, "", text)) for text in tables["zh"].values())


def _stderr(tmp_path, monkeypatch, capsys, *extra: str) -> list[str]:
    (tmp_path / "a.txt").write_text(GLOSSED, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(GLOSSED.encode("utf-8").replace("生活".encode(), "生".encode() + b"\xff"
                                                                      + "活".encode()))
    monkeypatch.chdir(tmp_path)
    assert run_checks.main(["check", "a.txt", "./a.txt", "b.txt", "--select", "TI04,IO02", "--isolated",
                            "--write-baseline", "base.json", "--fix", "--format", "json", *extra]) == 0
    capsys.readouterr()
    (tmp_path / "a.txt").write_text(GLOSSED, encoding="utf-8")
    assert run_checks.main(["check", "a.txt", "--select", "TI04", "--isolated", "--baseline", "base.json",
                            "--format", "json", *extra]) == 0
    return capsys.readouterr().err.splitlines()


def test_notes_in_chinese_under_zh(tmp_path, monkeypatch, capsys):
    assert _stderr(tmp_path, monkeypatch, capsys, "--lang", "zh") == [
        "run-checks: 基线已接受0条问题，新问题1条"]


@pytest.mark.parametrize("language", [(), ("--lang", "both"), ("--lang", "en")])
def test_notes_in_english_otherwise(tmp_path, monkeypatch, capsys, language):
    assert _stderr(tmp_path, monkeypatch, capsys, *language) == [
        "run-checks: 0 findings accepted by the baseline, 1 new"]


def test_the_first_run_notes(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(GLOSSED, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(GLOSSED.encode("utf-8").replace("生活".encode(), "生".encode() + b"\xff"
                                                                      + "活".encode()))
    monkeypatch.chdir(tmp_path)
    lines = {}
    for language in ("zh", "en"):
        (tmp_path / "a.txt").write_text(GLOSSED, encoding="utf-8")
        assert run_checks.main(["check", "a.txt", "./a.txt", "b.txt", "--select", "TI04,IO02", "--isolated",
                                "--write-baseline", "base.json", "--fix", "--format", "json", "--lang",
                                language]) == 0
        lines[language] = capsys.readouterr().err.splitlines()
    assert lines["zh"] == ["run-checks: 提示：a.txt已在路径中，只读取一次",
                           "run-checks: 已修复a.txt中的1条问题",
                           "run-checks: 未修复：b.txt：文件字节有损坏（IO02），改写会把替换字符写进文件",
                           "run-checks: 已将2条已接受的问题写入base.json"]
    assert lines["en"] == ["run-checks: note: a.txt is already among the paths; read once",
                           "run-checks: fixed 1 findings in a.txt",
                           "run-checks: not fixed: b.txt: its bytes are damaged (IO02); rewriting it would write "
                           "replacement characters into it",
                           "run-checks: wrote 2 accepted findings to base.json"]


def test_no_document_in_chinese(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    assert run_checks.main(["check", "a.txt", "--isolated", "--lang", "zh"]) == 2
    assert capsys.readouterr().err.startswith("run-checks: 错误：没有能读取的文档（a.txt: ")


@pytest.mark.parametrize("language, names", [("zh", ["读取", "对齐", "检查", "输出"]),
                                             ("both", ["reading", "aligning", "checking", "rendering"])])
def test_stage_names(language, names):
    stages = Stages(False, language)
    assert [stages.name(stage) for stage in ("reading", "aligning", "checking", "rendering")] == names


def test_a_stage_without_a_name_is_shown_as_given():
    assert Stages(False, "zh").name("merging") == "merging"

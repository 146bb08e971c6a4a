"""The data-file reader: word lists, sections, CSV tables and TOML, with file-and-line errors."""
from __future__ import annotations

import pytest

from vocab.files import DataFileError, csv_rows, data_lines, data_sections, toml_data


@pytest.fixture
def package(tmp_path, monkeypatch, request):
    """A throwaway package ``fakevocab_<test>`` with a ``data/`` folder; returns a writer of data
    files that gives the package's name."""
    name = f"fakevocab_{request.node.name}"
    root = tmp_path / name
    (root / "data").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))

    def write(file: str, text: str) -> str:
        (root / "data" / file).write_text(text, encoding="utf-8")
        return name
    return write


def test_word_lists_drop_comments_and_blank_lines(package):
    name = package("words.txt", "# header\n改造\n\n新建  # a verb\n")
    assert data_lines(name, "words.txt") == ["改造", "新建"]


def test_sections_and_an_entry_before_any_header(package):
    name = package("s.txt", "[strong]\n博彩\n[weak]\n娱乐\n")
    assert data_sections(name, "s.txt") == {"strong": ("博彩",), "weak": ("娱乐",)}
    package("bad.txt", "# comment\n博彩\n[strong]\n")
    with pytest.raises(DataFileError, match=r"^fakevocab_\w+/data/bad\.txt:2: entry '博彩' before the first"):
        data_sections(name, "bad.txt")


def test_an_unknown_section_names_its_line(package):
    name = package("s.txt", "[never]\n中心\n[sometimes]\n")
    with pytest.raises(DataFileError, match=r"s\.txt:3: unknown section \[sometimes\]"):
        data_sections(name, "s.txt", known=("never", "after-parent"))


def test_csv_rows_check_the_header_and_every_row(package):
    name = package("t.csv", "# units\nword,unit\n元,yuan\n吨,tonne\n")
    assert csv_rows(name, "t.csv", ("word", "unit")) == [{"word": "元", "unit": "yuan"},
                                                         {"word": "吨", "unit": "tonne"}]
    with pytest.raises(DataFileError, match=r"t\.csv:2: header 'word,unit', expected 'word,unit,kind'"):
        csv_rows(name, "t.csv", ("word", "unit", "kind"))
    package("short.csv", "word,unit\n元,yuan\n# note\n吨\n")
    with pytest.raises(DataFileError, match=r"short\.csv:4: 1 fields, expected 2"):
        csv_rows(name, "short.csv", ("word", "unit"))


def test_toml_syntax_errors_name_the_file_and_line(package):
    name = package("q.toml", "[prefix]\n近 = \n")
    with pytest.raises(DataFileError, match=r"fakevocab_\w+/data/q\.toml: .*line 2"):
        toml_data(name, "q.toml")


def test_a_missing_file_is_a_data_file_error(package):
    name = package("here.txt", "x\n")
    with pytest.raises(DataFileError, match=r"fakevocab_\w+/data/absent\.txt"):
        data_lines(name, "absent.txt")


def test_every_data_file_is_listed_in_the_readme():
    """The README's vocabulary table names every data file of the project (report assets aside)."""
    import re
    from pathlib import Path

    root = Path(__file__).parents[1]
    readme = root.joinpath("README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Vocabularies are data"):readme.index("Place names and their hierarchy")]
    listed = set()
    for cell in re.findall(r"^\| ([^|]+) \|", table, re.MULTILINE):
        names = re.findall(r"`([^`]+)`", cell)
        folder = names[0].rsplit("/", 1)[0] if names else ""
        listed |= {name if "/" in name else f"{folder}/{name}" for name in names}
    files = {path.relative_to(root).as_posix() for path in root.glob("*/**/data/*")
             if path.is_file() and path.parts[len(root.parts)] in ("vocab", "sources", "claims", "checks")}
    assert len(files) > 20 and files == listed


def test_a_loader_can_name_the_line_of_an_entry_it_rejects(package):
    from vocab.files import entry_line, toml_line

    name = package("w.txt", "# words\n[plan]\n计划\n[actual]\n已\n计划\n")
    assert entry_line(name, "w.txt", "actual", "计划") == 6 and entry_line(name, "w.txt", "plan", "已") is None
    package("p.toml", '[plans]\n"十四五" = [2021, 2025]\n十五五 = [2026, 2031]  # a note\n')
    assert toml_line(name, "p.toml", "plans", "十五五") == 3 and toml_line(name, "p.toml", "holidays", "十五五") is None

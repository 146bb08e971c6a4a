"""Tests for sources/reader.py: paths to documents, error documents, offsets into the markup."""
from __future__ import annotations

from pathlib import Path

import pytest

from sources.reader import document_ids, expand_paths, find_inputs, load_documents

REPORT = "包头市今年新增城镇就业3.2万人\n全市城镇新增就业3.2万人，完成年度目标的108%。\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def relative(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


# --- expand_paths ----------------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "b.txt", "a/z.md", "a/b/c.html", "a/b/d.HTM", "A.text", "c.markdown",
        ".hidden.txt", ".git/x.txt", "a/.cache/y.txt",
        "notes.csv", "scan.tif", "a/image.png", "README",
    ]:
        write(tmp_path / name, REPORT)
    return tmp_path


def test_folder_is_expanded_recursively_sorted_without_hidden_or_unsupported(tree):
    assert relative(expand_paths([tree]), tree) == [
        "A.text", "a/b/c.html", "a/b/d.HTM", "a/z.md", "b.txt", "c.markdown",
    ]


def test_named_files_are_kept_in_the_given_order_even_unsupported(tree):
    named = [tree / "notes.csv", tree / "b.txt", tree / ".hidden.txt", tree / "scan.tif"]
    assert expand_paths(named) == named


def test_folder_and_file_mixed(tree):
    found = expand_paths([str(tree / "b.txt"), tree / "a" / "b"])
    assert relative(found, tree) == ["b.txt", "a/b/c.html", "a/b/d.HTM"]


def test_missing_path_is_a_usage_error(tmp_path):
    write(tmp_path / "a.txt", REPORT)
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        expand_paths([tmp_path / "a.txt", tmp_path / "missing.txt"])


# --- document_ids ----------------------------------------------------------------------------

def test_document_ids_dedupe_repeated_stems():
    files = [Path("x/a.txt"), Path("y/a.md"), Path("b.txt"), Path("z/a.html"), Path("b.htm")]
    assert document_ids(files) == ["a", "a-2", "b", "a-3", "b-2"]


def test_document_ids_are_unique_even_when_a_file_is_named_like_a_suffixed_id():
    ids = document_ids([Path("a.txt"), Path("x/a.md"), Path("a-2.txt")])
    assert len(set(ids)) == 3, ids


# --- load_documents: statuses ----------------------------------------------------------------

def test_one_document_per_file_in_order_with_errors_isolated(tmp_path, monkeypatch):
    files = [
        write(tmp_path / "docs" / "01-ok.txt", REPORT),
        write(tmp_path / "docs" / "02-empty.txt", b""),
        write(tmp_path / "docs" / "03-binary.txt", b"\x00\x01\x02\x03ELF" * 10),
        write(tmp_path / "docs" / "04-locked.txt", REPORT),
        write(tmp_path / "docs" / "05-markup.html",
              "<html><head><title>空页面</title></head><body><div> </div></body></html>"),
        write(tmp_path / "docs" / "06-gbk.txt", REPORT.encode("gbk")),
    ]
    explicit = [write(tmp_path / "other" / "scan.tif", b"%PDF-1.4\n"),
                write(tmp_path / "other" / "t.csv", "年份,产量\n")]
    locked, real_read_bytes = files[3], Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    docs = load_documents([tmp_path / "docs", *explicit])

    assert [d.id for d in docs] == ["01-ok", "02-empty", "03-binary", "04-locked", "05-markup", "06-gbk", "scan", "t"]
    assert [d.path for d in docs] == [p.as_posix() for p in [*files, *explicit]]
    assert [d.status for d in docs] == ["ok", "error", "error", "error", "error", "ok", "error", "error"]
    by_id = {d.id: d for d in docs}
    assert by_id["02-empty"].error == "empty file"
    assert by_id["03-binary"].error.startswith("binary file")
    assert by_id["04-locked"].error.startswith("cannot read")
    assert "Permission denied" in by_id["04-locked"].error
    assert by_id["05-markup"].error.startswith("no text")
    for unsupported in ("scan", "t"):
        assert "supported" in by_id[unsupported].error
        assert ".txt" in by_id[unsupported].error and ".html" in by_id[unsupported].error
    assert "'.tif'" in by_id["scan"].error and "'.csv'" in by_id["t"].error
    assert by_id["01-ok"].text == by_id["06-gbk"].text
    assert (by_id["01-ok"].encoding, by_id["06-gbk"].encoding) == ("utf-8", "gb18030")


def test_error_documents_are_empty_and_not_ok(tmp_path):
    (doc,) = load_documents([write(tmp_path / "empty.md", b"  \n\n")])
    assert not doc.ok
    assert (doc.text, doc.skip, doc.places, doc.format) == ("", (), (), "markdown")
    assert doc.meta.title is None


def test_ok_document_fields(tmp_path):
    (doc,) = load_documents([write(tmp_path / "report.txt", REPORT)])
    assert doc.ok and doc.error is None
    assert (doc.format, doc.encoding, doc.original) == ("text", "utf-8", REPORT)
    assert doc.text == REPORT.replace("，", ",")
    assert len(doc.offsets) == len(doc.text)


# --- HTML: original markup and offsets -------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>全市就业形势稳定_示例市人民政府</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
<div class="article">
  <h1>全市就业形势保持稳定</h1>
  <div id="zoom">
    <p>今年全市城镇新增就业<b>3.2</b>万人，完成年度目标的108%。</p>
    <p>农村牧区劳动力转移就业1.5&#19975;人，比上年增长６.８％。</p>
  </div>
</div>
</body></html>
"""


@pytest.fixture
def page(tmp_path):
    (doc,) = load_documents([write(tmp_path / "page.html", PAGE)])
    assert doc.ok, doc.error
    return doc


def test_html_document_keeps_markup_as_original(page):
    assert page.original == PAGE
    assert page.format == "html"
    assert "<" not in page.text and ">" not in page.text
    assert "全市城镇新增就业3.2万人" in page.text


@pytest.mark.parametrize(
    ("found", "in_markup"),
    [
        ("3.2万人", "3.2</b>万人"),
        ("108%", "108%"),
        ("1.5万人", "1.5&#19975;人"),
        ("6.8%", "６.８％"),
    ],
)
def test_original_span_maps_a_number_back_into_the_markup(page, found, in_markup):
    start = page.text.index(found)
    original_start, original_end = page.original_span(start, start + len(found))
    assert page.original[original_start:original_end] == in_markup


def test_original_span_of_a_bare_number(page):
    start = page.text.index("3.2")
    original_start, original_end = page.original_span(start, start + 3)
    assert page.original[original_start:original_end] == "3.2"
    assert page.original[original_start - 3:original_start] == "<b>"


# --- inputs: duplicates and skipped files -----------------------------------------------------

def test_a_file_given_twice_is_read_once_and_the_repeat_is_named(tree, monkeypatch):
    monkeypatch.chdir(tree)
    inputs = find_inputs(["b.txt", "./b.txt", tree / "b.txt", tree])
    assert inputs.files[0] == Path("b.txt") and inputs.files.count(Path("b.txt")) == 1
    assert inputs.duplicates == [Path("./b.txt"), tree / "b.txt", tree / "b.txt"]
    assert [doc.path for doc in load_documents(inputs)].count("b.txt") == 1


def test_unsupported_files_in_a_folder_are_listed_as_skipped_with_their_reason(tree):
    docs = load_documents([tree])
    skipped = {doc.path.rsplit("/", 1)[-1]: doc.error for doc in docs if doc.status == "skipped"}
    assert sorted(skipped) == ["README", "image.png", "notes.csv", "scan.tif"]
    assert "'.tif'" in skipped["scan.tif"] and skipped["README"].startswith("not read: unsupported")
    assert [doc.status for doc in docs if doc.path.endswith("b.txt")] == ["ok"]

"""Read input paths into documents; a file that cannot be read becomes an error document."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sources.boilerplate import furniture_lines
from sources.decode import DecodeError, decode_bytes
from sources.document import Document
from sources.gazetteer import load_gazetteer
from sources.html import extract_html
from sources.metadata import read_metadata
from sources.normalize import normalize
from sources.offsets import OffsetMap
from sources.repair import garbled, repair

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the supported files inside folders (recursively, sorted, no hidden ones).

    A path that does not exist raises ``FileNotFoundError``: that is a usage error, not a
    document error.
    """
    files: list[Path] = []
    for given in map(Path, paths):
        if not given.exists():
            raise FileNotFoundError(f"no such file or folder: {given}")
        if given.is_dir():
            found = (p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
            files += sorted((p for p in found if not _hidden(p.relative_to(given))), key=lambda p: p.as_posix())
        else:
            files.append(given)
    return files


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def document_ids(files: list[Path]) -> list[str]:
    """Short, unique ids: the file stem, with ``-2``, ``-3`` … when it is already taken."""
    used: set[str] = set()
    ids = []
    for path in files:
        candidate, number = path.stem, 1
        while candidate in used:
            number += 1
            candidate = f"{path.stem}-{number}"
        used.add(candidate)
        ids.append(candidate)
    return ids


def load_documents(paths: Iterable[str | Path],
                   progress: Callable[[list[tuple[Path, str]]], Iterable[tuple[Path, str]]] = iter) -> list[Document]:
    """Every document of ``paths``; ``progress`` may wrap the (file, id) pairs to show progress."""
    files = expand_paths(paths)
    pairs = list(zip(files, document_ids(files), strict=True))
    return [read_document(path, doc_id) for path, doc_id in progress(pairs)]


def read_document(path: Path, doc_id: str) -> Document:
    """One file as a document; unreadable, binary, empty or undecodable files get ``status="error"``."""
    shown = path.as_posix()
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return Document(doc_id, shown, "error", f"unsupported file type {path.suffix or '(none)'!r}; "
                        f"supported: {', '.join(sorted(FORMATS))}")
    try:
        decoded = decode_bytes(path.read_bytes())
    except OSError as error:
        return Document(doc_id, shown, "error", f"cannot read: {error.strerror or error}", format=fmt)
    except DecodeError as error:
        return Document(doc_id, shown, "error", str(error), format=fmt)
    return document_from_text(decoded.text, doc_id, shown, fmt, decoded.encoding)


def document_from_text(original: str, doc_id: str = "text", path: str = "<text>", fmt: str = "text",
                       encoding: str | None = None) -> Document:
    """A document from text already decoded (``fmt`` "text", "markdown" or "html").

    A text that is wholly a misreading of Chinese bytes (markup aside) is read back when that
    round-trips exactly (``sources.repair``), and its encoding says so: ``big5 (repaired from
    latin-1)``; one that cannot be is read for no figure."""
    if encoding in (None, "utf-8") and (repaired := repair(original)):
        original, encoding = repaired.text, repaired.label()
    title = published = None
    if fmt == "html":
        extracted = extract_html(original)
        text, offsets = normalize(extracted.text, extracted.offsets)
        title, published = extracted.title, extracted.published
    else:
        text, offsets = normalize(original, OffsetMap.identity(len(original)))
    if not text.strip():
        return Document(doc_id, path, "error", "no text: the file holds only markup or white space",
                        encoding, fmt, original)
    skip = ((0, len(text)),) if garbled(text) else furniture_lines(text)  # no figure is read in mojibake
    places = tuple(load_gazetteer().find(text))
    meta = read_metadata(text, skip, places, title, published)
    return Document(doc_id, path, "ok", None, encoding, fmt, original, text, offsets, skip, places, meta)

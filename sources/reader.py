"""Read input paths into documents; a file that cannot be read becomes an error document."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sources.boilerplate import furniture_lines
from sources.decode import DecodeError, decode_bytes
from sources.document import Document
from sources.gazetteer import load_gazetteer
from sources.html import extract_html
from sources.metadata import read_metadata
from sources.normalize import normalize
from sources.office import ExtractError, extract_docx, extract_pdf
from sources.offsets import OffsetMap, deletion_mask
from sources.repair import garbled, repair

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
           ".docx": "docx", ".pdf": "pdf"}
BINARY = {"docx": extract_docx, "pdf": extract_pdf}  # formats whose text is extracted from a container


@dataclass(frozen=True)
class Inputs:
    """What a run reads: the files in order, the unsupported files met inside folders (listed with
    their reason, not read), the paths dropped because they name a file already given, and those
    a configuration excludes."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    excluded: list[Path] = field(default_factory=list)  # left out by the configuration's globs


def find_inputs(paths: Iterable[str | Path]) -> Inputs:
    """Files named, and the files inside folders (recursively, sorted, no hidden ones), each
    once by resolved path (``check a.txt ./a.txt`` or a folder and a file inside it read it once).
    An unsupported file named on its own is read (and fails with its reason), not skipped.

    A path that does not exist raises ``FileNotFoundError``: that is a usage error, not a
    document error.
    """
    inputs, seen = Inputs(), {}
    for given in map(Path, paths):
        if not given.exists():
            raise FileNotFoundError(f"no such file or folder: {given}")
        if given.is_dir():
            found = sorted((p for p in given.rglob("*") if p.is_file() and not _hidden(p.relative_to(given))),
                           key=lambda p: p.as_posix())
        else:
            found = [given]
        for path in found:
            first = seen.get(path.resolve())
            if first is not None and first in inputs.skipped and not given.is_dir():
                inputs.skipped.remove(first)  # named on its own: read it, and say why it cannot be
            elif first is not None:
                inputs.duplicates.append(path)
            if first is not None:
                continue
            seen[path.resolve()] = path
            inputs.files.append(path)
            if given.is_dir() and path.suffix.lower() not in FORMATS:
                inputs.skipped.append(path)
    return inputs


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The supported files ``paths`` name, each once (``find_inputs`` without what it skips)."""
    inputs = find_inputs(paths)
    return [path for path in inputs.files if path not in inputs.skipped]


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


def load_documents(paths: Iterable[str | Path] | Inputs,
                   progress: Callable[[list[tuple[Path, str]]], Iterable[tuple[Path, str]]] = iter) -> list[Document]:
    """Every document of ``paths`` (or of inputs already found); an unsupported file met inside a
    folder is a document with status "skipped" and its reason. ``progress`` may wrap the
    (file, id) pairs to show progress."""
    inputs = paths if isinstance(paths, Inputs) else find_inputs(paths)
    skipped = set(inputs.skipped)
    pairs = list(zip(inputs.files, document_ids(inputs.files), strict=True))
    return [read_input(path, doc_id, path in skipped) for path, doc_id in progress(pairs)]


def read_input(path: Path, doc_id: str, skipped: bool = False) -> Document:
    """One file of the inputs as a document: read, or ``skipped`` with its reason."""
    return _skipped(path, doc_id) if skipped else read_document(path, doc_id)


def _skipped(path: Path, doc_id: str) -> Document:
    return Document(doc_id, path.as_posix(), "skipped", f"not read: {_unsupported(path)}")


def _unsupported(path: Path) -> str:
    return f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(sorted(FORMATS))}"


def read_document(path: Path, doc_id: str) -> Document:
    """One file as a document; unreadable, binary, empty or undecodable files get ``status="error"``."""
    shown = path.as_posix()
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return Document(doc_id, shown, "error", _unsupported(path))
    try:
        data = path.read_bytes()
    except OSError as error:
        return Document(doc_id, shown, "error", f"cannot read: {error.strerror or error}", format=fmt)
    return document_from_bytes(data, doc_id, shown)


def document_from_bytes(data: bytes, doc_id: str, path: str) -> Document:
    """A document from the bytes of a file named ``path`` (standard input is given a name): its
    format by the name's extension, plain text when it has none it knows."""
    fmt = FORMATS.get(Path(path).suffix.lower(), "text")
    if fmt in BINARY:
        try:
            extracted = BINARY[fmt](data)
        except ExtractError as error:
            return Document(doc_id, path, "error", str(error), format=fmt)
        doc = document_from_text(extracted.text, doc_id, path, fmt, wraps=extracted.wraps)
        return replace(doc, layout=extracted.layout) if doc.ok else doc
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        return Document(doc_id, path, "error", str(error), format=fmt)
    return document_from_text(decoded.text, doc_id, path, fmt, decoded.encoding)


def document_from_text(original: str, doc_id: str = "text", path: str = "<text>", fmt: str = "text",
                       encoding: str | None = None, wraps: tuple[int, ...] = ()) -> Document:
    """A document from text already decoded (``fmt`` "text", "markdown" or "html").

    A text that is wholly a misreading of Chinese bytes (markup aside) is read back when that
    round-trips exactly (``sources.repair``), and its encoding says so: ``big5 (repaired from
    latin-1)``; one that cannot be is read for no figure. ``wraps`` are offsets of line breaks
    that only wrap a paragraph (a PDF's): the normalized view leaves them out."""
    if encoding in (None, "utf-8") and fmt not in BINARY and (repaired := repair(original)):
        original, encoding = repaired.text, repaired.label()
    title = published = None
    if fmt == "html":
        extracted = extract_html(original)
        text, offsets = normalize(extracted.text, extracted.offsets)
        title, published = extracted.title, extracted.published
    elif wraps:
        keep = deletion_mask(len(original), [(offset, offset + 1) for offset in wraps])
        joined = "".join(ch for ch, kept in zip(original, keep, strict=True) if kept)
        text, offsets = normalize(joined, OffsetMap.identity(len(original)).keep(keep))
    else:
        text, offsets = normalize(original, OffsetMap.identity(len(original)))
    if not text.strip():
        return Document(doc_id, path, "error", "no text: the file holds only markup or white space",
                        encoding, fmt, original)
    skip = ((0, len(text)),) if garbled(text) else furniture_lines(text)  # no figure is read in mojibake
    places = tuple(load_gazetteer().find(text))
    meta = read_metadata(text, skip, places, title, published)
    text = original if text == original else text  # one string held, not two equal ones
    return Document(doc_id, path, "ok", None, encoding, fmt, original, text, offsets.compact(), skip, places, meta)

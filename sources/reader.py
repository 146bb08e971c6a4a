"""Read input paths into documents; a file that cannot be read becomes an error document."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sources.boilerplate import furniture_lines
from sources.decode import DecodeError, decode_bytes
from sources.document import Document
from sources.files import MAX_BYTES, display, not_regular
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
    their reason, not read), the paths dropped because they name a file already given, those
    a configuration excludes, and the paths met inside folders that cannot be read at all (a
    FIFO, a device, a broken or looping link, an unreadable folder), with why."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    excluded: list[Path] = field(default_factory=list)  # left out by the configuration's globs
    unreadable: dict[Path, str] = field(default_factory=dict)


def find_inputs(paths: Iterable[str | Path]) -> Inputs:
    """Files named, and the files inside folders (recursively, sorted, no hidden ones), each
    once by resolved path (``check a.txt ./a.txt`` or a folder and a file inside it read it once).
    An unsupported file named on its own is read (and fails with its reason), not skipped; what
    is not a regular file is listed among the files with why it cannot be read.

    A path that does not exist raises ``FileNotFoundError``: that is a usage error, not a
    document error.
    """
    inputs, seen = Inputs(), {}
    for given in map(Path, paths):
        if not given.exists() and not given.is_symlink():
            raise FileNotFoundError(f"no such file or folder: {display(str(given))}")
        folder = given.is_dir()
        if folder:
            found = sorted(_walk(given, inputs.unreadable, set()), key=lambda pair: pair[0].as_posix())
        else:
            found = [(given, _key(given, given in inputs.unreadable or not_regular(given)))]
        for path, key in found:
            first = seen.get(key)
            if first is not None and first in inputs.skipped and not folder:
                inputs.skipped.remove(first)  # named on its own: read it, and say why it cannot be
            elif first is not None:
                inputs.duplicates.append(path)
            if first is not None:
                continue
            seen[key] = path
            inputs.files.append(path)
            if folder and path not in inputs.unreadable and path.suffix.lower() not in FORMATS:
                inputs.skipped.append(path)
    return inputs


def _walk(folder: Path, unreadable: dict[Path, str], visited: set[tuple[int, int]]) -> Iterator[tuple[Path, str]]:
    """Every path under ``folder`` that is not a folder or hidden, with its key (``_key``),
    following links to folders once each; a folder that cannot be listed, or a link back to one
    already walked, is recorded in ``unreadable`` and given as a path. The key of a file that is
    not a link is its name in the folder's resolved path (one resolution per folder, not per file)."""
    try:
        info = folder.stat()
        visited.add((info.st_dev, info.st_ino))
        entries = list(os.scandir(folder))
        real = os.path.realpath(folder)
    except OSError as error:
        unreadable[folder] = f"cannot read folder: {error.strerror or error}"
        yield folder, _key(folder, True)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            identity = (entry.stat().st_dev, entry.stat().st_ino) if is_dir else None
        except OSError:
            is_dir = False
        if not is_dir:
            if reason := not_regular(path):
                unreadable[path] = reason
            yield path, (_key(path, reason) if reason or entry.is_symlink() else os.path.join(real, entry.name))
        elif identity in visited:
            unreadable[path] = "a link back to a folder already read (a loop)"
            yield path, _key(path, True)
        else:
            yield from _walk(path, unreadable, visited)


def _key(path: Path, unreadable: str | bool | None) -> str:
    """What tells two paths to one file apart from two files: the resolved path, or the absolute
    path of what cannot be read (it may not resolve)."""
    return str(path.absolute()) if unreadable else os.path.realpath(path)


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
        stem = display(path.stem)
        candidate, number = stem, 1
        while candidate in used:
            number += 1
            candidate = f"{stem}-{number}"
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
    return [read_input(path, doc_id, path in skipped, inputs.unreadable.get(path)) for path, doc_id in progress(pairs)]


def read_input(path: Path, doc_id: str, skipped: bool = False, unreadable: str | None = None) -> Document:
    """One file of the inputs as a document: read, ``skipped`` with its reason, or ``unreadable``
    (not a regular file, a broken link …: the reason)."""
    if skipped:
        return _skipped(path, doc_id)
    return _unreadable(path, doc_id, unreadable) if unreadable is not None else read_isolated(path, doc_id)


def read_isolated(path: Path, doc_id: str) -> Document:
    """``read_document``, an unexpected exception in it becoming the document's error (the run
    goes on with the other documents)."""
    try:
        return read_document(path, doc_id)
    except Exception as error:  # a defect of this tool on one input: that input's error, not the run's
        return failed(Document(doc_id, display(path.as_posix()), "error", format=FORMATS.get(path.suffix.lower())),
                      "reading", error)


def failed(doc: Document, stage: str, error: Exception) -> Document:
    """``doc`` as an error document for an unexpected exception in ``stage``, named in the error."""
    return Document(doc.id, doc.path, "error", f"internal error while {stage}: {type(error).__name__}: {error}",
                    doc.encoding, doc.format, file=doc.file)


def _unreadable(path: Path, doc_id: str, reason: str) -> Document:
    return Document(doc_id, display(path.as_posix()), "error", reason, format=FORMATS.get(path.suffix.lower()))


def _skipped(path: Path, doc_id: str) -> Document:
    return Document(doc_id, display(path.as_posix()), "skipped", f"not read: {_unsupported(path)}")


def _unsupported(path: Path) -> str:
    return f"unsupported file type {display(path.suffix) or '(none)'!r}; supported: {', '.join(sorted(FORMATS))}"


def read_document(path: Path, doc_id: str) -> Document:
    """One file as a document; unreadable, binary, empty or undecodable files get ``status="error"``."""
    shown = display(path.as_posix())
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return Document(doc_id, shown, "error", _unsupported(path))
    if reason := not_regular(path):
        return Document(doc_id, shown, "error", reason, format=fmt)
    try:
        data = path.read_bytes()
    except OSError as error:
        return Document(doc_id, shown, "error", f"cannot read: {error.strerror or error}", format=fmt)
    if len(data) > MAX_BYTES:
        return Document(doc_id, shown, "error", f"too large (at most {MAX_BYTES:,} bytes)", format=fmt)
    doc = document_from_bytes(data, doc_id, shown)
    return doc if shown == path.as_posix() else replace(doc, file=path.as_posix())


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
    doc = document_from_text(decoded.text, doc_id, path, fmt, decoded.encoding)
    if decoded.damage and doc.original == decoded.text:  # else repaired: TI02 reports what is left of it
        return replace(doc, damage=decoded.damage)
    return doc


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

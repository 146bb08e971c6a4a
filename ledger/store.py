"""The ledger file: one SQLite database (stdlib ``sqlite3``, write-ahead log) of documents and
their claims.

Each document is added in one transaction, so a writer killed at any moment (even ``kill -9``)
leaves every recorded document complete and the database intact. A document is keyed by the
SHA-256 of its file's bytes: adding the same bytes again changes nothing, and a file whose
content changed replaces its previous version (same resolved path). The schema version is
``PRAGMA user_version``; a file of another version, or no ledger at all, is refused.
"""
from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from claims.claim import Claim
from ledger.codec import dumps, loads
from sources.document import Document
from sources.naming import name

SCHEMA_VERSION = 1
DEFAULT_PATH = Path(".run-checks") / "ledger.sqlite"
_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,      -- the file's resolved path
    sha256 TEXT NOT NULL UNIQUE,    -- of the file's bytes
    doc_id TEXT NOT NULL,
    name TEXT NOT NULL,             -- outlet and date, or title (sources.naming)
    title TEXT, published TEXT, source TEXT,
    claims INTEGER NOT NULL,        -- how many claim rows belong to it
    added TEXT NOT NULL,            -- UTC, ISO 8601
    document BLOB NOT NULL          -- zlib-compressed JSON of the Document (ledger.codec)
);
CREATE TABLE claims (
    document INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    record TEXT NOT NULL,           -- JSON of the Claim (ledger.codec)
    PRIMARY KEY (document, seq)
);
"""


class LedgerError(ValueError):
    """A ledger file that cannot be used, or a document it does not hold."""


@dataclass(frozen=True)
class Entry:
    """One recorded document: its ledger id, resolved path, content hash, name and claim count."""

    id: int
    path: str
    sha256: str
    doc_id: str
    name: str
    title: str | None
    published: str | None
    source: str | None
    claims: int
    added: str


class Ledger:
    """An open ledger file; created (with its folder) when it does not exist."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._schema()
        except sqlite3.DatabaseError as error:
            raise LedgerError(f"{path}: not a run-checks ledger ({error})") from error

    def _schema(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and not tables:
            self.db.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
        elif version != SCHEMA_VERSION or not {"documents", "claims"} <= tables:
            raise LedgerError(f"{self.path}: not a run-checks ledger of schema version {SCHEMA_VERSION} "
                              f"(user_version {version})")

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def add(self, path: Path, sha256: str, doc: Document, claims: list[Claim]) -> str:
        """Record a readable document and its claims: "added", "replaced" (the file changed) or
        "unchanged" (these bytes are already recorded)."""
        resolved = path.resolve().as_posix()
        with self._transaction():
            if self.db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone():
                return "unchanged"
            previous = self.db.execute("SELECT id FROM documents WHERE path = ?", (resolved,)).fetchone()
            if previous:
                self._delete(previous[0])
            meta = doc.meta
            cursor = self.db.execute(
                "INSERT INTO documents (path, sha256, doc_id, name, title, published, source, claims, added, document)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (resolved, sha256, doc.id, name(doc), meta.title, meta.published, meta.source, len(claims),
                 datetime.now(UTC).isoformat(timespec="seconds"), zlib.compress(dumps(doc).encode("utf-8"))))
            self.db.executemany("INSERT INTO claims (document, seq, claim_id, record) VALUES (?, ?, ?, ?)",
                                [(cursor.lastrowid, seq, claim.id, dumps(claim)) for seq, claim in enumerate(claims)])
        return "replaced" if previous else "added"

    def _delete(self, entry_id: int) -> None:
        self.db.execute("DELETE FROM claims WHERE document = ?", (entry_id,))
        self.db.execute("DELETE FROM documents WHERE id = ?", (entry_id,))

    def entries(self) -> list[Entry]:
        """Every recorded document, in the order it was recorded."""
        rows = self.db.execute("SELECT id, path, sha256, doc_id, name, title, published, source, claims, added"
                               " FROM documents ORDER BY id")
        return [Entry(*row) for row in rows]

    def remove(self, key: str) -> Entry:
        """Remove the document with ledger id ``key``, or recorded from the file at path ``key``."""
        by_path = Path(key).resolve().as_posix()
        found = [entry for entry in self.entries() if str(entry.id) == key or entry.path == by_path]
        if not found:
            raise LedgerError(f"{self.path}: no recorded document has the id or path {key!r} (see `ledger list`)")
        with self._transaction():
            self._delete(found[0].id)
        return found[0]

    def load(self, entries: Iterable[Entry] | None = None) -> list[tuple[Document, list[Claim]]]:
        """The recorded documents (all, or those of ``entries``) with their claims, in order."""
        wanted = [entry.id for entry in (self.entries() if entries is None else entries)]
        loaded = []
        for entry_id in wanted:
            blob = self.db.execute("SELECT document FROM documents WHERE id = ?", (entry_id,)).fetchone()[0]
            records = self.db.execute("SELECT record FROM claims WHERE document = ? ORDER BY seq", (entry_id,))
            loaded.append((loads(zlib.decompress(blob)), [loads(row[0]) for row in records]))
        return loaded


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` when the block raises."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type | None, *_: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")

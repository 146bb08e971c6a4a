"""``run-checks ledger add|list|remove|export``: the desk's archive of published documents.

    run-checks ledger add PATH... [--ledger FILE]
    run-checks ledger list [--ledger FILE]
    run-checks ledger remove ID|PATH [--ledger FILE]
    run-checks ledger export [--format json|csv] [--output FILE] [--ledger FILE]

The ledger file is ``.run-checks/ledger.sqlite`` in the current folder unless ``--ledger`` names
another. ``add`` exits 1 when a file could not be read (the others are still recorded).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import pipeline
from ledger.export import FORMATS
from ledger.store import DEFAULT_PATH, Ledger


def add_parser(commands: argparse._SubParsersAction) -> None:
    ledger = commands.add_parser("ledger", help="record published documents and their claims, to check drafts against")
    actions = ledger.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="record documents (a changed file replaces its previous version)")
    add.add_argument("paths", nargs="+", metavar="PATH", help="files or folders, as for check")
    actions.add_parser("list", help="the recorded documents")
    remove = actions.add_parser("remove", help="forget a recorded document")
    remove.add_argument("key", metavar="ID|PATH", help="its ledger id (see list) or the path it was added from")
    export = actions.add_parser("export", help="every recorded document and claim")
    export.add_argument("--format", choices=tuple(FORMATS), default="json")
    export.add_argument("--output", "-o", type=Path, help="write to this file instead of standard output")
    for action in actions.choices.values():
        action.add_argument("--ledger", type=Path, default=DEFAULT_PATH, metavar="FILE",
                            help=f"the ledger file (default: {DEFAULT_PATH.as_posix()})")


def run(args: argparse.Namespace) -> int:
    """Carry out a ledger action; ``LedgerError`` and ``FileNotFoundError`` are the caller's to report."""
    if args.action != "add" and not args.ledger.is_file():
        raise FileNotFoundError(f"no ledger at {args.ledger} (record documents with `run-checks ledger add`)")
    with Ledger(args.ledger) as ledger:
        if args.action == "add":
            return _add(ledger, args.paths)
        if args.action == "list":
            return _list(ledger)
        if args.action == "remove":
            entry = ledger.remove(args.key)
            print(f"removed {entry.id} {entry.name} ({entry.path})")
            return 0
        text = FORMATS[args.format](ledger)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


def _add(ledger: Ledger, paths: list[str]) -> int:
    """Record each readable document of ``paths``, one transaction each; say what became of each."""
    found = pipeline.inputs(paths)
    failed = 0
    for doc in pipeline.read(found):
        if not doc.ok:
            print(f"run-checks: not recorded: {doc.path}: {doc.error}", file=sys.stderr)
            failed += 1
            continue
        path = Path(doc.path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        outcome = ledger.add(path, digest, doc, pipeline.extract([doc]).claims)
        print(f"{outcome} {doc.path}")
    return 1 if failed else 0


def _list(ledger: Ledger) -> int:
    for entry in ledger.entries():
        print(f"{entry.id}\t{entry.name}\t{entry.claims} claims\t{entry.path}\tadded {entry.added}")
    return 0

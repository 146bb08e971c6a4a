"""run-checks: find the numeric claims of Chinese reports and check them against each other.

Usage: ``python run_checks.py claims PATH... [--format table|json|csv] [--output FILE]``.
Exit status: 0 on success (unreadable files are reported in the output, not fatal), 2 for usage
errors such as a path that does not exist.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from claims.frame import ClaimSet
from reports import csv_report, json_report, terminal
from sources.reader import load_documents

RENDERERS = {"json": json_report.render, "csv": csv_report.render}
USAGE_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run-checks", description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    claims = commands.add_parser("claims", help="extract the numeric claims of documents")
    claims.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .md, .html files or folders of them")
    claims.add_argument("--format", choices=("table", "json", "csv"), default="table")
    claims.add_argument("--output", "-o", type=Path, help="write to this file instead of standard output")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        documents = load_documents(args.paths)
    except FileNotFoundError as error:
        print(f"run-checks: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    output = _render(ClaimSet.of(documents), args.format, to_terminal=args.output is None)
    if args.output is None:
        sys.stdout.write(output)
    else:
        args.output.write_text(output, encoding="utf-8")
    return 0


def _render(claim_set: ClaimSet, fmt: str, to_terminal: bool) -> str:
    if fmt != "table":
        return RENDERERS[fmt](claim_set)
    color = to_terminal and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = os.get_terminal_size().columns if color else 140
    return terminal.render(claim_set, color=color, width=width)


if __name__ == "__main__":
    sys.exit(main())

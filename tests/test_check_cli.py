"""`run-checks check`, `rules` and `rule`: exit statuses, configuration, findings in JSON."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from checks.config import ConfigError, load_config
from checks.finding import Severity
from tests.test_cli import ROOT, run


@pytest.fixture(scope="module")
def examples_check() -> tuple[int, dict]:
    result = run("check", "examples", "--format", "json", "--lang", "en")
    return result.returncode, json.loads(result.stdout)


def test_findings_in_json(examples_check):
    status, payload = examples_check
    assert status == 1  # errors found, --fail-on defaults to error
    conflict = next(f for f in payload["findings"] if f["rule"] == "CS01" and f["doc"] == "wuhai_magazine_reprint")
    assert tuple(conflict) == ("rule", "name", "severity", "message", "doc", "start", "end", "claims", "related",
                               "evidence")
    assert conflict["severity"] == "error" and "14個" in conflict["message"]
    assert {r["doc"] for r in conflict["related"]} >= {"wuhai_work_report", "editor_draft"}
    assert all(r["label"] == "stated as 17个 here" for r in conflict["related"] if r["doc"] == "wuhai_work_report")
    assert conflict["evidence"]["interval"] == [13.5, 14.5]


def test_planted_problems_are_found(examples_check):
    _, payload = examples_check
    documents = {doc["id"]: (ROOT / doc["path"]).read_bytes().decode(doc["encoding"]) for doc in payload["documents"]}
    found = {(f["rule"], f["doc"], documents[f["doc"]][f["start"]:f["end"]]) for f in payload["findings"]}
    assert {("CS01", "wuhai_magazine_reprint", "14個"), ("CS01", "editor_draft", "96.5%"),
            ("CS01", "wuhai_magazine_reprint_big5", "8261人"), ("CS01", "region_news_release", "15个"),
            ("CS02", "wuhai_magazine_reprint", "270餘個"), ("AR01", "wuhai_magazine_reprint_big5", "3200人次")} <= found


@pytest.mark.parametrize("fail_on, status", [("never", 0), ("error", 1), ("warning", 1), ("info", 1)])
def test_exit_status_follows_fail_on(fail_on, status):
    result = run("check", "examples", "--format", "json", "--select", "cross_source", "--fail-on", fail_on)
    assert result.returncode == status


def test_a_clean_document_exits_zero():
    result = run("check", "examples/wuhai_work_report.txt", "--select", "CS01,AR01")
    assert result.returncode == 0 and "0 findings" in result.stdout


def test_select_and_ignore():
    findings = json.loads(run("check", "examples", "--format", "json", "--select", "cross_source",
                              "--ignore", "CS02").stdout)["findings"]
    assert {f["rule"] for f in findings} == {"CS01"}


def test_messages_in_chinese():
    findings = json.loads(run("check", "examples", "--format", "json", "--lang", "zh", "--select", "CS01").stdout)
    assert all("不一致" in f["message"] and "disagrees" not in f["message"] for f in findings["findings"])


@pytest.mark.parametrize("args, message", [
    (("check", "examples", "--select", "XX99"), "unknown rule or family 'XX99'"),
    (("rule", "XX99"), "unknown rule 'XX99'"),
])
def test_unknown_rules_are_usage_errors(args, message):
    result = run(*args)
    assert result.returncode == 2 and message in result.stderr


def test_rules_and_rule_docs():
    listing = run("rules").stdout
    assert "CS01  cross-source-conflict" in listing and "AR01  parts-and-total" in listing
    doc = run("rule", "cs01").stdout
    assert doc.startswith("CS01 cross-source-conflict (cross_source, default severity error)")
    assert "Why is this bad?" in doc and "Options\n    min_score = 75.0" in doc


def test_rule_docs_in_chinese_and_in_both():
    doc = run("rule", "CS01", "--lang", "zh").stdout
    assert doc.startswith("CS01 cross-source-conflict（cross_source类，默认级别：错误）\n不同文档中对齐的数字")
    assert [line for line in doc.splitlines() if line in ("作用", "为何要改", "示例", "应改为")] == [
        "作用", "为何要改", "示例", "应改为"]
    assert "选项\n    min_score = 75.0" in doc and "Why is this bad?" not in doc
    both = run("rule", "CS01", "--lang", "both").stdout
    assert both.startswith(doc) and "Why is this bad?" in both


def test_configuration_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.run-checks]\nignore = ["CS02"]\nseverity = {CS01 = "warning"}\nlanguage = "zh"\nfail-on = "warning"\n'
        'options = {CS01 = {min_score = 90}}\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert (config.ignore, config.severity["CS01"], config.language, config.fail_on) == (
        ("CS02",), Severity.WARNING, "zh", "warning")
    assert config.options["CS01"]["min_score"] == 90


@pytest.mark.parametrize("content, message", [
    ('select = ["CS01"]\ncolour = "red"\n', "unknown key 'colour'"),
    ('severity = {CS01 = "fatal"}\n', "unknown severity 'fatal'"),
    ('options = {CS01 = {min_scor = 90}}\n', "rule CS01 has no option 'min_scor'"),
    ('language = "fr"\n', "language must be one of"),
    ('select = [', "run-checks.toml"),
])
def test_bad_configuration_is_reported_with_its_file(tmp_path, content, message):
    (tmp_path / "run-checks.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as error:
        load_config(tmp_path)
    assert "run-checks.toml" in str(error.value)


def test_configuration_error_exits_two(tmp_path):
    (tmp_path / "run-checks.toml").write_text('colour = "red"\n', encoding="utf-8")
    result = run("check", str(ROOT / "examples"), cwd=tmp_path)
    assert result.returncode == 2 and "unknown key 'colour'" in result.stderr


def test_check_json_is_byte_identical_across_runs():
    assert run("check", "examples", "--format", "json").stdout == run("check", "examples", "--format", "json").stdout


def test_own_expectation_suite(tmp_path):
    result = run("check", "examples/region_news_release.html", "--format", "json", "--select", "GE01",
                 "--expectations", "tests/fixtures/suites/desk_limits.json")
    assert result.returncode == 0  # GE01 defaults to warning
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == []
    draft = tmp_path / "draft.txt"
    draft.write_text("乌海市2024年报告\n建成27个“一刻钟便民生活圈”。", encoding="utf-8")
    found = json.loads(run("check", str(draft), "--format", "json", "--select", "GE01", "--expectations",
                           str(ROOT / "tests/fixtures/suites/desk_limits.json")).stdout)["findings"]
    assert [(f["rule"], f["evidence"]["expectation"]) for f in found] == [
        ("GE01", "expect_column_values_to_be_between")]
    assert "a city has at most 20 life circles" in found[0]["message"]


def test_missing_expectation_suite_is_a_usage_error():
    result = run("check", "examples", "--expectations", "no/such/suite.json")
    assert result.returncode == 2 and "no expectation suite file" in result.stderr


def test_checking_writes_nothing_into_the_working_folder(tmp_path):
    (tmp_path / "a.txt").write_text("乌海市2024年报告\n全市参保率达到112%。", encoding="utf-8")
    result = run("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1 and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("fmt, check", [
    ("sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
    ("junit", lambda text: text.startswith("<?xml") and "<testsuite" in text),
    ("markdown", lambda text: text.startswith("# 核查报告 / run-checks report\n") and "| 文档 / document |" in text),
])
def test_report_formats_from_the_command_line(tmp_path, fmt, check):
    target = tmp_path / f"report.{fmt}"
    result = run("check", "examples", "--format", fmt, "--select", "cross_source", "--output", str(target))
    assert result.returncode == 1 and result.stdout == ""
    assert check(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("language", "title", "lead"), [("zh", "# 核查报告\n", "原文："),
                                                        ("en", "# run-checks report\n", "text: "),
                                                        ("both", "# 核查报告 / run-checks report\n", "原文 / text: ")])
def test_lang_reaches_the_markdown_and_junit_labels(language, title, lead):
    markdown = run("check", "examples", "--format", "markdown", "--select", "cross_source", "--lang", language).stdout
    assert markdown.startswith(title)
    junit = run("check", "examples", "--format", "junit", "--select", "cross_source", "--lang", language).stdout
    failure = ET.fromstring(junit.encode("utf-8")).find("testsuite/testcase/failure")
    assert failure.text.splitlines()[2].startswith(lead)


def test_the_configured_language_words_the_markdown_report(tmp_path):
    (tmp_path / "run-checks.toml").write_text('language = "zh"\n', encoding="utf-8")
    markdown = run("check", str(ROOT / "examples"), "--format", "markdown", "--select", "cross_source",
                   cwd=tmp_path).stdout
    assert markdown.startswith("# 核查报告\n") and "\n## 错误（" in markdown and "Errors" not in markdown


def test_html_report_from_the_command_line(tmp_path):
    target = tmp_path / "report.html"
    result = run("check", "examples", "--format", "html", "--select", "cross_source", "--output", str(target))
    page = target.read_text(encoding="utf-8")
    assert result.returncode == 1 and page.startswith("<!DOCTYPE html>") and "14個" in page
    again = tmp_path / "again.html"
    run("check", "examples", "--format", "html", "--select", "cross_source", "--output", str(again))
    assert again.read_bytes() == target.read_bytes()

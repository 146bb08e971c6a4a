"""The flags and formats linter users expect: --version, --quiet, --statistics, standard input,
GitHub annotations and GitLab Code Quality."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

import pipeline
from checks.config import Config
from checks.finding import Finding, Severity
from claims.frame import ClaimSet
from reports import github_report, gitlab_report
from reports.result import CheckResult
from reports.view import View
from sources.reader import document_from_text
from tests.test_cli import ROOT, run

SOURCE = "乌海市2024年工作报告\n全市建成17个“一刻钟便民生活圈”。\n"
DRAFT = "乌海市2024年工作汇报\n截至年底,我市一刻钟便民生活圈已达14个。\n"


def _result(*texts: str):
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"docs/d{i}.md", fmt="markdown")
                 for i, text in enumerate(texts)]
    return pipeline.check(pipeline.extract(documents), Config(language="en"))


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"run-checks {metadata.version('run-checks')}"


def test_quiet_prints_the_findings_only():
    loud, quiet = run("check", "examples", "--lang", "en"), run("check", "examples", "--lang", "en", "--quiet")
    assert "Documents" not in quiet.stdout and " findings in " not in quiet.stdout
    assert "Documents" in loud.stdout and quiet.stdout.count("cross-source-conflict") == loud.stdout.count(
        "cross-source-conflict") > 0


def test_statistics_counts_each_rule():
    lines = run("check", "examples", "--statistics").stdout.splitlines()
    findings = json.loads(run("check", "examples", "--format", "json").stdout)["findings"]
    counted = {line.split()[1]: int(line.split()[0]) for line in lines}
    assert counted == {rule: sum(f["rule"] == rule for f in findings) for rule in {f["rule"] for f in findings}}
    assert [int(line.split()[0]) for line in lines] == sorted(counted.values(), reverse=True)


def test_a_document_on_standard_input_is_checked_against_the_paths(tmp_path):
    (tmp_path / "report.txt").write_text(SOURCE, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "run_checks.py"), "check", "report.txt", "-",
                             "--stdin-filename", "draft.md", "--format", "json"], cwd=tmp_path, input=DRAFT,
                            capture_output=True, text=True, encoding="utf-8", env={"PYTHONPATH": str(ROOT)})
    payload = json.loads(result.stdout)
    assert [(d["id"], d["path"], d["format"]) for d in payload["documents"]] == [
        ("report", "report.txt", "text"), ("draft", "draft.md", "markdown")]
    assert result.returncode == 1 and [(f["rule"], f["doc"]) for f in payload["findings"]] == [("CS01", "draft")]


def test_github_annotations_carry_the_place_and_the_title():
    [line] = github_report.render(_result(SOURCE, DRAFT), View()).splitlines()
    where, message = line.split("::")[1:]
    assert where == "error file=docs/d1.md,line=2,col=18,endLine=2,endColumn=21,title=CS01 cross-source-conflict"
    assert message.endswith("14个 here, 17个 in 《乌海市2024年工作报告》")


def test_github_escapes_percent_line_breaks_and_property_separators():
    source = "乌海市2024年工作报告\n居民满意度达90.65%。\n"
    draft = "乌海市2024年工作汇报\n据统计,居民满意度已达96.5%。\n"
    [line] = github_report.render(_result(source, draft), View()).splitlines()
    assert "96.5%25 here, 90.65%25 in" in line and "96.5% " not in line
    assert github_report.escaped_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_gitlab_code_quality_issues_have_unique_fingerprints():
    doc = document_from_text("全市建成14个生活圈。\n另据统计,全市建成14个生活圈。", doc_id="d0", path="docs/d0.md")
    first, second = (Finding("CS01", "cross-source-conflict", Severity.ERROR, "m", "d0", start, start + 3)
                     for start in (4, doc.original.rindex("14个")))
    result = CheckResult(ClaimSet([doc], []), [first, second])
    issues = json.loads(gitlab_report.render(result, View()))
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("CS01", "critical", {"path": "docs/d0.md", "lines": {"begin": 1}}),
        ("CS01", "critical", {"path": "docs/d0.md", "lines": {"begin": 2}})]
    assert len({i["fingerprint"] for i in issues}) == 2


def test_an_unknown_flag_is_answered_with_the_sub_command_usage():
    result = run("check", "examples", "--bogus")
    assert result.returncode == 2 and "run-checks check: error: unrecognized arguments: --bogus" in result.stderr
    assert result.stderr.startswith("usage: run-checks check ")

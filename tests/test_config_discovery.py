"""Configuration found the way ruff finds its own: upwards from the working folder, or named;
exclude globs, per-file ignores, and sources always read for the pre-commit hook."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.config import ConfigError, find_config, load_config
from tests.test_cli import run

SOURCE = "乌海市2024年工作报告\n全市建成17个“一刻钟便民生活圈”。\n"
DRAFT = "乌海市2024年工作汇报\n截至年底,我市一刻钟便民生活圈已达14个。\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "drafts" / "deep").mkdir(parents=True)
    (tmp_path / "reports" / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "drafts" / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _json(result) -> dict:
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_the_nearest_configuration_is_found_from_a_subfolder(project):
    (project / "pyproject.toml").write_text('[tool.run-checks]\nlanguage = "en"\nignore = ["CS01"]\n', encoding="utf-8")
    assert find_config(project / "drafts" / "deep") == project / "pyproject.toml"
    assert load_config(project / "drafts" / "deep").ignore == ("CS01",)
    payload = _json(run("check", "../../reports", "..", "--format", "json", cwd=project / "drafts" / "deep"))
    assert payload["findings"] == []


def test_run_checks_toml_wins_over_a_pyproject_without_a_table(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "drafts" / "run-checks.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert find_config(project / "drafts" / "deep") == project / "drafts" / "run-checks.toml"
    assert find_config(project) is None


def test_config_names_a_file_and_isolated_ignores_every_file(project):
    (project / "run-checks.toml").write_text('ignore = ["CS01"]\n', encoding="utf-8")
    (project / "strict.toml").write_text('select = ["CS01"]\n', encoding="utf-8")
    quiet = _json(run("check", "reports", "drafts", "--format", "json", cwd=project))
    strict = _json(run("check", "reports", "drafts", "--format", "json", "--config", "strict.toml", cwd=project))
    isolated = _json(run("check", "reports", "drafts", "--format", "json", "--isolated", cwd=project))
    assert quiet["findings"] == [] and [f["rule"] for f in strict["findings"]] == ["CS01"]
    assert "CS01" in {f["rule"] for f in isolated["findings"]}
    missing = run("check", "reports", "--config", "nowhere.toml", cwd=project)
    assert missing.returncode == 2 and "no configuration file nowhere.toml" in missing.stderr


def test_exclude_leaves_files_out_and_says_how_many(project):
    (project / "reports" / "old.txt").write_text(DRAFT, encoding="utf-8")
    (project / "run-checks.toml").write_text('exclude = ["reports/old*", "drafts"]\n', encoding="utf-8")
    result = run("check", ".", "--format", "json", cwd=project)
    documents = _json(result)["documents"]
    assert [d["path"] for d in documents if d["status"] == "ok"] == ["reports/source.txt"]
    assert "2 files left out by exclude" in result.stderr


def test_per_file_ignores_switch_rules_off_for_matching_files(project):
    (project / "run-checks.toml").write_text('[per-file-ignores]\n"drafts/*" = ["cross_source"]\n', encoding="utf-8")
    assert _json(run("check", "reports", "drafts", "--format", "json", cwd=project))["findings"] == []
    (project / "run-checks.toml").write_text('[per-file-ignores]\n"reports/*" = ["CS01"]\n', encoding="utf-8")
    findings = _json(run("check", "reports", "drafts", "--format", "json", cwd=project))["findings"]
    assert [(f["rule"], f["doc"]) for f in findings] == [("CS01", "draft")]


def test_sources_are_read_so_a_staged_file_alone_is_checked_against_them(project):
    (project / "run-checks.toml").write_text('sources = ["reports/"]\n', encoding="utf-8")
    result = run("check", "drafts/draft.md", "--format", "json", cwd=project)
    payload = _json(result)
    assert [d["path"] for d in payload["documents"]] == ["reports/source.txt", "drafts/draft.md"]
    assert result.returncode == 1 and [(f["rule"], f["doc"]) for f in payload["findings"]] == [("CS01", "draft")]


def test_a_bad_configuration_names_its_file(project):
    (project / "run-checks.toml").write_text('sources = ["archive/"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="run-checks.toml: sources: no such file or folder"):
        load_config(project)
    (project / "run-checks.toml").write_text('[per-file-ignores]\n"a/*" = ["XX99"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown rule or family 'XX99'"):
        load_config(project)

"""Every rule: its documentation, and its fixture cases (tests/fixtures/rules/<ID>.toml).

A fixture file holds named cases:

    [[case]]
    name = "two reports disagree"
    documents = ["建成17个生活圈。", "建成14个生活圈。"]   # texts; doc ids d0, d1, …
    options = {}                                       # optional rule options
    expect = [{doc = 1, text = "14个"}]                # each finding: its document and the
                                                       # original text of its primary span

A string in ``expect`` is short for ``{doc = 0, text = ...}``. Every rule needs at least one case
that fires and one that stays quiet. ``reference = "地区,指标,…"`` adds a reference table (the CSV
text, as ``check --reference`` reads it) before the documents.
"""
from __future__ import annotations

import re
import tempfile
import tomllib
from pathlib import Path

import pytest

import pipeline
from checks.config import Config
from checks.registry import FAMILIES, all_rules
from checks.rule import DOC_SECTIONS, DOC_SECTIONS_ZH
from claims.reference import load_reference
from sources.reader import document_from_text

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
RULES = all_rules()


def _cases():
    for code in RULES:
        path = FIXTURES / f"{code}.toml"
        if path.is_file():
            for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
                yield pytest.param(code, case, id=f"{code}-{case['name']}")


def findings_of(code: str, texts: list[str], options: dict | None = None, reference: str | None = None):
    options = dict(options or {})
    if options.get("suite"):
        options["suite"] = str(FIXTURES.parents[2] / options["suite"])  # suite paths: from the repository
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(texts)]
    config = Config(select=(code,), options={code: options})
    claim_set = pipeline.extract(documents)
    if reference is not None:
        with tempfile.TemporaryDirectory() as folder:
            table = Path(folder) / "figures.csv"
            table.write_text(reference, encoding="utf-8")
            claim_set = pipeline.with_sources(claim_set, [load_reference(table, "figures")])
    return documents, pipeline.check(claim_set, config).findings


@pytest.mark.parametrize("code, case", list(_cases()))
def test_fixture_case(code, case):
    documents, findings = findings_of(code, case["documents"], case.get("options"), case.get("reference"))
    originals = {doc.id: doc.original for doc in documents}
    got = sorted((int(f.doc[1:]), originals[f.doc][f.start:f.end]) for f in findings)
    expected = sorted((0, e) if isinstance(e, str) else (e.get("doc", 0), e["text"]) for e in case["expect"])
    assert got == expected, [f.message for f in findings]


@pytest.mark.parametrize("code", list(RULES))
def test_rule_has_docs_and_fixtures(code):
    rule = RULES[code]
    assert re.fullmatch(r"[A-Z]{2}\d{2}", code) and rule.family in FAMILIES
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.summary() and set(rule.doc_sections()) == set(DOC_SECTIONS), rule.doc_sections().keys()
    assert set(rule.messages) == {"zh", "en"}
    cases = tomllib.loads((FIXTURES / f"{code}.toml").read_text(encoding="utf-8"))["case"]
    assert any(case["expect"] for case in cases) and any(not case["expect"] for case in cases)


@pytest.mark.parametrize("language, titles", [("en", DOC_SECTIONS), ("zh", DOC_SECTIONS_ZH)])
def test_every_rule_documents_its_four_sections_in_both_languages(language, titles):
    """Every registered rule: a summary and all four sections, each non-empty, in English and Chinese;
    the Chinese texts are Chinese, and the first line of 应改为 is advice, not an example."""
    missing = {code: [title for title in titles if not rule.doc_sections(language).get(title)]
               for code, rule in RULES.items()}
    assert {code: gaps for code, gaps in missing.items() if gaps} == {}
    assert [code for code, rule in RULES.items() if not rule.summary(language)] == []
    if language == "zh":
        han = re.compile(r"[\u4e00-\u9fff]")
        assert [code for code, rule in RULES.items()
                if not all(han.search(text) for text in (rule.summary("zh"), *rule.doc_sections("zh").values()))] == []
        assert [code for code, rule in RULES.items() if not rule.advice().endswith("。")] == []


def test_readme_rule_table_is_the_registry():
    """The README's table of rules is exactly what ``run-checks rules --format markdown`` prints."""
    from run_checks import rules_markdown

    readme = (FIXTURES.parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- rules:")
    table = readme[readme.index("\n", start) + 1:readme.index("<!-- /rules -->")]
    assert table == rules_markdown()
    assert all(f"| {code} | {rule.name} |" in table for code, rule in RULES.items())

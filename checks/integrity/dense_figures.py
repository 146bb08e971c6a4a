"""IO03 dense-figures."""
from __future__ import annotations

from collections.abc import Iterable

from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from claims.dense import dense_runs, limits
from sources.document import Document


@register
class DenseFigures(DocumentRule):
    """A long run of figures packed together, read as a table or list dump with shared context.

    What it does
    Finds the runs of at least 200 figures each starting at most 4 characters after the last one
    ends (``claims/data/dense_figures.toml``), such as a table pasted without its labels or a list
    of tens of thousands of figures. Their figures are all claims, but to keep the time per
    character bounded each run's figures take the subject, place, time and framing of the first
    figure of their kind (unit, measure word, qualifier) in the run instead of reading them one by
    one. One finding per document at the first run; the others are related places, and the
    evidence gives every run's offsets and figures. No real report comes near the thresholds (its
    longest run of figures at most 5 characters apart holds 12).

    Why is this bad?
    Figures packed that tightly are seldom prose that a reader checks figure by figure: they are
    usually a table that lost its row and column labels, or generated or damaged text. Their
    subjects and periods are read once per run, so checks that depend on them are less precise there.

    Example
    今年3个3个3个3个3个3个3个……(200多个数字首尾相接)

    Use instead
    Give the table its row and column labels (or publish it as a table), or remove the dump.
    全市建成社区食堂24个,其中海勃湾区8个、乌达区6个、海南区10个。
    """

    code = "IO03"
    name = "dense-figures"
    default_severity = Severity.WARNING
    messages = {
        "zh": "有{figures}个数字密集排列({runs}段,每个数字距上一个不超过{gap}个字符),按表格或列表读取:"
              "每段中同类数字沿用该段第一个同类数字的主语、地点、时间和口径;{places}",
        "en": "{figures} figures packed in {runs} run(s) (each at most {gap} characters after the last) read as a "
              "table or list dump: each takes the subject, place, time and framing of the first figure of its kind "
              "in its run; {places_en}",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        bounds = limits()
        if len(claims) < bounds.min_figures:
            return
        runs = dense_runs([claim.span for claim in claims], bounds)
        if not runs:
            return
        spans = [(claims[run.first].start, claims[run.last].end, run.figures) for run in runs]
        firsts = [claims[run.first] for run in runs]  # shown at its first figure: a run may be 40,000 characters
        places = "、".join(f"{start}–{end}({count}个)" for start, end, count in spans[:3])
        places_en = ", ".join(f"{start}–{end} ({count})" for start, end, count in spans[:3])
        more = len(spans) > 3
        related = [Location(doc.id, first.start, first.end, f"first of {count} dense figures, to {end}",
                            f"{count}个密集数字之首,至{end}")
                   for first, (_, end, count) in zip(firsts[1:], spans[1:], strict=True)]
        yield self.finding(doc.id, firsts[0].start, firsts[0].end, related=related,
                           evidence={"figures": sum(count for *_, count in spans), "runs": len(spans),
                                     "offsets": [[start, end] for start, end, _ in spans],
                                     "min_figures": bounds.min_figures, "max_gap": bounds.max_gap},
                           figures=sum(count for *_, count in spans), runs=len(spans), gap=bounds.max_gap,
                           places=f"位于原文{places}{'等' if more else ''}",
                           places_en=f"at {places_en}{' …' if more else ''} of the original text")

"""How a renderer shows its output: colour, width and the language of its own labels."""
from __future__ import annotations

from dataclasses import dataclass

from checks.finding import Finding


@dataclass(frozen=True)
class View:
    """Display settings for ``render(result, view)``; formats that have no use for one ignore it.

    ``language`` is carried for a renderer's own labels: the findings' messages are already in the
    chosen language (the rules translate them), so today's renderers ignore it. ``related`` is how
    many related places of a finding the terminal, Markdown and HTML show; the rest are counted."""

    color: bool = False
    width: int = 140
    language: str = "both"
    quiet: bool = False  # the findings only: no documents table, no totals
    related: int = 3


def more_places(finding: Finding, view: View) -> str:
    """How many related places of ``finding`` are not shown: "362 more related places"."""
    hidden = finding.related_count - view.related
    return f"{hidden} more related place{'s' if hidden > 1 else ''}"

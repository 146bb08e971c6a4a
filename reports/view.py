"""How a renderer shows its output: colour, width and the language of its own labels."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    """Display settings for ``render(result, view)``; formats that have no use for one ignore it.

    ``language`` (the run's ``--lang``) is for a renderer's own labels: the findings' messages are
    already in it (the rules translate them); the terminal, HTML, Markdown and JUnit reports word
    their labels by it, the machine formats ignore it. ``related`` is how many related places of a
    finding the terminal, Markdown and HTML show; the rest are counted."""

    color: bool = False
    width: int = 140
    language: str = "both"
    quiet: bool = False  # the findings only: no documents table, no totals
    related: int = 3


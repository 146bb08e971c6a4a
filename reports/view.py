"""How a renderer shows its output: colour, width and the language of its own labels."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    """Display settings for ``render(result, view)``; formats that have no use for one ignore it.

    ``language`` is carried for a renderer's own labels: the findings' messages are already in the
    chosen language (the rules translate them), so today's renderers ignore it."""

    color: bool = False
    width: int = 140
    language: str = "both"
    quiet: bool = False  # the findings only: no documents table, no totals

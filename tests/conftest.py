"""Shared helpers: extract claims from a string written in the test."""
from __future__ import annotations

import pytest

from claims.claim import Claim
from claims.extract import extract_claims
from sources.reader import document_from_text


def claims_in(text: str, fmt: str = "text") -> list[Claim]:
    return extract_claims(document_from_text(text, fmt=fmt))


def only_claim(text: str) -> Claim:
    """The single claim of ``text``; fails when there are none or several."""
    found = claims_in(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.fixture
def extract():
    return claims_in

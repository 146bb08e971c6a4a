"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, fast.

The standard encoder is pure Python once it indents, and holds every fragment of a large report
at once; orjson writes the same text in C. Where the two could differ the standard encoder writes
it: a float orjson spells otherwise (``1e16`` for ``1e+16``, ``0.00001`` for ``1e-05``; the
search may also hit a string holding ``": 1e5``, which only costs speed), an integer beyond 64
bits, or a value orjson cannot encode (its error then surfaces as before).
"""
from __future__ import annotations

import json
import re

import orjson

# a number token (a value after its key, or an array element on its own line: strings hold no raw
# newline and escape their quotes) in exponent notation, or below 0.0001
_SPELLED_OTHERWISE = re.compile(r'(?:": |\n *)-?(?:\d+(?:\.\d+)?[eE]|0\.0000)')


def dumps(value: object, sort_keys: bool = False) -> str:
    """``value`` as indented JSON text, non-ASCII characters as they are."""
    option = orjson.OPT_INDENT_2 | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    try:
        text = orjson.dumps(value, option=option).decode("utf-8")
    except TypeError:
        text = None
    if text is None or _SPELLED_OTHERWISE.search(text):
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys)
    return text

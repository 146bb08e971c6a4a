"""Documents and claims as JSON and back, exactly: what the ledger stores so that a document read
once is checked again without its file.

Records are the dataclasses of ``sources`` and ``claims`` (a document with its metadata, place
mentions, offset map and layout; a claim with its segments and period), encoded field by field:
a dataclass as ``{"$": "Claim", ...fields}``, a ``Decimal`` as ``{"$d": "2.36"}``, an offset map as
its integer type and two lists (kept as runs: three lists and its length), a tuple as a list
(every sequence field of these records is a tuple).
"""
from __future__ import annotations

import json
from array import array
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from claims.claim import Claim, Segment
from claims.periods import Period
from sources.document import Document, Metadata
from sources.gazetteer import Place, PlaceMention
from sources.office import Block
from sources.offsets import OffsetMap, Runs

RECORDS = {cls.__name__: cls for cls in (Document, Metadata, Place, PlaceMention, Block, Claim, Segment, Period)}


class CodecError(ValueError):
    """A stored record that is not one of the known records."""


def encode(value: Any) -> Any:
    """A JSON-ready form of a record (or of any value inside one)."""
    if isinstance(value, OffsetMap):
        return {"$": "OffsetMap", "dtype": value.starts.dtype.str, "starts": value.starts.tolist(),
                "ends": value.ends.tolist()}
    if isinstance(value, Runs):
        return {"$": "Runs", "at": value.at.tolist(), "origin": value.origin.tolist(), "end": value.end.tolist(),
                "length": value.length}
    if is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if RECORDS.get(name) is not type(value):
            raise CodecError(f"not a ledger record: {name}")
        return {"$": name, **{f.name: encode(getattr(value, f.name)) for f in fields(value)}}
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    return value


def decode(value: Any) -> Any:
    """The record ``encode`` made ``value`` from."""
    if isinstance(value, list):
        return tuple(decode(item) for item in value)
    if not isinstance(value, dict):
        return value
    if "$d" in value:
        return Decimal(value["$d"])
    name = value.get("$")
    if name == "OffsetMap":
        dtype = np.dtype(value["dtype"])
        return OffsetMap(np.asarray(value["starts"], dtype=dtype), np.asarray(value["ends"], dtype=dtype))
    if name == "Runs":
        return Runs(*(array("q", value[key]) for key in ("at", "origin", "end")), value["length"])
    if name not in RECORDS:
        raise CodecError(f"not a ledger record: {name!r}")
    return RECORDS[name](**{key: decode(item) for key, item in value.items() if key != "$"})


def dumps(record: Any) -> str:
    """A record as compact, key-sorted JSON."""
    return json.dumps(encode(record), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def loads(text: str | bytes) -> Any:
    return decode(json.loads(text))

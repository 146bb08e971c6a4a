"""Byte-identical zip containers (.xlsx, .docx): every entry's timestamp fixed, the order kept."""
from __future__ import annotations

import io
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def stable_zip(data: bytes) -> bytes:
    """``data`` (a zip archive) rewritten with the same entries in the same order, each dated
    ``EPOCH`` and deflated, so that the same content always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()

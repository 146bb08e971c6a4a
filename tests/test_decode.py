"""Tests for sources/decode.py: bytes to text, with the encoding used or the reason none fits."""
from __future__ import annotations

import codecs
import random

import pytest

from sources.decode import DecodeError, decode_bytes

SIMPLIFIED = "今年全市粮食总产量达到一百二十万吨，比上年增长百分之三点五。\n城镇新增就业2.3万人。"
TRADITIONAL = "今年全市糧食總產量達到一百二十萬噸，比上年增長百分之三點五。\n城鎮新增就業2.3萬人。"


def test_plain_utf8():
    decoded = decode_bytes(SIMPLIFIED.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (SIMPLIFIED, "utf-8")


def test_utf8_with_bom_drops_the_bom():
    decoded = decode_bytes(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"))
    assert decoded.encoding == "utf-8-sig"
    assert decoded.text == SIMPLIFIED
    assert "\ufeff" not in decoded.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    data = SIMPLIFIED.encode(codec)
    if codec != "utf-16":  # the explicit-endian codecs write no BOM: add the matching one
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (SIMPLIFIED, "utf-16")


def test_gbk_simplified_text_is_reported_as_gb18030():
    decoded = decode_bytes(SIMPLIFIED.encode("gbk"))
    assert (decoded.text, decoded.encoding) == (SIMPLIFIED, "gb18030")


def test_big5_traditional_text():
    decoded = decode_bytes(TRADITIONAL.encode("big5"))
    assert (decoded.text, decoded.encoding) == (TRADITIONAL, "big5")


@pytest.mark.parametrize("line", ["经济增长", "同比增长", "公告", "完成投资12亿元"])
def test_short_gbk_line(line):
    decoded = decode_bytes(line.encode("gbk"))
    assert decoded.text == line
    assert decoded.encoding == "gb18030"


@pytest.mark.parametrize("line", ["經濟增長", "同比增長", "公告", "完成投資12億元", "全區", "年度報告"])
def test_short_big5_line(line):
    decoded = decode_bytes(line.encode("big5"))
    assert decoded.text == line
    assert decoded.encoding == "big5"


@pytest.mark.parametrize("data", [b"", b" ", b"\r\n\t  \n"])
def test_empty_or_blank_file(data):
    with pytest.raises(DecodeError, match="^empty file$"):
        decode_bytes(data)


def test_nul_bytes_mean_binary():
    with pytest.raises(DecodeError, match="binary.*NUL"):
        decode_bytes("全市人口".encode() + b"\x00\x01\x02" + b"abc")


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", "docx"),
    ],
    ids=["pdf", "png", "docx"],
)
def test_binary_formats_are_named(data, named):
    with pytest.raises(DecodeError, match=named) as raised:
        decode_bytes(data)
    assert str(raised.value).startswith("binary file")


@pytest.mark.parametrize("seed", range(8))
def test_random_high_bytes_are_not_text(seed):
    rng = random.Random(seed)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(200))
    with pytest.raises(DecodeError):
        decode_bytes(noise)

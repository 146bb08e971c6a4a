"""Fuzzing the reading of inputs: generated bad or odd files, names and kinds, each read, extracted,
checked and rendered on its own.

    python benchmarks/fuzz_inputs.py [--inputs 10000] [--seed 0] [--jobs N]

Each input is one entry of a folder of its own: random bytes, byte-order marks before bytes that
do not fit them, Chinese text in UTF-8, GB18030, Big5, UTF-16 or UTF-32 with and without a mark,
fragments of one encoding in another, NUL and control bytes, numbers of thousands of digits, long
lines without punctuation, thousands of figures, deep or broken HTML, rich markup in the text; names
that are not UTF-8, with newlines, with rich markup, very long; and FIFOs, links to ``/dev/zero``,
dangling links and link loops. Counted: inputs tried, crashes (an exception, an internal error of a
document or an IE01 finding), missing documents (an entry that did not become exactly one
document), offset violations (a claim outside its document or whose text is not the original
text at its offsets), and the slowest input in CPU seconds per 100,000 characters of the text read
(a document's decoded text, HTML markup included; the bytes of an input that gave no text) (reading,
extraction and checks; rendering in every text format is checked, not timed; an input counts as
at least 10,000 characters, so that the fixed cost of a run does not dominate a tiny one). Prints one JSON object.

``--jobs N`` tries the inputs in N processes (``multiprocessing``): each worker generates the same
stream of inputs from the seed itself (a quarter of a second for 10,000) and takes the ones it is
given (``concurrent.futures.ProcessPoolExecutor``: a worker that dies ends the run with an error
rather than a hang), each in a scratch folder of its own, after warming up on an input of its own
(so that no input is timed with the one-time costs of a process: with them, the first input
with figures took about 4 CPU seconds more), timing each with ``time.process_time`` in the worker; the
outcomes are merged in input order, so the JSON is the same for any N but for its timing fields
(``slowest_*``, ``above_target``, ``cpu_seconds``, ``wall_seconds``). ``above_target`` counts the
inputs slower than 1 CPU second per 100,000 characters, ``slowest_inputs`` lists the ten slowest of them.
"""
from __future__ import annotations

import argparse
import codecs
import gc
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import count as counting
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from checks.config import Config  # noqa: E402
from reports import formats  # noqa: E402
from reports.view import View  # noqa: E402

SENTENCES = ("全市建成社区食堂24个，日均服务老年人1200人次。", "2023年地区生产总值达到1234.5亿元，同比增长6.8%。",
             "新增城镇就业3.2万人，完成年度目标的108%。", "去年改造老旧小区15个，今年计划改造20个。",
             "全区常住人口56.3万人，其中城镇人口41.2万人。", "烏海市社區食堂已達24個，日均服務老年人1200人次。")
ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-32-le", "utf-8-sig")
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"\xff\xfe\x00\x00", b"")
SUFFIXES = (".txt", ".txt", ".md", ".html", ".htm", ".text", ".csv", "")
KINDS = ("file",) * 20 + ("fifo", "dev-zero", "dangling", "loop")
FORMATS = ("json", "table", "csv", "markdown", "sarif", "junit", "github", "gitlab", "html")
MIN_CHARS = 10_000  # an input counts as at least this many characters in the time per character
TARGET = 1.0  # CPU seconds per 100,000 characters no input should exceed (issue 17)


@dataclass(frozen=True)
class Input:
    name: bytes  # a file name, as the file system holds it
    kind: str  # file, fifo, dev-zero, dangling, loop
    data: bytes = b""


def text(rng: random.Random, size: int) -> str:
    """Chinese sentences with figures, about ``size`` characters."""
    out, length = [], 0
    while length < size:
        out.append(rng.choice(SENTENCES))
        length += len(out[-1])
    return "".join(out)


def _encoded(rng: random.Random, value: str) -> bytes:
    encoding = rng.choice(ENCODINGS)
    return value.encode(encoding, errors="replace")


def content(rng: random.Random) -> bytes:
    """The bytes of one generated file, of a family picked at random."""
    family = rng.randrange(14)
    size = rng.choice((0, 1, 10, 100, 1000, 3000))
    if family == 0:  # random bytes
        return rng.randbytes(size)
    if family == 1:  # a byte-order mark before anything
        return rng.choice(BOMS) + rng.choice((rng.randbytes(size), _encoded(rng, text(rng, size))))
    if family == 2:  # a text in some encoding
        return _encoded(rng, text(rng, size))
    if family == 3:  # fragments of several encodings
        return b"".join(_encoded(rng, text(rng, 20)) for _ in range(rng.randrange(1, 8)))
    if family == 4:  # NUL and control bytes in a text
        data = bytearray(text(rng, size).encode())
        for _ in range(rng.randrange(1, 6)):
            data.insert(rng.randrange(len(data) + 1), rng.choice((0, 0, 1, 7, 27, 31)))
        return bytes(data)
    if family == 5:  # a huge number
        digits = "9" * rng.choice((400, 4000, 4300, 20000))
        return f"全市人口{digits}{rng.choice(('人', '万人', '%', '亿元'))}。".encode()
    if family == 6:  # a long line without punctuation
        return (rng.choice(("建成食堂", "全市", "x", "1")) * rng.choice((1000, 10000, 40000))).encode()
    if family == 7:  # many figures in one sentence
        unit = rng.choice(("1万、", "3个", "2.5%、", "第1", "2023年"))
        return ("今年" + unit * rng.choice((100, 3000, 20000))).encode()
    if family == 8:  # broken or deep HTML
        tag = rng.choice(("<span>", "</span>", "<div>", "<p>", "<b>", "<!--", "<script>", "&#x", "&"))
        return ("<html><body>" + (tag + rng.choice(("全市3个", ""))) * rng.choice((10, 2000, 20000))).encode()
    if family == 9:  # rich markup and terminal escapes in the text
        return f"居民满意度[/]达90%[red]x[bold]，增长\x1b[31m5%\x1b[0m。{text(rng, size)}".encode()
    if family == 10:  # a text cut in the middle of a character
        data = _encoded(rng, text(rng, size + 10))
        return data[:rng.randrange(len(data) + 1)]
    if family == 11:  # lone surrogates in UTF-16
        data = text(rng, size).encode("utf-16-le")
        cut = rng.randrange(0, len(data) + 1, 2)
        return codecs.BOM_UTF16_LE + data[:cut] + rng.choice((b"\x00\xd8", b"\x00\xdc")) + data[cut:]
    if family == 12:  # a binary signature
        return rng.choice((b"%PDF-1.4\n", b"PK\x03\x04", b"\x89PNG\r\n", b"GIF89a")) + rng.randbytes(size)
    return rng.randbytes(rng.randrange(4)) + text(rng, size).encode() + rng.randbytes(rng.randrange(4))


def name(rng: random.Random, index: int) -> bytes:
    """A file name: plain, not UTF-8, with a newline or rich markup, or very long."""
    stem = rng.choice((b"report", "报告".encode(), b"bad\xff\xfe", "报告".encode("gbk"), b"two\nlines",
                       b"[red]x[bold]", b"a" * 200, b"with space", b"-dash", b"=cell+1", b"tab\tname"))
    return b"%04d_" % index + stem + rng.choice(SUFFIXES).encode()


def stream(seed: int) -> Iterator[Input]:
    """The inputs of ``seed``, one after the other, without end."""
    rng = random.Random(seed)
    for i in counting():
        yield Input(name(rng, i), rng.choice(KINDS), content(rng))


def generate(seed: int, count: int) -> list[Input]:
    return list(islice(stream(seed), count))


def materialize(entry: Input, folder: Path) -> Path:
    """``entry`` made in the empty ``folder``; its path."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + entry.name))
    if entry.kind == "fifo":
        os.mkfifo(path)
    elif entry.kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif entry.kind == "dangling":
        path.symlink_to(folder / "missing.txt")
    elif entry.kind == "loop":
        path.symlink_to(path)
    else:
        path.write_bytes(entry.data)
    return path


@dataclass(frozen=True)
class Outcome:
    """What trying one input found: problems counted and described, and its CPU time."""

    index: int
    label: str
    crashes: int = 0
    missing: int = 0
    offsets: int = 0
    problems: tuple[str, ...] = ()
    per: float = 0.0  # CPU seconds per 100,000 characters (0 when it crashed)
    cpu: float = 0.0  # CPU seconds of reading, extraction and checks


@dataclass
class Tally:
    tried: int = 0
    crashes: int = 0
    missing: int = 0
    offsets: int = 0
    slowest: float = 0.0  # CPU seconds per 100,000 characters
    slowest_input: str = ""
    cpu: float = 0.0
    problems: list[str] = field(default_factory=list)
    slow: list[tuple[float, str]] = field(default_factory=list)  # inputs above TARGET: (per, label)

    def add(self, outcome: Outcome) -> None:
        """Count ``outcome`` (added in input order, so the first slowest wins a tie)."""
        self.tried += 1
        self.crashes += outcome.crashes
        self.missing += outcome.missing
        self.offsets += outcome.offsets
        self.problems += outcome.problems
        self.cpu += outcome.cpu
        if outcome.per > TARGET:
            self.slow.append((outcome.per, outcome.label))
        if outcome.per > self.slowest:
            self.slowest, self.slowest_input = outcome.per, outcome.label


def try_input(entry: Input, folder: Path, index: int = 0, render: tuple[str, ...] = FORMATS) -> Outcome:
    """Read, extract, check and render ``entry`` in ``folder``: what went wrong, and how long it took."""
    label = repr(entry.name[:40]) + f" {entry.kind} {len(entry.data)} bytes"
    materialize(entry, folder)
    started = time.process_time()
    try:
        documents = pipeline.read([folder])
        claim_set = pipeline.extract(documents)
        result = pipeline.check(claim_set, Config())
        elapsed = time.process_time() - started
        view = View(color=False, width=100)
        for fmt in render:
            rendered = formats.renderer("check", fmt)(result, view)
            if fmt == "json":
                json.loads(rendered)
    except Exception as error:  # what the fuzzing looks for
        return Outcome(index, label, crashes=1, problems=(f"crash {label}: {type(error).__name__}: {error}",))
    problems, missing, crashes, offsets = [], 0, 0, 0
    if len(documents) != 1:
        missing = 1
        problems.append(f"missing {label}: {len(documents)} documents")
    internal = [doc.error for doc in documents if (doc.error or "").startswith("internal error")]
    internal += [f.message for f in result.findings if f.rule == "IE01"]
    if internal:
        crashes = 1
        problems.append(f"crash {label}: {internal[0]}")
    originals = {doc.id: doc.original for doc in documents}
    for claim in claim_set.claims:
        original = originals[claim.doc]
        if not (0 <= claim.start <= claim.end <= len(original) and original[claim.start:claim.end] == claim.text):
            offsets = 1
            problems.append(f"offsets {label}: {claim.id} {claim.start}-{claim.end} {claim.text!r}")
            break
    characters = sum(len(doc.original) for doc in documents) or len(entry.data)  # bytes when nothing was decoded
    return Outcome(index, label, crashes, missing, offsets, tuple(problems),
                   elapsed / max(characters, MIN_CHARS) * 100_000, elapsed)


_inputs: dict[int, tuple[int, Iterator[Input]]] = {}  # a worker's stream of each seed: (next index, inputs)


def _input(seed: int, index: int) -> Input:
    """Input ``index`` of ``seed``, from this process's own stream (asked in increasing order)."""
    position, inputs = _inputs.get(seed, (0, iter(())))
    if index < position or seed not in _inputs:
        position, inputs = 0, stream(seed)
    entry = next(islice(inputs, index - position, None))
    _inputs[seed] = (index + 1, inputs)
    return entry


def _try(task: tuple[int, int, tuple[str, ...]]) -> Outcome:
    """A worker's call: input ``index`` of ``seed`` tried in a scratch folder of its own."""
    seed, index, render = task
    with tempfile.TemporaryDirectory(prefix="fuzz-") as scratch:
        return try_input(_input(seed, index), Path(scratch), index, render)


def warm_up() -> None:
    """Pay a process's one-time costs (imports done on first use, Great Expectations' first
    validation, the vocabularies) on a small input of its own, so that no fuzzed input is timed
    with them; then freeze what they left (``gc.freeze``: some 120,000 objects of modules,
    vocabularies and patterns), so that the collector's full passes over them are not charged
    to the input whose allocations trigger one (a figure cost twice as much in an input of 3,000)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-warm-") as scratch:
        try_input(Input(b"warm.txt", "file", "".join(SENTENCES).encode()), Path(scratch))
    gc.collect()
    gc.freeze()


def fuzz(seed: int, count: int, render: tuple[str, ...] = FORMATS, every: int = 0, jobs: int = 1) -> Tally:
    """The tally of ``count`` inputs from ``seed``, tried in ``jobs`` processes (1: in this one);
    with ``every``, the tally so far is printed to standard error every so many inputs."""
    tally = Tally()
    tasks = [(seed, index, render) for index in range(count)]
    if jobs > 1:
        workers = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=warm_up)
    else:
        workers = nullcontext()
        warm_up()
    with workers as pool:
        outcomes = pool.map(_try, tasks, chunksize=1) if pool else map(_try, tasks)  # in input order
        for outcome in outcomes:
            tally.add(outcome)
            if every and tally.tried % every == 0:
                print(json.dumps(summary(tally)), file=sys.stderr, flush=True)
    return tally


def summary(tally: Tally) -> dict:
    return {"inputs": tally.tried, "crashes": tally.crashes, "missing_documents": tally.missing,
            "offset_violations": tally.offsets, "slowest_seconds_per_100k_chars": round(tally.slowest, 3),
            "slowest_input": tally.slowest_input, "above_target": len(tally.slow),
            "slowest_inputs": [f"{per:.2f} {label}" for per, label in sorted(tally.slow, reverse=True)[:10]],
            "cpu_seconds": round(tally.cpu, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--every", type=int, default=0, help="print the tally so far every so many inputs")
    parser.add_argument("--jobs", type=int, default=1, help="try the inputs in this many processes")
    args = parser.parse_args()
    started = time.time()
    tally = fuzz(args.seed, args.inputs, every=args.every, jobs=max(1, args.jobs))
    print(json.dumps({**summary(tally), "wall_seconds": round(time.time() - started, 1),
                      "problems": tally.problems[:20]}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

"""How a figure counts: its aggregate, the scope words narrowing what it counts, and its status.

单日过货量达50718吨 is a daily figure, not the year's total; 新设民营企业 narrows 新设企业; 计划改造
1535个 is a plan, 已完成改造1263个 a result. The words are in data/framing_words.txt (change verbs
in change_words.txt, 其中 in subject_words.txt); this module keeps the grammar: which text is read
for each part, which cue wins. When in doubt a figure is framed more narrowly, so that it is left
uncompared rather than compared with a different fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from claims.claim import Segment
from claims.sentences import CLAUSE_ENDS
from claims.vocab import change_words, list_words, subject_words
from sources.normalize import to_simplified
from vocab.files import DataFileError, alternation, data_sections, entry_line, error

AGGREGATES = ("level", "cumulative", "new", "daily", "average", "peak", "change")
STATUSES = ("actual", "plan", "in_progress")
FILE = "framing_words.txt"
SECTIONS = ("cumulative", "new", "daily", "average", "peak", "change_nouns", "change_tail", "scope", "scope_aliases",
            "plan", "in_progress", "result", "actual", "not_cues", "disposal", "disposal_end")
PRECEDENCE = ("peak", "daily", "average", "cumulative", "new")  # below change: the first found wins
STATUS_OF_CUE = {"plan": "plan", "in_progress": "in_progress", "result": "actual", "actual": "actual"}
_SEPARATOR = "\n"  # between the subject and the clause, so that no word spans both
_THROUGH_LAST_CLAUSE_END = re.compile(f"(?s:.*)[{re.escape(CLAUSE_ENDS)}]")  # one backward scan, not one per mark


@dataclass(frozen=True)
class Framing:
    """How a figure counts: aggregate, the scope words narrowing what is counted, and its status."""

    aggregate: str  # one of AGGREGATES; "level" when nothing says otherwise
    scope: tuple[str, ...]  # normalized scope words, sorted, e.g. ("民营",), ("规模以上",), ("其中",); () when none
    status: str  # one of STATUSES; "actual" when nothing says otherwise


@dataclass(frozen=True)
class FramingWords:
    """The sections of data/framing_words.txt in Simplified characters, and the scope aliases."""

    sections: dict[str, tuple[str, ...]]
    aliases: dict[str, str]  # 规上 → 规模以上


@cache
def framing_words(package: str = "claims", name: str = FILE) -> FramingWords:
    """Read ``<package>/data/<name>``: every section of ``SECTIONS``, none empty; each [scope_aliases]
    entry is ``alias = word`` with ``word`` in [scope]; a status word belongs to one status section only."""
    raw = data_sections(package, name, SECTIONS)
    empty = [f"[{section}]" for section in SECTIONS if not raw[section]]
    if empty:
        raise error(package, name, None, f"no words in {', '.join(empty)}")

    def fail(section: str, entry: str, message: str) -> DataFileError:
        return error(package, name, entry_line(package, name, section, entry), f"[{section}]: {message}")

    sections = {section: tuple(dict.fromkeys(to_simplified(word) for word in words)) for section, words in raw.items()}
    aliases = {}
    for entry in raw["scope_aliases"]:
        alias, equals, word = (to_simplified(part.strip()) for part in entry.partition("="))
        if not equals or not alias or word not in sections["scope"]:
            raise fail("scope_aliases", entry, f"{entry!r} is not 'alias = a [scope] word'")
        aliases[alias] = word
    seen: dict[str, str] = {}
    for section in STATUS_OF_CUE:
        for entry in raw[section]:
            word = to_simplified(entry)
            if seen.setdefault(word, section) != section:
                raise fail(section, entry, f"{word!r} is already in [{seen[word]}]")
    return FramingWords(sections, aliases)


@cache
def _words(*sections: str) -> re.Pattern[str]:
    """The words of ``sections`` as one pattern, longest first."""
    found = framing_words().sections
    return re.compile(alternation(word for section in sections for word in found[section]))


@cache
def _scope_words() -> re.Pattern[str]:
    return re.compile(alternation((*framing_words().sections["scope"], *framing_words().aliases)))


@cache
def _change_before() -> re.Pattern[str]:
    """A change verb (with its tail) or a change noun (with linking words) right before a figure,
    earlier figures of a list allowed between: 增长5.5%, 增长了3%, 增速为6%, 分别增长7%、11.5%."""
    words = framing_words().sections
    joiners = "".join(list_words().joiners)
    item = f"[^{re.escape(CLAUSE_ENDS + joiners)}]"
    verb = f"(?:{alternation(change_words().verbs)})(?:{alternation(words['change_tail'])})?"
    noun = f"(?:{alternation(words['change_nouns'])})(?:{alternation(subject_words()['link'])})*"
    return re.compile(rf"(?:{verb}|{noun})(?:{item}*\d{item}*[{re.escape(joiners)}])*\s*$")


@cache
def _disposal() -> re.Pattern[str]:
    """将 as 把 (将全市83个社区整合为17个): an object of two characters or more, then a verb ending in
    为, in the same clause. Such a 将 says nothing about plans."""
    words = framing_words().sections
    return re.compile(rf"(?:{alternation(words['disposal'])})(?=[^{re.escape(CLAUSE_ENDS)}]{{2,}}?"
                      rf"(?:{alternation(words['disposal_end'])}))")


@lru_cache(maxsize=4096)
def _without_disposal(before: str) -> str:
    """The clause before a figure with a disposal 将 blanked."""
    return _disposal().sub(lambda found: " " * len(found.group()), before)


@lru_cache(maxsize=4096)
def _blank(text: str) -> str:
    """``text`` with every [not_cues] word replaced by spaces (将近 holds no 将, 城镇化率 no 城镇)."""
    return _words("not_cues").sub(lambda found: " " * len(found.group()), text)


def framing_of(text: str, span: tuple[int, int], clause: Segment, sentence: Segment, kind: str,
               unit: str | None, subject: str | None) -> Framing:
    """The framing of the figure at ``span`` of the normalized ``text`` from its subject and the words of its
    clause (and, for status, its sentence) before it. A date has a status only: it counts nothing."""
    return _framing(text[clause.start:span[0]], text[sentence.start:clause.start], kind, unit, subject)


@lru_cache(maxsize=8192)  # read once for a clause every copy or restatement of a report repeats
def _framing(before: str, earlier: str, kind: str, unit: str | None, subject: str | None) -> Framing:
    """The framing of a figure from the clause before it (``before``), the sentence before its
    clause (``earlier``), its kind, unit and subject: these are all it is read from."""
    status = _status(_without_disposal(before)) or _sentence_plan(earlier) or "actual"
    if kind == "date":
        return Framing("level", (), status)
    read = _blank(f"{subject or ''}{_SEPARATOR}{before}")
    return Framing(_aggregate(before, read, unit), _scope(earlier, before, subject), status)


def _aggregate(before: str, read: str, unit: str | None) -> str:
    """``change`` right after a change word or in percentage points, else the first of ``PRECEDENCE``
    whose words occur in ``read`` (the subject and the clause before the figure), else ``level``."""
    if unit == "percentage_point" or _change_before().search(_blank(before)):
        return "change"
    if not _words(*PRECEDENCE).search(read):  # no aggregate word at all (the usual case): one scan, not five
        return "level"
    return next((aggregate for aggregate in PRECEDENCE if _words(aggregate).search(read)), "level")


def _scope(earlier: str, before: str, subject: str | None) -> tuple[str, ...]:
    """Scope words of the subject and the clause before the figure, aliases folded, sorted; and the
    part word (其中) when it comes before the figure in its clause or is the whole clause before
    (the last of ``earlier``, the sentence before the clause, its end mark left out).
    In a 分别 list only the subject is read: it names the figure's own item (城镇居民…、农村居民…)."""
    read = subject or ""
    if list_words().respectively not in before:
        read += _SEPARATOR + before
    aliases = framing_words().aliases
    found = {aliases.get(word, word) for word in _scope_words().findall(_blank(read))}
    previous = earlier[:-1]
    ended = _THROUGH_LAST_CLAUSE_END.match(previous)
    previous = previous[ended.end() if ended else 0:].strip()
    parts = subject_words()["breakdown"]
    found |= {word for word in parts if word in before or word == previous}
    return tuple(sorted(found))


@cache
def _cue_sections() -> dict[str, str]:
    """Status word → its section ([plan], [in_progress], [result] or [actual])."""
    words = framing_words().sections
    return {word: section for section in STATUS_OF_CUE for word in words[section]}


@lru_cache(maxsize=4096)
def _status(text: str) -> str | None:
    """The status the nearest cue of ``text`` gives (None: no cue). A result or in-progress word is
    planned when a plan word comes before it with no actual word between (预计完成, 计划开工)."""
    cues = [_cue_sections()[word] for word in _words(*STATUS_OF_CUE).findall(_blank(text))]
    if not cues:
        return None
    nearest = cues[-1]
    if nearest in ("result", "in_progress"):
        governing = next((cue for cue in reversed(cues[:-1]) if cue in ("plan", "actual")), None)
        if governing == "plan":
            return "plan"
    return STATUS_OF_CUE[nearest]


def _sentence_plan(text: str) -> str | None:
    """"plan" when the nearest cue of the sentence before the figure's clause is a plan (计划到2025年,
    改造1535个); a started or finished work named in another clause says nothing of this figure."""
    return "plan" if _status(_without_disposal(text)) == "plan" else None


def compare(a: Framing, b: Framing, ignore: frozenset[str] = frozenset()) -> list[str]:
    """The reasons two figures are NOT the same fact ("aggregate new / cumulative", "scope 民营 / -",
    "status plan / actual"); empty when they can be compared. Aspects named in ``ignore``
    ("aggregate", "scope", "status") are not compared."""
    reasons = []
    if a.aggregate != b.aggregate and "aggregate" not in ignore:
        reasons.append(f"aggregate {a.aggregate} / {b.aggregate}")
    if set(a.scope) != set(b.scope) and "scope" not in ignore:
        reasons.append(f"scope {','.join(sorted(set(a.scope))) or '-'} / {','.join(sorted(set(b.scope))) or '-'}")
    if a.status != b.status and "status" not in ignore:
        reasons.append(f"status {a.status} / {b.status}")
    return reasons

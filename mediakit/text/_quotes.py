"""Quotations: the one quotation finder of mediakit, and the share of each sentence in quotes.

:func:`find_quotations` reads a text paragraph by paragraph and returns its quotations, quote
marks included, each with whether it was closed and, for a quotation that runs over several
paragraphs, links to the quotation it continues and the one that continues it. Metrics read
quotation marks in three ways, kept as three rule sets (``style``):

``"news"`` (the default; :func:`quote_spans`, :func:`quote_mask`, sentence sentiment)
    Double quotes, any type closing any other: a curly \u201c opens, \u201d or " closes. A
    straight " opens unless it can only close (after a character other than white space, an
    opening bracket or a dash, and before one that is not a letter or digit) or is an inch
    mark (after a digit). Curly single quotes \u2018...\u2019 count at the top level only,
    and only when closed in the same paragraph; straight single quotes never count.
``"typed"`` (attribution)
    Also German \u201e (closed by \u201c or \u201d), French \u00ab \u00bb and TeX-style
    doubled marks (two backticks or two apostrophes open, two apostrophes close). A quotation
    is closed by a mark of its own type; if none comes before the end of the paragraph, a
    closing mark of another type right after a word ends it (a typesetting slip such as
    \u201cA," closed by a straight quote, or \u201cA,\u201c by a second opening mark; after such a slip a straight " that can open opens the
    next quotation, even in one it would close: '"A,\u201d he said. "B."'). A straight " opens
    only after white space or opening punctuation and before a non-space; a \u2018 only before a non-space. An apostrophe
    \u2019 counts as a mark that closes nothing (so a paragraph whose first mark is one does
    not continue the previous paragraph's quotation).
``"simple"`` (actors' target sentiment, on one sentence)
    \u201c opens, a straight " opens when nothing is open, \u201d or " closes; nothing else
    counts, whatever surrounds the marks.

In every style a quotation left open at the end of a paragraph runs to the paragraph's end
(news style opens each paragraph of a long quotation again and closes only the last one). The
next paragraph continues it (``prev``/``next`` links) when it opens again within its first
three characters, or when its first quotation mark closes the open quotation's type: then the
quotation runs on from the paragraph's start without a new opening mark. Unbalanced marks
never raise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from mediakit._validation import check_option

from ._sentences import Span, paragraph_units, split_sentences
from ._tokens import forget_when_shared_results_end, sharing_results

__all__ = [
    "QUOTE_STYLES",
    "Quotation",
    "find_quotations",
    "quote_mask",
    "quote_spans",
    "sentences_and_quotes",
]

#: Values of ``style`` in :func:`find_quotations`.
QUOTE_STYLES: tuple[str, ...] = ("news", "typed", "simple")


class Quotation(NamedTuple):
    """A quotation found by :func:`find_quotations`: ``text[start:end]``, quote marks included.

    ``closed`` is False when no closing mark came before the end of the paragraph. ``prev`` is
    the index (in the list returned) of the quotation this one continues from the previous
    paragraph, ``next`` of the one that continues it; -1 for none.
    """

    start: int
    end: int
    closed: bool
    prev: int = -1
    next: int = -1


# --------------------------------------------------------------------------- rules


def _news_straight_opens(text: str, p: int) -> bool:
    """News style: a straight double quote at ``p`` opens unless it can only close (or is an inch mark)."""
    before = text[p - 1] if p > 0 else " "
    after = text[p + 1] if p + 1 < len(text) else " "
    if before.isdigit():
        return False
    return before.isspace() or before in "([{\u2014\u2013-" or after.isalnum()


def _typed_straight_opens(text: str, p: int) -> bool:
    """Typed style: a straight double quote at ``p`` opens after a space or opening punctuation."""
    before = text[p - 1] if p > 0 else " "
    after = text[p + 1] if p + 1 < len(text) else " "
    if before.isdigit():
        return False  # an inch mark
    if before.isspace() or before in "([{\u2014\u2013-/:;,":
        return not after.isspace()
    return False


def _always(text: str, p: int) -> bool:
    """Simple style: a straight double quote opens whenever nothing is open."""
    return True


@dataclass(frozen=True)
class _Rules:
    """How a style reads quotation marks (see the module docstring)."""

    #: Every mark the style looks at.
    marks: re.Pattern[str]
    #: Marks that open a quotation whatever surrounds them.
    openers: tuple[str, ...]
    #: Whether a straight double quote at a position opens a quotation.
    straight_opens: Callable[[str, int], bool]
    #: Closed by the marks of its own type (with the other-type fallback), else by any of \u201d ".
    typed: bool
    #: A single \u2018 must be followed by a non-space to open.
    single_needs_word: bool
    #: The marks that can open or close something, as strings: ``marks`` without those that only count as
    #: a paragraph's first mark (the typed style's apostrophe \u2019), which the scan of a paragraph skips.
    #: No two start with the same character. Found with ``str.find`` (:func:`_mark_positions`), which
    #: skips ahead several times faster than ``re`` tests a character class at every character.
    scanned: tuple[str, ...]


_RULES = {
    "news": _Rules(re.compile("[\"\u201c\u201d\u2018]"), ("\u201c",), _news_straight_opens, False, False,
                   ('"', "\u201c", "\u201d", "\u2018")),
    # a quotation mark: one of "\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019, or a doubled apostrophe or
    # backtick (written as one character class, so that ``re`` scans ahead for it, then checked)
    "typed": _Rules(
        re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019'`]"
                   "(?:(?<=[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019])|(?<=')'|(?<=`)`)"),
        ("\u201c", "\u00ab", "\u201e", "``"), _typed_straight_opens, True, True,
        ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2018", "''", "``"),
    ),
    "simple": _Rules(re.compile("[\"\u201c\u201d]"), ("\u201c",), _always, False, False, ('"', "\u201c", "\u201d")),
}
#: Untyped styles: what closes any open quotation.
_ANY_CLOSE = ("\u201d", '"')
#: Typed style: the marks that close a quotation opened by each mark.
_PROPER_CLOSE = {"\u201c": ("\u201d",), "\u201e": ("\u201c", "\u201d"), "\u00ab": ("\u00bb",), '"': ('"',),
                 "''": ("''",), "``": ("''",)}
#: Typed style: closing marks of another type that may end an open quotation (a typesetting slip).
_ALT_CLOSE = ("\u201d", '"', "''", "\u00bb")
#: A right single quote that closes a quotation: not followed by a letter or digit.
_SQ_CLOSE_RE = re.compile("(?<=\\S)\u2019(?![^\\W_])")


# --------------------------------------------------------------------------- the finder


def _mark_positions(text: str, marks: tuple[str, ...]) -> tuple[list[int], list[str]]:
    """Where each of ``marks`` starts in ``text``, and which, left to right.

    A doubled mark is found at every start, overlapping ones too ("'''" holds "''" at 0 and at 1), as a
    regex search from either position would find it.
    """
    found: list[tuple[int, str]] = []
    for mark in marks:
        first = mark[0]  # looked for by its first character: ``find`` of one character is by far the fastest
        p = text.find(first)
        while p >= 0:
            if len(mark) == 1 or text.startswith(mark, p):
                found.append((p, mark))
            p = text.find(first, p + 1)
    found.sort()
    return [p for p, _ in found], [mark for _, mark in found]


class _Scanner:
    """The state of one :func:`find_quotations` run (one text, one style)."""

    __slots__ = ("text", "rules", "quotes", "open_at", "open_type", "cont", "alt", "carry", "carry_type",
                 "mark_starts", "mark_kinds")

    def __init__(self, text: str, rules: _Rules) -> None:
        self.text = text
        self.rules = rules
        self.mark_starts, self.mark_kinds = _mark_positions(text, rules.scanned)
        self.quotes: list[list[int]] = []  # [start, end, closed, prev, next]
        self.open_at, self.open_type, self.cont, self.alt = -1, "", -1, -1
        self.carry, self.carry_type = -1, ""  # a quotation left open by the previous paragraph

    def run(self, paragraphs: Sequence[tuple[int, int]]) -> list[Quotation]:
        for ps, pe in paragraphs:
            self.open_at, self.open_type, self.cont = -1, "", -1
            if self.carry >= 0:
                self._continuation(ps, pe)
            self.carry, self.carry_type = -1, ""
            self._scan(ps, pe)
            if self.open_at >= 0:
                self.carry, self.carry_type = self._emit(self.open_at, pe, False, self.cont), self.open_type
        return [Quotation(s, e, bool(c), p, n) for s, e, c, p, n in self.quotes]

    def _closers(self, kind: str) -> tuple[str, ...]:
        return _PROPER_CLOSE.get(kind, ()) if self.rules.typed else _ANY_CLOSE

    def _emit(self, start: int, end: int, closed: bool, cont: int) -> int:
        """Record the quotation ``text[start:end]``, continuing quotation ``cont``; return its index."""
        i = len(self.quotes)
        self.quotes.append([start, end, closed, cont, -1])
        if cont >= 0:
            self.quotes[cont][4] = i
        return i

    def _continuation(self, ps: int, pe: int) -> None:
        """Does paragraph ``[ps, pe)`` continue the quotation left open (see the module docstring)?"""
        text, rules = self.text, self.rules
        m0 = rules.marks.search(text, ps, pe)
        if m0 is None:
            return
        first, p0 = m0.group(), m0.start()
        straight = first in ('"', "''")
        if p0 - ps <= 2 and (
            first in rules.openers or (straight and rules.straight_opens(text, p0)) or (first == "''" and p0 == ps)
        ):
            self.cont = self.carry  # a new paragraph of the same quotation, opened again
        elif first in self._closers(self.carry_type) and not (straight and rules.straight_opens(text, p0)):
            # runs on without a new opening mark
            self.open_at, self.open_type, self.cont = ps, self.carry_type, self.carry

    def _scan(self, ps: int, pe: int) -> None:
        starts, kinds = self.mark_starts, self.mark_kinds
        pos = ps
        self.alt = -1  # end of the first closing mark of another type seen while a quotation is open
        while True:
            i = bisect_left(starts, pos)  # the first mark at pos or after, if it ends by pe
            if i == len(starts) or starts[i] + len(kinds[i]) > pe:
                if self.open_at >= 0 and self.alt >= 0:
                    self._emit(self.open_at, self.alt, True, self.cont)
                    pos, self.open_at, self.cont, self.alt = self.alt, -1, -1, -1
                    continue
                return
            q, p = kinds[i], starts[i]
            if self.open_at >= 0:
                self._inside(q, p, p + len(q))
                pos = p + len(q)
            else:
                pos = self._outside(q, p, p + len(q), ps, pe)

    def _inside(self, q: str, p: int, end: int) -> None:
        """Mark ``q`` at ``[p, end)`` while a quotation is open: close it, or note a slip (typed)."""
        if self.alt >= 0 and q == '"' and self.rules.straight_opens(self.text, p):
            # '"A,\u201d he said. "B."': the slip closed the first quotation; this straight quote opens another
            # (it would close a straight-opened quotation as its own type, swallowing "he said")
            self._emit(self.open_at, self.alt, True, self.cont)
            self.open_at, self.open_type, self.cont, self.alt = p, q, -1, -1
            return
        if q in self._closers(self.open_type):
            self._emit(self.open_at, end, True, self.cont)
            self.open_at, self.cont, self.alt = -1, -1, -1
            return
        if not self.rules.typed:
            return  # an opening mark inside an open quotation: nested or a missing close; ignore
        text = self.text
        if self.alt < 0 and (q in _ALT_CLOSE or q == self.open_type == "\u201c") and p > 0 and (
                not text[p - 1].isspace()) and (end >= len(text) or not text[end].isalnum()):
            # a closing mark of another type right after a word, or an opening \u201c used as the closing
            # one ('\u201cA,\u201c he said'): a slip that ends the quotation if no proper mark does
            self.alt = end
        elif self.alt >= 0 and (q in ("\u201c", "\u00ab") or q == '"' and self.rules.straight_opens(text, p)):
            # '\u201cA," he said. "B.\u201d': the slip closed the first quotation; this opens another
            self._emit(self.open_at, self.alt, True, self.cont)
            self.open_at, self.open_type, self.cont, self.alt = p, q, -1, -1

    def _outside(self, q: str, p: int, end: int, ps: int, pe: int) -> int:
        """Mark ``q`` at ``[p, end)`` with nothing open: open a quotation or find a single-quoted one.

        Returns where to search for the next mark.
        """
        text, rules = self.text, self.rules
        if q in rules.openers or (q == '"' and rules.straight_opens(text, p)):
            self.open_at, self.open_type = p, q
        elif q == "''":
            before = text[p - 1] if p > 0 else " "
            if before.isspace() or before in "([{\u2014\u2013-:;," or p == ps:
                self.open_at, self.open_type = p, q
        elif q == "\u2018":
            # single quotes count only at the top level, and only when closed in the paragraph
            nxt = p + 1
            if nxt < pe and not text[nxt].isdigit() and not (rules.single_needs_word and text[nxt].isspace()):
                c = _SQ_CLOSE_RE.search(text, nxt, pe)
                if c is not None:
                    self._emit(p, c.end(), True, -1)
                    return c.end()
        # a closing mark with nothing open is stray: ignored
        if self.open_at == p and self.cont >= 0 and p - ps > 2:
            self.cont = -1
        return end


def find_quotations(
    text: str, paragraphs: Sequence[tuple[int, int]] | None = None, *, style: str = "news"
) -> list[Quotation]:
    """Return the quotations of ``text``, left to right.

    Parameters
    ----------
    text : str
        Article body (or one sentence, for ``style="simple"``).
    paragraphs : sequence of (start, end), optional
        Offsets of the paragraphs to read, in order; a quotation never spans two. Default:
        :func:`paragraph_spans` of ``text``. Pass ``[(0, len(text))]`` to read a sentence as it is.
    style : {"news", "typed", "simple"}, default "news"
        The rules for quotation marks (see the module docstring): ``"news"`` for
        :func:`quote_spans` and :func:`quote_mask`, ``"typed"`` for attribution, ``"simple"`` for
        actors' target sentiment.

    Returns
    -------
    list of Quotation
        ``Quotation(start, end, closed, prev, next)``: offsets into ``text`` (quote marks
        included, end-exclusive), whether a closing mark was found, and the indices of the
        quotations it continues and is continued by across paragraphs (-1 for none).

    Examples
    --------
    >>> text = "\u201cWe won,\u201d he said. \u201cNext\\n\\n\u201cmore\u201d"
    >>> [(text[q.start:q.end], q.closed, q.prev) for q in find_quotations(text)]
    [('\u201cWe won,\u201d', True, -1), ('\u201cNext', False, -1), ('\u201cmore\u201d', True, 1)]
    >>> text = '\u00abOui\u00bb, dit-il. \u201cA," he said.'
    >>> [text[q.start:q.end] for q in find_quotations(text, style="typed")]
    ['\u00abOui\u00bb', '\u201cA,"']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    rules = _RULES[check_option(style, QUOTE_STYLES, name="style", func="find_quotations")]
    if paragraphs is None:
        paragraphs = paragraph_units(text)
    return _Scanner(text, rules).run(paragraphs)


def _news_pairs(text: str, units: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in _Scanner(text, _RULES["news"]).run(units)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the quotations in ``text``, quote marks included.

    The quotations of :func:`find_quotations` in the ``"news"`` style: double quotes are
    paired by shape: a curly \u201c opens and \u201d closes; a straight " opens or closes
    depending on what is open and on the characters around it (a straight quote after a digit
    is an inch mark). Curly single quotes \u2018...\u2019 count as a quotation only at the top
    level and only when closed in the same paragraph (\u2019 is mostly an apostrophe); straight
    single quotes are ignored. Quotations nested in a quotation are part of it.

    A quotation left open at the end of a paragraph runs to that paragraph's end:
    news style opens each paragraph of a long quotation again with a quote mark
    and closes only the last one. It continues into the next paragraph only if
    that paragraph does not start with a quote mark and closes one before opening
    one. Unbalanced marks never raise.

    Examples
    --------
    >>> text = "\u201cWe won,\u201d he said. Then: \u201cNext\\n\\n\u201cmore\u201d"
    >>> [text[s:e] for s, e in quote_spans(text)]
    ['\u201cWe won,\u201d', '\u201cNext', '\u201cmore\u201d']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    spans = _news_quote_spans(text)
    return spans if isinstance(spans, list) else list(spans)  # a remembered tuple: a new list


def _news_quote_spans(text: str) -> Sequence[tuple[int, int]]:
    """The quotations of ``text``; inside :func:`mediakit.text.shared_results`, remembered for the texts read
    last: the sentences table and the loaded-language rates of a streamed piece read the same texts."""
    if not sharing_results():
        return _news_pairs(text, paragraph_units(text))
    return _remembered_quote_spans(text)


@lru_cache(maxsize=512)
def _remembered_quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_news_pairs(text, paragraph_units(text)))


forget_when_shared_results_end(_remembered_quote_spans.cache_clear)


def _shares(sentences: list[Span], quotes: Sequence[tuple[int, int]]) -> list[float]:
    out: list[float] = []
    j = 0
    nq = len(quotes)
    for s, e, _ in sentences:
        while j < nq and quotes[j][1] <= s:
            j += 1
        inside = 0
        k = j
        while k < nq and quotes[k][0] < e:
            inside += min(e, quotes[k][1]) - max(s, quotes[k][0])
            k += 1
        out.append(inside / (e - s))
    return out


def quote_mask(text: str) -> list[float]:
    """Return, for each sentence of :func:`split_sentences`, the share of it inside quotation marks.

    The share is the number of the sentence's characters that lie inside a
    quotation of :func:`quote_spans` (the quote marks count as inside) divided
    by the sentence's length: ``1.0`` for a sentence entirely in quotes (also
    one sentence of a multi-sentence quotation), ``0.0`` for none, in between
    for a sentence that quotes and attributes (``"We won," he said.``). Use
    ``share == 1.0`` for "fully quoted" and ``share > 0`` for "quotes something".

    Parameters
    ----------
    text : str
        Article body.

    Returns
    -------
    list of float
        One value in ``[0, 1]`` per sentence, in the order of :func:`split_sentences`.

    Examples
    --------
    >>> text = "\u201cWe won. It was easy,\u201d he said. Rain fell."
    >>> [round(x, 2) for x in quote_mask(text)]
    [1.0, 0.59, 0.0]
    """
    return sentences_and_quotes(text)[1]


def sentences_and_quotes(text: str) -> tuple[list[Span], list[float]]:
    """Return :func:`split_sentences` and :func:`quote_mask` of ``text`` in one pass.

    Examples
    --------
    >>> spans, shares = sentences_and_quotes('"Go!" Stop.')
    >>> len(spans), shares
    (2, [1.0, 0.0])
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    spans = split_sentences(text)  # remembered: the attributions and the sentiment of a piece split it too
    return spans, _shares(spans, _news_quote_spans(text))

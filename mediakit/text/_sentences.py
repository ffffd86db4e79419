"""Sentence splitting and paragraphs, shared by all metrics.

Every metric that works sentence by sentence (sentiment, attribution, ...)
uses :func:`split_sentences`, so sentence counts agree across the package.

The splitter is rule-based and made for news text:

* **Paragraphs.** A blank line always ends a paragraph. Inside a block of
  lines without blank lines, each line is its own paragraph (one-paragraph-a-line
  web text, bullets, headings, captions) *unless* the block is hard-wrapped:
  a line break is soft (joined into one paragraph) when the next line starts
  with a lower-case letter, when the line ends with a comma, hyphen or a word
  such as "the" or "of", or when the block looks hard-wrapped (lines at most
  about 110 characters wide, at least half of them ending mid-sentence) and the
  next line's first word would not have fitted on the line (the test a text
  wrapper applies). A line that starts with a bullet
  ("•", "-", "*", "–", "1.", "2)", ...) always starts a new paragraph; the
  bullet marker is not part of the sentence. A paragraph without any letter,
  digit or emoji ("* * *", "---") holds no sentence.
* **Sentences.** A sentence ends at ".", "?", "!", "…" or "..." (plus any
  closing quotation marks and brackets) followed by white space, and at the end
  of its paragraph, so headlines and subheads without final punctuation are
  sentences. There is no boundary before a lower-case word ("'Why?' he asked",
  "etc. and") or a dash ('"Hands up!" \u2014 the crowd chanted'); a period is not
  a boundary after a title from
  ``mediakit/lexicons/abbreviations.txt`` ("Sen. Warren", "Dr. Fauci"), after an
  ambiguous abbreviation or an initial unless the next word is a common sentence
  opener or a quotation opens ("U.S. Marine Paul Whelan", "Dec. 9",
  "John F. Kennedy", "J.K. Rowling", "10 a.m. Tuesday" stay whole; "with the
  U.S. The deal" splits). Decimal numbers ("3.5 percent", "$1.2 billion") never
  split because a boundary needs white space after the punctuation. A "?" or "!"
  that closes a quotation and is followed by an attribution ('"Why?" Trump
  asked.') does not end the sentence. A parenthesised credit that closes a
  paragraph ("... 2024. (AFP Photo)") stays with the sentence before it. After
  "word. ..." the period ends the sentence and the ellipsis opens the next one.
  Sentences glued together by an extractor ("the analysis.Kim said",
  'a mockup."From') are split, except in e-mail addresses, URLs and after
  abbreviations.

Offsets are character offsets into the text given, end-exclusive, stripped of
surrounding white space, so ``text[span.start:span.end]`` is the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from mediakit._resources import read_resource_text

from ._tokens import CHUNK_RE, LETTERS_RE, register_clearer

__all__ = [
    "SENTENCE_STARTERS",
    "Abbreviations",
    "Span",
    "abbreviations",
    "paragraph_spans",
    "paragraph_units",
    "sentence_texts",
    "sentences_of_units",
    "split_sentences",
]


class Span(NamedTuple):
    """A sentence: ``text[start:end]``, in paragraph ``paragraph`` (0-based)."""

    start: int
    end: int
    paragraph: int


#: ``Span(start, end, paragraph)`` without the named tuple's ``__new__``, a Python function: the same object
#: made by ``tuple.__new__`` directly, at half the cost (the splitter makes one per sentence of every text).
_new_span = tuple.__new__


# --------------------------------------------------------------------------- lexicon


class Abbreviations(NamedTuple):
    """The abbreviation classes of ``abbreviations.txt`` (entries without their final period)."""

    prefix: frozenset[str]
    ambiguous: frozenset[str]
    final: frozenset[str]


@lru_cache(maxsize=1)
def abbreviations() -> Abbreviations:
    """Return the abbreviations the splitter knows, by class (loaded once, cached).

    Returns
    -------
    Abbreviations
        ``prefix`` (never end a sentence), ``ambiguous`` (end one only before a
        common sentence opener) and ``final`` (end one before any capital), each
        a frozenset of abbreviations without their final period.

    Examples
    --------
    >>> abbr = abbreviations()
    >>> "Sen" in abbr.prefix, "U.S" in abbr.ambiguous, "etc" in abbr.final
    (True, True, True)
    """
    sections: dict[str, set[str]] = {"prefix": set(), "ambiguous": set(), "final": set()}
    current: set[str] | None = None
    for raw in read_resource_text("mediakit.lexicons", "abbreviations.txt").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            if name not in sections:
                raise ValueError(f"abbreviations.txt: unknown section [{name}]; known: {sorted(sections)}")
            current = sections[name]
            continue
        if current is None:
            raise ValueError(f"abbreviations.txt: {line!r} comes before any [section]")
        current.add(line[:-1] if line.endswith(".") else line)
    return Abbreviations(*(frozenset(sections[k]) for k in ("prefix", "ambiguous", "final")))


#: Capitalised words that often open a sentence. After an ambiguous abbreviation
#: ("U.S.", "Inc.", "a.m.") a period is a boundary only before one of these. Actors also
#: count them (lower-cased) as stop words: "Meanwhile" or "Officials" never open a name.
SENTENCE_STARTERS = frozenset(
    """
    The A An He She It They We I You His Her Its Their Our My Your This That These Those
    There Here But And Or So Yet Nor In On At For From With Without By As If When While
    After Before Since Although Though Because Unlike During Despite Under Over Among Until
    What Who Whom Whose Why How Where Which Some Many Most Much Several Other Others Such
    Both All Each Every Either Neither None Few One Two Three Not Now Then Still Also
    However Meanwhile Instead Yes Even Only Just Last Next Later Earlier Mr Mrs Ms Dr
    Asked According Officials Critics Experts Analysts Democrats Republicans
    """.split()
)

# --------------------------------------------------------------------------- regexes

_LB = "\r\n|[\n\r\u2028\u2029\x85]"
_HSPACE = "[^\\S\n\r\u2028\u2029\x85]"
#: One or more blank lines (a line holding only spaces counts as blank).
_BLOCK_SEP_RE = re.compile(f"{_HSPACE}*(?:{_LB})(?:{_HSPACE}*(?:{_LB}))+")
#: The same for a text whose only line break is "\n" (the loaders' output): a literal first
#: character lets the regex engine skip ahead instead of trying every position. The match
#: leaves out the white space before the first "\n", which blocks are stripped of anyway.
_NL_BLOCK_SEP_RE = re.compile(f"\n(?:{_HSPACE}*\n)+")
_OTHER_LINE_BREAKS = ("\r", "\u2028", "\u2029", "\x85")
_LINE_BREAK_RE = re.compile(_LB)
_LINE_RE = re.compile("[^\n\r\u2028\u2029\x85]+")
_NONSPACE_RE = re.compile(r"\S")
#: A bullet or enumerator at the start of a line, with the space after it.
_BULLET_RE = re.compile(
    r"(?:[\u2022\u25cf\u25cb\u25e6\u25aa\u25ab\u25a0\u25a1\u25ba\u25b8\u25b9\u2023\u2043\u2219\u00b7"
    r"\u27a2\u27a4\u2713\u2714*+\-\u2013\u2014]|\(?\d{1,3}[.)])[ \t\u00a0]+(?=\S)"
)
#: A line ending that cannot end a paragraph: comma, hyphen, open bracket or a function word.
_OPEN_LINE_END_RE = re.compile(
    r"(?:[,(\[\-]|\b(?:the|a|an|of|to|and|or|in|on|for|with|by|at|from|that|as|his|her|their))\Z"
)
#: Something worth calling a sentence: a letter, a digit or an emoji/pictograph.
_CONTENT_RE = re.compile("[^\\W_]|[\u2600-\u27bf\U0001f000-\U0001faff]")

_TERM = "[.?!\u2026\u203d](?:[.?!\u2026\u203d]| (?=[.\u2026]))*"
_CLOSE = "(?:[\"'\u201d\u2019\u00bb)\\]}]|[ \t]+(?=[\u201d\u00bb])|\\[\\d{1,3}\\])*"
#: What follows a candidate: white space, opening quotes/brackets, the next character (if any before the
#: paragraph's end). Read by the candidate's own look-ahead, so that the splitter needs no second match.
_NEXT = "\\s+(?P<open>[\"'\u201c\u2018\u00ab(\\[{]*)(?P<ch>\\S)?"
#: Candidate sentence end: terminal punctuation, closing quotes/brackets (and footnote
#: markers such as "[12]"), then white space (groups ``open`` and ``ch`` read what follows it), or,
#: glued by a careless extractor, a capitalised word ("the analysis.Kim said"; ``open`` is None).
_CANDIDATE_RE = re.compile(f"(?P<term>{_TERM})(?P<close>{_CLOSE})(?={_NEXT}|[A-Z][a-z])")
#: The terminal punctuation other than ".": a paragraph without any (most) is scanned with
#: :data:`_PERIOD_CANDIDATE_RE`, the same pattern starting with a literal ".", which ``re`` skips ahead to
#: several times faster than it tests a character class at every character.
_OTHER_TERMINALS = ("?", "!", "\u2026", "\u203d")
_PERIOD_CANDIDATE_RE = re.compile(f"(?P<term>\\.{_TERM[_TERM.index(']') + 1:]})(?P<close>{_CLOSE})(?={_NEXT}|[A-Z][a-z])")
_TOKEN_LEFT_RE = re.compile(r"\S*\Z")
_NOT_GLUED = ("@", "/", "www.", ".com", ".org", ".net", ".gov")
#: The word ("Sen", "U.S", "F") that ends where a candidate starts: the longest stretch of
#: letters and digits joined by single periods that ends there. Matched on the reversed
#: text before the candidate (a search anchored at the end would try every start).
_WORD_BEFORE_REVERSED_RE = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
_INITIALISM_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_SPEECH_AFTER_RE = re.compile(
    r"\s+(?:[A-Z][\w\u2019'.\-]*\s+){1,6}(?:said|says|asked|asks|added|adds|told|tells|wrote|"
    r"writes|shouted|yelled|replied|replies|exclaimed|continued|insisted|tweeted|declared|"
    r"wondered|recalled|explained|responded|argued)\b"
)
#: A period, a space, then an ellipsis: "terror. ... And", "terror. \u2026 And".
_PERIOD_ELLIPSIS_RE = re.compile("\\. (?:\u2026|\\.(?: ?\\.){2})")
#: A short parenthesised credit closing a paragraph: "(AFP Photo)", "(Reuters)".
_CREDIT_RE = re.compile(r"\([^()\n.!?]{1,60}\)\s*")
#: Characters that continue a sentence after terminal punctuation: dashes, closing quotes
#: set off by a space ('Concerned ... \u201d').
_CONTINUATIONS = frozenset("\u2014\u2013\u2015-\u201d\u00bb")
_QUOTE_OPENERS = frozenset("\"'\u201c\u2018\u00ab")
_QUOTE_CLOSERS = frozenset("\"'\u201d\u2019\u00bb")

# Wrapped-block heuristics.
_LINE_FINAL = frozenset(".!?\u2026:\"\u201d\u2019')")
_MIN_WRAP_WIDTH = 30
_MAX_WRAP_WIDTH = 110
_WRAP_TOLERANCE = 0.85


# --------------------------------------------------------------------------- paragraphs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without surrounding white space (start == end if blank)."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # mostly: nothing to strip
    m = _NONSPACE_RE.search(text, start, end)
    if m is None:
        return end, end
    return m.start(), start + len(text[start:end].rstrip())


def _block_units(text: str, start: int, end: int, out: list[tuple[int, int]], newline_only: bool) -> None:
    """Append the paragraph units of the block ``text[start:end]`` (which has no blank line).

    ``newline_only``: the text has no line break other than "\n".
    """
    if (text.find("\n", start, end) < 0) if newline_only else (_LINE_BREAK_RE.search(text, start, end) is None):
        s, e = _strip(text, start, end)
        if s < e:
            out.append((s, e))
        return
    lines = []  # (first non-space, end without trailing space, width from line start)
    for m in _LINE_RE.finditer(text, start, end):
        s, e = _strip(text, m.start(), m.end())
        if s < e:
            lines.append((s, e, e - m.start()))
    if not lines:
        return
    width = max(w for _, _, w in lines)
    # Hard-wrapped text breaks lines mid-sentence; one-paragraph-a-line text does not.
    wrapped = (
        len(lines) > 1
        and _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH
        and 2 * sum(text[e - 1] not in _LINE_FINAL for _, e, _ in lines[:-1]) >= len(lines) - 1
    )
    unit_start = lines[0][0]
    for (s, e, w), (ns, ne, _) in zip(lines, lines[1:], strict=False):
        soft = False
        if _BULLET_RE.match(text, ns, ne) is None:
            if text[ns].islower() or _OPEN_LINE_END_RE.search(text, max(s, e - 6), e):
                soft = True
            elif wrapped:
                run = CHUNK_RE.match(text, ns, ne)
                first_word = run.end() - ns if run else 1
                soft = w + 1 + first_word > _WRAP_TOLERANCE * width
        if not soft:
            out.append((unit_start, e))
            unit_start = ns
    out.append((unit_start, lines[-1][1]))


def paragraph_units(text: str) -> list[tuple[int, int]]:
    """:func:`paragraph_spans` without the type check (for the quotation finder, which has made it).

    Paragraph units of ``text``: stripped, bullet markers removed, contentless ones dropped.
    The last few hundred texts' units are remembered (the sentence splitter and the quotation
    finder both need them, one after the other over a chunk of articles); a new list each call.
    """
    return list(_paragraph_units(text))


@lru_cache(maxsize=512)
def _paragraph_units(text: str) -> tuple[tuple[int, int], ...]:
    raw: list[tuple[int, int]] = []
    pos = 0
    newline_only = not any(c in text for c in _OTHER_LINE_BREAKS)
    for m in (_NL_BLOCK_SEP_RE if newline_only else _BLOCK_SEP_RE).finditer(text):
        _block_units(text, pos, m.start(), raw, newline_only)
        pos = m.end()
    _block_units(text, pos, len(text), raw, newline_only)
    units = []
    for s, e in raw:
        bullet = _BULLET_RE.match(text, s, e)
        if bullet is not None:
            s = bullet.end()
        if text[s].isalnum() or _CONTENT_RE.search(text, s, e) is not None:  # isalnum: [^\W_]
            units.append((s, e))
    return tuple(units)


register_clearer(_paragraph_units.cache_clear)  # mediakit.text.clear_chunk_caches() forgets them


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph of ``text`` that holds a sentence.

    Paragraph ``i`` here is paragraph ``i`` of :func:`split_sentences`. Bullet
    markers are left out of the span; see the module docstring for what makes a
    paragraph.

    Parameters
    ----------
    text : str
        Article body.

    Returns
    -------
    list of tuple of int
        Offsets into ``text``, end-exclusive.

    Examples
    --------
    >>> text = "Key details\\n\\n\\u2022 One.\\n\\u2022 Two."
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['Key details', 'One.', 'Two.']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return paragraph_units(text)


# --------------------------------------------------------------------------- sentences


def _word_before(text: str, start: int, end: int) -> str:
    """The word that ends at ``end`` and starts at ``start`` or later ("" if none)."""
    # mostly the letters and digits since the last space ("said."): ``isalnum`` is the regex's [^\W_]
    token = text[max(start, text.rfind(" ", start, end) + 1) : end]
    if token.isalnum():
        return token
    reversed_left = text[start:end][::-1]
    m = _WORD_BEFORE_REVERSED_RE.match(reversed_left)
    return "" if m is None else reversed_left[: m.end()][::-1]


def _is_boundary(text: str, m: re.Match[str], unit_start: int, unit_end: int, abbr: Abbreviations) -> int:
    """Return the start of the next sentence if candidate ``m``, followed by white space, ends one, else -1."""
    term, close, opening, ch = m.groups()
    if ch is None or ch.islower() or ch in _CONTINUATIONS:
        return -1
    if ch == "\u2019" and m.end("ch") < unit_end and not text[m.end("ch")].isalnum():
        return -1  # a closing single quote after a space
    next_start = m.start("open")
    if term == "." and not close.strip(")]}"):
        start = max(unit_start, m.start() - 40)
        word = _word_before(text, start, m.start())
        if word:
            if word in abbr.prefix:
                return -1
            if word in abbr.final:
                pass
            elif (
                word in abbr.ambiguous
                or (len(word) == 1 and word.isupper())
                or ("." in word and _INITIALISM_RE.fullmatch(word) is not None)
            ):
                if _QUOTE_OPENERS.isdisjoint(opening):
                    lw = LETTERS_RE.match(text, m.start("ch"), unit_end)
                    if lw is None or lw.group() not in SENTENCE_STARTERS:
                        return -1
                    if len(lw.group()) == 1 and text.startswith(".", lw.end()):
                        return -1  # another initial: "Representative C. A. Dutch Ruppersberger"
    elif ("?" in term or "!" in term) and not _QUOTE_CLOSERS.isdisjoint(close):
        if _SPEECH_AFTER_RE.match(text, m.end(), unit_end) is not None:
            return -1
    if text[next_start] == "(" and _CREDIT_RE.fullmatch(text, next_start, unit_end) is not None:
        return -1
    return next_start


def _is_glued_boundary(text: str, m: re.Match[str], unit_start: int, unit_end: int, abbr: Abbreviations) -> bool:
    """True if candidate ``m``, directly followed by a capitalised word, ends a sentence.

    Only after a lower-case word ("analysis.Kim", 'mockup."From'), never inside an
    e-mail address, a URL or after an abbreviation ("Sen.Warren").
    """
    b = m.start()
    if b - 2 < unit_start or not (text[b - 1].islower() and text[b - 2].islower()):
        return False
    if any(c not in "\"\u201d\u2019" for c in m.group("close")):
        return False
    left = _TOKEN_LEFT_RE.search(text, max(unit_start, b - 60), b)
    right = CHUNK_RE.match(text, m.end(), unit_end)
    token = (left.group() if left else "") + m.group() + (right.group() if right else "")
    if any(x in token.lower() for x in _NOT_GLUED):
        return False
    word = _word_before(text, max(unit_start, b - 40), b)
    return not (word in abbr.prefix or word in abbr.ambiguous or word in abbr.final)


def _positions(text: str, chars: tuple[str, ...]) -> list[int]:
    """Where ``chars`` occur in ``text``, in order (``str.find`` of one character skips ahead fast)."""
    found = []
    for c in chars:
        p = text.find(c)
        while p >= 0:
            found.append(p)
            p = text.find(c, p + 1)
    found.sort()
    return found


def _candidates(text: str, start: int, end: int, others: list[int]) -> Iterator[re.Match[str]]:
    """The candidate sentence ends in paragraph ``text[start:end]``; ``others``: :func:`_positions` of the
    terminals other than "." in ``text``.

    A candidate is followed by a character of the paragraph, so it starts before the paragraph's last one:
    a paragraph without any terminal before that (a headline, a one-sentence paragraph) is not scanned.
    """
    i = bisect_left(others, start)
    if i < len(others) and others[i] < end - 1:
        return _CANDIDATE_RE.finditer(text, start, end)
    if text.find(".", start, end - 1) >= 0:
        return _PERIOD_CANDIDATE_RE.finditer(text, start, end)
    return iter(())


def sentences_of_units(text: str, units: list[tuple[int, int]]) -> list[Span]:
    """The sentences of ``text`` whose paragraph units (:func:`paragraph_units`) are ``units``."""
    abbr = abbreviations()
    spans: list[Span] = []
    others = _positions(text, _OTHER_TERMINALS)
    for para, (us, ue) in enumerate(units):
        s = us
        for m in _candidates(text, us, ue, others):
            b = m.start()
            if b < s:  # inside an already-consumed stretch
                continue
            if m.start("open") < 0:  # glued to the next word, without white space
                if _is_glued_boundary(text, m, us, ue, abbr):
                    spans.append(_new_span(Span, (s, m.end(), para)))
                    s = m.end()
                continue
            nxt = _is_boundary(text, m, us, ue, abbr)
            if nxt >= 0:
                end = m.end()
                if (
                    text.startswith(". ", b, end)  # what the pattern starts with; mostly the candidate is "."
                    and b > us
                    and not text[b - 1].isspace()
                    and _PERIOD_ELLIPSIS_RE.match(text, b, end)
                ):
                    # "terror. ... And": the period ends the sentence, the ellipsis opens the next
                    end, nxt = b + 1, b + 2
                spans.append(_new_span(Span, (s, end, para)))
                s = nxt
        spans.append(_new_span(Span, (s, ue, para)))
    return spans


def split_sentences(text: str) -> list[Span]:
    """Split a news text into sentences.

    Parameters
    ----------
    text : str
        Article body; paragraphs separated by blank lines (single line breaks
        are handled as described in the module docstring).

    Returns
    -------
    list of Span
        ``Span(start, end, paragraph)`` for each sentence in order: character
        offsets into ``text`` (end-exclusive, no surrounding white space) and the
        0-based paragraph number. Empty or blank text gives ``[]``.

    Examples
    --------
    >>> text = ("Sen. Elizabeth Warren met U.S. Marine Paul Whelan on Dec. 9. "
    ...         "\\u201cIt was good,\\u201d she said. \\u201cWhy?\\u201d he asked.\\n\\n"
    ...         "Prices rose 3.5 percent.")
    >>> for s in split_sentences(text):
    ...     print(s.paragraph, text[s.start:s.end])
    0 Sen. Elizabeth Warren met U.S. Marine Paul Whelan on Dec. 9.
    0 \u201cIt was good,\u201d she said.
    0 \u201cWhy?\u201d he asked.
    1 Prices rose 3.5 percent.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return list(_sentences(text))


@lru_cache(maxsize=512)
def _sentences(text: str) -> tuple[Span, ...]:
    """The sentences of the texts split last, remembered: the attributions and the sentiment of a piece of a
    streamed run split the same texts one after the other (the spans are immutable; callers get a new list)."""
    return tuple(sentences_of_units(text, paragraph_units(text)))


register_clearer(_sentences.cache_clear)  # mediakit.text.clear_chunk_caches() forgets them


def sentence_texts(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings (see :func:`split_sentences`).

    Examples
    --------
    >>> sentence_texts("He met John F. Kennedy Jr. in Washington. It rained.")
    ['He met John F. Kennedy Jr. in Washington.', 'It rained.']
    """
    return [text[s.start : s.end] for s in split_sentences(text)]

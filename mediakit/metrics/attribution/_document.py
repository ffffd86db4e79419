"""Stage 1: the prepared document (sentences, paragraphs, quotations, cue forms) and an attribution.

:func:`prepare` reads a text once: its sentences and paragraphs (:func:`mediakit.text.split_sentences`),
its quotations (:func:`mediakit.text.find_quotations`, style ``"typed"``) and the cue forms of the
lexicon (:func:`iter_cues`). The later stages look things up in the :class:`Doc` by position and fill
:class:`Attr` records.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ...text import Span, paragraph_spans, split_sentences
from ._lexicon import Lexicons, lexicons
from ...text import Quotation, find_quotations

__all__ = ["Attr", "Doc", "prepare", "iter_cues", "cue_lemmas"]


@dataclass(slots=True)
class Attr:
    """One attribution while it is being built: offsets into the text, then the resolved facts."""

    cue: tuple[int, int]
    lemma: str
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    kind: str = ""
    channel: str | None = None
    frame: str = ""
    participle: bool = False
    speaker: str | None = None
    role: str | None = None
    affiliation: str | None = None
    source_type: str | None = None
    person: bool = False
    gender: str = ""


@dataclass
class Doc:
    """A text with its sentences ``(start, end, paragraph)``, paragraphs, quotations and cue forms."""

    text: str
    sents: list[Span] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    paras: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[Quotation] = field(default_factory=list)
    q_starts: list[int] = field(default_factory=list)
    #: where each quotation's inside ends: before its closing mark, or at its end when it is not closed
    q_inner_ends: list[int] = field(default_factory=list)
    cues: list[tuple[re.Match[str], str]] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)
    #: the nouns of the nominal cues that are no cue forms ("criticism", "endorsement"), in text order
    nominal: list[re.Match[str]] = field(default_factory=list)
    #: the document's register, read once (:func:`mediakit.metrics.attribution._register.document_register`)
    register: object = None

    def cues_in(self, s: int, e: int) -> list[tuple[re.Match[str], str]]:
        """Cue forms starting in ``[s, e)`` (precomputed, in text order)."""
        i = bisect.bisect_left(self.cue_starts, s)
        j = bisect.bisect_left(self.cue_starts, e, i)
        return self.cues[i:j]

    def has_cue(self, s: int, e: int) -> bool:
        """A cue form starts in ``[s, e)``."""
        i = bisect.bisect_left(self.cue_starts, s)
        return i < len(self.cue_starts) and self.cue_starts[i] < e

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence that holds ``pos`` (0 before the first one)."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return i if i > 0 else 0

    def quote_at(self, pos: int) -> int:
        """Index of the quotation that strictly contains ``pos`` (after its opening mark), or -1."""
        i = bisect.bisect_right(self.q_starts, pos - 1) - 1  # the last quotation that starts before pos
        return i if i >= 0 and pos < self.q_inner_ends[i] else -1

    def quote_ending_at(self, pos: int, lo: int) -> int:
        """Index of a quotation that ends in ``[lo, pos]`` (nearest to ``pos``), or -1."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.end <= pos and q.end >= lo:
                return i
            if q.end < lo:
                break
            i -= 1
        return -1

    def quote_starting_at(self, pos: int, hi: int) -> int:
        """Index of the first quotation that starts in ``[pos, hi]``, or -1."""
        i = bisect.bisect_left(self.q_starts, pos)
        if i < len(self.quotes) and self.quotes[i].start <= hi:
            return i
        return -1

    def chain(self, qi: int) -> list[tuple[int, int]]:
        """Spans of quotation ``qi`` with the paragraphs it continues and is continued by."""
        first = qi
        seen = {qi}
        while self.quotes[first].prev >= 0 and self.quotes[first].prev not in seen:
            first = self.quotes[first].prev
            seen.add(first)
        out = []
        i = first
        guard = 0
        while i >= 0 and guard < 50:
            out.append((self.quotes[i].start, self.quotes[i].end))
            i = self.quotes[i].next
            guard += 1
        return out

    def chain_from(self, qi: int) -> list[tuple[int, int]]:
        """Spans of quotation ``qi`` and the paragraphs that continue it."""
        out = []
        i, guard = qi, 0
        while i >= 0 and guard < 50:
            out.append((self.quotes[i].start, self.quotes[i].end))
            i = self.quotes[i].next
            guard += 1
        return out

    def chain_to(self, qi: int) -> list[tuple[int, int]]:
        """Spans of quotation ``qi`` and the paragraphs of it before."""
        out = []
        i, guard = qi, 0
        while i >= 0 and guard < 50:
            out.append((self.quotes[i].start, self.quotes[i].end))
            i = self.quotes[i].prev
            guard += 1
        return out[::-1]


def prepare(text: str) -> Doc:
    """Read ``text`` once: sentences, paragraphs, quotations and cue forms."""
    doc = Doc(text)
    spans = split_sentences(text)
    doc.sents = spans  # each a Span, the named tuple (start, end, paragraph)
    doc.sent_starts = [s.start for s in spans]
    # the paragraph units the splitter read (remembered by it): each holds at least one sentence, its
    # first starting where the unit starts and its last ending where it ends
    doc.paras = paragraph_spans(text)
    doc.quotes = find_quotations(text, doc.paras, style="typed")
    doc.q_starts = [q.start for q in doc.quotes]
    doc.q_inner_ends = [q.end - 1 if q.closed else q.end for q in doc.quotes]
    doc.cues = iter_cues(text, doc.nominal)
    doc.cue_starts = [m.start() for m, _ in doc.cues]
    return doc


_CUE_NOT_AFTER_RE = re.compile(r"[\w\-’']")


@lru_cache(maxsize=1)
def _lemma_of_written_form(lex: Lexicons) -> dict[str, str]:
    """The lemma of each form as the scan finds it written with single spaces, lower case or capitalised.

    :func:`cue_lemmas` looked up once per form: a match whose text is a key needs neither ``lower()``
    nor the spacing fixed; other matches (line breaks or double spaces inside a form, the nouns of the
    nominal cues) go the long way.
    """
    spaced = lex.spaced_lemma
    scanned = set(spaced) | lex.nominal_forms
    out: dict[str, str] = {}
    for form in scanned | {f[:1].upper() + f[1:] for f in scanned}:
        lw = form.lower()
        lemma = spaced.get(lw)
        if lemma is None:
            lemma = spaced.get(" ".join(lw.split()))
        if lemma is not None:
            out[form] = lemma
    return out


def iter_cues(text: str, nominal: list[re.Match[str]] | None = None) -> list[tuple[re.Match[str], str]]:
    """Cue forms of the lexicon in ``text`` (longest form first), with their lemma, in text order.

    The matches of ``lexicons().cue_form_re.finditer(text)``, found faster: that pattern starts with a
    look-behind, which ``re`` tries at every character; ``cue_after_re`` starts with the character
    before the form instead, which ``re`` skips ahead to. Each form is then matched again on its own
    (``cue_at_re``), so that the match objects are those of the forms alone. The scan also finds the nouns of
    the nominal cues that are no cue forms (``Lexicons.nominal_forms``): they are appended to ``nominal``.
    """
    lex = lexicons()
    at = lex.cue_at_re
    written = _lemma_of_written_form(lex)
    first = at.match(text)
    out = cue_lemmas([first], nominal) if first is not None else []
    for m in lex.cue_after_re.finditer(text, first.end() if first is not None else 0):
        s = m.start()
        if text[s] >= "\x80" and _CUE_NOT_AFTER_RE.match(text, s):
            # a non-ASCII letter or digit (or ’) before the form: not a cue here, but a form might
            # start inside this match; rare, so scan this text the plain way
            if nominal is not None:
                nominal.clear()
            return cue_lemmas(lex.cue_form_re.finditer(text), nominal)
        cue: re.Match[str] = at.match(text, s + 1)  # type: ignore[assignment]  # the form matched just now
        lemma = written.get(cue.group())
        if lemma is not None:
            out.append((cue, lemma))
        else:
            out.extend(cue_lemmas((cue,), nominal))
    return out


def cue_lemmas(matches: Iterable[re.Match[str]],
               nominal: list[re.Match[str]] | None = None) -> list[tuple[re.Match[str], str]]:
    """The cue matches with their lemma (forms whose spacing is not in the lexicon left out; the nouns of the
    nominal cues appended to ``nominal``)."""
    lex = lexicons()
    spaced = lex.spaced_lemma
    out: list[tuple[re.Match[str], str]] = []
    for m in matches:
        lw = m.group().lower()
        lemma = spaced.get(lw)
        if lemma is None:
            lemma = spaced.get(" ".join(lw.split()))
            if lemma is None:
                if nominal is not None and lw in lex.nominal_forms:
                    nominal.append(m)
                continue
        out.append((m, lemma))
    return out

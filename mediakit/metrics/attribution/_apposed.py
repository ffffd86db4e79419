"""Subjects with several appositions before a verb cue: 'Holger Schmieding of Berenberg, Germany's largest
private bank, warned that ...', 'Two military analysts, Patrick Megahan and Chris Harman, found that ...'.

The clause reader sees a comma right before the cue and no subject; :func:`apposed_subject` accepts the
sentence up to that comma as the subject when it is a noun phrase followed by short comma-separated
descriptions, names or parentheticals ("in fact"): no verb of its own (auxiliaries, a lower-case past
tense outside a relative clause), no clause word, quotation or cue, and not opened by a preposition or
a subordinator ("In 2014, ...", "When ...").
"""

from __future__ import annotations

import re

from ._cues import cue_ok
from ._document import Doc
from ._lexicon import word_lists
from ._phrases import WORD_RE, strip_span

__all__ = ["apposed_subject"]

Span = tuple[int, int]

_RELATIVE_OPENERS = frozenset({"who", "whose", "which", "whom"})
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
#: A short quoted title after a word of an apposition, its comma included ('the co-author of "Going Viral,"'); not
#: a quotation that is the whole apposition ('The plan, "a disaster", warned').
_QUOTED_TITLE_RE = re.compile(r"(?<=\w )[\"“][^\"“”\n]{1,60}?[\"”]")
_BAD_CHARS = frozenset("\"“”«»;:()[]—–?!")


def apposed_subject(doc: Doc, ss: int, comma: int) -> Span | None:
    """The subject from the sentence start ``ss`` to the ``comma`` before the cue, or None.

    Examples
    --------
    >>> from mediakit.metrics.attribution._document import prepare
    >>> t = "Two military analysts, Patrick Megahan and Chris Harman, found that it works."
    >>> d = prepare(t)
    >>> s = apposed_subject(d, 0, t.index(", found"))
    >>> t[s[0]:s[1]]
    'Two military analysts, Patrick Megahan and Chris Harman'
    >>> apposed_subject(d, 0, t.index(", Patrick"))
    """
    text = doc.text
    s, e = strip_span(text, ss, comma)
    if e - s < 3 or e - s > 200 or "," not in text[s:e]:
        return None
    span = _QUOTED_TITLE_RE.sub("Title", text[s:e])  # 'Hemsley, the co-author of "Going Viral," about ...'
    if any(ch in _BAD_CHARS or ch == "\n" for ch in span) or _verb_cue_in(doc, s, e):
        return None
    words = word_lists()
    segments = span.split(",")
    if len(segments) > 4:
        return None
    for k, seg in enumerate(segments):
        toks = [w.group() for w in WORD_RE.finditer(seg)]
        if not toks or len(toks) > (16 if k == 0 else 12):
            return None
        low = [w.lower() for w in toks]
        if k == 0 and (low[0] in words.subordinate_start or low[0] in words.pronoun_subjects
                       or low[0] in words.prepositions or low[0].endswith("ly")):
            return None  # 'In 2014, ...', 'When ...', 'He, too, ...': not a noun phrase
        relative = low[0] in _RELATIVE_OPENERS
        if k == 0 and relative:
            return None
        if not relative and any((w in words.finite or w in words.clause_words) and not (
                w in _DEMONSTRATIVES and i > 0 and low[i - 1] in words.prepositions) for i, w in enumerate(low)):
            return None  # a verb or a clause word ('that' after a preposition is a determiner: 'of that report')
        if not relative and any(w.endswith("ed") and w.islower() and len(w) > 4 for w in toks[1:]):
            return None  # 'The economy slowed, ...': a verb of its own
    return s, e


def _verb_cue_in(doc: Doc, s: int, e: int) -> bool:
    """A cue form in ``[s, e)`` that is used as a cue there (not a noun: 'that 2013 report')."""
    return any(cue_ok(doc, m) for m, _ in doc.cues_in(s, e))

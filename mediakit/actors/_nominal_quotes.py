"""First-person predicates in quotations: '"I'm not a politician," Cruz said' describes the speaker.

A description after "I am", "I'm", "I was", "I've been" (adverbs and "not" allowed) inside a
quotation refers to whoever speaks it: the actor named right after the quotation with a verb of
saying ('," Cruz said', '," said Cruz'), right before it ('Cruz said: "'), or "he"/"she" said when
one actor of that gender is named in the sentence before the quotation. Anything else: no link.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

from ..text import quote_spans
from ._lexicon import first_name_gender

__all__ = ["MentionLike", "QuoteSpans", "quote_speaker", "speaker_of_predicate"]

_ADVERBS = r"(?:(?:not|never|also|still|just|really|always|now|only|simply|certainly|definitely)\s+)*"
_FIRST_PERSON_RE = re.compile(r"\b(?:(?:I\s+(?:am|was|have\s+been|had\s+been|will\s+be|would\s+be)|I['\u2019]m|"
                              r"I['\u2019]ve\s+been)\s+" + _ADVERBS + r"|(?:my|myself)\b(?:\s+[a-z][\w'\u2019-]*){0,6}\s+as\s+"
                              r"|I\s+(?!take|see|view|regard|describe|consider|treat|think)[a-z]+(?:\s+(?:up|down|on|for|again|once))?"
                              r"\s+as\s+)\Z")
_HYPOTHETICAL_RE = re.compile(r"\b(?:if|whether|unless|until|once|when)\s+\Z", re.IGNORECASE)
_SAY = r"(?:said|says|say|added|adds|told|wrote|writes|tweeted|declared|insisted|recalled|explained|replied|asked)"
#: Between the closing quote and the speaker's name, or between the name and the verb.
_AFTER_GAP_RE = re.compile(r"[ \t,]*(?:" + _SAY + r"[ \t]+)?")  # same line: a new paragraph is not the speaker
_AFTER_NAME_RE = re.compile(r"\s+" + _SAY + r"\b")
_AFTER_PRONOUN_RE = re.compile(r"[ \t,]*([Hh]e|[Ss]he)\s+" + _SAY + r"\b")
_BEFORE_RE = re.compile(r"\s+" + _SAY + r"(?:\s+\w+){0,2}\s*[:,]?\s*\Z")


class MentionLike(Protocol):
    """What the nominal rules read of a name mention (``Mention`` of ``_mentions`` has it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def poss_end(self) -> int: ...
    @property
    def actor(self) -> str: ...


class QuoteSpans:
    """The quotations of one text, found once when first needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: list[tuple[int, int]] | None = None

    def around(self, pos: int) -> tuple[int, int] | None:
        """The quotation that contains ``pos``, or None."""
        if self._spans is None:
            self._spans = quote_spans(self.text)
        return next(((s, e) for s, e in self._spans if s < pos < e), None)


def _named_after(text: str, q_end: int, here: Sequence[MentionLike]) -> str | None:
    for m in here:
        if q_end <= m.start <= q_end + 30 and m.poss_end == m.end:
            gap = _AFTER_GAP_RE.fullmatch(text, q_end, m.start)
            if gap is not None and (gap.group().strip(" ,") or _AFTER_NAME_RE.match(text, m.end)):
                return m.actor  # '," said Cruz' or '," Cruz said'
    return None


def _named_before(text: str, q_start: int, here: Sequence[MentionLike]) -> str | None:
    for m in here:
        if q_start - 40 <= m.end <= q_start and m.poss_end == m.end and _BEFORE_RE.match(text, m.end, q_start):
            return m.actor  # 'Cruz said: "I am ..."'
    return None


def _pronoun_speaker(text: str, q: tuple[int, int], here: Sequence[MentionLike], starts: Sequence[int]) -> str | None:
    p = _AFTER_PRONOUN_RE.match(text, q[1])
    if p is None:
        return None
    k = bisect_right(starts, q[0]) - 2  # the sentence before the one the quotation opens in
    window = starts[k] if starts and k >= 0 else 0
    g = "m" if p.group(1).lower() == "he" else "f"
    before = {m.actor for m in here if window <= m.start < q[0]}
    genders = {a: first_name_gender(a) for a in before}
    if not before or None in genders.values():
        return None
    same = {a for a, x in genders.items() if x == g}
    return next(iter(same)) if len(same) == 1 else None


def speaker_of_predicate(text: str, start: int, quotes: QuoteSpans, here: Sequence[MentionLike],
                         starts: Sequence[int]) -> str | None:
    """The actor who says "I am <description at ``start``>" in a quotation, or None.

    Parameters
    ----------
    text : str
        The part's text.
    start : int
        Start of the description (its determiner).
    quotes : QuoteSpans
        The quotations of ``text``.
    here : sequence
        The part's name mentions (``start``, ``end``, ``poss_end``, ``actor``).
    starts : sequence of int
        Sentence starts of ``text`` (for "he said": an actor named in the sentence before the quotation).

    Examples
    --------
    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end poss_end actor")
    >>> text = '"I am a fighter," Ted Cruz said.'
    >>> speaker_of_predicate(text, 6, QuoteSpans(text), [M(18, 26, 26, "Ted Cruz")], [0])
    'Ted Cruz'
    """
    fp = _FIRST_PERSON_RE.search(text, max(0, start - 40), start)
    if fp is None or _HYPOTHETICAL_RE.search(text, max(0, fp.start() - 12), fp.start()):
        return None  # "whether I am the nominee": a role, not a description of the speaker
    return quote_speaker(text, start, quotes, here, starts)


def quote_speaker(text: str, pos: int, quotes: QuoteSpans, here: Sequence[MentionLike],
                  starts: Sequence[int]) -> str | None:
    """The actor who speaks the quotation around ``pos`` (named with a verb of saying right after
    or before it, or "he"/"she" said of one actor of that gender named just before), or None."""
    q = quotes.around(pos)
    if q is None:
        return None
    return (_named_after(text, q[1], here) or _named_before(text, q[0], here)
            or _pronoun_speaker(text, q, here, starts))

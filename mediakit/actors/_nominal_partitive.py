"""Partitives and predicates of appositives: "Sen. Mike Lee (R-Utah), one of Cruz's closest allies".

A partitive "one of" + a plural noun phrase picks one person out of a group; the codebook marks the
whole "one of X" phrase as a mention of that person (the inner plural is a group mention of its
own). It is linked only in a frame that says who it is: an appositive right after a name ("Mary
Cheney, one of ex-Vice President Dick Cheney's two daughters,") or a copula after a name ("Sen.
Grassley's one of only two working family farmers in the Senate", "Lee is one of ..."). The
phrase ends at a comma, a dash, a bracket, a sentence end or a relative word; it must hold a
plural person noun in lower case ("allies", "daughters", "farmers", "men") before any
preposition, and no other name of an actor.

A relative clause after an appositive says more of the named person: "Jorge Castañeda, a former
Mexican foreign minister who is a harsh critic of Mr. Peña Nieto" (:func:`appositive_predicate`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ._nominal_quotes import MentionLike


class NamedWithLabels(MentionLike, Protocol):
    """A name mention with its labels ``(kind, start, end)`` (``Named`` of ``_nominal`` has them)."""

    @property
    def labels(self) -> tuple[tuple[str, int, int], ...]: ...

__all__ = ["NamedWithLabels", "appositive_predicate", "partitive_links"]

#: After a name: an appositive gap (a party tag or an age allowed) or a copula, then "one of".
_LEAD_RE = re.compile(r"(?:\s*(?:\([^()\n]{1,20}\))?\s*,\s*(?:(?:now|also|still|once)\s+)?"
                      r"|(?:['\u2019]s|\s+(?:is|was|remains|remained|had\s+been|has\s+been)"
                      r"(?:\s+(?:also|still|now|long))?)\s+)(one\s+of\s+)")
#: The rest of the phrase: words up to a comma, dash, bracket, semicolon, sentence end or relative word.
_REST_RE = re.compile(r"((?:[\w.'\u2019-]+\s+){0,11}?[\w'\u2019-]+(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt))"
                      r"(?=\s*(?:[,;:()\u2014\u2013\"\u201d]|\.(?:[\s\"\u201d]|\Z)|\Z)"
                      r"|\s+(?:who|whom|whose|which|that|where|to\s+(?:the|a|an)\b))")
_PREPOSITIONS = frozenset({"in", "on", "at", "of", "from", "for", "with", "among", "inside", "within", "under"})
_PLURAL_IRREGULAR = frozenset({"men", "women", "people", "children", "folks"})
_NOT_PLURAL = frozenset({"his", "its", "was", "is", "has", "this", "us", "as", "yes", "always", "perhaps", "across"})


def _plural_head(words: Sequence[str]) -> bool:
    """Is there a plural noun in lower case before the first preposition ("closest allies in the Senate")?"""
    for w in words:
        if w in _PREPOSITIONS:
            return False
        low = w.rstrip(".,")
        plural = low.endswith("s") and not low.endswith(("ss", "'s", "\u2019s")) and len(low) > 3
        if low.islower() and (low in _PLURAL_IRREGULAR or plural and low not in _NOT_PLURAL):
            return True
    return False


def partitive_links(text: str, here: Sequence[MentionLike]) -> list[tuple[int, int, str]]:
    """(start, end, actor) of the partitive descriptions of the actors named in ``text``.

    Examples
    --------
    >>> from collections import namedtuple
    >>> M = namedtuple("M", "start end poss_end actor")
    >>> t = "Trump may name Sen. Mike Lee (R-Utah), one of Cruz's closest allies in the Senate, to the court."
    >>> [(t[s:e], a) for s, e, a in partitive_links(t, [M(20, 28, 28, "Mike Lee")])]
    [("one of Cruz's closest allies in the Senate", 'Mike Lee')]
    >>> partitive_links("Lee, one of them, said", [M(0, 3, 3, "Mike Lee")])
    []
    """
    out = []
    for m in here:
        lead = _LEAD_RE.match(text, m.end)
        if lead is None or (m.poss_end != m.end and not text.startswith(("'s", "\u2019s"), m.end)):
            continue
        rest = _REST_RE.match(text, lead.end())
        if rest is None:
            continue
        words = rest.group(1).split()
        if not _plural_head(words) or any(lead.start(1) < n.start < rest.end() and n.actor == m.actor for n in here):
            continue
        out.append((lead.start(1), rest.end(), m.actor))
    return out


#: Between an appositive and a predicate of its relative clause: " who is", " who is now", " who had been".
_WHO_COPULA_RE = re.compile(r"\s+who\s+(?:is|was|remains|remained|has\s+been|had\s+been)"
                            r"(?:\s+(?:now|also|still|long|once))?\s+\Z")


def appositive_predicate(text: str, start: int, here: Sequence[NamedWithLabels]) -> str | None:
    """The actor whose appositive label ends right before " who is" and a description at ``start``.

    Examples
    --------
    >>> from collections import namedtuple
    >>> N = namedtuple("N", "start end poss_end actor labels")
    >>> t = "Jorge Castaneda, a former foreign minister who is a harsh critic of Mr. Pena, spoke."
    >>> appositive_predicate(t, t.index("a harsh"), [N(0, 15, 15, "Jorge Castaneda", (("appositive", 17, 42),))])
    'Jorge Castaneda'
    """
    for m in here:
        for kind, _, e in m.labels:
            if kind == "appositive" and e < start and _WHO_COPULA_RE.fullmatch(text, e, start):
                return m.actor
    return None

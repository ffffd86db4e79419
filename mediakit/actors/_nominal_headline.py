"""Headline descriptions without a determiner: "Ex-FBI chief says ...", "Lawmaker urges ...", "Burma leader's visit".

Headlines drop articles: a noun phrase that opens a headline segment (its start, or after ";", ":"
or a line break) and ends in a person noun followed by a headline verb ("says", "urges", "to",
"calls", ...) or a possessive is a description of one person. Its modifiers are read as those of
any description; a "from" or "of" phrase of capitalised words joins them ("Senator from Texas").
:mod:`._nominal` links it through the whole article's labels (a headline speaks of what follows).
"""

from __future__ import annotations

import re

from ._descriptions import HEAD_ALIASES, POSS_RE, Description
from ._lexicon import actor_lexicon, actor_stopwords, nominal_lexicon, norm_word

__all__ = ["headline_descriptions", "headline_end"]

_SEGMENT_RE = re.compile(r"(?:^|(?<=[;:\n])|(?<=[;:]\s))[ \t]*")
_WORD_RE = re.compile(r"[A-Za-z][\w.'\u2019-]*")
_VERBS = frozenset({
    "says", "say", "said", "urges", "urge", "calls", "warns", "tells", "asks", "slams", "blasts", "denies",
    "admits", "defends", "backs", "vows", "claims", "to", "is", "was", "will", "wants", "sees", "accuses", "rips",
    "praises", "endorses", "hits", "knocks", "explains", "reveals", "pleads", "resigns", "quits", "joins", "leaves",
    "wins", "loses", "faces", "gets", "takes", "makes", "gives", "meets", "visits", "returns", "dies", "sues",
    "fires", "hires", "insists", "argues", "suggests", "predicts", "responds", "rejects", "refuses", "agrees",
    "apologizes", "confirms", "announces", "launches", "signs", "touts", "questions", "criticizes", "attacks",
    "mocks", "thanks", "supports", "opposes", "could", "would", "may", "might", "can", "has", "had", "should"})
_EXTRA_HEADS = frozenset({"chief", "head", "doctor"})
_MAX_WORDS = 6


def headline_end(text: str, title: str) -> int:
    """Where the headline lines that open ``text`` end (PolNeAR bodies repeat the title), or 0."""
    t = title.strip()
    if len(t) < 8 or not text.startswith(t[:min(len(t), 20)]):
        return 0
    brk = text.find("\n\n")
    return brk if brk > 0 else min(len(text), len(t))


def _np(text: str, start: int, end: int) -> Description | None:
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, start, end)][:_MAX_WORDS + 3]
    nom = nominal_lexicon()
    heads = nom["heads"] | _EXTRA_HEADS
    stop = actor_stopwords()
    label_words = actor_lexicon()["label_words"]
    mods: list[str] = []
    for i, (s, e, w) in enumerate(words[:_MAX_WORDS]):
        n = norm_word(w)
        base = POSS_RE.sub("", n)
        nxt = norm_word(words[i + 1][2]) if i + 1 < len(words) else ""
        poss = base != n
        if base in heads and (poss or nxt in _VERBS):
            key = HEAD_ALIASES.get(base, base)
            key = f"{mods[-1]} {key}" if mods and mods[-1] in nom["rank_modifiers"] else key
            e_head = s + len(POSS_RE.sub("", w)) if poss else e
            return Description(words[0][0], words[0][0], e_head, base, tuple(mods), False, key, False, False, poss,
                               False)
        if n in stop and n not in label_words or poss or not w[0].isalpha():
            return None
        head, sep, last = n.partition("-")
        mods.extend([head, last] if sep and head in actor_lexicon()["hyphen_prefixes"] else [n])
    return None


def headline_descriptions(text: str, end: int) -> list[Description]:
    """The descriptions that open the segments of the headline ``text[:end]``.

    Examples
    --------
    >>> text = "Ex-FBI chief says he was fired; Lawmaker urges calm\\n\\nBody."
    >>> [(d.head, d.mods) for d in headline_descriptions(text, 51)]
    [('chief', ('ex', 'fbi')), ('lawmaker', ())]
    """
    out: list[Description] = []
    for m in _SEGMENT_RE.finditer(text, 0, end):
        if m.end() < end:
            d = _np(text, m.end(), end)
            if d is not None and (not out or out[-1].start != d.start):
                out.append(d)
    return out

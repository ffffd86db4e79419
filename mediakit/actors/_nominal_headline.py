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
_QUOTE_MARKS_RE = re.compile(r"[\"\u201c\u201d]|''")
_EXTRA_HEADS = frozenset({"chief", "head", "doctor"})
_MAX_WORDS = 6


#: A subheadline: one short paragraph after the headline, no quotation, a body after it.
_SUBHEADLINE_MAX = 160


def headline_end(text: str, title: str) -> int:
    r"""Where the headline lines that open ``text`` end (PolNeAR bodies repeat the title), or 0.

    A short paragraph right after the headline, without quotation marks and with the body after it,
    is a subheadline and counts ("Ted Cruz endorses Trump\n\nSenator from Texas says he ...\n\nBody").

    Examples
    --------
    >>> text = "Cruz endorses Trump\n\nSenator from Texas says he cannot allow it.\n\nSen. Ted Cruz is ..."
    >>> text[:headline_end(text, "Cruz endorses Trump")]
    'Cruz endorses Trump\n\nSenator from Texas says he cannot allow it.'
    """
    t = title.strip()
    if len(t) < 8 or not text.startswith(t[:min(len(t), 20)]):
        return 0
    brk = text.find("\n\n")
    if brk <= 0:
        return min(len(text), len(t))
    nxt = text.find("\n\n", brk + 2)
    sub = text[brk + 2:nxt] if nxt > 0 else ""
    if 0 < len(sub.strip()) <= _SUBHEADLINE_MAX and "\n" not in sub.strip() and not _QUOTE_MARKS_RE.search(sub):
        return nxt
    return brk


def _of_places(words: list[tuple[int, int, str]], j: int) -> tuple[int, list[str]] | None:
    """After a head, "from"/"of" and capitalised words, then a headline verb: (their end, the words)."""
    k = j + 1
    while k < len(words) and words[k][2][:1].isupper() and norm_word(words[k][2]) not in _VERBS:
        k += 1
    if k == j + 1 or k > j + 4 or k >= len(words) or norm_word(words[k][2]) not in _VERBS:
        return None
    return words[k - 1][1], [norm_word(w) for _, _, w in words[j + 1:k]]


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
        of = _of_places(words, i + 1) if base in heads and nxt in ("from", "of") else None
        if base in heads and (poss or nxt in _VERBS or of is not None):
            key = HEAD_ALIASES.get(base, base)
            key = f"{mods[-1]} {key}" if mods and mods[-1] in nom["rank_modifiers"] else key
            e_head = s + len(POSS_RE.sub("", w)) if poss else e
            if of is not None:  # "Senator from Texas says": the place is a modifier ("the Texas senator")
                e_head, places = of
                mods.extend(places)
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

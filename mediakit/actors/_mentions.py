"""Mention finding: the variants of the actors in a text, ambiguous surnames resolved in context."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ._actorset import Actors
from ._lexicon import actor_lexicon, actor_stopwords, first_name_gender, norm_word
from ._memo import text_memo
from ._names import is_label_word, is_title_case, sentence_starts, titled_before
from ._parts import PART_RANK, Part
from ._scan import (
    NAME_END_RE,
    NEXT_NAME_WORD_RE,
    POSSESSIVE_RE,
    VARIANT_KEY_RE,
    WORD_BEFORE_RE,
    is_upper_word,
    key_start_re,
    word_before,
)

__all__ = ["Match", "Matcher", "Mention", "find_mentions", "forget_variant_patterns"]


class Match(NamedTuple):
    """A variant found in a text."""

    start: int
    end: int  # end of the name
    poss_end: int  # end including a possessive "'s" (== end without one)
    surface: str


@text_memo(limit=4096)
def _multi_word_re(variant: str) -> re.Pattern[str]:
    """A multi-word variant with any run of white space between its words (compiled once per corpus
    call, and only for a variant looked up where the text has other white space than single spaces:
    :meth:`Matcher._match_at`)."""
    return re.compile(r"\s+".join(re.escape(w) for w in variant.split()))


#: White space other than one space (a tab, a line break, two spaces): where a multi-word variant may be
#: written otherwise than with single spaces.
_ODD_SPACE_RE = re.compile(r"[^\S ]|  ")


def forget_variant_patterns() -> None:
    """Drop the compiled patterns of the multi-word variants (a worker of :func:`mediakit.actor_labels` holds them
    otherwise once its matchers are built and used: a matcher keeps the patterns it needs). Only variants met where
    the text has white space other than single spaces are compiled (about 1,100 per 2,000 AllSides articles)."""
    _multi_word_re.cache_clear()  # type: ignore[attr-defined]


class Matcher:
    """Finds the variants of the actors in a text (longest variant first, no overlaps).

    Variants are indexed by their first word, so a text is scanned once, word by word,
    whatever the number of actors (one regular expression with thousands of
    alternatives is much slower). Spaces inside a variant match any run of white space.

    Examples
    --------
    >>> [m.surface for m in Matcher(["Bashar al-Assad", "Assad"]).finditer("Bashar  al-Assad and Assad's")]
    ['Bashar al-Assad', 'Assad']
    """

    def __init__(self, variants: Iterable[str]) -> None:
        # a variant and, for a multi-word one, its words joined by single spaces
        self.by_key: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        self._width: dict[str, int] = {}  # per key: the stretch :data:`_ODD_SPACE_RE` reads (0: no multi-word variant)
        for v in sorted(set(variants), key=lambda v: (-len(v), v)):
            key = VARIANT_KEY_RE.match(v)
            if key is None or not v[0].isalpha():
                continue
            words = v.split()
            flat = " ".join(words) if len(words) > 1 else None
            k = key.group()
            self.by_key[k].append((v, flat))
            self._width[k] = max(self._width.get(k, 0), len(flat) + 1 if flat is not None else 0)
        # only the words that may be a key are looked up (WORD_START_RE otherwise)
        self._starts = key_start_re(self.by_key) if self.by_key else None

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def _match_at(self, text: str, s: int, cands: list[tuple[str, str | None]], width: int) -> Match | None:
        """The first (longest) candidate variant written at ``s`` and ending a word there."""
        # single spaces only up to ``plain`` (the first other white space): a multi-word variant that ends
        # there is written as its flat form or not at all (no pattern to compile or match); one that ends
        # later agrees with the text up to the space before it, or it is not written there
        odd = _ODD_SPACE_RE.search(text, s, s + width) if width else None
        plain = odd.start() if odd is not None else s + width
        for v, flat in cands:
            if flat is None:
                if not text.startswith(v, s):
                    continue
                e = s + len(v)
            elif s + len(flat) <= plain:
                if not text.startswith(flat, s):
                    continue
                e = s + len(flat)
            else:
                if not text.startswith(flat[:plain - 1 - s], s):
                    continue
                mm = _multi_word_re(v).match(text, s)
                if mm is None:
                    continue
                e = mm.end()
            tail = NAME_END_RE.match(text, e)
            if tail is None:
                continue
            pe = tail.end()
            # without a possessive the end itself: one int object less for each of the mentions kept through a
            # corpus's passes (actor_labels)
            return Match(s, e, e if pe == e else pe, v)
        return None

    def finditer(self, text: str) -> Iterator[Match]:
        """The variants written in ``text``, left to right, without overlaps."""
        last = 0
        if self._starts is None:
            return
        for m in self._starts.finditer(text):
            s = m.start()
            if s < last:
                continue
            # the key is the first word up to an apostrophe or period ("O" for "O'Brien")
            cands = self.by_key.get(m.group())
            if not cands:
                continue
            found = self._match_at(text, s, cands, self._width[m.group()])
            if found is not None:
                yield found
                last = found.poss_end


class Mention(NamedTuple):
    """A mention of an actor in a part of an article."""

    part: Part
    start: int
    end: int
    poss_end: int  # end including a possessive "'s"
    surface: str
    actor: str


_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_OTHER = {"m": "f", "f": "m"}
#: A mention before ambiguous surnames are resolved: (part, start, end, poss_end, surface, canonicals).
_Raw = tuple[Part, int, int, int, str, tuple[str, ...]]


def _inside_longer_name(text: str, s: int, title_case: bool) -> bool:
    """Is the word before a lone surname at ``s`` part of the name ("Hafez al-Assad" is not "Assad")?"""
    prev = word_before(text, s)
    if prev is None or title_case:
        return False
    pn = norm_word(prev)
    if (is_upper_word(prev) and not is_label_word(prev) and pn not in actor_stopwords()
            and not POSSESSIVE_RE.search(prev) and prev[-1] not in ",;:.!?\u201d\"')"):
        return True
    return pn in actor_lexicon()["name_particles"]


def _before_other_name(text: str, m: Match, title_case: bool) -> bool:
    """Is a lone surname followed by a word that makes it something else?

    "Clinton Foundation", "Trump Tower"; a first name: "Patrick T. McHenry" is not Deval Patrick.
    """
    after = NEXT_NAME_WORD_RE.match(text[m.poss_end:m.poss_end + 40])
    if after is None or m.poss_end != m.end or not is_upper_word(after.group(1)):
        return False
    lex = actor_lexicon()
    nn = norm_word(after.group(1))
    if nn in lex["not_person"]:
        return True
    return (not title_case and nn not in lex["calendar"] and not is_label_word(after.group(1))
            and nn not in actor_stopwords())


def _lone_surname_ok(text: str, m: Match, title_case: bool, lower_words: set[str]) -> bool:
    """May a one-word variant of a multi-word actor at ``m`` name that actor?"""
    if _inside_longer_name(text, m.start, title_case) or _before_other_name(text, m, title_case):
        return False
    low = norm_word(m.surface)
    # "Price" opening a sentence is the word, not Tom Price
    return not (m.start in sentence_starts(text) and (low in actor_stopwords() or low in lower_words))


def _raw_mentions(ps: list[Part], actors: Actors, pattern: Matcher,
                  lower_words: set[str]) -> tuple[list[_Raw], set[str]]:
    """Every match that may name an actor, and the actors named in full or with a title (anchors)."""
    raw: list[_Raw] = []
    anchors: set[str] = set()
    for p in ps:
        text = p.text
        title_case = is_title_case(text)
        for m in pattern.finditer(text):
            surface = m.surface  # the variant matched (spaces as in the variant)
            canons = actors.by_variant.get(m.surface, ())
            if not canons:
                continue
            single = " " not in surface.strip() and any(c in actors.multiword for c in canons)
            if single and not _lone_surname_ok(text, m, title_case, lower_words):
                continue
            if " " in surface.strip() or titled_before(text, m.start, epithets=False):
                anchors.update(canons)  # "Bashar al-Assad", "President Obama", "Mr. Assad"
            raw.append((p, m.start, m.end, m.poss_end, surface, canons))
    return raw, anchors


def _anchored_only(raw: list[_Raw], anchors: set[str]) -> list[_Raw]:
    """A surname alone ("Israel", "Fox") names a discovered actor only in an article that also
    names them in full or with a title (a one-word actor: with a title)."""
    kept = []
    for item in raw:
        canons = item[5]
        if " " not in item[4].strip():
            canons = tuple(c for c in canons if c in anchors)
            if not canons:
                continue
        kept.append(item[:5] + (canons,))
    return kept


def _primary(named: list[tuple[int, int, int, str]], here: tuple[int, int, int]) -> str:
    """The actor a shared surname names: the one the article names most often in full, on a tie
    the one it names first ("Ted Cruz ... his wife, Heidi Cruz ... Cruz said" is Ted), unless
    only one of them is named before it."""
    earlier = [x for x in named if x[:3] < here]
    if earlier and len({x[3] for x in earlier}) == 1:
        return earlier[0][3]
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, tuple[int, int, int]] = {}
    for x in named:
        counts[x[3]] += 1
        first.setdefault(x[3], x[:3])
    return max(counts, key=lambda a: (counts[a], tuple(-v for v in first[a])))


def _resolve_ambiguous(raw: list[_Raw], actors: Actors) -> list[Mention]:
    """Surfaces shared by several actors go to the actor the article names most (first) in full."""
    sure = [(PART_RANK[p.kind], p.caption or 0, s, canons[0]) for p, s, e, pe, surf, canons in raw
            if len(canons) == 1]
    out = []
    for p, s, e, pe, surface, canons in raw:
        if len(canons) == 1:
            actor = canons[0]
        else:
            here = (PART_RANK[p.kind], p.caption or 0, s)
            named = [x for x in sure if x[3] in canons]
            hon = WORD_BEFORE_RE.search(p.text, max(0, s - 8), s)
            g = _HONORIFIC_GENDER.get(norm_word(hon.group(1)).rstrip(".")) if hon is not None else None
            if g is not None and any(first_name_gender(x[3]) == g for x in named):
                named = [x for x in named if first_name_gender(x[3]) != _OTHER[g]]  # "Mr. Obama" is not Michelle
            if named:
                actor = _primary(named, here)
            else:
                actor = max(canons, key=lambda c: (actors.weight.get(c, 0), -canons.index(c)))
        out.append(Mention(p, s, e, pe, surface, actor))
    return out


def find_mentions(ps: list[Part], actors: Actors, pattern: Matcher, lower_words: set[str]) -> list[Mention]:
    """Mentions of the actors in one article's parts, ambiguous surnames resolved in context."""
    if not pattern:
        return []
    raw, anchors = _raw_mentions(ps, actors, pattern, lower_words)
    if actors.anchored:
        raw = _anchored_only(raw, anchors)
    return _resolve_ambiguous(raw, actors)

"""The lexicon matcher: every term of a lexicon compiled into a few trie-shaped regexes.

Each lexicon is compiled once (and cached) into one regular expression per distinct first
word, built by :func:`mediakit.text.trie_pattern`'s builder as a character trie, so that
alternatives never backtrack across each other. For a text, a cheap byte-level tokenisation
(:func:`mediakit.text.ascii_tokens`) finds which first words occur at all, and only their
expressions run; they start with a literal, which the regex engine finds with a fast scan.
The matching rules are those of :mod:`mediakit.lexicon`.
"""

from __future__ import annotations

import heapq
import re
import weakref
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from mediakit.text import (ascii_tokens, build_trie, forget_when_shared_results_end, render_symbols, render_trie,
                           sharing_results, trie_prefix)

from ._terms import term_key

__all__ = ["Matcher", "PreparedText", "compile_matcher", "prepare"]

_SEP = r"(?:\s+|[\-\u2010\u2011])"
_JOINERS = "\\-\u2010\u2011'\u2019"
_RIGHT = r"(?:['\u2019][sS])?(?!\w)(?![" + _JOINERS + r"]\w)"
_SEP_SYMBOL = "\x00"
#: How the trie writes its special symbols: a separator (white space or a hyphen in the text)
#: and an apostrophe (straight or curly).
_SYMBOLS = {_SEP_SYMBOL: _SEP, "'": "['\u2019]"}
_KEY_STRIP = re.compile(r"[\s\-\u2010\u2011]+")

#: Texts whose matches a matcher remembers (it forgets them all when full).
_MEMO_SIZE = 512
#: Every matcher, for the end of :func:`mediakit.text.shared_results` to empty their memos.
_MEMOS: weakref.WeakSet[Matcher] = weakref.WeakSet()


def _forget_matches() -> None:
    for matcher in list(_MEMOS):
        matcher._memo.clear()


forget_when_shared_results_end(_forget_matches)

#: (first word, case-sensitive): the spellings of that group's regex.
_GroupKey = tuple[str, bool]
#: A match of a group: (start, -end, group, matched text), ordered leftmost, then longest.
_Hit = tuple[int, int, int, str]


def _lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer stay as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


class PreparedText(NamedTuple):
    """A text with what every matcher needs from it, computed once (see :meth:`Matcher.find`)."""

    text: str
    lower: str
    tokens: Sequence[bytes]


def prepare(text: str) -> PreparedText:
    """Lower-case ``text`` (same length) and collect its ASCII word tokens, for :meth:`Matcher.find`.

    Examples
    --------
    >>> prepare("Anti-Regime forces").tokens
    [b'anti', b'regime', b'forces']
    """
    low = _lower_same_length(text)
    return PreparedText(text, low, ascii_tokens(low))


def _plural(word: str) -> str | None:
    if not word or not word[-1].isalpha():
        return None
    lw = word.lower()
    if lw.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(lw) > 1 and lw[-1] == "y" and lw[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _surfaces(term: str) -> list[tuple[str, ...]]:
    """Every spelling of ``term`` the trie must hold, as component tuples.

    Components are joined by a separator symbol (white space or hyphen in the text). A hyphen
    may also be dropped ("anti-regime" -> "antiregime"), and the last component may take its
    plural.
    """
    parts = re.split(r"([ -])", term)
    words, seps = parts[0::2], parts[1::2]
    spellings: list[list[str]] = [[words[0]]]
    for sep, word in zip(seps, words[1:], strict=True):
        nxt = []
        for sp in spellings:
            nxt.append(sp + [word])
            if sep == "-":
                nxt.append(sp[:-1] + [sp[-1] + word])
        spellings = nxt
    out: list[tuple[str, ...]] = []
    for sp in spellings:
        out.append(tuple(sp))
        plural = _plural(sp[-1])
        if plural is not None:
            out.append(tuple(sp[:-1]) + (plural,))
    return out


def _surface_tokens(surface: tuple[str, ...]) -> frozenset[bytes]:
    """The tokens (as :func:`prepare` makes them) that a text must have where ``surface`` occurs.

    Components are separated by white space or hyphens in a match, so each one's ASCII runs
    are tokens of the text; a possessive only adds a token. Empty when the spelling has no
    ASCII letter or digit: such a pattern runs on every text.
    """
    return frozenset(ascii_tokens(_lower_same_length(" ".join(surface))))


def _surface_symbols(surface: tuple[str, ...], case_sensitive: bool) -> list[str]:
    """The trie symbols of a spelling: its characters (lower case unless case-sensitive), a
    separator symbol between components."""
    out: list[str] = []
    for k, comp in enumerate(surface):
        if k:
            out.append(_SEP_SYMBOL)
        out.extend(comp if case_sensitive else comp.lower())
    return out


def _group_pattern(surfaces: Iterable[tuple[str, ...]], case_sensitive: bool) -> str:
    """The regex of one group: its literal prefix shared by every spelling, the left-boundary
    check, the rest of the trie, the right-boundary check (with a possessive)."""
    trie = build_trie(_surface_symbols(s, case_sensitive) for s in surfaces)
    prefix, node = trie_prefix(trie, stop=(_SEP_SYMBOL,))
    width = len(prefix)
    if width:
        left = r"(?<!\w[\s\S]{%d})(?<!\w[%s][\s\S]{%d})" % (width, _JOINERS, width)
    else:
        left = r"(?<!\w)(?<!\w[%s])" % _JOINERS
    return render_symbols(prefix, _SYMBOLS) + left + render_trie(node, _SYMBOLS, compact=True) + _RIGHT


class _Spellings:
    """Every spelling of a lexicon's terms, grouped by (first word, case-sensitive)."""

    def __init__(self, spec: Sequence[tuple[str, bool]]) -> None:
        self.surfaces: dict[_GroupKey, list[tuple[str, ...]]] = {}
        self.lookups: dict[_GroupKey, dict[str, int]] = {}
        self.keys: dict[_GroupKey, set[frozenset[bytes]]] = {}
        # A listed spelling beats a generated plural: "rebels", if listed, is never the
        # plural of "rebel". Generated plurals that collide with a listed term are left out.
        listed = {term_key(term, cs) for term, cs in spec}
        for i, (term, cs) in enumerate(spec):
            self._add(i, term, cs, listed)

    def _add(self, i: int, term: str, cs: bool, listed: set[str]) -> None:
        gkey = (re.split(r"[ -]", term, maxsplit=1)[0].lower(), cs)
        bucket = self.surfaces.setdefault(gkey, [])
        lookup = self.lookups.setdefault(gkey, {})
        kset = self.keys.setdefault(gkey, set())
        own = term_key(term, cs)
        for surface in _surfaces(term):
            joined = "".join(surface)
            key = joined if cs else joined.lower()
            if key != own and key in listed:
                continue
            lookup.setdefault(key, i)
            bucket.append(surface)
            kset.add(_surface_tokens(surface))


@dataclass(frozen=True)
class _Group:
    regex: re.Pattern[str]
    case_sensitive: bool
    lookup: Mapping[str, int]
    seen: dict[str, int] = field(default_factory=dict)  # matched text -> term (a cache)


class Matcher:
    """A compiled lexicon: finds non-overlapping, leftmost-longest term matches.

    Get one from :meth:`Lexicon.matcher`; :meth:`find` returns ``(start, end, term_index)``
    triples, where ``term_index`` indexes :attr:`Lexicon.terms`.
    """

    def __init__(self, spec: Sequence[tuple[str, bool]], n_terms: int) -> None:
        spellings = _Spellings(spec)
        self._n_terms = n_terms
        self._groups: list[_Group] = []
        key_groups: dict[bytes, dict[tuple[int, frozenset[bytes]], None]] = {}
        always: list[int] = []
        for gkey, surfaces in spellings.surfaces.items():
            cs = gkey[1]
            gid = len(self._groups)
            self._groups.append(_Group(re.compile(_group_pattern(surfaces, cs)), cs,
                                       MappingProxyType(spellings.lookups[gkey])))
            for tokens in spellings.keys[gkey]:
                if not tokens:
                    always.append(gid)
                    continue
                # anchor on the longest token (likely the rarest); the others must be there too
                anchor = max(sorted(tokens), key=len)
                key_groups.setdefault(anchor, {})[(gid, tokens - {anchor})] = None
        # single-token spellings first: they need no subset test
        self._key_groups = {
            k: tuple(sorted(v, key=lambda gr: (len(gr[1]), gr[0]))) for k, v in key_groups.items()
        }
        # every token any pattern needs: what a text's tokens are intersected with
        self._wanted = frozenset(self._key_groups).union(
            *(rest for pairs in self._key_groups.values() for _, rest in pairs)
        )
        self._always = tuple(sorted(set(always)))
        self._memo: dict[str, tuple[tuple[int, int, int], ...]] = {}  # the matches of the texts read last
        _MEMOS.add(self)

    @property
    def n_patterns(self) -> int:
        """Number of compiled regular expressions (one per distinct first word)."""
        return len(self._groups)

    def _candidates(self, prepared: PreparedText) -> set[int]:
        gids = set(self._always)
        key_groups = self._key_groups
        present = self._wanted.intersection(prepared.tokens)
        for k in present:
            pairs = key_groups.get(k)
            if pairs is None:
                continue
            for gid, rest in pairs:
                if gid not in gids and (not rest or rest <= present):
                    gids.add(gid)
        return gids

    def _term_of(self, group: _Group, matched: str) -> int:
        i = group.seen.get(matched)
        if i is not None:
            return i
        key = _KEY_STRIP.sub("", matched.replace("\u2019", "'"))
        if not group.case_sensitive:
            key = key.lower()
        i = group.lookup.get(key)
        if i is None and key[-2:] in ("'s", "'S"):
            i = group.lookup.get(key[:-2])
        if i is None:  # pragma: no cover - every spelling in the regex is in the lookup
            raise AssertionError(f"matched {matched!r} but no term has that spelling")
        if len(group.seen) > 4096:
            group.seen.clear()
        group.seen[matched] = i
        return i

    def find(self, text: str | PreparedText) -> list[tuple[int, int, int]]:
        """Return ``(start, end, term_index)`` for every match in ``text``, left to right.

        Matches never overlap: at each position the longest term wins, and matching resumes
        after it. Matches of ignore phrases are removed after this competition.

        Inside :func:`mediakit.text.shared_results`, the matches of the last few hundred texts are remembered: the
        metrics and the word-choice table of a streamed piece match the same bodies and headlines.

        Parameters
        ----------
        text : str or PreparedText
            The text, or :func:`prepare` of it (to share the preparation between matchers).
        """
        if not sharing_results():
            return self._find(text if isinstance(text, PreparedText) else prepare(text))
        raw = text.text if isinstance(text, PreparedText) else text
        memo = self._memo
        found = memo.get(raw)
        if found is None:
            found = tuple(self._find(text if isinstance(text, PreparedText) else prepare(text)))
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[raw] = found
        return list(found)

    def _find(self, prepared: PreparedText) -> list[tuple[int, int, int]]:
        """:meth:`find`, computed."""
        if not prepared.text:
            return []
        gids = self._candidates(prepared)
        if not gids:
            return []
        groups = self._groups
        original, low = prepared.text, prepared.lower
        hits: list[_Hit] = []
        for gid in gids:
            g = groups[gid]
            for m in g.regex.finditer(original if g.case_sensitive else low):
                hits.append((m.start(), -m.end(), gid, m.group()))
        if not hits:
            return []
        hits.sort()
        frontier = 0
        chosen: list[_Hit] = []
        for hit in hits:
            if hit[0] < frontier:
                # overlap between patterns: redo this text with the exact (heap) procedure
                chosen = self._resolve(hits, original, low)
                break
            chosen.append(hit)
            frontier = -hit[1]
        out = []
        n = self._n_terms
        for start, neg_end, gid, matched in chosen:
            i = self._term_of(groups[gid], matched)
            if i < n:
                out.append((start, -neg_end, i))
        return out

    def _resolve(self, hits: list[_Hit], original: str, low: str) -> list[_Hit]:
        """Leftmost-longest selection across patterns when their matches overlap.

        Every pattern keeps its next match (at or after the current frontier) in a heap; the
        earliest (then longest) is taken if it starts at or after the frontier, and the pattern's
        next match from the new frontier is pushed. ``hits`` are every pattern's ``finditer``
        matches, sorted: a pattern's next match from a frontier is read from them, and searched
        for only where the frontier falls inside one of them.
        """
        by_group: dict[int, list[_Hit]] = {}
        for hit in hits:
            by_group.setdefault(hit[2], []).append(hit)
        starts = {gid: [h[0] for h in lst] for gid, lst in by_group.items()}
        heap = [lst[0] for lst in by_group.values()]
        heapq.heapify(heap)
        frontier = 0
        chosen = []
        while heap:
            hit = heapq.heappop(heap)
            if hit[0] >= frontier:
                chosen.append(hit)
                frontier = -hit[1]
            gid = hit[2]
            nxt = self._next_hit(gid, by_group[gid], starts[gid], frontier, original, low)
            if nxt is not None:
                heapq.heappush(heap, nxt)
        return chosen

    def _next_hit(self, gid: int, found: list[_Hit], starts: list[int], frontier: int, original: str,
                  low: str) -> _Hit | None:
        """The first match of group ``gid`` at or after ``frontier`` (``found``: its ``finditer``
        matches, ``starts`` their starts). Between two of them no match can start (``finditer``
        would have found it), so the search is needed only when ``frontier`` is inside one."""
        k = bisect_left(starts, frontier)
        if k == 0 or -found[k - 1][1] <= frontier:
            return found[k] if k < len(found) else None
        g = self._groups[gid]
        m = g.regex.search(original if g.case_sensitive else low, frontier)
        return None if m is None else (m.start(), -m.end(), gid, m.group())


@lru_cache(maxsize=32)
def compile_matcher(spec: tuple[tuple[str, bool], ...], n_terms: int) -> Matcher:
    """The :class:`Matcher` of ``spec`` (cached: equal lexicons share one)."""
    return Matcher(spec, n_terms)

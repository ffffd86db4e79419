"""The trained target-sentiment model's scoring path: the features of :mod:`._target_features`, summed straight
into the three class logits.

:func:`~mediakit.actors._target_features.model_features` defines the features by name (training reads
it); :class:`FastScorer` computes the same weighted sum of weight rows without building names or
dense arrays: the per-sentence work (tokens, VADER valences, clause boundaries, normalised words,
quotations) is done once for the last 16 sentences and shared by their targets; per target, only the
words with a valence get a closeness weight (the others add nothing); the word features are read
from each word's tuple of rows (one dictionary look-up per word of the sentence serves every word
group), the weights from one flat array of doubles. Same logits as the named features (to ~1e-15;
checked by ``tests/actors/test_target_model.py`` and the identical-output check in docs/actors.md).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ._scan import quote_spans_in_sentence
from ._target import (
    clause_bounds,
    news_valences,
    quote_of,
    sparse_weights,
    split_tokens,
    token_words,
    weighted_score,
)
from ._target_features import (
    BE,
    COMPARE,
    CONDEMN,
    HARM,
    LEFT_WINDOW,
    PRONOUNS,
    RIGHT_WINDOW,
    adjust_valences,
    feature_word,
    is_victim,
    may_adjust,
    squash,
)

__all__ = ["FastScorer", "SentenceParts"]

_NONE: dict[str, int] = {}


class SentenceParts(NamedTuple):
    """The per-sentence work of :class:`FastScorer`, shared by the sentence's targets."""

    starts: list[int]  #: start offset of each whitespace token
    ends: list[int]  #: end offset of each token
    valences: list[float]  #: VADER valence of each word in context (news lexicon)
    polar: list[int]  #: indices of the words with a valence
    words: list[str]  #: the normalised words (feature keys)
    quotes: list[tuple[int, int]]  #: the quotations
    bounds: list[int]  #: offsets of the clause boundaries (only needed, and found, when ``polar``)


def sentence_parts(sentence: str) -> SentenceParts | None:
    """The :class:`SentenceParts` of ``sentence`` (None: no tokens)."""
    starts, ends, tokens = split_tokens(sentence)
    if not tokens:
        return None
    raw = token_words(tokens)
    vv = news_valences(raw)
    polar = [i for i, x in enumerate(vv) if x]
    # (the quotation finder's "simple" style opens and closes quotations at these three marks only)
    quoted = '"' in sentence or "\u201c" in sentence or "\u201d" in sentence
    return SentenceParts(starts, ends, vv, polar, list(map(feature_word, raw)),
                         quote_spans_in_sentence(sentence) if quoted else [], clause_bounds(sentence) if polar else [])


def _target_tokens(p: SentenceParts, start: int, end: int) -> tuple[int, int]:
    """First and last token of the target (the token nearest ``start`` when none overlaps it)."""
    lo = bisect_right(p.ends, start)  # first token ending after start
    hi = bisect_left(p.starts, end) - 1  # last token starting before end
    if lo <= hi:
        return lo, hi
    starts = p.starts
    j = bisect_left(starts, start)
    if j >= len(starts) or (j > 0 and abs(starts[j - 1] - start) <= abs(starts[j] - start)):
        j -= 1
    return j, j


#: The word groups of the model, in the order of the rows tuple of each word (:attr:`FastScorer.by_word`).
_WORD_GROUPS = ("L", "R", "S", "l1", "l2", "r1", "r2", "r3", "V+", "V-")
_NO_ROWS: tuple[int | None, ...] = (None,) * len(_WORD_GROUPS)


class _Rows(NamedTuple):
    """The rows of a sentence's words in the word groups of the model (None: not in the vocabulary)."""

    words: list[tuple[int | None, ...]]  #: each word's rows in :data:`_WORD_GROUPS`
    rest: list[int | None]  #: each word's row in group "S" (the rest of the sentence)


class FastScorer:
    """The logits of a model's weights for one target, computed straight from its feature groups.

    Parameters
    ----------
    table : list of list of float
        The weights, one row of three floats per feature (:attr:`FeatureModel.table`); kept as one
        flat array of doubles (compact: the rows a sentence reads stay in the CPU caches).
    groups : dict
        Feature group -> key -> row (:attr:`FeatureModel.groups`).
    bias : int or None
        The bias row.
    """

    def __init__(self, table: list[list[float]], groups: dict[str, dict[str, int]], bias: int | None) -> None:
        self.flat = array("d", [x for row in table for x in row])
        self.bias = bias
        self.d = groups.get("d", {})
        self.l21, self.r12 = groups.get("l21", _NONE), groups.get("r12", _NONE)  # the word pairs next to the target
        by_word: dict[str, list[int | None]] = {}
        for gi, group in enumerate(_WORD_GROUPS):
            for key, k in groups.get(group, _NONE).items():
                by_word.setdefault(key, list(_NO_ROWS))[gi] = k
        #: Word -> its rows in :data:`_WORD_GROUPS` (one look-up per word of a sentence serves every group).
        self.by_word = {w: tuple(r) for w, r in by_word.items()}
        self.cached = lru_cache(maxsize=16)(self._sentence)

    def _sentence(self, sentence: str) -> tuple[SentenceParts, _Rows] | None:
        """The sentence's :class:`SentenceParts` and the rows of its words in the word groups."""
        p = sentence_parts(sentence)
        if p is None:
            return None
        get = self.by_word.get
        return p, self._rows([get(w, _NO_ROWS) for w in p.words])

    @staticmethod
    def _rows(rows: list[tuple[int | None, ...]]) -> _Rows:
        return _Rows(rows, [r[2] for r in rows])

    def logits(self, sentence: str, start: int, end: int) -> list[float]:
        """The three class logits (negative, neutral, positive) toward ``sentence[start:end]``."""
        ones: set[int | None] = set()
        vals: list[tuple[int, float]] = []
        if self.bias is not None:
            ones.add(self.bias)
        c = self.cached(sentence)
        if c is not None:
            self._features(ones, vals, sentence, start, end, *c)
        ones.discard(None)
        w = self.flat
        z0 = z1 = z2 = 0.0
        for k in ones:
            j = 3 * k  # type: ignore[operator]
            z0 += w[j]
            z1 += w[j + 1]
            z2 += w[j + 2]
        for k, value in vals:
            j = 3 * k
            z0 += value * w[j]
            z1 += value * w[j + 1]
            z2 += value * w[j + 2]
        return [z0, z1, z2]

    def score(self, sentence: str, start: int, end: int) -> float:
        """``p(positive) - p(negative)`` toward ``sentence[start:end]``."""
        z0, z1, z2 = self.logits(sentence, start, end)
        top = max(z0, z1, z2)
        e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
        return (e2 - e0) / (e0 + e1 + e2)

    def _features(self, ones: set[int | None], vals: list[tuple[int, float]], sentence: str, start: int,
                  end: int, p: SentenceParts, rows: _Rows) -> None:
        """Add the rows of the target's features: present ones to ``ones``, (row, value) to ``vals``."""
        lo, hi = _target_tokens(p, start, end)
        words = p.words
        d = self.d
        dense: list[tuple[str, float]] = []
        polar = [i for i in p.polar if i < lo or i > hi]
        victim = is_victim(words, lo, hi)
        # the valences as the role features read them: the target's own are never read there
        full = p.valences
        if polar:
            vv = p.valences
            bounds, starts = p.bounds, p.starts
            t_lo = bisect_left(bounds, start)
            t_hi = bisect_left(bounds, max(start, end - 1)) if end - 1 > start else t_lo
            # (distance, valence, clause boundaries, start) of each sentiment word outside the target
            items = []
            for i in polar:
                a = starts[i]
                b = bisect_left(bounds, a)  # clause boundaries before the word
                items.append((lo - i if i < lo else i - hi, vv[i], t_lo - b if b < t_lo else b - t_hi if b > t_hi else 0,
                              a))
            weights = sparse_weights(sentence, start, end, items, p.quotes)
            values = [it[1] for it in items]
            if may_adjust(words, lo, hi, victim):
                v = np.array(vv)
                v[lo:hi + 1] = 0.0
                adjusted = adjust_valences(words, v, lo, hi)
                if not np.array_equal(adjusted, v):
                    dense.append(("adjusted", 1.0))
                    full = adjusted.tolist()
                    values = [full[i] for i in polar]
            # no clause boundary between the target's tokens and the target (boundaries before a token grow with it)
            one_clause = bisect_left(bounds, starts[lo]) >= t_lo and bisect_left(bounds, starts[hi]) <= t_hi
            self._valence(dense, polar, values, weights, [it[2] for it in items], lo, hi, one_clause)
        self._role(dense, words, full, lo, hi, victim)
        if p.quotes:
            dense.append(("in_quote" if quote_of(p.quotes, p.starts[lo]) >= 0 else "quote_outside", 1.0))
        for key, value in dense:
            k = d.get(key)
            if k is not None and value:
                vals.append((k, value))
        if victim:  # the event's words are no evidence about its victim
            words = ["" if w in HARM else w for w in words]
            rows = self._rows([_NO_ROWS if w in HARM else r for w, r in zip(p.words, rows.words, strict=True)])
        if polar:
            wr = rows.words
            for i, x, wi in zip(polar, values, weights, strict=True):
                if x:
                    k = wr[i][9 if x < 0 else 8]  # V- or V+
                    if k is not None:
                        vals.append((k, wi))
        self._words(ones, words, rows, lo, hi)

    @staticmethod
    def _valence(dense: list[tuple[str, float]], polar: list[int], values: list[float], weights: list[float],
                 clauses: list[int], lo: int, hi: int, one_clause: bool) -> None:
        """The dense valence features: rule score, weighted sums left and right, near, sentence, clause."""
        near_lo, near_hi = max(0, lo - 3), hi + 4
        pl = pr = ps = pn = pc = nl = nr = ns = nn = nc = 0.0
        pairs = []
        for i, x, wi, c in zip(polar, values, weights, clauses, strict=True):
            if not x:
                continue
            pairs.append((x, wi))
            near = near_lo <= i < near_hi
            if x > 0:
                if i < lo:
                    pl += x * wi
                else:
                    pr += x * wi
                ps += x
                if near:
                    pn += x
                if c == 0:
                    pc += x
            else:
                if i < lo:
                    nl += x * wi
                else:
                    nr += x * wi
                ns += x
                if near:
                    nn += x
                if c == 0:
                    nc += x
        if not pairs:
            return
        dense.append(("score", weighted_score(pairs)))
        for key, t in (("wpos_left", pl), ("wneg_left", nl), ("wpos_right", pr), ("wneg_right", nr),
                       ("sent_pos", ps), ("sent_neg", ns), ("near_pos", pn), ("near_neg", nn)):
            if t:
                dense.append((key, t / math.sqrt(t * t + 4.0)))
        if one_clause:
            dense.append(("clause_pos", squash(pc)))
            dense.append(("clause_neg", squash(nc)))

    @staticmethod
    def _role(dense: list[tuple[str, float]], words: list[str], vv: list[float], lo: int, hi: int,
              victim: bool) -> None:
        """Pronoun, subject of a verb of condemning, patient of a negative event, comparison, position."""
        n = len(words)
        if hi == lo and words[lo] in PRONOUNS:
            dense.append(("pronoun", 1.0))
        right = words[hi + 1:hi + 5]
        if not CONDEMN.isdisjoint(right):
            for k, w in enumerate(right):
                if w in CONDEMN:
                    dense.append(("condemn_subj", 1.0))
                    dense.append(("condemn_neg", squash(sum(x for x in vv[hi + 2 + k:min(n, hi + 10 + k)] if x < 0))))
                    break
        if right and right[0] in BE and hi + 2 < n and min(vv[hi + 2:hi + 5]) < 0:
            dense.append(("passive_neg", 1.0))
        if lo > 0:
            left2 = vv[max(0, lo - 2):lo]
            if min(left2) < 0:
                dense.append(("object_neg", 1.0))
            if max(left2) > 0:
                dense.append(("object_pos", 1.0))
        if victim:
            dense.append(("harm_patient", 1.0))
        elif not HARM.isdisjoint(right[:3]):
            dense.append(("harm_agent", 1.0))
        if not COMPARE.isdisjoint(words[max(0, lo - 3):lo]):
            dense.append(("compared", 1.0))
        if lo == 0:
            dense.append(("first", 1.0))
        dense.append(("position", lo / max(1, n - 1)))
        dense.append(("length", min(n, 80) / 40.0))

    def _words(self, ones: set[int | None], words: list[str], rows: _Rows, lo: int, hi: int) -> None:
        """The words next to the target, in the windows each side and in the rest of the sentence."""
        a, b = max(0, lo - LEFT_WINDOW), hi + 1 + RIGHT_WINDOW
        wr = rows.words
        ones.update([r[0] for r in wr[a:lo]], [r[1] for r in wr[hi + 1:b]], rows.rest[:a], rows.rest[b:])
        left = [i for i in range(a, lo) if words[i]]
        right = [i for i in range(hi + 1, min(b, len(words))) if words[i]]
        add = ones.add
        if left:
            add(wr[left[-1]][3])  # l1
            if len(left) >= 2:
                add(wr[left[-2]][4])  # l2
                add(self.l21.get(f"{words[left[-2]]}_{words[left[-1]]}"))
        if right:
            add(wr[right[0]][5])  # r1
            if len(right) >= 2:
                add(wr[right[1]][6])  # r2
                add(self.r12.get(f"{words[right[0]]}_{words[right[1]]}"))
                if len(right) >= 3:
                    add(wr[right[2]][7])  # r3

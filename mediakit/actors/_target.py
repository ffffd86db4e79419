"""Rule-based target-aware sentiment: the news lexicon, VADER's word valences, the score toward a span."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from ..metrics.sentiment import vader_analyzer
from ..metrics.sentiment import sentence_sentiment, word_valences
from ._lexicon import actor_lexicon
from ._scan import is_upper_word, quote_spans_in_sentence

__all__ = ["SENTENCE_NEGATIVE_THRESHOLD", "SENTENCE_POSITIVE_THRESHOLD", "SentenceTokens",
           "TARGET_NEGATIVE_THRESHOLD", "TARGET_POSITIVE_THRESHOLD", "TargetContext", "clause_bounds",
           "context_score", "news_valences", "quote_of", "sentence_score", "sentence_tokens", "sparse_weights",
           "speaks_quotation", "split_tokens", "target_context", "target_score", "token_words", "tokens_context",
           "weighted_score"]

#: Target-aware method: a score at least this is positive toward the target (tuned on
#: NewsMTSC train only; see docs/actors.md).
TARGET_POSITIVE_THRESHOLD = 0.10
#: Target-aware method: a score at most this is negative toward the target (tuned on train).
TARGET_NEGATIVE_THRESHOLD = -0.10
#: Whole-sentence baseline: VADER's own convention (not tuned).
SENTENCE_POSITIVE_THRESHOLD = 0.05
SENTENCE_NEGATIVE_THRESHOLD = -0.05

# Parameters of the target-aware score, tuned on NewsMTSC train (docs/actors.md).
_DECAY = 15.0  # word weight exp(-distance / _DECAY), distance in words from the target
_CLAUSE = 0.8  # weight factor per clause boundary between a word and the target ...
_MAX_CLAUSES = 3  # ... counted up to this many
_SPEAKER_POS = 0.4  # target speaks a quotation: its positive words count this much ...
_SPEAKER_NEG = 0.0  # ... and its negative words this much
_OUTSIDE_QUOTE = 0.4  # target inside a quotation: words outside it count this much
_NEG_SCALE = 1.5  # negative valences are scaled by this
_ALPHA = 15.0  # VADER's normalisation constant: score = s / sqrt(s^2 + alpha)

_STRIP = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + "\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u00ab\u00bb"
_STRAIGHT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
#: Clause boundaries: punctuation, subordinating and coordinating words, relative pronouns. (The
#: look-ahead holds the first letters of the words: the same matches, found twice as fast.)
_CLAUSE_RE = re.compile(
    r"[;:()\[\]\u2014\u2013]|\s-\s|,|\s(?=[abistuwy])(?:but|while|whereas|although|though|yet|because|which|who|whom|"
    r"whose|after|before|when|since|unless|if|that)\s",
    re.IGNORECASE,
)
_SAY_AFTER_RE = re.compile(
    r"[\s,]*(?:(?:also|then|later|previously|recently|once|has|had|have)\s+)*(?:said|says|say|told|tells|added|"
    r"adds|wrote|writes|tweeted|tweets|argued|argues|explained|insisted|noted|notes|continued|asked|asks|"
    r"stated|declared|responded|replied|warned|warns|claimed|claims|posted|recalled|joked|acknowledged|"
    r"admitted)\b",
    re.IGNORECASE,
)
_SAY_BEFORE_RE = re.compile(
    r"\b(?:said|says|told|added|wrote|tweeted|argued|according\s+to|asked|stated|declared|warned|claimed)"
    r"\s*,?\s*\Z",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _news_lexicon() -> dict[str, float]:
    """VADER's lexicon with the news adjustments of ``actor_titles.yaml``."""
    lexicon = dict(vader_analyzer().lexicon)
    lex = actor_lexicon()
    lexicon.update(lex["sentiment_add"])
    for w in lex["sentiment_neutral"]:
        lexicon.pop(w, None)
    return lexicon


def news_valences(words: list[str]) -> list[float]:
    """VADER's valence of each word in context (negation, boosters, caps), news lexicon.

    Examples
    --------
    >>> news_valences(["Critics", "called", "Smith", "corrupt"])
    [-1.2, 0.0, 0.0, -2.5]
    """
    n = len(words)
    lexicon = _news_lexicon()
    if lexicon.keys().isdisjoint(map(str.lower, words)):  # no word in the lexicon: VADER gives each 0.0
        return [0.0] * n
    out = word_valences(words, lexicon)
    if not any(out):
        return out
    # a capitalised sentiment word inside a run of capitalised words is part of a name
    # ("Supreme Court", "Hope Hicks", "Grand Old Party"), unless the sentence is in Title Case
    caps = [w[0].isupper() if w[:1].isalpha() else is_upper_word(w) for w in words]  # (same, faster)
    alpha = sum(1 for w in words if w[:1].isalpha())
    if alpha and sum(caps) / alpha < 0.6:
        for i in range(1, n):
            if out[i] and caps[i] and ((i > 1 and caps[i - 1]) or (i < n - 1 and caps[i + 1])):
                out[i] = 0.0
    return out


def quote_of(quotes: list[tuple[int, int]], p: int) -> int:
    """Index of the first quotation of ``quotes`` that holds offset ``p``, else -1."""
    for k, (a, b) in enumerate(quotes):
        if a <= p < b:
            return k
    return -1


def speaks_quotation(sentence: str, start: int, end: int) -> bool:
    """Is ``sentence[start:end]`` the speaker of a quotation ('"...," X said', 'X said: "..."')?"""
    return _SAY_AFTER_RE.match(sentence, end) is not None or _SAY_BEFORE_RE.search(sentence, 0, start) is not None


def _quotation_weights(sentence: str, start: int, end: int, starts: np.ndarray, v: np.ndarray,
                       w: np.ndarray, quotes: list[tuple[int, int]] | None = None) -> np.ndarray:
    """The word weights ``w`` after quotations: who speaks, and is the target quoted?"""
    if quotes is None:
        quotes = quote_spans_in_sentence(sentence)
    if not quotes:
        return w
    tq = quote_of(quotes, start)
    wq = np.array([quote_of(quotes, int(a)) for a in starts])
    if tq < 0:
        if speaks_quotation(sentence, start, end):
            in_q = wq >= 0
            w = np.where(in_q & (v < 0), w * _SPEAKER_NEG, np.where(in_q & (v > 0), w * _SPEAKER_POS, w))
    else:
        w = np.where(wq < 0, w * _OUTSIDE_QUOTE, w)
    return w


def sparse_weights(sentence: str, start: int, end: int, items: list[tuple[int, float, int, int]],
                   quotes: list[tuple[int, int]]) -> list[float]:
    """The weights of :func:`tokens_context` for a few words only (same values, to rounding).

    ``items`` holds, for each word with a valence (the target's own words left out), its
    distance in words from the target, its valence, its clause boundaries from the target and
    its start offset; ``quotes`` are the quotations of ``sentence``. For the trained model,
    which needs the weights of the sentiment words only.
    """
    out = [math.exp(-d / _DECAY) * _CLAUSE ** min(c, _MAX_CLAUSES) for d, _, c, _ in items]
    if not quotes:
        return out
    if quote_of(quotes, start) < 0:
        if speaks_quotation(sentence, start, end):
            for k, (_, x, _, a) in enumerate(items):
                if quote_of(quotes, a) >= 0:
                    out[k] *= _SPEAKER_NEG if x < 0 else _SPEAKER_POS
    else:
        for k, (_, _, _, a) in enumerate(items):
            if quote_of(quotes, a) < 0:
                out[k] *= _OUTSIDE_QUOTE
    return out


def weighted_score(pairs: list[tuple[float, float]]) -> float:
    """The rule-based score in [-1, 1] of (valence, weight) pairs (negatives scaled, VADER's normalisation)."""
    s = 0.0
    for x, w in pairs:
        s += (x * _NEG_SCALE if x < 0 else x) * w
    return s / math.sqrt(s * s + _ALPHA)


def split_tokens(sentence: str) -> tuple[list[int], list[int], list[str]]:
    """The whitespace tokens of ``sentence`` (``WS_TOKEN_RE``): their start and end offsets and texts.

    ``str.split`` splits on exactly the characters ``\\s`` matches (every code point checked), and
    each token is found right after the previous one: the same tokens as
    ``WS_TOKEN_RE.finditer``, three times as fast.

    Examples
    --------
    >>> split_tokens(" Critics  called\u00a0Smith")
    ([1, 10, 17], [8, 16, 22], ['Critics', 'called', 'Smith'])
    """
    tokens = sentence.split()
    starts, ends = [], []
    find = sentence.find
    pos = 0
    for t in tokens:
        pos = find(t, pos)
        starts.append(pos)
        pos += len(t)
        ends.append(pos)
    return starts, ends, tokens


def token_words(tokens: list[str]) -> list[str]:
    """The tokens as VADER reads them: straight quotes, surrounding punctuation off (but short words kept).

    Examples
    --------
    >>> token_words(["\u201cSmith,", "he"])
    ['Smith', 'he']
    """
    words = []
    strip = _STRIP
    for t in tokens:
        if not t.isascii():  # (every character _STRAIGHT maps is non-ASCII)
            t = t.translate(_STRAIGHT)
        s2 = t.strip(strip)
        words.append(t if len(s2) <= 2 else s2)
    return words


class TargetContext(NamedTuple):
    """The words of a sentence as the target-aware score reads them (see :func:`target_context`)."""

    toks: list[tuple[int, int, str]]  #: (start, end, token) of each whitespace token
    words: list[str]  #: the tokens as VADER reads them
    valences: np.ndarray  #: VADER valence of each word in context (news lexicon); 0 on the target
    weights: np.ndarray  #: weight of each word toward the target (distance, clauses, quotations)
    clauses: np.ndarray  #: clause boundaries between each word and the target
    lo: int  #: index of the target's first token
    hi: int  #: index of the target's last token


class SentenceTokens(NamedTuple):
    """The per-sentence part of :func:`target_context` (shared by every target in the sentence)."""

    toks: list[tuple[int, int, str]]  #: (start, end, token) of each whitespace token
    words: list[str]  #: the tokens as VADER reads them
    valences: np.ndarray  #: VADER valence of each word in context (news lexicon); do not modify
    starts: np.ndarray  #: start offset of each token
    bounds: np.ndarray  #: offsets of the clause boundaries
    before: np.ndarray  #: number of clause boundaries before each token


def sentence_tokens(sentence: str) -> SentenceTokens | None:
    """Tokens, valences and clause boundaries of ``sentence`` (None: no tokens).

    Examples
    --------
    >>> sentence_tokens("Critics called Smith corrupt.").words
    ['Critics', 'called', 'Smith', 'corrupt']
    """
    starts_list, ends, tokens = split_tokens(sentence)
    if not tokens:
        return None
    toks = list(zip(starts_list, ends, tokens, strict=True))
    words = token_words(tokens)
    v = np.array(news_valences(words), dtype=float)
    starts = np.array(starts_list)
    bounds = np.array(clause_bounds(sentence), dtype=int)
    return SentenceTokens(toks, words, v, starts, bounds, np.searchsorted(bounds, starts))


def clause_bounds(sentence: str) -> list[int]:
    """Offsets of the clause boundaries of ``sentence`` (punctuation, "but", "which", ...).

    Examples
    --------
    >>> clause_bounds("Smith, who lied, left.")
    [5, 6, 15]
    """
    return [m.start() for m in _CLAUSE_RE.finditer(sentence)]


def tokens_context(sentence: str, start: int, end: int, st: SentenceTokens,
                   quotes: list[tuple[int, int]] | None = None) -> TargetContext:
    """:func:`target_context` from the :func:`sentence_tokens` ``st`` of ``sentence`` (and its quotations).

    Examples
    --------
    >>> s = "Critics called Smith corrupt."
    >>> st = sentence_tokens(s)
    >>> tokens_context(s, 15, 20, st).lo == target_context(s, 15, 20).lo
    True
    """
    toks, words, starts, bounds, before = st.toks, st.words, st.starts, st.bounds, st.before
    v = st.valences.copy()
    n = len(toks)
    inside = [i for i, (a, b, _) in enumerate(toks) if a < end and b > start]
    if not inside:
        inside = [int(np.argmin(np.abs(starts - start)))]
    lo, hi = min(inside), max(inside)
    # clause boundaries between each word and the target
    t_lo = np.searchsorted(bounds, start)
    t_hi = np.searchsorted(bounds, max(start, end - 1))
    n_bounds = np.where(before < t_lo, t_lo - before, np.where(before > t_hi, before - t_hi, 0))
    if not v.any():
        return TargetContext(toks, words, v, np.zeros(n), n_bounds, lo, hi)
    idx = np.arange(n)
    dist = np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0)).astype(float)
    v[lo:hi + 1] = 0.0  # the target's own words ("Strongman", "Justice Kennedy") say nothing
    w = np.exp(-dist / _DECAY) * np.power(_CLAUSE, np.minimum(n_bounds, _MAX_CLAUSES))
    w = _quotation_weights(sentence, start, end, starts, v, w, quotes)
    return TargetContext(toks, words, v, w, n_bounds, lo, hi)


def target_context(sentence: str, start: int, end: int) -> TargetContext | None:
    """Tokens, valences and weights of ``sentence`` toward ``sentence[start:end]`` (None: no tokens).

    Examples
    --------
    >>> c = target_context("Critics called Smith corrupt.", 15, 20)
    >>> c.words[c.lo], float(c.valences[3])
    ('Smith', -2.5)
    """
    st = sentence_tokens(sentence)
    if st is None:
        return None
    return tokens_context(sentence, start, end, st)


def context_score(ctx: TargetContext | None) -> float:
    """The rule-based target-aware score in [-1, 1] of a :class:`TargetContext`."""
    if ctx is None or not ctx.valences.any():
        return 0.0
    v = ctx.valences
    v = np.where(v < 0, v * _NEG_SCALE, v)
    s = float((v * ctx.weights).sum())
    return s / math.sqrt(s * s + _ALPHA)


def target_score(sentence: str, start: int, end: int) -> float:
    """Rule-based target-aware score in [-1, 1] of ``sentence`` toward ``sentence[start:end]``."""
    return context_score(target_context(sentence, start, end))


def sentence_score(sentence: str) -> float:
    """VADER's compound score of the whole sentence (the baseline)."""
    return sentence_sentiment(sentence)["compound"]

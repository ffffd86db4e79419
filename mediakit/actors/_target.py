"""Target-aware sentiment: the news lexicon, VADER's word valences, the score toward a span."""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from .._validation import check_option
from ..metrics.sentiment import vader_analyzer
from ..metrics.sentiment import sentence_sentiment, word_valences
from ._lexicon import actor_lexicon
from ._scan import WS_TOKEN_RE, is_upper_word, quote_spans_in_sentence

__all__ = ["METHODS", "SENTENCE_NEGATIVE_THRESHOLD", "SENTENCE_POSITIVE_THRESHOLD", "TARGET_NEGATIVE_THRESHOLD",
           "TARGET_POSITIVE_THRESHOLD", "check_method", "polarity", "sentence_score", "target_score",
           "target_sentiment"]

#: Target-aware method: a score at least this is positive toward the target (tuned on
#: NewsMTSC train only; see docs/actors.md).
TARGET_POSITIVE_THRESHOLD = 0.10
#: Target-aware method: a score at most this is negative toward the target (tuned on train).
TARGET_NEGATIVE_THRESHOLD = -0.10
#: Whole-sentence baseline: VADER's own convention (not tuned).
SENTENCE_POSITIVE_THRESHOLD = 0.05
SENTENCE_NEGATIVE_THRESHOLD = -0.05

#: Values of the ``method`` option: target-aware, or whole-sentence VADER (the baseline).
METHODS = ("target", "sentence")

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
#: Clause boundaries: punctuation, subordinating and coordinating words, relative pronouns.
_CLAUSE_RE = re.compile(
    r"[;:()\[\]\u2014\u2013]|\s-\s|,|\s(?:but|while|whereas|although|though|yet|because|which|who|whom|"
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


def _word_valences(words: list[str]) -> list[float]:
    """VADER's valence of each word in context (negation, boosters, caps), news lexicon."""
    n = len(words)
    out = word_valences(words, _news_lexicon())
    # a capitalised sentiment word inside a run of capitalised words is part of a name
    # ("Supreme Court", "Hope Hicks", "Grand Old Party"), unless the sentence is in Title Case
    caps = [is_upper_word(w) for w in words]
    alpha = sum(1 for w in words if w[:1].isalpha())
    if alpha and sum(caps) / alpha < 0.6:
        for i in range(1, n):
            if out[i] and caps[i] and ((i > 1 and caps[i - 1]) or (i < n - 1 and caps[i + 1])):
                out[i] = 0.0
    return out


def _quotation_weights(sentence: str, start: int, end: int, starts: np.ndarray, v: np.ndarray,
                       w: np.ndarray) -> np.ndarray:
    """The word weights ``w`` after quotations: who speaks, and is the target quoted?"""
    quotes = quote_spans_in_sentence(sentence)
    if not quotes:
        return w

    def quote_of(p: int) -> int:
        for k, (a, b) in enumerate(quotes):
            if a <= p < b:
                return k
        return -1

    tq = quote_of(start)
    wq = np.array([quote_of(int(a)) for a in starts])
    if tq < 0:
        speaker = (_SAY_AFTER_RE.match(sentence, end) is not None
                   or _SAY_BEFORE_RE.search(sentence, 0, start) is not None)
        if speaker:
            in_q = wq >= 0
            w = np.where(in_q & (v < 0), w * _SPEAKER_NEG, np.where(in_q & (v > 0), w * _SPEAKER_POS, w))
    else:
        w = np.where(wq < 0, w * _OUTSIDE_QUOTE, w)
    return w


def _token_words(toks: list[tuple[int, int, str]]) -> list[str]:
    """The tokens as VADER reads them: straight quotes, surrounding punctuation off (but short words kept)."""
    words = []
    for _, _, t in toks:
        t2 = t.translate(_STRAIGHT)
        s2 = t2.strip(_STRIP)
        words.append(t2 if len(s2) <= 2 else s2)
    return words


def target_score(sentence: str, start: int, end: int) -> float:
    """Target-aware score in [-1, 1] of ``sentence`` toward ``sentence[start:end]``."""
    toks = [(m.start(), m.end(), m.group()) for m in WS_TOKEN_RE.finditer(sentence)]
    if not toks:
        return 0.0
    v = np.array(_word_valences(_token_words(toks)), dtype=float)
    if not v.any():
        return 0.0
    n = len(toks)
    starts = np.array([a for a, _, _ in toks])
    inside = [i for i, (a, b, _) in enumerate(toks) if a < end and b > start]
    if not inside:
        inside = [int(np.argmin(np.abs(starts - start)))]
    lo, hi = min(inside), max(inside)
    idx = np.arange(n)
    dist = np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0)).astype(float)
    v[lo:hi + 1] = 0.0  # the target's own words ("Strongman", "Justice Kennedy") say nothing
    # clause boundaries between each word and the target
    bounds = np.array([m.start() for m in _CLAUSE_RE.finditer(sentence)], dtype=int)
    before = np.searchsorted(bounds, starts)
    t_lo = np.searchsorted(bounds, start)
    t_hi = np.searchsorted(bounds, max(start, end - 1))
    n_bounds = np.where(before < t_lo, t_lo - before, np.where(before > t_hi, before - t_hi, 0))
    w = np.exp(-dist / _DECAY) * np.power(_CLAUSE, np.minimum(n_bounds, _MAX_CLAUSES))
    w = _quotation_weights(sentence, start, end, starts, v, w)
    v = np.where(v < 0, v * _NEG_SCALE, v)
    s = float((v * w).sum())
    return s / math.sqrt(s * s + _ALPHA)


def sentence_score(sentence: str) -> float:
    """VADER's compound score of the whole sentence (the baseline)."""
    return sentence_sentiment(sentence)["compound"]


def polarity(score: float, method: str) -> int:
    """-1, 0 or 1: the class of ``score`` under the thresholds of ``method``."""
    if method == "target":
        pos, neg = TARGET_POSITIVE_THRESHOLD, TARGET_NEGATIVE_THRESHOLD
    else:
        pos, neg = SENTENCE_POSITIVE_THRESHOLD, SENTENCE_NEGATIVE_THRESHOLD
    return 1 if score >= pos else -1 if score <= neg else 0


def check_method(method: str, *, func: str) -> str:
    """Return ``method`` if it is one of :data:`METHODS`, else raise ValueError."""
    return check_option(method, METHODS, name="method", func=func)


def target_sentiment(sentence: str, start: int, end: int, *, method: str = "target") -> dict[str, float]:
    """Sentiment of one sentence toward the target ``sentence[start:end]``.

    ``method='target'`` (target-aware): VADER's word valences (its negation, booster and
    capitalisation rules), with a news lexicon (``actor_titles.yaml``, ``target_sentiment``),
    weighted by closeness to the target: ``exp(-d / 15)`` for a word ``d`` words away,
    times 0.8 for each clause boundary between them (comma, semicolon, dash, bracket, "but",
    "while", "which", "who", ... up to 3). When the target speaks a quotation ('"...," X
    said'), the quotation's negative words do not count and its positive words count 0.4;
    when the target is inside a quotation, the words outside it count 0.4. The target's own
    words and capitalised words inside names ("Supreme Court") score 0; negative valences
    are multiplied by 1.5. The weighted sum ``s`` is normalised like VADER's compound,
    ``s / sqrt(s^2 + 15)``. Positive at >= 0.10, negative at <= -0.10 (tuned on NewsMTSC
    train). ``method='sentence'`` is the baseline: VADER's compound of the whole sentence,
    ignoring the target, with VADER's own thresholds +/-0.05.

    Parameters
    ----------
    sentence : str
        One sentence.
    start, end : int
        Character offsets of the target in ``sentence`` (clipped to it).
    method : {'target', 'sentence'}, default 'target'

    Returns
    -------
    dict
        ``score`` (in [-1, 1]) and ``polarity`` (-1, 0 or 1).

    Examples
    --------
    The speaker of a quotation is not what the quotation condemns:

    >>> s = '"The deal is a disaster," Smith said.'
    >>> target_sentiment(s, 26, 31), target_sentiment(s, 26, 31, method="sentence")
    ({'score': 0.0, 'polarity': 0}, {'score': -0.6249, 'polarity': -1})

    Words near the target weigh more (but the weighting is gentle, see docs/actors.md):

    >>> s = ("Jones, a former aide, was jailed for fraud in 2019 after a long trial in the "
    ...      "capital; his old rival Smith was re-elected.")
    >>> target_sentiment(s, 0, 5)["score"], target_sentiment(s, 100, 105)["score"]
    (-0.602, -0.1989)
    """
    func = "target_sentiment"
    if not isinstance(sentence, str):
        raise TypeError(f"{func}(): sentence must be a str, got {type(sentence).__name__}")
    check_method(method, func=func)
    start = max(0, min(int(start), len(sentence)))
    end = max(start, min(int(end), len(sentence)))
    score = target_score(sentence, start, end) if method == "target" else sentence_score(sentence)
    return {"score": round(score, 4), "polarity": polarity(score, method)}

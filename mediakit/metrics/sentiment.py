"""Sentence-level sentiment (VADER) and a GDELT-style tone.

This is the only module that imports :mod:`vaderSentiment`, on first use (not at
import). VADER is made for sentences: its compound score saturates towards +/-1
on long texts, so it is never run on a whole article. Articles are split with
:func:`mediakit.text.split_sentences` and scored sentence by sentence.

Exactness. Every sentence score is exactly what
``SentimentIntensityAnalyzer().polarity_scores(sentence)`` returns for the sentence
as written, so published numbers can be reproduced with VADER alone. Known
limit, kept on purpose: VADER strips only ASCII punctuation from words, so
``disaster,\u201d`` or ``don\u2019t`` (curly quotes) miss its lexicon and negation
list, which changes the compound score of about 4% of PolNeAR sentences compared
with the same sentence in straight quotes. :func:`tone` (mediakit's own measure)
does straighten apostrophes before its look-up.

Speed. ``SentimentIntensityAnalyzer.polarity_scores`` re-lowercases the whole
sentence several times for every sentiment word and walks every character
looking for emoji. :func:`sentence_sentiment` runs the same rules without that
repeated work (and caches repeated sentences); its results are identical to
VADER's for every input: the test suite compares both on every sentence of the
PolNeAR dev set and on generated text. One analyzer is created, on first use,
and supplies the lexicons.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from mediakit._progress import progress_bar
from mediakit._tokens import CHUNKS, WORD_RE, ChunkFeatures, ChunkValues, chunk_offsets, code_points
from mediakit.schema import validate_articles
from mediakit.text import Span, sentences_and_quotes, split_sentences

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

__all__ = [
    "POSITIVE_THRESHOLD",
    "NEGATIVE_THRESHOLD",
    "SENTENCE_COLUMNS",
    "SENTIMENT_COLUMNS",
    "sentence_sentiment",
    "sentences",
    "sentiment",
    "tone",
]

#: A sentence is positive when its compound score is at least this (VADER's convention).
POSITIVE_THRESHOLD = 0.05
#: A sentence is negative when its compound score is at most this (VADER's convention).
NEGATIVE_THRESHOLD = -0.05

#: Columns of :func:`sentences`, in order.
SENTENCE_COLUMNS = (
    "article_id", "sentence", "start", "end", "paragraph", "text",
    "neg", "neu", "pos", "compound", "in_quote",
)
#: Columns of :func:`sentiment`, in order.
SENTIMENT_COLUMNS = (
    "article_id", "sent_n_sentences", "sent_mean_compound", "sent_median_compound",
    "sent_share_positive", "sent_share_negative", "sent_share_neutral",
    "sent_headline_compound", "tone_positive", "tone_negative", "tone", "tone_polarity",
)

_SCORE_KEYS = ("neg", "neu", "pos", "compound")


# --------------------------------------------------------------------------- VADER


# VADER's rule tables and helpers, bound from the vaderSentiment module by _analyzer()
# on first use (importing mediakit loads nothing).
_NEGATE: frozenset[str] = frozenset()
_BOOSTERS: dict[str, float] = {}
_SPECIAL: dict[str, float] = {}
_N_SCALAR = 0.0
_C_INCR = 0.0
_IDIOM_FIRST_WORDS: frozenset[str] = frozenset()
_scalar_inc_dec: Callable[[str, float, bool], float]
_allcap_differential: Callable[[list[str]], bool]
_but_check: Callable[[list[str], list[float]], list[float]]


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    """The one analyzer (it reads its lexicon files on construction, so it is made once)."""
    global _NEGATE, _BOOSTERS, _SPECIAL, _N_SCALAR, _C_INCR
    global _scalar_inc_dec, _allcap_differential, _but_check, _IDIOM_FIRST_WORDS
    from vaderSentiment import vaderSentiment as vader

    _NEGATE = frozenset(vader.NEGATE)
    _BOOSTERS = vader.BOOSTER_DICT
    _SPECIAL = vader.SPECIAL_CASES
    _N_SCALAR = vader.N_SCALAR
    _C_INCR = vader.C_INCR
    _scalar_inc_dec = vader.scalar_inc_dec
    _allcap_differential = vader.allcap_differential
    _but_check = vader.SentimentIntensityAnalyzer._but_check
    # First words of the multi-word special cases and boosters: _special_idioms_check can
    # change a valence only if one of them is among the words it joins.
    _IDIOM_FIRST_WORDS = frozenset(k.split(" ")[0] for k in (*_SPECIAL, *_BOOSTERS) if " " in k)
    return vader.SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    """The characters VADER replaces by their emoji description (its keys of length 1)."""
    return frozenset(k for k in _analyzer().emojis if len(k) == 1)


_PUNCTUATION = string.punctuation


def _negated(word: str) -> bool:
    # vaderSentiment.negated([word]): a negation word, or any word containing "n't"
    word = word.lower()
    return word in _NEGATE or "n't" in word


def _special_idioms_check(valence: float, lw: list[str], i: int) -> float:
    onezero = f"{lw[i - 1]} {lw[i]}"
    twoonezero = f"{lw[i - 2]} {lw[i - 1]} {lw[i]}"
    twoone = f"{lw[i - 2]} {lw[i - 1]}"
    threetwoone = f"{lw[i - 3]} {lw[i - 2]} {lw[i - 1]}"
    threetwo = f"{lw[i - 3]} {lw[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    n = len(lw)
    if n - 1 > i:
        zeroone = f"{lw[i]} {lw[i + 1]}"
        if zeroone in _SPECIAL:
            valence = _SPECIAL[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{lw[i]} {lw[i + 1]} {lw[i + 2]}"
        if zeroonetwo in _SPECIAL:
            valence = _SPECIAL[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _BOOSTERS:
            valence = valence + _BOOSTERS[n_gram]
    return valence


def _valence(words: list[str], lw: list[str], i: int, lexicon: dict[str, float], is_cap_diff: bool) -> float:
    # SentimentIntensityAnalyzer.sentiment_valence for a word that is in the lexicon
    item_lower = lw[i]
    n = len(words)
    valence = lexicon[item_lower]
    if item_lower == "no" and i != n - 1 and lw[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lw[i - 1] == "no")
        or (i > 1 and lw[i - 2] == "no")
        or (i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[item_lower] * _N_SCALAR
    if words[i].isupper() and is_cap_diff:
        if valence > 0:
            valence += _C_INCR
        else:
            valence -= _C_INCR
    # The three preceding words (start_i = 0, 1, 2 in VADER's loop), unrolled: a word not in
    # the lexicon adds scalar_inc_dec (0.0 unless it is a booster, damped by 0.95 / 0.9),
    # then VADER's _negation_check for that start_i; after the third, _special_idioms_check.
    if i > 0:
        w = lw[i - 1]
        if w not in lexicon:
            valence = valence + (_scalar_inc_dec(words[i - 1], valence, is_cap_diff) if w in _BOOSTERS else 0.0)
            if _negated(w):
                valence = valence * _N_SCALAR
        if i > 1:
            w = lw[i - 2]
            if w not in lexicon:
                s = 0.0
                if w in _BOOSTERS:
                    s = _scalar_inc_dec(words[i - 2], valence, is_cap_diff)
                    if s != 0:
                        s = s * 0.95
                valence = valence + s
                if w == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
                    valence = valence * 1.25
                elif w == "without" and lw[i - 1] == "doubt":
                    pass
                elif _negated(w):
                    valence = valence * _N_SCALAR
            if i > 2:
                w = lw[i - 3]
                if w not in lexicon:
                    s = 0.0
                    if w in _BOOSTERS:
                        s = _scalar_inc_dec(words[i - 3], valence, is_cap_diff)
                        if s != 0:
                            s = s * 0.9
                    valence = valence + s
                    if (w == "never" and (lw[i - 2] == "so" or lw[i - 2] == "this")) or (
                        lw[i - 1] == "so" or lw[i - 1] == "this"
                    ):
                        valence = valence * 1.25
                    elif w == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
                        pass
                    elif _negated(w):
                        valence = valence * _N_SCALAR
                    # every word sequence _special_idioms_check joins starts at i - 3 .. i
                    if not _IDIOM_FIRST_WORDS.isdisjoint(lw[i - 3 : i + 1]):
                        valence = _special_idioms_check(valence, lw, i)
    # _least_check
    if i > 1 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
        if lw[i - 2] != "at" and lw[i - 2] != "very":
            valence = valence * _N_SCALAR
    elif i > 0 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
        valence = valence * _N_SCALAR
    return valence


def _polarity_scores(text: str) -> dict[str, float]:
    """``SentimentIntensityAnalyzer().polarity_scores(text)``, computed without repeated work."""
    return dict(zip(_SCORE_KEYS, _score_tuple(text)))


def _score_tuple(text: str) -> tuple[float, float, float, float]:
    """``(neg, neu, pos, compound)`` of :func:`_polarity_scores`."""
    analyzer = _analyzer()
    lexicon = analyzer.lexicon
    if text.isascii() or _emoji_chars().isdisjoint(text):  # (every emoji key is non-ASCII)
        text = text.strip()
    else:  # emoji become their descriptions, exactly as VADER does it
        emojis = analyzer.emojis
        out: list[str] = []
        prev_space = True
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    out.append(" ")
                out.append(emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        text = "".join(out).strip()
    # SentiText._strip_punc_if_word, and the words' lower case. Lowercasing the whole text
    # first gives the same lower-case words when no character changes length (only U+0130
    # does): no other character gains or loses white space or ASCII punctuation in lower
    # case (checked over all of Unicode by the test suite), and no lower-case form depends
    # on context across white space. Then the text's words need not be built at all unless
    # one of them is in the lexicon.
    low = text.lower()
    if len(low) == len(text):
        lw = [t if len(s := t.strip(_PUNCTUATION)) <= 2 else s for t in low.split()]
        if lexicon.keys().isdisjoint(lw):
            # every word scores int 0: VADER's score_valence then gives exactly this
            return (0.0, 1.0 if lw else 0.0, 0.0, 0.0)
        words = [t if len(s := t.strip(_PUNCTUATION)) <= 2 else s for t in text.split()]
    else:
        words = [t if len(s := t.strip(_PUNCTUATION)) <= 2 else s for t in text.split()]
        lw = [w.lower() for w in words]
    n = len(words)
    hits = [i for i, w in enumerate(lw) if w in lexicon]
    if not hits:
        return (0.0, 1.0 if n else 0.0, 0.0, 0.0)
    # allcap_differential(words): some but not all words are ALL CAPS
    is_cap_diff = 0 < n - sum(map(str.isupper, words)) < n
    return _score_words(words, lw, hits, is_cap_diff, lexicon, text.count("!"), text.count("?"))


def _score_words(
    words: list[str],
    lw: list[str],
    hits: list[int],
    is_cap_diff: bool,
    lexicon: dict[str, float],
    exclamations: int,
    questions: int,
) -> tuple[float, float, float, float]:
    """VADER's scores of a sentence from its words, their lower case, the (ascending, non-empty)
    positions of the words in the lexicon, allcap_differential(words) and the sentence's
    counts of "!" and "?"."""
    n = len(words)
    sentiments: list[float] = [0] * n
    # VADER scores a word when it is in the lexicon, is not a booster and is not the
    # "kind" of "kind of"; every other word scores 0. Only those few words are visited.
    for i in hits:
        item_lower = lw[i]
        if item_lower in _BOOSTERS or (i < n - 1 and item_lower == "kind" and lw[i + 1] == "of"):
            continue
        sentiments[i] = _valence(words, lw, i, lexicon, is_cap_diff)
    if "but" in lw:
        sentiments = _but_check(words, sentiments)
    return _score_valence(sentiments, hits, exclamations, questions)


def _score_valence(
    sentiments: list[float], hits: list[int], exclamations: int, questions: int
) -> tuple[float, float, float, float]:
    """``SentimentIntensityAnalyzer.score_valence(sentiments, text)`` for a non-empty list whose
    non-zero entries all sit at ``hits``, operation by operation (same floats); ``text`` enters
    only through its counts of "!" and "?"."""
    sum_s = float(sum(sentiments))
    # _punctuation_emphasis: _amplify_ep + _amplify_qm
    ep_count = exclamations
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = questions
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    punct_emph_amplifier = ep_amplifier + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    # normalize(sum_s, alpha=15)
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0
    # _sift_sentiment_scores: zeros add nothing to the sums, so only hits are visited
    pos_sum = 0.0
    neg_sum = 0.0
    nonzero = 0
    for i in hits:
        sentiment_score = sentiments[i]
        if sentiment_score > 0:
            pos_sum += float(sentiment_score) + 1
            nonzero += 1
        elif sentiment_score < 0:
            neg_sum += float(sentiment_score) - 1
            nonzero += 1
    neu_count = len(sentiments) - nonzero
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    pos = math.fabs(pos_sum / total)
    neg = math.fabs(neg_sum / total)
    neu = math.fabs(neu_count / total)
    return (round(neg, 3), round(neu, 3), round(pos, 3), round(compound, 4))


# Sentences of a whole article, scored from its chunks ------------------------------------
#
# A sentence that starts and ends at the edges of whitespace-separated chunks of its article
# (all but the rare glued ones, "the analysis.Kim said") has exactly those chunks as VADER's
# tokens (sentence.split()), and nothing for VADER's strip() to remove. What VADER derives
# from a token (its punctuation-stripped form, that form's lower case, whether that is in
# the lexicon, whether it is ALL CAPS) is then computed once per distinct chunk, and a
# sentence without a lexicon word (a third of news sentences) costs nothing more.


def _vader_word(chunk: str) -> str:
    # SentiText._strip_punc_if_word
    stripped = chunk.strip(_PUNCTUATION)
    return chunk if len(stripped) <= 2 else stripped


def _vader_lower(chunk: str) -> str:
    return _vader_word(chunk).lower()


def _vader_flags(chunk: str) -> tuple[int, int]:
    word = _vader_word(chunk)
    return (int(word.lower() in _analyzer().lexicon), int(word.isupper()))


@lru_cache(maxsize=1)
def _emoji_table() -> np.ndarray:
    """``table[cp]``: code point ``cp`` is one of :func:`_emoji_chars` (the last entry, which
    stands for every larger code point, is False)."""
    points = [ord(c) for c in _emoji_chars()]
    table = np.zeros(max(points) + 2, dtype=bool)
    table[points] = True
    return table


_VADER_WORDS = ChunkValues(CHUNKS, _vader_word)
_VADER_LOWER = ChunkValues(CHUNKS, _vader_lower)
_VADER_FLAGS = ChunkFeatures(CHUNKS, _vader_flags, 2)


def _article_scores(
    text: str, spans: list[Span], ids: np.ndarray | None = None
) -> list[tuple[float, float, float, float]]:
    """``(neg, neu, pos, compound)`` of each sentence ``text[span.start:span.end]``: exactly
    :func:`_score_tuple` of it, computed from the article's chunks where possible.

    ``ids``: ``CHUNKS.ids(text.split())``, if the caller has them already.
    """
    if not spans:
        return []
    codes = code_points(text)
    if not text.isascii():
        emoji = _emoji_table()
        if emoji[np.minimum(codes, len(emoji) - 1)].any():  # emoji: VADER rewrites the text
            return [_cached_scores(text[s.start : s.end]) for s in spans]
    if ids is None:
        ids = CHUNKS.ids(text.split())
    starts, ends = chunk_offsets(text, codes)
    n_chunks = len(ids)
    if len(starts) != n_chunks or n_chunks == 0:  # pragma: no cover - both split the same way
        return [_cached_scores(text[s.start : s.end]) for s in spans]
    lexicon = _analyzer().lexicon
    flags = _VADER_FLAGS.rows(ids)
    words_of_chunk = _VADER_WORDS.table()
    lower_of_chunk = _VADER_LOWER.table()
    s_arr = np.fromiter((s.start for s in spans), dtype=np.intp, count=len(spans))
    e_arr = np.fromiter((s.end for s in spans), dtype=np.intp, count=len(spans))
    first = np.minimum(np.searchsorted(starts, s_arr), n_chunks - 1)
    last = np.minimum(np.searchsorted(ends, e_arr), n_chunks - 1)
    aligned = ((starts[first] == s_arr) & (ends[last] == e_arr)).tolist()
    stop = last + 1
    hit_positions = np.flatnonzero(flags[:, 0])
    hits_from = np.searchsorted(hit_positions, first).tolist()
    hits_to = np.searchsorted(hit_positions, stop).tolist()
    caps = np.concatenate(([0], np.cumsum(flags[:, 1])))
    n_upper = (caps[stop] - caps[first]).tolist()
    hit_list = hit_positions.tolist()
    id_list = ids.tolist()
    first_l, stop_l = first.tolist(), stop.tolist()
    out: list[tuple[float, float, float, float]] = []
    for k, span in enumerate(spans):
        if not aligned[k]:
            out.append(_cached_scores(text[span.start : span.end]))
            continue
        h0, h1 = hits_from[k], hits_to[k]
        if h0 == h1:  # no word in the lexicon: what VADER gives for that (n >= 1 here)
            out.append((0.0, 1.0, 0.0, 0.0))
            continue
        a, b = first_l[k], stop_l[k]
        seg = id_list[a:b]
        n = b - a
        out.append(
            _score_words(
                list(map(words_of_chunk.__getitem__, seg)),  # type: ignore[arg-type]  # list.__getitem__ overloads
                list(map(lower_of_chunk.__getitem__, seg)),  # type: ignore[arg-type]
                [h - a for h in hit_list[h0:h1]],
                0 < n - n_upper[k] < n,
                lexicon,
                text.count("!", span.start, span.end),
                text.count("?", span.start, span.end),
            )
        )
    return out


_STRAIGHTEN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _news_scores(sentence: str) -> tuple[float, float, float, float]:
    """VADER scores of a news sentence, as written (see the module docstring)."""
    return _cached_scores(sentence)


@lru_cache(maxsize=1 << 14)
def _cached_scores(sentence: str) -> tuple[float, float, float, float]:
    return _score_tuple(sentence)


def sentence_sentiment(sentence: str) -> dict[str, float]:
    """Return VADER's scores for one sentence.

    Exactly ``SentimentIntensityAnalyzer().polarity_scores(sentence)``, computed
    faster (see the module docstring) and cached for repeated sentences.

    Parameters
    ----------
    sentence : str
        One sentence (or a headline). Longer texts should be split first:
        VADER's compound score saturates on them.

    Returns
    -------
    dict
        ``neg``, ``neu``, ``pos`` (shares of the sentence, rounded to 3 places)
        and ``compound`` (normalised sum in [-1, 1], rounded to 4 places), in
        that order. A new dict on every call.

    Examples
    --------
    >>> sentence_sentiment("The rescue was a great success.")
    {'neg': 0.0, 'neu': 0.213, 'pos': 0.787, 'compound': 0.9022}
    >>> sentence_sentiment("")
    {'neg': 0.0, 'neu': 0.0, 'pos': 0.0, 'compound': 0.0}
    """
    if not isinstance(sentence, str):
        raise TypeError(f"sentence must be a str, got {type(sentence).__name__}")
    return dict(zip(_SCORE_KEYS, _cached_scores(sentence)))


# --------------------------------------------------------------------------- tone


@lru_cache(maxsize=1)
def _tone_valence() -> dict[str, int]:
    """Memo of word (as written) -> sign of its VADER valence, filled lazily."""
    return {}


def _word_valence(word: str) -> int:
    v = _analyzer().lexicon.get(word.lower().replace("\u2019", "'"))
    return 0 if v is None else (1 if v > 0 else -1 if v < 0 else 0)


def _tone_features(chunk: str) -> tuple[int, int, int]:
    """(words, positive words, negative words) of one whitespace-separated chunk.

    :data:`mediakit._tokens.WORD_RE` never matches across white space, so a text's words
    are its chunks' words: the counts of a text are the sums over its chunks.
    """
    valence = _tone_valence()
    words = WORD_RE.findall(chunk)
    n_pos = n_neg = 0
    for word in words:
        v = valence.get(word)
        if v is None:
            v = valence[word] = _word_valence(word)
        if v > 0:
            n_pos += 1
        elif v < 0:
            n_neg += 1
    return (len(words), n_pos, n_neg)


_TONE = ChunkFeatures(CHUNKS, _tone_features, 3)
_TONE_KEYS = ("tone_positive", "tone_negative", "tone", "tone_polarity")
_NAN4 = (float("nan"),) * 4


def _tone_values(ids: np.ndarray) -> tuple[float, float, float, float]:
    """:func:`tone` of the text whose chunk ids (``CHUNKS.ids(text.split())``) are ``ids``."""
    n, n_pos, n_neg = _TONE.rows(ids).sum(axis=0).tolist()
    if n == 0:
        return _NAN4
    p, q = 100.0 * n_pos / n, 100.0 * n_neg / n
    return (p, q, p - q, p + q)


def tone(text: str) -> dict[str, float]:
    """GDELT-style tone of a text from VADER's lexicon.

    Words are counted as in :func:`mediakit._tokens.count_words`; a word counts
    as positive (negative) when its lower-case form, with curly apostrophes made
    straight, is in VADER's lexicon with a positive (negative) valence. Rules
    (negation, boosters) are not applied: this is a word-share measure.

    Parameters
    ----------
    text : str
        Any text (a whole article is fine).

    Returns
    -------
    dict
        ``tone_positive`` and ``tone_negative``: percentage of the words that
        are positive / negative; ``tone``: positive minus negative;
        ``tone_polarity``: their sum. All NaN when the text has no words.

    Examples
    --------
    >>> tone("A great win, a terrible loss and a good day.")
    {'tone_positive': 30.0, 'tone_negative': 20.0, 'tone': 10.0, 'tone_polarity': 50.0}
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return dict(zip(_TONE_KEYS, _tone_values(CHUNKS.ids(text.split()))))


# --------------------------------------------------------------------------- tables


def _check(articles: pd.DataFrame, progress: bool) -> None:
    validate_articles(articles)
    if not isinstance(progress, bool):
        raise TypeError(f"progress must be True or False, got {progress!r}")


def _as_text(value: object, what: str, article_id: object) -> str:
    """A cell of ``text`` or ``title`` as a str; missing values (None, NaN, NA) become ''."""
    if isinstance(value, str):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    raise TypeError(f"{what} of article {article_id!r} must be a str, got {type(value).__name__}")


def sentences(articles: pd.DataFrame, *, progress: bool = False) -> pd.DataFrame:
    """Return one row per sentence of each article's ``text``, with VADER scores.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table with (at least) ``article_id`` and ``text``. Not modified.
    progress : bool, default False
        Show a progress bar over the articles (tqdm; widgets in Jupyter).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SENTENCE_COLUMNS`: ``article_id``; ``sentence`` (number
        within the article, 0-based); ``start``, ``end`` (offsets into ``text``,
        end-exclusive); ``paragraph`` (0-based); ``text`` (the sentence);
        ``neg``, ``neu``, ``pos``, ``compound`` (exactly VADER on the sentence
        as written, see the module docstring); ``in_quote`` (share of
        the sentence's characters inside quotation marks, 0 to 1, see
        :func:`mediakit.text.quote_mask`). Ordered by input row, then sentence;
        a fresh RangeIndex. Articles with empty or missing text have no rows.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a1"],
    ...                      "text": ['"It is a disaster," Sen. Smith said. Talks resume Monday.']})
    >>> sentences(arts)[["sentence", "paragraph", "compound", "in_quote"]]
       sentence  paragraph  compound  in_quote
    0         0          0   -0.6249  0.527778
    1         1          0    0.0000  0.000000
    """
    _check(articles, progress)
    ids = articles["article_id"]
    rows_pos: list[int] = []
    numbers: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    paras: list[int] = []
    texts: list[str] = []
    scores: list[tuple[float, float, float, float]] = []
    shares: list[float] = []
    cells = articles["text"].tolist()
    for pos, value in enumerate(progress_bar(cells, desc="sentences", unit="article", enabled=progress)):
        text = _as_text(value, "text", ids.iloc[pos])
        spans, quoted = sentences_and_quotes(text)
        scores.extend(_article_scores(text, spans))
        shares.extend(quoted)
        for k, span in enumerate(spans):
            rows_pos.append(pos)
            numbers.append(k)
            starts.append(span.start)
            ends.append(span.end)
            paras.append(span.paragraph)
            texts.append(text[span.start : span.end])
    score_arr = np.array(scores, dtype=float).reshape(len(scores), 4)
    out = pd.DataFrame(
        {
            "article_id": ids.take(rows_pos).reset_index(drop=True),
            "sentence": np.array(numbers, dtype=np.int64),
            "start": np.array(starts, dtype=np.int64),
            "end": np.array(ends, dtype=np.int64),
            "paragraph": np.array(paras, dtype=np.int64),
            "text": texts,
            "neg": score_arr[:, 0],
            "neu": score_arr[:, 1],
            "pos": score_arr[:, 2],
            "compound": score_arr[:, 3],
            "in_quote": np.array(shares, dtype=float),
        }
    )
    return out


def sentiment(articles: pd.DataFrame, *, progress: bool = False) -> pd.DataFrame:
    """Return one row per article: sentence-level VADER summaries and GDELT-style tone.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table with ``article_id`` and ``text``; ``title`` is used when
        present. Not modified.
    progress : bool, default False
        Show a progress bar over the articles (tqdm; widgets in Jupyter).

    Returns
    -------
    pandas.DataFrame
        Same index as ``articles``; columns :data:`SENTIMENT_COLUMNS`:

        - ``article_id``
        - ``sent_n_sentences``: sentences in ``text`` (:func:`mediakit.text.split_sentences`)
        - ``sent_mean_compound``, ``sent_median_compound``: over the sentences' VADER
          compound (exactly VADER, as in :func:`sentences`)
        - ``sent_share_positive`` / ``sent_share_negative`` / ``sent_share_neutral``:
          share of sentences with compound >= 0.05, <= -0.05, or in between
        - ``sent_headline_compound``: VADER compound of ``title`` alone (NaN when
          there is no title column or the title is missing or blank)
        - ``tone_positive``, ``tone_negative``, ``tone``, ``tone_polarity``: see :func:`tone`

        VADER never scores a whole article. For an article with empty or missing
        text the count is 0 and everything else except the headline is NaN.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({
    ...     "article_id": ["a1", "a2"],
    ...     "title": ["Rescue a success", None],
    ...     "text": ["The rescue was a success. Critics called it a disaster. It rained.", ""]})
    >>> out = sentiment(arts)
    >>> out[["sent_n_sentences", "sent_mean_compound", "sent_share_positive"]].round(3)
       sent_n_sentences  sent_mean_compound  sent_share_positive
    0                 3               0.016                0.333
    1                 0                 NaN                  NaN
    >>> out[["sent_headline_compound", "tone_positive", "tone_negative", "tone"]].round(2)
       sent_headline_compound  tone_positive  tone_negative  tone
    0                    0.79          16.67          16.67   0.0
    1                     NaN            NaN            NaN   NaN
    """
    _check(articles, progress)
    ids = articles["article_id"]
    titles = articles["title"].tolist() if "title" in articles.columns else [None] * len(articles)
    cells = articles["text"].tolist()
    rows = []
    for pos, value in enumerate(progress_bar(cells, desc="sentiment", unit="article", enabled=progress)):
        article_id = ids.iloc[pos]
        text = _as_text(value, "text", article_id)
        rows.append(_article_values(text, _as_text(titles[pos], "title", article_id)))
    return _sentiment_frame(rows, articles.index, ids.array)


def _article_values(text: str, title: str, ids: np.ndarray | None = None) -> tuple[float, ...]:
    """The values of one row of :func:`sentiment` (without ``article_id``), in column order.

    ``ids``: ``CHUNKS.ids(text.split())``, if the caller has them already.
    """
    if ids is None:
        ids = CHUNKS.ids(text.split())
    compounds = np.array([sc[3] for sc in _article_scores(text, split_sentences(text), ids)], dtype=float)
    n = len(compounds)
    if n:
        n_pos = int((compounds >= POSITIVE_THRESHOLD).sum())
        n_neg = int((compounds <= NEGATIVE_THRESHOLD).sum())
        stats: tuple[float, ...] = (
            n,
            float(compounds.mean()),
            float(np.median(compounds)),
            n_pos / n,
            n_neg / n,
            (n - n_pos - n_neg) / n,
        )
    else:
        stats = (0, *_NAN4, _NAN4[0])
    headline = _news_scores(title)[3] if title.strip() else _NAN4[0]
    tone_values = _tone_values(ids)
    return (*stats, headline, *tone_values)


def _sentiment_frame(rows: list[tuple[float, ...]], index: pd.Index, article_id: Any) -> pd.DataFrame:
    """The frame of :func:`sentiment` from :func:`_article_values` rows."""
    values = np.array(rows, dtype="float64").reshape(len(rows), len(SENTIMENT_COLUMNS) - 1)
    out = pd.DataFrame(values, index=index, columns=list(SENTIMENT_COLUMNS[1:]))
    out["sent_n_sentences"] = values[:, 0].astype("int64")
    out.insert(0, "article_id", article_id)
    return out

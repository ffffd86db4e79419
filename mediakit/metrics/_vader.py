"""VADER's rules, re-implemented without repeated work: the only module importing vaderSentiment.

``SentimentIntensityAnalyzer.polarity_scores`` re-lowercases the whole sentence several times
for every sentiment word and walks every character looking for emoji. :func:`score_tuple`
runs the same rules without that repeated work; its results are identical to VADER's for every
input (the test suite compares both on every sentence of the PolNeAR dev set and on generated
text). vaderSentiment is imported on first use, not at import: :func:`vader_analyzer` creates
the one analyzer (it reads its lexicon files on construction) and binds VADER's rule tables.

:mod:`mediakit.metrics.sentiment` builds the sentence and article tables on top of this.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

__all__ = [
    "PUNCTUATION",
    "SCORE_KEYS",
    "but_values",
    "c_incr",
    "context_word",
    "context_words",
    "emoji_chars",
    "polarity_scores",
    "score_plain",
    "score_tuple",
    "score_valence",
    "score_words",
    "vader_analyzer",
    "valence",
    "word_sentiment",
    "word_valences",
]

#: The keys of VADER's scores, in its order.
SCORE_KEYS = ("neg", "neu", "pos", "compound")
#: The characters VADER strips from the ends of a word (ASCII punctuation).
PUNCTUATION = string.punctuation

# VADER's rule tables and helpers, bound from the vaderSentiment module by vader_analyzer()
# on first use (importing mediakit loads nothing). Module globals: the hot path reads them.
_NEGATE: frozenset[str] = frozenset()
_BOOSTERS: dict[str, float] = {}
_SPECIAL: dict[str, float] = {}
_N_SCALAR = 0.0
_C_INCR = 0.0
_IDIOM_FIRST_WORDS: frozenset[str] = frozenset()
_IDIOM_MARKERS: frozenset[str] = frozenset()
_scalar_inc_dec: Callable[[str, float, bool], float]
_allcap_differential: Callable[[list[str]], bool]
_but_check: Callable[[list[str], list[float]], list[float]]


@lru_cache(maxsize=1)
def vader_analyzer() -> SentimentIntensityAnalyzer:
    """The one VADER analyzer, created on first use (it reads its lexicon files on construction).

    Creating it also binds VADER's rule tables (negations, boosters, idioms) used here.

    Examples
    --------
    >>> vader_analyzer() is vader_analyzer(), vader_analyzer().lexicon["good"]
    (True, 1.9)
    """
    global _NEGATE, _BOOSTERS, _SPECIAL, _N_SCALAR, _C_INCR
    global _scalar_inc_dec, _allcap_differential, _but_check, _IDIOM_FIRST_WORDS, _IDIOM_MARKERS
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
    # One word of each of those sequences (its longest, the first of equals): a sentence that
    # holds none of them holds none of the sequences.
    _IDIOM_MARKERS = frozenset(max(k.split(" "), key=len) for k in (*_SPECIAL, *_BOOSTERS) if " " in k)
    return vader.SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def emoji_chars() -> frozenset[str]:
    """The characters VADER replaces by their emoji description (its keys of length 1)."""
    return frozenset(k for k in vader_analyzer().emojis if len(k) == 1)


def c_incr() -> float:
    """VADER's ALL-CAPS increment (``vaderSentiment.C_INCR``), read once VADER is loaded.

    Examples
    --------
    >>> c_incr()
    0.733
    """
    vader_analyzer()  # binds VADER's rule tables
    return _C_INCR


# Words whose presence in a sentence can make a VADER rule fire (besides the lists bound above).
_RULE_WORDS = frozenset({"no", "so", "this", "never", "without", "least", "kind"})


def context_word(lower: str) -> bool:
    """Whether a word (VADER's punctuation-stripped form, lower case) can make one of VADER's
    word rules fire: a negation, a booster, the longest word of an idiom or of a multi-word
    booster (every such sequence holds one), or one of "no", "so", "this", "never", "without",
    "least", "kind".

    Those rules look at most three words back and two ahead: a lexicon word with no such word
    within that distance, in a sentence without "but" (VADER's one sentence-wide rule), scores
    its own lexicon valence (plus or minus the ALL-CAPS increment); see :func:`score_plain`.

    Examples
    --------
    >>> context_word("not"), context_word("very"), context_word("good")
    (True, True, False)
    """
    vader_analyzer()  # binds VADER's rule tables
    return (lower in _RULE_WORDS or lower in _BOOSTERS or lower in _IDIOM_MARKERS
            or _negated(lower))


def context_words(lowers: list[str]) -> list[bool]:
    """:func:`context_word` of each word, with one set of all the listed words.

    Examples
    --------
    >>> context_words(["not", "very", "good", "isn't"])
    [True, True, False, True]
    """
    vader_analyzer()  # binds VADER's rule tables
    listed = _RULE_WORDS.union(_BOOSTERS, _IDIOM_MARKERS)
    negate = _NEGATE
    out = []
    for lower in lowers:
        if lower in listed:
            out.append(True)
        else:
            word = lower.lower()  # _negated
            out.append(word in negate or "n't" in word)
    return out


# --------------------------------------------------------------------------- one word's valence


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


def valence(words: list[str], lw: list[str], i: int, lexicon: dict[str, float], is_cap_diff: bool) -> float:
    """``SentimentIntensityAnalyzer.sentiment_valence`` of ``words[i]``, a word in ``lexicon``.

    ``lw`` holds the words' lower case and ``is_cap_diff`` is ``allcap_differential(words)``.
    The steps are VADER's, operation by operation (same floats): the word's own valence, then
    the three preceding words (VADER's loop over ``start_i`` = 0, 1, 2, for each preceding word
    not in the lexicon), then ``_least_check``. Call :func:`vader_analyzer` first.
    """
    v = _own_valence(words, lw, i, lexicon, is_cap_diff)
    if i > 0 and lw[i - 1] not in lexicon:
        v = _after_first_preceding(v, words, lw, i, is_cap_diff)
    if i > 1 and lw[i - 2] not in lexicon:
        v = _after_second_preceding(v, words, lw, i, is_cap_diff)
    if i > 2 and lw[i - 3] not in lexicon:
        v = _after_third_preceding(v, words, lw, i, is_cap_diff)
    return _least_check(v, lw, i, lexicon)


def _own_valence(words: list[str], lw: list[str], i: int, lexicon: dict[str, float], is_cap_diff: bool) -> float:
    """The word's lexicon valence, after VADER's "no" rules and ALL-CAPS emphasis."""
    item_lower = lw[i]
    n = len(words)
    v = lexicon[item_lower]
    if item_lower == "no" and i != n - 1 and lw[i + 1] in lexicon:
        v = 0.0
    if (
        (i > 0 and lw[i - 1] == "no")
        or (i > 1 and lw[i - 2] == "no")
        or (i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor"))
    ):
        v = lexicon[item_lower] * _N_SCALAR
    if words[i].isupper() and is_cap_diff:
        if v > 0:
            v += _C_INCR
        else:
            v -= _C_INCR
    return v


def _after_first_preceding(v: float, words: list[str], lw: list[str], i: int, is_cap_diff: bool) -> float:
    # start_i = 0: scalar_inc_dec (0.0 unless a booster), then _negation_check
    w = lw[i - 1]
    v = v + (_scalar_inc_dec(words[i - 1], v, is_cap_diff) if w in _BOOSTERS else 0.0)
    if _negated(w):
        v = v * _N_SCALAR
    return v


def _after_second_preceding(v: float, words: list[str], lw: list[str], i: int, is_cap_diff: bool) -> float:
    # start_i = 1: scalar_inc_dec damped by 0.95, then _negation_check ("never so", "without doubt")
    w = lw[i - 2]
    s = 0.0
    if w in _BOOSTERS:
        s = _scalar_inc_dec(words[i - 2], v, is_cap_diff)
        if s != 0:
            s = s * 0.95
    v = v + s
    if w == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
        v = v * 1.25
    elif w == "without" and lw[i - 1] == "doubt":
        pass
    elif _negated(w):
        v = v * _N_SCALAR
    return v


def _after_third_preceding(v: float, words: list[str], lw: list[str], i: int, is_cap_diff: bool) -> float:
    # start_i = 2: scalar_inc_dec damped by 0.9, _negation_check, then _special_idioms_check
    w = lw[i - 3]
    s = 0.0
    if w in _BOOSTERS:
        s = _scalar_inc_dec(words[i - 3], v, is_cap_diff)
        if s != 0:
            s = s * 0.9
    v = v + s
    if (w == "never" and (lw[i - 2] == "so" or lw[i - 2] == "this")) or (
        lw[i - 1] == "so" or lw[i - 1] == "this"
    ):
        v = v * 1.25
    elif w == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
        pass
    elif _negated(w):
        v = v * _N_SCALAR
    # every word sequence _special_idioms_check joins starts at i - 3 .. i
    if not _IDIOM_FIRST_WORDS.isdisjoint(lw[i - 3 : i + 1]):
        v = _special_idioms_check(v, lw, i)
    return v


def _least_check(v: float, lw: list[str], i: int, lexicon: dict[str, float]) -> float:
    if i > 1 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
        if lw[i - 2] != "at" and lw[i - 2] != "very":
            v = v * _N_SCALAR
    elif i > 0 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
        v = v * _N_SCALAR
    return v


def word_valences(words: list[str], lexicon: dict[str, float]) -> list[float]:
    """VADER's valence of each word in context (negation, boosters, caps) with ``lexicon``.

    A word scores 0.0 when it is not in ``lexicon``, is a booster, or is the "kind" of
    "kind of"; every other word scores :func:`valence`. No ``but`` rule, no sums.

    Examples
    --------
    >>> word_valences(["not", "good"], vader_analyzer().lexicon)
    [0.0, -1.406]
    """
    vader_analyzer()  # binds VADER's rule tables
    lw = [w.lower() for w in words]
    n = len(words)
    cap = _allcap_differential(words)
    out = [0.0] * n
    for i, w in enumerate(lw):
        if w not in lexicon or w in _BOOSTERS or (i < n - 1 and w == "kind" and lw[i + 1] == "of"):
            continue
        out[i] = float(valence(words, lw, i, lexicon, cap))
    return out


# --------------------------------------------------------------------------- a sentence's scores


def polarity_scores(text: str) -> dict[str, float]:
    """``SentimentIntensityAnalyzer().polarity_scores(text)``, computed without repeated work.

    Examples
    --------
    >>> polarity_scores("The rescue was a great success.")
    {'neg': 0.0, 'neu': 0.213, 'pos': 0.787, 'compound': 0.9022}
    """
    return dict(zip(SCORE_KEYS, score_tuple(text), strict=True))


def _describe_emoji(text: str, emojis: dict[str, str]) -> str:
    """``text`` with each emoji replaced by its description, exactly as VADER does it."""
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
    return "".join(out)


def score_tuple(text: str) -> tuple[float, float, float, float]:
    """``(neg, neu, pos, compound)`` of :func:`polarity_scores`."""
    analyzer = vader_analyzer()
    lexicon = analyzer.lexicon
    if text.isascii() or emoji_chars().isdisjoint(text):  # (every emoji key is non-ASCII)
        text = text.strip()
    else:  # emoji become their descriptions, exactly as VADER does it
        text = _describe_emoji(text, analyzer.emojis).strip()
    # SentiText._strip_punc_if_word, and the words' lower case. Lowercasing the whole text
    # first gives the same lower-case words when no character changes length (only U+0130
    # does): no other character gains or loses white space or ASCII punctuation in lower
    # case (checked over all of Unicode by the test suite), and no lower-case form depends
    # on context across white space. Then the text's words need not be built at all unless
    # one of them is in the lexicon.
    low = text.lower()
    if len(low) == len(text):
        lw = [t if len(s := t.strip(PUNCTUATION)) <= 2 else s for t in low.split()]
        if lexicon.keys().isdisjoint(lw):
            # every word scores int 0: VADER's score_valence then gives exactly this
            return (0.0, 1.0 if lw else 0.0, 0.0, 0.0)
        words = [t if len(s := t.strip(PUNCTUATION)) <= 2 else s for t in text.split()]
    else:
        words = [t if len(s := t.strip(PUNCTUATION)) <= 2 else s for t in text.split()]
        lw = [w.lower() for w in words]
    n = len(words)
    hits = [i for i, w in enumerate(lw) if w in lexicon]
    if not hits:
        return (0.0, 1.0 if n else 0.0, 0.0, 0.0)
    # allcap_differential(words): some but not all words are ALL CAPS
    is_cap_diff = 0 < n - sum(map(str.isupper, words)) < n
    return score_words(words, lw, hits, is_cap_diff, lexicon, text.count("!"), text.count("?"))


def word_sentiment(words: list[str], lw: list[str], i: int, lexicon: dict[str, float], is_cap_diff: bool) -> float:
    """What :func:`score_words` gives lexicon word ``words[i]`` before the "but" rule: 0 for a
    booster or the "kind" of "kind of", else :func:`valence`.

    The rules read at most three words before ``i`` and two after it, and the sentence's
    length only to know whether those exist: ``words`` may be that window of the sentence
    (``is_cap_diff`` is still the whole sentence's). Call :func:`vader_analyzer` first.

    Examples
    --------
    >>> lw = ["not", "very", "good"]
    >>> word_sentiment(lw, lw, 2, vader_analyzer().lexicon, False)
    -1.62282
    """
    item_lower = lw[i]
    if item_lower in _BOOSTERS or (i < len(lw) - 1 and item_lower == "kind" and lw[i + 1] == "of"):
        return 0.0
    return valence(words, lw, i, lexicon, is_cap_diff)


def score_words(
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
        sentiments[i] = valence(words, lw, i, lexicon, is_cap_diff)
    if "but" in lw:
        sentiments = _but_check(words, sentiments)
    return score_valence(sentiments, hits, exclamations, questions)


def but_values(values: list[float], positions: list[int], but_at: int) -> list[float]:
    """What VADER's "but" rule (``_but_check``) makes of a sentence's word sentiments.

    ``values`` are the sentiments at word ``positions`` (ascending; every other word's is 0),
    ``but_at`` the position of the sentence's first "but". ``_but_check`` visits every word
    in order and multiplies the *first* entry equal to the word's sentiment (0.5 before "but",
    1.5 after it): zeros stay zeros and can never equal a non-zero sentiment, and an entry is
    never changed before its own turn, so visiting only the non-zero values gives the same
    list (including its quirk: of two equal sentiments, the first is multiplied twice).

    Examples
    --------
    >>> but_values([1.9, -1.5, 1.9], [0, 2, 4], 3)  # "good x bad but good"
    [0.95, -0.75, 2.8499999999999996]
    """
    out = list(values)
    for v in values:
        if not v:
            continue
        si = out.index(v)  # never past j: out[j] is still v
        if positions[si] < but_at:
            out[si] = out[si] * 0.5
        elif positions[si] > but_at:
            out[si] = out[si] * 1.5
    return out


def score_plain(
    values: list[float], upper: list[int], is_cap_diff: bool, n: int, exclamations: int, questions: int
) -> tuple[float, float, float, float]:
    """VADER's scores of a sentence of ``n`` words, without "but", in which no lexicon word has a
    :func:`context_word` within three words before it or two after it (itself included).

    ``values`` holds the lexicon valences of its lexicon words, in order, ``upper`` whether each
    of those words is ALL CAPS, ``is_cap_diff`` is ``allcap_differential(words)``. No rule fires
    in such a sentence but the ALL-CAPS one, so each word scores what :func:`valence` gives
    (its valence, plus or minus ``C_INCR``); then :func:`score_valence`, same floats.

    Examples
    --------
    >>> lexicon = vader_analyzer().lexicon
    >>> score_plain([lexicon["great"], lexicon["success"]], [0, 0], False, 5, 0, 0) == score_tuple(
    ...     "The team had great success.")
    True
    """
    if is_cap_diff and any(upper):
        values = [(v + _C_INCR if v > 0 else v - _C_INCR) if up else v for v, up in zip(values, upper, strict=True)]
    return _score_values(values, n, exclamations, questions)


def _punctuation_emphasis(exclamations: int, questions: int) -> float:
    # _punctuation_emphasis: _amplify_ep + _amplify_qm
    ep_count = exclamations
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = questions
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def score_valence(
    sentiments: list[float], hits: list[int], exclamations: int, questions: int
) -> tuple[float, float, float, float]:
    """``SentimentIntensityAnalyzer.score_valence(sentiments, text)`` for a non-empty list whose
    non-zero entries all sit at ``hits``, operation by operation (same floats); ``text`` enters
    only through its counts of "!" and "?"."""
    return _score_values([sentiments[i] for i in hits], len(sentiments), exclamations, questions)


def _score_values(values: list[float], n: int, exclamations: int, questions: int) -> tuple[float, float, float, float]:
    """:func:`score_valence` of a list of ``n`` sentiments whose entries not in ``values`` are 0.

    Zeros add nothing to VADER's sums (``x + 0 == x``), so summing ``values`` alone, in order,
    gives the same floats.
    """
    sum_s = float(sum(values))
    punct_emph_amplifier = _punctuation_emphasis(exclamations, questions)
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
    # _sift_sentiment_scores: zeros add nothing to the sums, so only the values are visited
    pos_sum = 0.0
    neg_sum = 0.0
    nonzero = 0
    for sentiment_score in values:
        if sentiment_score > 0:
            pos_sum += float(sentiment_score) + 1
            nonzero += 1
        elif sentiment_score < 0:
            neg_sum += float(sentiment_score) - 1
            nonzero += 1
    neu_count = n - nonzero
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    pos = math.fabs(pos_sum / total)
    neg = math.fabs(neg_sum / total)
    neu = math.fabs(neu_count / total)
    return (round(neg, 3), round(neu, 3), round(pos, 3), round(compound, 4))

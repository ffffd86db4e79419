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

import string
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from mediakit._progress import progress_bar
from mediakit._tokens import words_of
from mediakit.schema import validate_articles
from mediakit.text import sentences_and_quotes, split_sentences

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
_scalar_inc_dec: Callable[[str, float, bool], float]
_allcap_differential: Callable[[list[str]], bool]
_but_check: Callable[[list[str], list[float]], list[float]]


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    """The one analyzer (it reads its lexicon files on construction, so it is made once)."""
    global _NEGATE, _BOOSTERS, _SPECIAL, _N_SCALAR, _C_INCR
    global _scalar_inc_dec, _allcap_differential, _but_check
    from vaderSentiment import vaderSentiment as vader

    _NEGATE = frozenset(vader.NEGATE)
    _BOOSTERS = vader.BOOSTER_DICT
    _SPECIAL = vader.SPECIAL_CASES
    _N_SCALAR = vader.N_SCALAR
    _C_INCR = vader.C_INCR
    _scalar_inc_dec = vader.scalar_inc_dec
    _allcap_differential = vader.allcap_differential
    _but_check = vader.SentimentIntensityAnalyzer._but_check
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


def _negation_check(valence: float, lw: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lw[i - 1]):
            valence = valence * _N_SCALAR
    if start_i == 1:
        if lw[i - 2] == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
            valence = valence * 1.25
        elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
            pass
        elif _negated(lw[i - 2]):
            valence = valence * _N_SCALAR
    if start_i == 2:
        if lw[i - 3] == "never" and (lw[i - 2] == "so" or lw[i - 2] == "this") or (
            lw[i - 1] == "so" or lw[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif lw[i - 3] == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
            pass
        elif _negated(lw[i - 3]):
            valence = valence * _N_SCALAR
    return valence


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
    for start_i in range(3):
        j = i - (start_i + 1)
        if i > start_i and lw[j] not in lexicon:
            s = _scalar_inc_dec(words[j], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lw, start_i, i)
            if start_i == 2:
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
    analyzer = _analyzer()
    lexicon = analyzer.lexicon
    if _emoji_chars().isdisjoint(text):
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
    # SentiText._strip_punc_if_word
    words = [t if len(s := t.strip(_PUNCTUATION)) <= 2 else s for t in text.split()]
    lw = [w.lower() for w in words]
    n = len(words)
    hits = [i for i, w in enumerate(lw) if w in lexicon]
    if not hits:
        # every word scores int 0: VADER's score_valence then gives exactly this
        return {"neg": 0.0, "neu": 1.0 if n else 0.0, "pos": 0.0, "compound": 0.0}
    is_cap_diff = _allcap_differential(words)
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
    return analyzer.score_valence(sentiments, text)


_STRAIGHTEN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _news_scores(sentence: str) -> tuple[float, float, float, float]:
    """VADER scores of a news sentence, as written (see the module docstring)."""
    return _cached_scores(sentence)


@lru_cache(maxsize=1 << 14)
def _cached_scores(sentence: str) -> tuple[float, float, float, float]:
    d = _polarity_scores(sentence)
    return d["neg"], d["neu"], d["pos"], d["compound"]


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
    words = words_of(text)
    n = len(words)
    n_pos = n_neg = 0
    if n:
        valence = _tone_valence()
        for word, k in Counter(words).items():
            v = valence.get(word)
            if v is None:
                v = valence[word] = _word_valence(word)
            if v > 0:
                n_pos += k
            elif v < 0:
                n_neg += k
    if n == 0:
        nan = float("nan")
        return {"tone_positive": nan, "tone_negative": nan, "tone": nan, "tone_polarity": nan}
    p, q = 100.0 * n_pos / n, 100.0 * n_neg / n
    return {"tone_positive": p, "tone_negative": q, "tone": p - q, "tone_polarity": p + q}


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
        for k, (span, share) in enumerate(zip(spans, quoted)):
            sentence = text[span.start : span.end]
            rows_pos.append(pos)
            numbers.append(k)
            starts.append(span.start)
            ends.append(span.end)
            paras.append(span.paragraph)
            texts.append(sentence)
            scores.append(_news_scores(sentence))
            shares.append(share)
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
    nan = float("nan")
    records = []
    cells = articles["text"].tolist()
    for pos, value in enumerate(progress_bar(cells, desc="sentiment", unit="article", enabled=progress)):
        article_id = ids.iloc[pos]
        text = _as_text(value, "text", article_id)
        compounds = np.array(
            [_news_scores(text[s.start : s.end])[3] for s in split_sentences(text)], dtype=float
        )
        n = len(compounds)
        title = _as_text(titles[pos], "title", article_id)
        rec: dict[str, Any] = {"sent_n_sentences": n}
        if n:
            n_pos = int((compounds >= POSITIVE_THRESHOLD).sum())
            n_neg = int((compounds <= NEGATIVE_THRESHOLD).sum())
            rec["sent_mean_compound"] = float(compounds.mean())
            rec["sent_median_compound"] = float(np.median(compounds))
            rec["sent_share_positive"] = n_pos / n
            rec["sent_share_negative"] = n_neg / n
            rec["sent_share_neutral"] = (n - n_pos - n_neg) / n
        else:
            for key in ("sent_mean_compound", "sent_median_compound", "sent_share_positive",
                        "sent_share_negative", "sent_share_neutral"):
                rec[key] = nan
        rec["sent_headline_compound"] = _news_scores(title)[3] if title.strip() else nan
        rec.update(tone(text))
        records.append(rec)
    out = pd.DataFrame.from_records(records, index=articles.index, columns=list(SENTIMENT_COLUMNS[1:]))
    out = out.astype({c: "float64" for c in SENTIMENT_COLUMNS[2:]}).astype({"sent_n_sentences": "int64"})
    out.insert(0, "article_id", ids.array)
    return out

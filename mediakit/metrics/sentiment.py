"""Sentence-level sentiment (VADER) and a GDELT-style tone.

VADER is made for sentences: its compound score saturates towards +/-1 on long texts, so it
is never run on a whole article. Articles are split with :func:`mediakit.text.split_sentences`
and scored sentence by sentence. vaderSentiment itself is wrapped by
:mod:`mediakit.metrics._vader` (the only module importing it, on first use, not at import).

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
repeated work (:mod:`mediakit.metrics._vader`; repeated sentences are cached); its
results are identical to VADER's for every input: the test suite compares both on
every sentence of the PolNeAR dev set and on generated text. Within an article, a
sentence in which none of VADER's rule words (negations, boosters, ...) stands near a
lexicon word, and without "but", skips the rule code: each lexicon word scores its
valence (:func:`~mediakit.metrics._vader.score_plain`, same floats). For the article
table only the compound scores are needed: those of many articles are computed together
(:mod:`mediakit.metrics._vader_articles`), VADER's rules running only for the words within
their reach, on the few words they read. One analyzer is created, on first use, and
supplies the lexicons.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

from .._progress import progress_bar
from .._validation import check_articles, check_bool
from ..schema import with_article_context
from ..text import (
    CHUNK_WORDS,
    CHUNKS,
    ChunkFeatures,
    Span,
    scored_articles,
    sentences_and_quotes,
    split_sentences,
)
from ._vader import SCORE_KEYS, vader_analyzer
from ._vader_articles import article_compounds, articles_compounds, articles_scores
from ._vader_articles import cached_scores as _cached_scores
from ._vader import word_valences as word_valences  # re-exported: mediakit.actors' VADER valences

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

#: Articles whose sentences :func:`sentences` scores together (:func:`~mediakit.metrics._vader_articles.articles_scores`).
_SCORE_BATCH = 200
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

# --------------------------------------------------------------------------- VADER on articles

# Sentences of a whole article are scored from its chunks: see mediakit.metrics._vader_articles.

_STRAIGHTEN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _news_scores(sentence: str) -> tuple[float, float, float, float]:
    """VADER scores of a news sentence, as written (see the module docstring)."""
    return _cached_scores(sentence)


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
        raise TypeError(f"sentence_sentiment(): sentence must be a str, got {type(sentence).__name__}")
    return dict(zip(SCORE_KEYS, _cached_scores(sentence), strict=True))


# --------------------------------------------------------------------------- tone


@lru_cache(maxsize=1)
def _tone_valence() -> dict[str, int]:
    """Memo of word (as written) -> sign of its VADER valence, filled lazily."""
    return {}


def _word_valence(word: str) -> int:
    v = vader_analyzer().lexicon.get(word.lower().replace("\u2019", "'"))
    return 0 if v is None else (1 if v > 0 else -1 if v < 0 else 0)


def _tone_features(first: int, chunks: list[str]) -> np.ndarray:
    """(words, positive words, negative words) of each new chunk (ids ``first``, ``first + 1``, ...).

    :data:`mediakit.text.WORD_RE` never matches across white space, so a text's words
    are its chunks' words: the counts of a text are the sums over its chunks. The words of all
    the new chunks are looked up in one pass and counted per chunk with NumPy.
    """
    valence = _tone_valence()
    per_chunk: list[list[str]] = CHUNK_WORDS.table()[first : first + len(chunks)]  # type: ignore[assignment]
    words = list(chain.from_iterable(per_chunk))
    for word in set(words).difference(valence):
        valence[word] = _word_valence(word)
    n = len(per_chunk)
    lengths = np.fromiter(map(len, per_chunk), dtype=np.int64, count=n)
    signs = np.fromiter(map(valence.__getitem__, words), dtype=np.int64, count=len(words))
    chunk_of = np.repeat(np.arange(n), lengths)
    return np.column_stack((lengths, np.bincount(chunk_of[signs > 0], minlength=n),
                            np.bincount(chunk_of[signs < 0], minlength=n)))


_TONE = ChunkFeatures(CHUNKS, _tone_features, 3, batch=True)
_TONE_KEYS = ("tone_positive", "tone_negative", "tone", "tone_polarity")
_NAN4 = (float("nan"),) * 4


def _tone_values(ids: np.ndarray) -> tuple[float, float, float, float]:
    """:func:`tone` of the text whose chunk ids (``CHUNKS.ids(text.split())``) are ``ids``."""
    return _tone_of_counts(*_TONE.rows(ids).sum(axis=0).tolist())


def _tone_of_counts(n: int, n_pos: int, n_neg: int) -> tuple[float, float, float, float]:
    """:func:`tone` of a text of ``n`` words, ``n_pos`` of them positive and ``n_neg`` negative."""
    if n == 0:
        return _NAN4
    p, q = 100.0 * n_pos / n, 100.0 * n_neg / n
    return (p, q, p - q, p + q)


def tone(text: str) -> dict[str, float]:
    """GDELT-style tone of a text from VADER's lexicon.

    Words are counted as in :func:`mediakit.text.count_words`; a word counts
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
        raise TypeError(f"tone(): text must be a str, got {type(text).__name__}")
    return dict(zip(_TONE_KEYS, _tone_values(CHUNKS.ids(text.split())), strict=True))


# --------------------------------------------------------------------------- tables


def _check(articles: Any, progress: Any, func: str) -> None:
    check_articles(articles, func=func)
    check_bool(progress, name="progress", func=func, allow_none=True)


def _as_text(value: object, what: str, article_id: object) -> str:
    """A cell of ``text`` or ``title`` as a str; missing values (None, NaN, NA) become ''."""
    if isinstance(value, str):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    raise TypeError(f"{what} of article {article_id!r} must be a str, got {type(value).__name__}")


def sentences(articles: pd.DataFrame, *, progress: bool | None = None,
              languages: str | Sequence[str] | None = "en") -> pd.DataFrame:
    """Return one row per sentence of each article's ``text``, with VADER scores.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table with (at least) ``article_id`` and ``text``; ``language`` when present
        (else detected, see :func:`mediakit.text.article_languages`). Not modified.
    progress : bool, optional
        Show a progress bar over the articles (tqdm; widgets in Jupyter); default: in terminals and
        notebooks, not under CI.
    languages : str, sequence of str or None, default "en"
        VADER is English: articles whose language is known and not among these have no rows
        (one :class:`mediakit.text.LeftOutWarning` says how many). None: every article.

    Returns
    -------
    pandas.DataFrame
        One row per sentence of an article's ``text``: where it is, what it says and its
        VADER scores; key columns ``article_id`` and ``sentence``. Columns
        :data:`SENTENCE_COLUMNS`, with ``outlet`` and ``published`` after ``article_id``
        when ``articles`` has them (copied from the sentence's article, same dtype):
        ``article_id``; ``sentence`` (number within the article, 0-based); ``start``, ``end`` (offsets into ``text``,
        end-exclusive); ``paragraph`` (0-based); ``text`` (the sentence);
        ``neg``, ``neu``, ``pos``, ``compound`` (exactly VADER on the sentence
        as written, see the module docstring); ``in_quote`` (share of
        the sentence's characters inside quotation marks, 0 to 1, see
        :func:`mediakit.text.quote_mask`). Ordered by input row, then sentence;
        a fresh RangeIndex. Articles with empty or missing text, or left out for their
        language, have no rows.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a1"],
    ...                      "text": ['"It is a disaster," Sen. Smith said. Talks resume Monday.']})
    >>> sentences(arts)[["sentence", "paragraph", "compound", "in_quote"]]
       sentence  paragraph  compound  in_quote
    0         0          0   -0.6249  0.527778
    1         1          0    0.0000  0.000000
    >>> list(sentences(arts.assign(outlet="Daily A")).columns[:3])
    ['article_id', 'outlet', 'sentence']
    """
    _check(articles, progress, "sentences")
    keep = scored_articles(articles, languages, func="sentences", consequence="they have no rows")
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
    batch: tuple[list[str], list[list[Span]]] = ([], [])  # scored together (articles_scores), a few hundred at a time
    for pos, value in enumerate(progress_bar(cells, desc="sentences", unit="article", enabled=progress)):
        text = _as_text(value, "text", ids.iloc[pos])
        if keep is not None and not keep[pos]:
            continue
        spans, quoted = sentences_and_quotes(text)
        batch[0].append(text)
        batch[1].append(spans)
        if len(batch[0]) == _SCORE_BATCH:
            scores.extend(articles_scores(*batch))
            batch = ([], [])
        shares.extend(quoted)
        for k, span in enumerate(spans):
            rows_pos.append(pos)
            numbers.append(k)
            starts.append(span.start)
            ends.append(span.end)
            paras.append(span.paragraph)
            texts.append(text[span.start : span.end])
    scores.extend(articles_scores(*batch))
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
    return with_article_context(out, articles, rows_pos)


def sentiment(articles: pd.DataFrame, *, progress: bool | None = None,
              languages: str | Sequence[str] | None = "en") -> pd.DataFrame:
    """Return one row per article: sentence-level VADER summaries and GDELT-style tone.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table with ``article_id`` and ``text``; ``title`` and ``language`` are used
        when present. Not modified.
    progress : bool, optional
        Show a progress bar over the articles (tqdm; widgets in Jupyter); default: in terminals and
        notebooks, not under CI.
    languages : str, sequence of str or None, default "en"
        VADER is English: an article whose language is known and not among these keeps its
        row, with every value missing (one :class:`mediakit.text.LeftOutWarning` says how
        many). None: every article is scored.

    Returns
    -------
    pandas.DataFrame
        One row per article (same index as ``articles``): its sentence-level VADER
        summaries and tone; key column ``article_id``. Columns :data:`SENTIMENT_COLUMNS`:

        - ``article_id``
        - ``sent_n_sentences`` (Int64): sentences in ``text`` (:func:`mediakit.text.split_sentences`)
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
    _check(articles, progress, "sentiment")
    keep = scored_articles(articles, languages, func="sentiment", consequence="their sentiment is missing")
    ids = articles["article_id"]
    titles = articles["title"].tolist() if "title" in articles.columns else [None] * len(articles)
    cells = articles["text"].tolist()
    rows = []
    for pos, value in enumerate(progress_bar(cells, desc="sentiment", unit="article", enabled=progress)):
        article_id = ids.iloc[pos]
        text = _as_text(value, "text", article_id)
        title = _as_text(titles[pos], "title", article_id)
        rows.append(article_values(text, title) if keep is None or keep[pos] else _LEFT_OUT_ROW)
    return sentiment_frame(rows, articles.index, ids.array)


def articles_values(texts: list[str], titles: list[str], ids: list[np.ndarray],
                    compounds: list[np.ndarray] | None = None) -> list[tuple[float, ...]]:
    """:func:`article_values` of several articles (``ids[r]``: ``CHUNKS.ids(texts[r].split())``),
    their sentences scored together (:func:`~mediakit.metrics._vader_articles.articles_compounds`), or
    read from ``compounds`` (each article's sentence compounds, in order: the :func:`sentences` table's).

    Examples
    --------
    >>> texts = ["A great day. It rained.", "Bad news."]
    >>> articles_values(texts, ["", ""], [CHUNKS.ids(t.split()) for t in texts])[0][:2]
    (2, 0.31245)
    """
    if compounds is None:
        compounds = articles_compounds(texts, [split_sentences(t) for t in texts], ids)
    tones = [_tone_of_counts(*counts) for counts in _TONE.sums(ids).tolist()]
    return [article_values(t, h, x, c, tv) for t, h, x, c, tv in zip(texts, titles, ids, compounds, tones, strict=True)]


def article_values(text: str, title: str, ids: np.ndarray | None = None, compounds: np.ndarray | None = None,
                   tone_values: tuple[float, float, float, float] | None = None) -> tuple[float, ...]:
    """The values of one row of :func:`sentiment` (without ``article_id``), in column order.

    ``text`` and ``title`` are strings (missing ones already made ``""``); ``ids``:
    ``CHUNKS.ids(text.split())``, ``compounds`` (the compound score of each sentence) and
    ``tone_values`` (:func:`tone`'s), if the caller has them already. No input checks.

    Examples
    --------
    >>> article_values("A great day. It rained.", "")[:2]
    (2, 0.31245)
    """
    if ids is None:
        ids = CHUNKS.ids(text.split())
    if compounds is None:
        compounds = article_compounds(text, split_sentences(text), ids)
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
    if tone_values is None:
        tone_values = _tone_values(ids)
    return (*stats, headline, *tone_values)


#: The row of an article left out for its language: every value missing.
_LEFT_OUT_ROW = (float("nan"),) * (len(SENTIMENT_COLUMNS) - 1)


def sentiment_frame(rows: list[tuple[float, ...]], index: pd.Index, article_id: Any) -> pd.DataFrame:
    """The frame of :func:`sentiment` from :func:`article_values` rows, ``index`` and ids.

    ``sent_n_sentences`` is ``Int64``: NA where a row's count is NaN (an article left out).
    """
    values = np.array(rows, dtype="float64").reshape(len(rows), len(SENTIMENT_COLUMNS) - 1)
    out = pd.DataFrame(values, index=index, columns=list(SENTIMENT_COLUMNS[1:]))
    n = values[:, 0]
    missing = np.isnan(n)
    out["sent_n_sentences"] = pd.arrays.IntegerArray(np.where(missing, 0, n).astype("int64"), missing)
    out.insert(0, "article_id", article_id)
    return out

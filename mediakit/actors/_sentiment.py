"""Sentiment toward each actor: per sentence, per article and per outlet."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from .._validation import check_articles, check_columns, check_frame
from ..metrics.analyze import n_workers
from ._discovery import resolve_actors
from ._label_jobs import use_workers
from ._memo import corpus_scope
from ._parts import PARTS, check_parts, empty_frame, group_keys, outlets_of, parts_of
from ._sentiment_jobs import parallel_sentence_rows
from ._sentiment_rows import sentence_rows
from ._texts import ArticleTexts, scored_texts, texts_frame
from ._target_model import check_method

__all__ = ["SENTENCE_COLUMNS", "SENTIMENT_COLUMNS", "SENTIMENT_SUMMARY_COLUMNS", "actor_sentences",
           "actor_sentiment", "actor_sentiment_summary"]

#: Columns of :func:`actor_sentences`, in order.
SENTENCE_COLUMNS = (
    "article_id", "outlet", "part", "caption", "actor", "sentence_start", "sentence_end",
    "sentence", "n_mentions", "score", "polarity",
)
#: Columns of :func:`actor_sentiment`, in order.
SENTIMENT_COLUMNS = (
    "article_id", "outlet", "actor", "n_mentions", "n_sentences", "n_negative", "n_positive",
    "mean_score", "share_negative", "share_positive",
)
#: Columns of :func:`actor_sentiment_summary` (after the grouping column(s)).
SENTIMENT_SUMMARY_COLUMNS = (
    "actor", "n_articles", "n_mentions", "n_sentences", "mean_score", "sentence_mean_score",
    "share_negative", "share_positive",
)

_SENTENCE_DTYPES = {"caption": "Int64", "sentence_start": "int64", "sentence_end": "int64", "n_mentions": "int64",
                    "score": "float64", "polarity": "int64"}
_SENTIMENT_DTYPES = {"n_mentions": "int64", "n_sentences": "int64", "n_negative": "int64", "n_positive": "int64",
                     "mean_score": "float64", "share_negative": "float64", "share_positive": "float64"}
_SUMMARY_DTYPES = {"n_articles": "int64", "n_mentions": "int64", "n_sentences": "int64", "mean_score": "float64",
                   "sentence_mean_score": "float64", "share_negative": "float64", "share_positive": "float64"}
_SUMMARY_NEEDS = ("actor", "n_mentions", "n_sentences", "n_negative", "n_positive", "mean_score")

def _sentence_table(articles: pd.DataFrame, actors: Any, *, method: str, min_mentions: int,
                    parts: Sequence[str], func: str, languages: Any, n_jobs: int = 1,
                    texts: ArticleTexts | None = None) -> pd.DataFrame:
    """:func:`actor_sentences`, with the checks naming the public function ``func``."""
    check_articles(articles, func=func, required=("article_id",) if texts is not None else ("article_id", "text"))
    check_method(method, func=func)
    parts = check_parts(parts, func=func)
    n_workers(n_jobs, func=func)  # checked before any work
    articles, source = scored_texts(articles, texts, languages, func=func)
    ids = articles["article_id"].tolist()
    outlets = outlets_of(articles)
    workers = use_workers(n_jobs, len(articles))
    rows: list[tuple[Any, ...]] = []
    if workers > 1:  # each worker makes the parts of its chunk
        rows = parallel_sentence_rows(source, parts, ids, outlets, actors, workers=workers,
                                      min_mentions=min_mentions, method=method, func=func)
    else:
        all_parts = parts_of(texts_frame(source), parts)
        with corpus_scope():  # each text's scans are made once for the mentions and the sentences
            _, mentions, _ = resolve_actors(actors, min_mentions, all_parts, func=func)
            for i, ms in enumerate(mentions):
                rows.extend(sentence_rows(ids[i], outlets[i], ms, method))
    if not rows:
        return empty_frame(SENTENCE_COLUMNS, _SENTENCE_DTYPES)
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS)).astype(_SENTENCE_DTYPES)


def actor_sentences(articles: pd.DataFrame, actors: Sequence[str] | Mapping[str, Iterable[str]] | None = None, *,
                    method: str = "model", min_mentions: int = 3,
                    parts: Sequence[str] = PARTS, languages: str | Sequence[str] | None = "en",
                    n_jobs: int = 1) -> pd.DataFrame:
    """Return one row per sentence and actor it mentions, with the sentiment toward that actor.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table (``article_id``, ``text``; ``title``, ``captions``, ``outlet``
        when present). Not modified.
    actors : list of str, dict or None, default None
        As in :func:`actor_labels`.
    method : {'model', 'target', 'sentence'}, default 'model'
        See :func:`target_sentiment`. With 'model' or 'target' a sentence that mentions
        the actor several times scores the mean over its mentions.
    min_mentions : int, default 3
        As in :func:`actor_labels`.
    parts : sequence of {'title', 'text', 'captions'}
        Parts searched (a headline and each caption are split into sentences too).
    languages : str, sequence of str or None, default "en"
        VADER and the name rules are English: articles whose language is known and not among
        these have no rows (see :func:`discover_actors`). None: every article.
    n_jobs : int, default 1
        Processes (-1: every core) for a corpus of at least 2,000 articles (a smaller one is read in
        this process), each reading a chunk of the articles, as in :func:`actor_labels`. The same
        table whatever ``n_jobs``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SENTENCE_COLUMNS`: ``article_id``, ``outlet``, ``part``,
        ``caption``, ``actor``, ``sentence_start``/``sentence_end`` (offsets into the
        part), ``sentence``, ``n_mentions`` (of the actor in the sentence), ``score``
        (in [-1, 1]) and ``polarity`` (-1, 0, 1).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "Critics called Smith corrupt. Jones praised the deal. Smith won."]})
    >>> actor_sentences(arts, ["Ann Smith", "Bo Jones"])[["actor", "sentence", "score", "polarity"]]
           actor                       sentence   score  polarity
    0  Ann Smith  Critics called Smith corrupt. -0.8660        -1
    1   Bo Jones        Jones praised the deal.  0.5589         1
    2  Ann Smith                     Smith won.  0.7200         1
    """
    return _sentence_table(articles, actors, method=method, min_mentions=min_mentions, parts=parts,
                           func="actor_sentences", languages=languages, n_jobs=n_jobs)


def actor_sentiment(articles: pd.DataFrame, actors: Sequence[str] | Mapping[str, Iterable[str]] | None = None, *,
                    method: str = "model", min_mentions: int = 3,
                    parts: Sequence[str] = PARTS, languages: str | Sequence[str] | None = "en",
                    n_jobs: int = 1, texts: ArticleTexts | None = None) -> pd.DataFrame:
    """Return the sentiment toward each actor in each article, from the sentences that mention them.

    Only sentences that mention the actor count, never the whole article; with
    ``method='model'`` (or 'target') each of those sentences is scored toward the mention
    (see :func:`target_sentiment`), so a sentence praising someone else next to a neutral
    mention of the actor scores near 0.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table. Not modified.
    actors : list of str, dict or None, default None
        As in :func:`actor_labels`.
    method : {'model', 'target', 'sentence'}, default 'model'
        The trained target-aware model, the rule-based target-aware score, or
        whole-sentence VADER (the baseline); see :func:`target_sentiment`.
    min_mentions : int, default 3
        As in :func:`actor_labels`.
    parts : sequence of {'title', 'text', 'captions'}
        Parts searched.
    languages : str, sequence of str or None, default "en"
        As in :func:`actor_sentences`.
    n_jobs : int, default 1
        As in :func:`actor_sentences`.
    texts : ArticleTexts, optional
        The text columns held elsewhere, row for row with ``articles``, as in :func:`actor_labels`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SENTIMENT_COLUMNS`: ``article_id``, ``outlet``, ``actor``,
        ``n_mentions``, ``n_sentences`` (sentences mentioning the actor), ``n_negative``,
        ``n_positive`` (of those sentences), ``mean_score`` (mean sentence score),
        ``share_negative``, ``share_positive``. One row per article and actor it
        mentions, in input order, then actor.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [
    ...     "Critics called Smith corrupt. Jones praised the deal. Smith won."]})
    >>> actor_sentiment(arts, ["Ann Smith", "Bo Jones"])[
    ...     ["actor", "n_sentences", "mean_score", "share_negative", "share_positive"]]
           actor  n_sentences  mean_score  share_negative  share_positive
    0  Ann Smith            2     -0.0730             0.5             0.5
    1   Bo Jones            1      0.5589             0.0             1.0
    """
    sents = _sentence_table(articles, actors, method=method, min_mentions=min_mentions, parts=parts,
                            func="actor_sentiment", languages=languages, n_jobs=n_jobs, texts=texts)
    columns = list(SENTIMENT_COLUMNS)
    if sents.empty:
        return empty_frame(columns, _SENTIMENT_DTYPES)
    order = {aid: k for k, aid in enumerate(articles["article_id"].tolist())}
    df = sents.assign(_neg=(sents["polarity"] < 0).astype(int), _pos=(sents["polarity"] > 0).astype(int),
                      _order=sents["article_id"].map(order))
    g = df.groupby(["_order", "actor"], sort=True, dropna=False)
    out = pd.DataFrame({
        "article_id": g["article_id"].first(),
        "outlet": g["outlet"].first(),
        "n_mentions": g["n_mentions"].sum(),
        "n_sentences": g.size(),
        "n_negative": g["_neg"].sum(),
        "n_positive": g["_pos"].sum(),
        "mean_score": g["score"].mean(),
    }).reset_index()
    out["share_negative"] = out["n_negative"] / out["n_sentences"]
    out["share_positive"] = out["n_positive"] / out["n_sentences"]
    return out[columns].astype(_SENTIMENT_DTYPES).reset_index(drop=True)


def actor_sentiment_summary(sentiment: pd.DataFrame, by: str | Sequence[str] | None = "outlet") -> pd.DataFrame:
    """Aggregate :func:`actor_sentiment` per group (outlet) and actor.

    Parameters
    ----------
    sentiment : pandas.DataFrame
        Output of :func:`actor_sentiment`. Not modified.
    by : str, list of str or None, default 'outlet'
        Grouping column(s); None pools everything. Missing values form their own group.

    Returns
    -------
    pandas.DataFrame
        The grouping column(s), then :data:`SENTIMENT_SUMMARY_COLUMNS`: ``actor``,
        ``n_articles``, ``n_mentions``, ``n_sentences``, ``mean_score`` (mean of the
        articles' mean scores: each article counts once), ``sentence_mean_score``
        (mean over all sentences: long articles count more), ``share_negative`` and
        ``share_positive`` (of all the group's sentences about the actor).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"], "text": [
    ...     "Critics called Smith corrupt. Smith won.", "Smith praised the deal."]})
    >>> s = actor_sentiment(arts, ["Ann Smith"])
    >>> actor_sentiment_summary(s)[["outlet", "n_articles", "n_sentences", "share_positive"]]
      outlet  n_articles  n_sentences  share_positive
    0      X           2            3        0.666667
    """
    func = "actor_sentiment_summary"
    check_frame(sentiment, func=func, name="sentiment")
    check_columns(sentiment, _SUMMARY_NEEDS, func=func, name="sentiment", hint="pass the output of actor_sentiment")
    keys = group_keys(sentiment, by, func=func, name="sentiment")
    columns = keys + list(SENTIMENT_SUMMARY_COLUMNS)
    if sentiment.empty:
        return empty_frame(columns, _SUMMARY_DTYPES)
    df = sentiment.assign(_wsum=sentiment["mean_score"] * sentiment["n_sentences"])
    g = df.groupby(keys + ["actor"], dropna=False, sort=True)
    out = pd.DataFrame({
        "n_articles": g.size(),
        "n_mentions": g["n_mentions"].sum(),
        "n_sentences": g["n_sentences"].sum(),
        "mean_score": g["mean_score"].mean(),
        "_wsum": g["_wsum"].sum(),
        "_neg": g["n_negative"].sum(),
        "_pos": g["n_positive"].sum(),
    }).reset_index()
    out["sentence_mean_score"] = out["_wsum"] / out["n_sentences"]
    out["share_negative"] = out["_neg"] / out["n_sentences"]
    out["share_positive"] = out["_pos"] / out["n_sentences"]
    return out[columns].astype(_SUMMARY_DTYPES).reset_index(drop=True)

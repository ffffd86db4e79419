"""``analyze``: every article-level framing metric in one call, on one core or many."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pandas as pd

from .._progress import progress_bar
from .._tokens import CHUNKS, chunk_word_counts
from ..schema import validate_articles

__all__ = ["analyze", "FAMILIES", "METADATA_COLUMNS"]

#: Columns copied from the articles table, when present, so that metrics can be grouped.
METADATA_COLUMNS = ("article_id", "outlet", "published")
_CHUNK = 200


def _clean_text(articles: pd.DataFrame) -> pd.DataFrame:
    """The columns the metrics read, with missing or non-string values made empty strings."""
    out = pd.DataFrame(index=articles.index)
    out["article_id"] = articles["article_id"].array
    for col in ("title", "text"):
        if col in articles.columns:
            out[col] = [v if isinstance(v, str) else "" for v in articles[col].tolist()]
        else:
            out[col] = ""
    if "captions" in articles.columns:
        out["captions"] = [list(v) if isinstance(v, (list, tuple)) else [] for v in articles["captions"].tolist()]
    return out


#: The metric families of :func:`analyze`, in column order.
FAMILIES = ("readability", "sentiment", "word_choice", "attribution")


def _analyze_chunk(chunk: pd.DataFrame, lexicon: Any, families: tuple[str, ...]) -> pd.DataFrame:
    """The chosen metric families on one chunk of cleaned articles (runs in worker processes too).

    Each text is split into whitespace-separated chunks once; the ids of those chunks in the
    shared vocabulary (:data:`mediakit._tokens.CHUNKS`) give the word count, readability's
    counts and tone, each computed once per distinct chunk.
    """
    from .word_choice import _metric_columns

    texts: list[str] = chunk["text"].tolist()  # _clean_text: always strings
    chunk_ids = [CHUNKS.ids(t.split()) for t in texts]
    words = [chunk_word_counts(ids) for ids in chunk_ids]
    parts: list[pd.DataFrame | pd.Series] = [pd.Series(words, index=chunk.index, name="words", dtype="int64")]
    if "readability" in families:
        from .readability import READABILITY_COLUMNS, _value_array

        values = _value_array(texts, "nan", chunk_ids)
        parts.append(pd.DataFrame(values, index=chunk.index, columns=list(READABILITY_COLUMNS)))
    if "sentiment" in families:
        from .sentiment import _article_values, _sentiment_frame

        rows = [_article_values(t, h, ids) for t, h, ids in zip(texts, chunk["title"].tolist(), chunk_ids)]
        parts.append(_sentiment_frame(rows, chunk.index, chunk["article_id"].array).drop(columns="article_id"))
    if "word_choice" in families:
        columns = _metric_columns(chunk, lexicon, None, words)  # arrays: no 1,000-column frame to copy
        del columns["article_id"], columns["wc_words"]
        parts.append(pd.DataFrame(columns, index=chunk.index))
    if "attribution" in families:
        from .attribution import attribution_metrics

        parts.append(attribution_metrics(chunk).drop(columns="article_id"))
    return pd.concat(parts, axis=1)


def _check_selection(value: Any, allowed: tuple[str, ...], name: str) -> tuple[str, ...]:
    """A non-empty choice among ``allowed`` (one string or several), in the order of ``allowed``."""
    if isinstance(value, str):
        value = (value,)
    chosen = tuple(value)
    unknown = [v for v in chosen if v not in allowed]
    if unknown or not chosen:
        raise ValueError(f"{name} must be a non-empty selection of {list(allowed)}, got {list(chosen)}")
    return tuple(v for v in allowed if v in chosen)


def _check_families(families: Any) -> tuple[str, ...]:
    return _check_selection(families, FAMILIES, "families")


def _n_workers(n_jobs: int) -> int:
    if not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1 (all cores), got {n_jobs!r}")
    return (os.cpu_count() or 1) if n_jobs == -1 else n_jobs


def analyze(articles: pd.DataFrame, *, lexicon: Any = None, n_jobs: int = 1,
            families: Sequence[str] = FAMILIES, progress: bool | None = None) -> pd.DataFrame:
    """Compute every article-level framing metric: one row per article.

    Parameters
    ----------
    articles : DataFrame
        Articles table (see :func:`mediakit.load_articles`): needs ``article_id`` and
        ``text``; ``title`` and ``captions`` are used when present. Not modified.
    lexicon : path, dict, DataFrame or Lexicon, optional
        Word-choice lexicon; default: the shipped one (see :func:`mediakit.load_lexicon`).
    n_jobs : int
        Processes to use; ``-1`` for every core. Results are identical and in the same
        order whatever the number.
    families : sequence of str
        Metric families to compute (default: all of :data:`FAMILIES`: readability,
        sentiment, word_choice, attribution); ``words`` is always included.
    progress : bool, optional
        Progress bar over chunks of articles (default: in terminals and notebooks).

    Returns
    -------
    DataFrame
        Same index as ``articles``. ``article_id`` (and ``outlet``, ``published`` when
        present), ``words``, then metric families by prefix: ``read_`` (readability),
        ``sent_`` and ``tone`` (sentiment), ``wc_`` (word choice and marker rates),
        ``attr_`` (source attribution aggregates).
        Every column is documented in ``docs/metrics.md``. Text that is empty or
        missing gives NaN where a metric is undefined, never an exception.

    Examples
    --------
    >>> import pandas as pd, mediakit
    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Regime falls"],
    ...                      "text": ["The regime fell. Rebels entered the capital."]})
    >>> m = mediakit.analyze(arts)
    >>> int(m.loc[0, "words"]), int(m.loc[0, "sent_n_sentences"])
    (7, 2)
    """
    from .._dask import dask_apply, is_dask_frame

    if is_dask_frame(articles):  # lazy, partition by partition (mediakit/_dask.py)
        return dask_apply("analyze", articles, lexicon=lexicon, families=families)
    validate_articles(articles)
    workers = _n_workers(n_jobs)
    chosen = _check_families(families)
    clean = _clean_text(articles)
    if "captions" not in clean.columns:
        clean["captions"] = [[] for _ in range(len(clean))]
    chunks = [clean.iloc[i:i + _CHUNK] for i in range(0, len(clean), _CHUNK)] or [clean]
    results: list[pd.DataFrame] = []
    if workers == 1 or len(chunks) == 1:
        for chunk in progress_bar(chunks, desc="Analysing", unit="chunk", enabled=progress, min_items=2):
            results.append(_analyze_chunk(chunk, lexicon, chosen))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_analyze_chunk, c, lexicon, chosen) for c in chunks]
            try:
                for f in progress_bar(futures, desc="Analysing", unit="chunk", enabled=progress, min_items=2):
                    results.append(f.result())
            except BaseException:
                for f in futures:
                    f.cancel()
                raise
    metrics = pd.concat(results) if results else pd.DataFrame(index=articles.index)
    meta = pd.DataFrame(index=articles.index)
    for col in METADATA_COLUMNS:
        if col in articles.columns:
            meta[col] = articles[col].array
    return pd.concat([meta, metrics], axis=1)

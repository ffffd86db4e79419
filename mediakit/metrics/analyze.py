"""``analyze``: every article-level framing metric in one call, on one core or many.

pandas only: the Dask version is ``mediakit.dask.analyze`` (the execution layer calls this
module, never the other way round).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pandas as pd

from .._progress import progress_bar
from .._validation import check_articles, check_bool, check_option
from ..text import CHUNKS, chunk_word_counts
from .attribution import attribution_metrics
from .readability import READABILITY_COLUMNS, value_array
from .sentiment import article_values, sentiment_frame
from .word_choice import metric_columns

__all__ = ["analyze", "FAMILIES", "METADATA_COLUMNS"]

#: Columns copied from the articles table, when present, so that metrics can be grouped.
METADATA_COLUMNS = ("article_id", "outlet", "published")
#: The metric families of :func:`analyze`, in column order.
FAMILIES = ("readability", "sentiment", "word_choice", "attribution")
_CHUNK = 200  # articles per chunk (the unit of work of a process and of the progress bar)


# --------------------------------------------------------------------------- option checks


def check_selection(value: Any, allowed: Collection[str], name: str, *, func: str = "analyze") -> tuple[str, ...]:
    """A non-empty choice among ``allowed`` (one string or several), in the order of ``allowed``.

    Raises
    ------
    ValueError
        If the choice is empty or names something not in ``allowed`` (the message lists them).

    Examples
    --------
    >>> check_selection(["word_choice", "readability"], FAMILIES, "families")
    ('readability', 'word_choice')
    >>> check_selection("sentiment", FAMILIES, "families")
    ('sentiment',)
    """
    if isinstance(value, str):
        value = (value,)
    chosen = tuple(value)
    if not chosen:
        raise ValueError(f"{func}(): {name} must be a non-empty selection of {', '.join(map(repr, allowed))}")
    for v in chosen:
        check_option(v, allowed, name=name, func=func)
    return tuple(v for v in allowed if v in chosen)


def check_families(families: Any, *, func: str = "analyze") -> tuple[str, ...]:
    """The chosen metric families (see :data:`FAMILIES`), checked, in column order.

    Examples
    --------
    >>> check_families(("attribution", "readability"))
    ('readability', 'attribution')
    """
    return check_selection(families, FAMILIES, "families", func=func)


def n_workers(n_jobs: int, *, func: str = "analyze") -> int:
    """The number of processes ``n_jobs`` asks for: itself, or every core for ``-1``.

    Raises
    ------
    ValueError
        Unless ``n_jobs`` is a positive integer or -1.

    Examples
    --------
    >>> n_workers(2)
    2
    """
    if not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(
            f"{func}(): n_jobs must be a positive number of processes or -1 (all cores), got {n_jobs!r}"
        )
    return (os.cpu_count() or 1) if n_jobs == -1 else n_jobs


# --------------------------------------------------------------------------- the metrics of a chunk


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


def _analyze_chunk(chunk: pd.DataFrame, lexicon: Any, families: tuple[str, ...]) -> pd.DataFrame:
    """The chosen metric families on one chunk of cleaned articles (runs in worker processes too).

    Each text is split into whitespace-separated chunks once; the ids of those chunks in the
    shared vocabulary (:data:`mediakit.text.CHUNKS`) give the word count, readability's
    counts and tone, each computed once per distinct chunk.
    """
    texts: list[str] = chunk["text"].tolist()  # _clean_text: always strings
    chunk_ids = [CHUNKS.ids(t.split()) for t in texts]
    words = [chunk_word_counts(ids) for ids in chunk_ids]
    parts: list[pd.DataFrame | pd.Series] = [pd.Series(words, index=chunk.index, name="words", dtype="int64")]
    if "readability" in families:
        values = value_array(texts, "nan", chunk_ids)
        parts.append(pd.DataFrame(values, index=chunk.index, columns=list(READABILITY_COLUMNS)))
    if "sentiment" in families:
        titles = chunk["title"].tolist()
        rows = [article_values(t, h, ids) for t, h, ids in zip(texts, titles, chunk_ids, strict=True)]
        parts.append(sentiment_frame(rows, chunk.index, chunk["article_id"].array).drop(columns="article_id"))
    if "word_choice" in families:
        columns = metric_columns(chunk, lexicon, None, words)  # arrays: no 1,000-column frame to copy
        del columns["article_id"], columns["wc_words"]
        parts.append(pd.DataFrame(columns, index=chunk.index))
    if "attribution" in families:
        parts.append(attribution_metrics(chunk, progress=False).drop(columns="article_id"))
    return pd.concat(parts, axis=1)


def _run_chunks(chunks: list[pd.DataFrame], lexicon: Any, families: tuple[str, ...], workers: int,
                progress: bool | None) -> list[pd.DataFrame]:
    """:func:`_analyze_chunk` of each chunk, in order, in this process or in ``workers`` processes."""
    results: list[pd.DataFrame] = []
    if workers == 1 or len(chunks) == 1:
        for chunk in progress_bar(chunks, desc="Analysing", unit="chunk", enabled=progress, min_items=2):
            results.append(_analyze_chunk(chunk, lexicon, families))
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_analyze_chunk, c, lexicon, families) for c in chunks]
        try:
            for f in progress_bar(futures, desc="Analysing", unit="chunk", enabled=progress, min_items=2):
                results.append(f.result())
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    return results


# --------------------------------------------------------------------------- analyze


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
        One row per article (same index as ``articles``): every metric of the chosen
        families; key column ``article_id``. Columns ``article_id`` (and ``outlet``,
        ``published`` when present), ``words``, then metric families by prefix: ``read_`` (readability),
        ``sent_`` and ``tone`` (sentiment), ``wc_`` (word choice and marker rates),
        ``attr_`` (source attribution aggregates).
        Every column is documented in ``docs/metrics.md``. Text that is empty or
        missing gives NaN where a metric is undefined, never an exception.

    Raises
    ------
    TypeError
        If ``articles`` is not a pandas DataFrame (for a Dask DataFrame use
        ``mediakit.dask.analyze``) or ``progress`` is not a bool or None.
    MissingColumnError
        If ``article_id`` or ``text`` is missing (a :class:`ValueError`).
    ValueError
        If ``article_id`` repeats, ``n_jobs`` is not a positive integer or -1, or
        ``families`` is empty or names an unknown family.

    Examples
    --------
    >>> import pandas as pd, mediakit
    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Regime falls"],
    ...                      "text": ["The regime fell. Rebels entered the capital."]})
    >>> m = mediakit.analyze(arts)
    >>> int(m.loc[0, "words"]), int(m.loc[0, "sent_n_sentences"])
    (7, 2)
    """
    workers, chosen = _check_analyze_options(articles, n_jobs, families, progress)
    clean = _clean_text(articles)
    if "captions" not in clean.columns:
        clean["captions"] = [[] for _ in range(len(clean))]
    chunks = [clean.iloc[i:i + _CHUNK] for i in range(0, len(clean), _CHUNK)] or [clean]
    results = _run_chunks(chunks, lexicon, chosen, workers, progress)
    metrics = pd.concat(results) if results else pd.DataFrame(index=articles.index)
    return pd.concat([_metadata(articles), metrics], axis=1)


def _check_analyze_options(articles: Any, n_jobs: Any, families: Any, progress: Any) -> tuple[int, tuple[str, ...]]:
    """Check :func:`analyze`'s input; return the number of processes and the chosen families."""
    check_articles(articles, func="analyze")
    workers = n_workers(n_jobs)
    chosen = check_families(families)
    check_bool(progress, name="progress", func="analyze", allow_none=True)
    return workers, chosen


def _metadata(articles: pd.DataFrame) -> pd.DataFrame:
    """The :data:`METADATA_COLUMNS` that ``articles`` has, by position (no index alignment)."""
    meta = pd.DataFrame(index=articles.index)
    for col in METADATA_COLUMNS:
        if col in articles.columns:
            meta[col] = articles[col].array
    return meta

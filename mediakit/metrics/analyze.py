"""``analyze``: every article-level framing metric in one call, on one core or many.

pandas only: the Dask version is ``mediakit.dask.analyze`` (the execution layer calls this
module, never the other way round).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np
import pandas as pd

from .._progress import progress_bar
from .._validation import article_rows, check_articles, check_bool, check_option
from ..lexicon import prepare
from ..text import (article_languages, check_languages, chunk_word_counts, left_out_note, scored_mask,
                    consistent_chunk_ids, warn_left_out)
from .attribution import attribution_metrics, cue_state, start_worker
from .loaded import loaded_rates
from .readability import READABILITY_COLUMNS, value_array
from .sentiment import articles_values, sentiment_frame
from .word_choice import metric_columns

__all__ = ["analyze", "FAMILIES", "METADATA_COLUMNS", "LANGUAGE_FREE_COLUMNS", "HEADLINE_COLUMNS",
           "left_out_metrics", "left_out_summary"]

#: Columns copied from the articles table, when present, so that metrics can be grouped.
METADATA_COLUMNS = ("article_id", "outlet", "published")
#: Metric columns that do not depend on the language (every other metric is English-only).
LANGUAGE_FREE_COLUMNS = ("words",)
#: Metric columns read from the headline alone (kept for an article with an empty body); and every
#: ``wc_*_title_n`` column.
HEADLINE_COLUMNS = ("sent_headline_compound",)
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
    if "byline" in articles.columns:  # the writer of a text's own 'I' (attribution roles)
        out["byline"] = [v if isinstance(v, str) else None for v in articles["byline"].tolist()]
    return out


def _analyze_chunk(chunk: pd.DataFrame, lexicon: Any, families: tuple[str, ...],
                   attributions: pd.DataFrame | None = None, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The chosen metric families on one chunk of cleaned articles (runs in worker processes too).

    Each text is split into whitespace-separated chunks once; the ids of those chunks in the
    shared vocabulary (:data:`mediakit.text.CHUNKS`) give the word count, readability's
    counts and tone, each computed once per distinct chunk. ``attributions``, ``sentences``: the chunk's
    rows of an :func:`mediakit.extract_attributions` / :func:`mediakit.sentences` table, read instead of
    extracting the attributions or scoring the sentences again.
    """
    texts: list[str] = chunk["text"].tolist()  # _clean_text: always strings
    chunk_ids = consistent_chunk_ids(texts)  # remembered: the sentences table of a piece read them too
    if chunk_ids is None:  # more distinct chunks than the shared vocabulary holds: in two halves
        halves = (chunk.iloc[:len(chunk) // 2], chunk.iloc[len(chunk) // 2:])
        return pd.concat([_analyze_chunk(h, lexicon, families, _rows_of(attributions, h), _rows_of(sentences, h))
                          for h in halves])
    words = [chunk_word_counts(ids) for ids in chunk_ids]
    parts: list[pd.DataFrame | pd.Series] = [pd.Series(words, index=chunk.index, name="words", dtype="int64")]
    if "readability" in families:
        values = value_array(texts, "nan", chunk_ids)
        parts.append(pd.DataFrame(values, index=chunk.index, columns=list(READABILITY_COLUMNS)))
    if "sentiment" in families:
        titles = chunk["title"].tolist()
        given = None if sentences is None else _compounds_of(sentences, chunk["article_id"].tolist())
        rows = articles_values(texts, titles, chunk_ids, given)
        parts.append(sentiment_frame(rows, chunk.index, chunk["article_id"].array).drop(columns="article_id"))
    if "word_choice" in families:
        prepared = [prepare(t) for t in texts]  # shared by the word-choice, marker and loaded matchers
        columns = metric_columns(chunk, lexicon, None, words, prepared)  # arrays: no 1,000-column frame to copy
        del columns["article_id"], columns["wc_words"]
        columns.update(loaded_rates(texts, words, prepared))  # loaded language: own voice, quotations
        parts.append(pd.DataFrame(columns, index=chunk.index))
    if "attribution" in families:
        attr = attribution_metrics(chunk, progress=False, languages=None, attributions=attributions)
        parts.append(attr.drop(columns="article_id"))
    return pd.concat(parts, axis=1)


def _chunk_parts(table: pd.DataFrame | None, chunks: list[pd.DataFrame], name: str,
                 columns: tuple[str, ...]) -> list[pd.DataFrame | None]:
    """The rows of ``table`` (the ``name=`` argument of :func:`analyze`) of each chunk's articles, in their
    order (None for each chunk without a table); ``table`` checked by :func:`mediakit._validation.article_rows`."""
    if table is None:
        return [None] * len(chunks)
    ids = [a for c in chunks for a in c["article_id"].tolist()]
    chunk_at = [k for k, c in enumerate(chunks) for _ in range(len(c))]
    rows: list[list[int]] = [[] for _ in chunks]
    for i, pos in enumerate(article_rows(table, ids, func="analyze", name=name, columns=columns)):
        rows[chunk_at[pos]].append(i)
    return [table.iloc[r] for r in rows]


def _rows_of(table: pd.DataFrame | None, chunk: pd.DataFrame) -> pd.DataFrame | None:
    """The rows of ``table`` (a chunk's part of :func:`_chunk_parts`) of the articles of ``chunk``."""
    if table is None:
        return None
    ids = {str(a) for a in chunk["article_id"].tolist()}
    return table.iloc[[i for i, a in enumerate(table["article_id"].tolist()) if str(a) in ids]]


def _compounds_of(sentences: pd.DataFrame, ids: list[Any]) -> list[np.ndarray]:
    """The ``compound`` of each article's rows of a :func:`mediakit.sentences` table (in the table's order;
    empty for an article without rows), for the articles ``ids`` (unique: :func:`analyze` checks them)."""
    picked: list[list[float]] = [[] for _ in ids]
    positions = article_rows(sentences, ids, func="analyze", name="sentences", columns=("compound",))
    for pos, value in zip(positions, sentences["compound"].tolist(), strict=True):
        picked[pos].append(value)
    return [np.array(v, dtype=np.float64) for v in picked]


def _run_chunks(chunks: list[pd.DataFrame], lexicon: Any, families: tuple[str, ...], workers: int,
                progress: bool | None, attributions: pd.DataFrame | None = None,
                sentences: pd.DataFrame | None = None) -> list[pd.DataFrame]:
    """:func:`_analyze_chunk` of each chunk, in order, in this process or in ``workers`` processes."""
    results: list[pd.DataFrame] = []
    attr = _chunk_parts(attributions if "attribution" in families else None, chunks, "attributions", ())
    sent = _chunk_parts(sentences if "sentiment" in families else None, chunks, "sentences", ("compound",))
    work = list(zip(chunks, attr, sent, strict=True))
    if workers == 1 or len(chunks) == 1:
        for chunk, a, s in progress_bar(work, desc="Analysing", unit="chunk", enabled=progress, min_items=2):
            results.append(_analyze_chunk(chunk, lexicon, families, a, s))
        return results
    # each worker takes this process's cue lexicon (using_cues), then gc.freeze: what it inherits (models,
    # lexicons, caches) is never traversed by its collections
    with ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=cue_state()) as pool:
        futures = [pool.submit(_analyze_chunk, c, lexicon, families, a, s) for c, a, s in work]
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
            families: Sequence[str] = FAMILIES, progress: bool | None = None,
            languages: str | Sequence[str] | None = "en",
            attributions: pd.DataFrame | None = None, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
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
    languages : str, sequence of str or None, default "en"
        The languages the metrics are made for. Every metric but ``words`` is English-only
        (VADER, the English lexicons, the readability formulas, the attribution rules): an
        article whose ``language`` is known and not among these keeps its row, with NaN
        (``<NA>`` for counts) in every one of them. None scores every article whatever its
        language. Articles of unknown language are scored.
    attributions : DataFrame, optional
        :func:`mediakit.extract_attributions` of the same articles (with the same ``languages``),
        when you have it: the ``attr_`` columns count its rows instead of finding every
        attribution again (the attribution rules are the costliest family; the values are the same).
    sentences : DataFrame, optional
        :func:`mediakit.sentences` of the same articles (with the same ``languages``), when you
        have it: the ``sent_`` statistics read its ``compound`` column instead of scoring every
        sentence again (the same values).

    Returns
    -------
    DataFrame
        One row per article (same index as ``articles``): every metric of the chosen
        families; key column ``article_id``. Columns ``article_id`` (and ``outlet``,
        ``published`` when present), ``language`` (the articles' own ``language`` where given,
        else detected by :func:`mediakit.text.detect_languages`; ISO 639-1, ``<NA>`` when
        unknown), ``words``, then metric families by prefix: ``read_`` (readability),
        ``sent_`` and ``tone`` (sentiment), ``wc_`` (word choice and marker rates),
        ``attr_`` (source attribution aggregates). Counts are ``Int64`` (``words``: ``int64``).
        Every column is documented in ``docs/metrics.md``. An article whose body has no
        words is left out of the body metrics: they are NaN (``<NA>`` for counts), its
        ``words`` is 0 and its headline metrics (``sent_headline_compound``,
        ``wc_*_title_n``) are kept. Never an exception for empty or missing text.

    Warns
    -----
    LeftOutWarning
        Once per call, when articles are left out (another language, an empty body): how
        many, which languages, and how to score them anyway.

    Raises
    ------
    TypeError
        If ``articles`` is not a pandas DataFrame (for a Dask DataFrame use
        ``mediakit.dask.analyze``) or ``progress`` is not a bool or None.
    MissingColumnError
        If ``article_id`` or ``text`` is missing (a :class:`ValueError`).
    ValueError
        If ``article_id`` repeats, ``n_jobs`` is not a positive integer or -1,
        ``families`` is empty or names an unknown family, ``languages`` is empty, or a row of
        ``attributions`` or ``sentences`` belongs to none of the articles.

    Examples
    --------
    >>> import pandas as pd, mediakit
    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Regime falls"],
    ...                      "text": ["The regime fell. Rebels entered the capital."]})
    >>> m = mediakit.analyze(arts)
    >>> int(m.loc[0, "words"]), int(m.loc[0, "sent_n_sentences"]), m.loc[0, "language"]
    (7, 2, 'en')
    """
    workers, chosen, allowed = _check_analyze_options(articles, n_jobs, families, progress, languages)
    clean = _clean_text(articles)
    if "captions" not in clean.columns:
        clean["captions"] = [[] for _ in range(len(clean))]
    chunks = [clean.iloc[i:i + _CHUNK] for i in range(0, len(clean), _CHUNK)] or [clean]
    results = _run_chunks(chunks, lexicon, chosen, workers, progress, attributions, sentences)
    metrics = pd.concat(results) if results else pd.DataFrame(index=articles.index)
    codes = article_languages(articles)
    metrics, note = left_out_metrics(metrics, codes, allowed)
    warn_left_out(note)
    meta = _metadata(articles)
    meta["language"] = pd.array(codes, dtype="string")
    return pd.concat([meta, metrics], axis=1)


def _check_analyze_options(articles: Any, n_jobs: Any, families: Any, progress: Any,
                           languages: Any) -> tuple[int, tuple[str, ...], frozenset[str] | None]:
    """Check :func:`analyze`'s input; return the number of processes, the chosen families and languages."""
    check_articles(articles, func="analyze")
    workers = n_workers(n_jobs)
    chosen = check_families(families)
    check_bool(progress, name="progress", func="analyze", allow_none=True)
    return workers, chosen, check_languages(languages, func="analyze")


def left_out_metrics(metrics: pd.DataFrame, codes: Sequence[str | None],
                     allowed: frozenset[str] | None) -> tuple[pd.DataFrame, str | None]:
    """:func:`analyze`'s metrics with the articles left out made missing, and the warning to give.

    Counts (``int64`` columns but ``words``) become ``Int64``. Rows whose language ``codes`` is
    not ``allowed`` get NaN/NA in every English-only column; rows with no body words (``words``
    is 0) in every body column (headline columns kept). Returns the table and the message
    (None when nothing was left out).

    Examples
    --------
    >>> m = pd.DataFrame({"words": [3, 0, 5], "sent_n_sentences": [1, 0, 1],
    ...                   "sent_headline_compound": [0.1, 0.2, 0.3]})
    >>> out, note = left_out_metrics(m, ["en", "en", "de"], frozenset({"en"}))
    >>> out["sent_n_sentences"].tolist(), out["sent_headline_compound"].tolist()
    ([1, <NA>, <NA>], [0.1, 0.2, nan])
    >>> note
    'analyze: 1 of 3 articles are not English (de: 1); their English-only metrics are NaN. Pass languages=None to score them anyway. 1 of 3 articles have an empty body; their body metrics are NaN.'
    """
    keep = np.array(scored_mask(codes, allowed), dtype=bool)
    words = metrics["words"].to_numpy() if "words" in metrics.columns else np.ones(len(metrics), dtype=np.int64)
    empty = keep & (words == 0)
    foreign = ~keep
    names = list(metrics.columns)
    body = [c not in LANGUAGE_FREE_COLUMNS and c not in HEADLINE_COLUMNS
            and not (c.startswith("wc_") and c.endswith("_title_n")) for c in names]
    columns: dict[Any, Any] = {}
    # the many float64 and int64 columns in two 2-D copies (one row per column), not one by one
    for dtype in (np.float64, np.int64):
        picked = [k for k, (c, t) in enumerate(zip(names, metrics.dtypes, strict=True))
                  if t == dtype and c not in LANGUAGE_FREE_COLUMNS]
        if not picked:
            continue
        block = np.array(metrics.iloc[:, picked].to_numpy(dtype=dtype).T, order="C", copy=True)
        for row, k in zip(block, picked, strict=True):
            mask = foreign | empty if body[k] else foreign
            if dtype is np.int64:
                columns[names[k]] = pd.arrays.IntegerArray(row, mask.copy())
            else:
                row[mask] = np.nan
                columns[names[k]] = row
    for k, c in enumerate(names):
        if c in LANGUAGE_FREE_COLUMNS:
            columns[c] = metrics[c].array.copy()
        elif c not in columns:
            columns[c] = _masked(metrics[c], foreign | empty if body[k] else foreign)
    out = pd.DataFrame(columns, index=metrics.index, columns=metrics.columns)
    return out, left_out_summary(codes, words, allowed)


def _masked(column: pd.Series, mask: np.ndarray) -> Any:
    """A copy of ``column``'s values with ``mask`` made missing; ``int64`` counts become ``Int64``.

    What ``frame.loc[mask, column] = np.nan`` gives, one column at a time (no frame-wide setitem).
    """
    values = column.array
    if column.dtype == np.int64:
        return pd.arrays.IntegerArray(column.to_numpy(copy=True), mask.copy())
    if column.dtype in (np.float64, object) or isinstance(values, pd.api.extensions.ExtensionArray):
        arr = values.copy() if isinstance(values, pd.api.extensions.ExtensionArray) else column.to_numpy(copy=True)
        if mask.any():
            arr[mask] = np.nan
        return arr
    copy = column.copy()  # other NumPy dtypes: what pandas does to them
    if mask.any():
        copy.loc[mask] = np.nan
    return copy.to_numpy()


def left_out_summary(codes: Sequence[str | None], words: Any, allowed: frozenset[str] | None) -> str | None:
    """The warning of :func:`analyze` from each article's language ``codes`` and body ``words``
    (None when no article is left out); a streamed run gives it once from its whole metrics table.

    Examples
    --------
    >>> left_out_summary(["en", "de", None], [120, 80, 0], frozenset({"en"}))
    'analyze: 1 of 3 articles are not English (de: 1); their English-only metrics are NaN. Pass languages=None to score them anyway. 1 of 3 articles have an empty body; their body metrics are NaN.'
    """
    keep = np.array(scored_mask(codes, allowed), dtype=bool)
    empty = keep & (np.asarray(words) == 0)
    foreign = [c for c, k in zip(codes, keep.tolist(), strict=True) if not k and c is not None]
    return left_out_note("analyze", len(keep), foreign, allowed, consequence="their English-only metrics are NaN",
                         n_empty=int(empty.sum()), empty_consequence="their body metrics are NaN")


def _metadata(articles: pd.DataFrame) -> pd.DataFrame:
    """The :data:`METADATA_COLUMNS` that ``articles`` has, by position (no index alignment)."""
    meta = pd.DataFrame(index=articles.index)
    for col in METADATA_COLUMNS:
        if col in articles.columns:
            meta[col] = articles[col].array
    return meta

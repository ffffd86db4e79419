"""The texts the actor functions read: the articles table's own columns, or a source that reads them when asked.

A streamed run of a large corpus keeps the articles' texts in its parts on disk; the process that computes the
actor labels and sentiment then needs only the ids and outlets (the whole AllSides file's texts are about 215 MiB
of Arrow strings), and reads each worker's chunk of texts only to send it (:func:`chunk_of`). Any object with the
methods of :class:`ArticleTexts` can stand in for the text columns, row for row with the articles table;
:class:`mediakit.stream.PartTexts` is the one of a streamed run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..text import ArticleTexts, scored_articles
from ._discovery import scored_subset
from ._parts import part_sizes

__all__ = ["TEXT_COLUMNS", "ArticleTexts", "chunk_of", "scored_texts", "text_sizes", "texts_frame",
           "with_texts"]

#: The columns the actor functions read the texts from.
TEXT_COLUMNS = ("title", "text", "captions")


def texts_frame(texts: pd.DataFrame | ArticleTexts) -> pd.DataFrame:
    """The text columns as a table: ``texts`` itself when it is the articles table, else read now."""
    return texts if isinstance(texts, pd.DataFrame) else texts.frame()


def chunk_of(texts: pd.DataFrame | ArticleTexts, start: int, stop: int) -> pd.DataFrame:
    """What a worker is sent for articles ``start`` to ``stop``: the rows of the text columns, read now from a
    source of texts. (A worker could read them itself, but measured on the whole AllSides file that left each of
    two workers about 50 MiB larger to the end of the actor labels, the reader's libraries and buffers; read here,
    the chunks cost this process about 15 MiB.)"""
    if isinstance(texts, pd.DataFrame):
        return texts.iloc[start:stop][[c for c in TEXT_COLUMNS if c in texts.columns]]
    return texts.take(range(start, stop)).frame()


def text_sizes(texts: pd.DataFrame | ArticleTexts, parts: Sequence[str]) -> list[int]:
    """:func:`._parts.part_sizes` of the articles, read block by block from a source of texts.

    Examples
    --------
    >>> arts = pd.DataFrame({"title": ["Ab", None], "text": ["abc", "de"]})
    >>> text_sizes(arts, ("title", "text"))
    [6, 3]
    """
    if isinstance(texts, pd.DataFrame):
        return part_sizes(texts, parts)
    return [size for block in texts.frames() for size in part_sizes(block, parts)]


def scored_texts(articles: pd.DataFrame, texts: ArticleTexts | None, languages: Any, *,
                 func: str) -> tuple[pd.DataFrame, pd.DataFrame | ArticleTexts]:
    """The articles an actor function reads (:func:`._discovery.scored_subset`) and their texts: the articles
    themselves, or the same rows of ``texts`` (then an article without a ``language`` value is detected from its
    texts, read for that).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["Officials said the regime fell."]})
    >>> kept, texts = scored_texts(arts, None, None, func="actor_labels")
    >>> kept is arts and texts is arts
    True
    """
    if texts is None:
        articles = scored_subset(articles, languages, func=func)
        return articles, articles
    if len(texts) != len(articles):
        raise ValueError(f"{func}(): texts must have one row per article ({len(articles)}), got {len(texts)}")
    probe = articles
    if languages is not None and ("language" not in articles.columns or articles["language"].isna().any()):
        probe = with_texts(articles, texts)  # the languages not given are detected from the texts
    keep = scored_articles(probe, languages, func=func, consequence="they are left out")  # as scored_subset
    if keep is None:
        return articles, texts
    positions = np.flatnonzero(np.array(keep, dtype=bool))
    return articles.iloc[positions], texts.take(positions.tolist())


def with_texts(articles: pd.DataFrame, texts: ArticleTexts | None) -> pd.DataFrame:
    """``articles`` with its text columns read from ``texts`` (row for row, read now); ``articles`` itself when
    ``texts`` is None (it holds them)."""
    if texts is None:
        return articles
    frame = texts.frame()
    return articles.assign(**{c: frame[c].to_numpy() if frame[c].dtype == object else frame[c].array
                              for c in frame.columns})

""":func:`mediakit.actor_sentiment` on several processes: the sentences of a chunk of articles per process.

As for the actor labels (:mod:`._label_jobs`, whose chunking and merges this reuses), each worker keeps
a chunk of consecutive articles and its text memos; this process merges what every chunk needs from
the whole corpus before the sentences are scored:

1. the chunk's lower-case words -> the corpus's (a union: a capitalised word is a name only when the
   corpus never writes it in lower case);
2. with ``actors=None``, the candidates and their mention counts -> the actors chosen
   (:func:`._label_jobs.chosen_actors`);
3. the chunk's sentence rows, in article order.

The rows are those of one process, in the same order.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._actorset import Actors
from ._discovery import user_actors
from ._label_jobs import chosen_actors, chunk_workers, free_chunk
from ._mentions import Matcher, find_mentions
from ._sentiment_rows import sentence_rows
from ._texts import ArticleTexts

__all__ = ["parallel_sentence_rows"]


def _sentences(state: dict[str, Any], chosen: Actors, lower: set[str] | None, method: str) -> list[tuple[Any, ...]]:
    """The chunk's sentence rows (``lower``: the corpus's lower-case words, None when the worker has them)."""
    if lower is not None:
        state["lower"] = lower
    pattern = Matcher(chosen.by_variant)
    rows: list[tuple[Any, ...]] = []
    for ps, aid, outlet in zip(state["parts"], state["ids"], state["outlets"], strict=True):
        rows.extend(sentence_rows(aid, outlet, find_mentions(ps, chosen, pattern, state["lower"]), method))
    free_chunk(state)
    return rows


def parallel_sentence_rows(texts: pd.DataFrame | ArticleTexts, parts: tuple[str, ...], ids: list[Any],
                           outlets: list[Any], actors: Any, *, workers: int, min_mentions: int, method: str,
                           func: str) -> list[tuple[Any, ...]]:
    """The rows of :func:`mediakit.actor_sentences` on ``workers`` processes (the one-process rows); ``texts``: the
    articles, or a source of their texts (see :func:`._label_jobs.chunk_workers`)."""
    chosen = user_actors(actors, min_mentions, func=func)  # the options checked before any process starts
    with chunk_workers(texts, parts, ids, outlets, workers) as (pool, lower):
        n = len(pool)
        sent: set[str] | None = lower
        if chosen is None:
            chosen, _ = chosen_actors(pool, lower, min_mentions, False)
            sent = None  # the workers have it already
        return [r for rows in pool.run(_sentences, [(chosen, sent, method)] * n, last=True) for r in rows]

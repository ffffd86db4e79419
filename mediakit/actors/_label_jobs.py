""":func:`mediakit.actor_labels` on several processes: the per-article passes on chunks of articles.

The corpus is cut into one chunk of consecutive articles per process (of about the same number of
characters). Each worker keeps its chunk, what it computed on it and its text memos
(:func:`._memo.corpus_scope`) across the steps; between the steps this process merges what the
chunks found, in chunk order, into the corpus-wide state the next step needs:

1. the chunk's lower-case words -> the corpus's (a union);
2. the chunk's person-name candidates, grouped -> the candidate actors (:func:`._discovery.merge_grouped`);
3. the chunk's mention counts of the candidates -> the actors chosen and the candidates below
   ``min_mentions`` (:func:`._discovery.choose_actors`);
4. the labels of the chosen actors' mentions -> the corpus profile (:func:`._nominal.corpus_profile`);
5. the descriptions linked with it, and the candidates' labels -> the profile with the candidates;
6. the candidates' descriptions linked with that -> the candidates kept (:func:`.kept_candidates`);
7. the rows of the chunk, a run of articles at a time, each made a table here as soon as it is read
   (:func:`._label_passes.label_frame`).

Every merge gives what one pass over the whole corpus gives (same counts, same first positions, same
order of the label pairs), so the table is the one-process table.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pandas as pd

from .._memory import release_memory
from .._workers import Workers
from ..metrics.analyze import n_workers
from ._actorset import Actors
from ._discovery import (choose_actors, count_mentions, extra_mentions, found_actors, grouped_candidates,
                         merge_grouped, user_actors)
from ._label_passes import (add_kept, article_rows, candidate_links, candidate_names, joined_frames, kept_candidates,
                            label_frame, labelled_mentions, merge_support, nominals_of, profile_pairs)
from ._memo import corpus_scope
from ._mentions import Matcher, find_mentions, forget_variant_patterns
from ._nominal import NominalProfile, corpus_profile
from ._parts import lower_words, parts_of
from ._texts import ArticleTexts, chunk_of, text_sizes

__all__ = ["LOAD_BLOCKS", "MIN_PARALLEL_ARTICLES", "ROW_BLOCKS", "chosen_actors", "chunk_slices", "chunk_workers",
           "free_chunk", "load_chunk", "parallel_labels", "run_of", "use_workers"]

#: A corpus with fewer articles is read in one process whatever ``n_jobs``: starting the workers and
#: sending them their chunks costs more than it saves (about 1 s; the 2,000 first AllSides articles
#: take about 20 s in one process).
MIN_PARALLEL_ARTICLES = 2000

_Row = tuple[Any, ...]

#: Each worker is sent its chunk of texts in this many runs of articles (:func:`chunk_workers`): this process reads
#: and pickles a run per worker at a time, not every chunk at once (for the whole AllSides file, the two chunks,
#: one's pickle and the concatenation of a chunk's parts made this process about 500 MiB larger).
LOAD_BLOCKS = 10

#: Each worker sends its label rows in this many runs of articles (:func:`_rows`), each made a table here as soon as
#: it is read.
ROW_BLOCKS = 10


def run_of(start: int, stop: int, k: int, runs: int) -> tuple[int, int]:
    """The bounds of the ``k``-th of ``runs`` runs of about the same length that cut ``start`` to ``stop``.

    Examples
    --------
    >>> [run_of(10, 15, k, 3) for k in range(3)], run_of(0, 2, 3, 10)
    ([(10, 11), (11, 13), (13, 15)], (0, 0))
    """
    return start + (stop - start) * k // runs, start + (stop - start) * (k + 1) // runs


def use_workers(n_jobs: int, n_articles: int) -> int:
    """The processes to use: 1 below :data:`MIN_PARALLEL_ARTICLES` articles, else what ``n_jobs`` asks for."""
    if n_jobs == 1 or n_articles < max(2, MIN_PARALLEL_ARTICLES):
        return 1
    return min(n_workers(n_jobs), n_articles)


def chunk_slices(sizes: list[int], n: int) -> list[tuple[int, int]]:
    """At most ``n`` slices of consecutive articles with about the same number of characters each
    (``sizes``: each article's, :func:`._parts.part_sizes`).

    Examples
    --------
    >>> chunk_slices([10] * 4, 2), chunk_slices([10] * 4, 3), chunk_slices([10], 2)
    ([(0, 2), (2, 4)], [(0, 1), (1, 3), (3, 4)], [(0, 1)])
    """
    total = sum(sizes)
    bounds = [0]
    acc = 0
    for i, size in enumerate(sizes):
        # a cut before article i when its middle is past the next share of the characters
        if i and len(bounds) < n and (2 * acc + size) * n >= 2 * total * len(bounds):
            bounds.append(i)
        acc += size
    bounds.append(len(sizes))
    return list(zip(bounds[:-1], bounds[1:], strict=True))


# --------------------------------------------------------------------------- the steps of a worker


def load_chunk(state: dict[str, Any], chunk: pd.DataFrame, parts: tuple[str, ...], start: int,
               ids: list[Any], outlets: list[Any]) -> set[str]:
    """Add a run of the worker's articles (``chunk``: their texts, from position ``start`` of the corpus on) to the
    parts and memos it keeps for all the steps; their lower-case words."""
    if "scope" not in state:  # the first run
        scope = corpus_scope()
        scope.__enter__()  # open for the life of the worker: the memos go with it
        state.update(scope=scope, parts=[], ids=[], outlets=[])
    added = parts_of(chunk, parts, start)
    state["parts"].extend(added)
    state["ids"].extend(ids)
    state["outlets"].extend(outlets)
    return lower_words(added)


def _candidates(state: dict[str, Any], lower: set[str]) -> Any:
    """The chunk's person-name candidates, grouped."""
    state["lower"] = lower
    return grouped_candidates(state["parts"], lower)


def _count(state: dict[str, Any], found: Actors, min_mentions: int, wider: bool) -> Counter[str]:
    """The chunk's mention counts of the candidate actors (the mentions of those named fewer than
    ``min_mentions`` times in the chunk are kept: the candidates below it are among them)."""
    per_article, counts = count_mentions(state["parts"], found, state["lower"])
    forget_variant_patterns()  # the candidates' patterns: the chosen actors' are a few of them, made again
    if wider:
        few = frozenset(c for c, k in counts.items() if k < min_mentions)
        state["first"] = [[m for m in ms if m.actor in few] for ms in per_article]
    return counts


def _label(state: dict[str, Any], chosen: Actors, extras: frozenset[str], lower: set[str] | None,
           pairs: bool) -> Counter[tuple[str, str]]:
    """The mentions of the chosen actors with their labels; the counts of their (actor, label) pairs when
    ``pairs`` (in the order each first occurs in the chunk: :func:`._nominal.corpus_profile` reads them)."""
    if lower is not None:
        state["lower"] = lower
    lower = state["lower"]
    pattern = Matcher(chosen.by_variant)
    labelled = []
    for ps in state["parts"]:
        ms = find_mentions(ps, chosen, pattern, lower)
        labelled.append(labelled_mentions(ms, lower) if ms else [])
    state["labelled"] = labelled
    state["nominals"] = [[] for _ in labelled]
    del pattern
    forget_variant_patterns()
    first = state.pop("first", None)
    if extras and first is not None:
        state["cands"] = extra_mentions(first, extras)
    return Counter(profile_pairs(labelled)) if pairs else Counter()


def _nominals(state: dict[str, Any], profile: NominalProfile, extras: bool) -> Counter[tuple[str, str]]:
    """The descriptions linked to the chosen actors; with ``extras``, the counts of the candidates' (actor, label)
    pairs.

    The corpus's lower-case words and the candidates' first mentions are dropped here: no later step reads them, and
    the next one receives the corpus profile with the candidates (about 37 MiB a worker on the whole AllSides file),
    the actor labels' peak.
    """
    state["nominals"] = nominals_of(state["parts"], state["labelled"], profile)
    lower, cands = state.pop("lower"), state.pop("cands", {})
    if not extras:
        return Counter()
    state["names"] = candidate_names(cands, state["labelled"], lower)
    del lower, cands
    release_memory(collect=False)
    return Counter(profile_pairs(list(state["names"].values())))


def _links(state: dict[str, Any], extras: frozenset[str], profile: NominalProfile) -> Any:
    """The candidates' descriptions linked with the profile that counts them; their support."""
    links, support = candidate_links(state["parts"], state["labelled"], state["nominals"], state["names"],
                                     extras, profile)
    state["links"] = links
    return support


def free_chunk(state: dict[str, Any]) -> None:
    """Empty a worker's state: its chunk, what the steps kept, and its text memos (no step reads them any more)."""
    state.pop("scope").__exit__(None, None, None)
    state.clear()
    release_memory()


def _rows(state: dict[str, Any], kept: set[str] | None, block: int, blocks: int) -> list[_Row]:
    """The rows of the ``block``-th of ``blocks`` runs of the chunk's articles, with the ``kept`` candidates.

    The first block frees the memos and the steps' state first. Each article's mentions are dropped once its rows
    are made (with them, the last references to its texts): the worker never holds the tuples of its whole chunk
    (half a million for half the AllSides file) and their pickle next to its mentions.
    """
    if block == 0:
        labelled, nominals = state.pop("labelled"), state.pop("nominals")
        if kept is not None:
            add_kept(labelled, nominals, state["names"], state["links"], kept)
        ids, outlets = state["ids"], state["outlets"]
        free_chunk(state)
        state["rows_of"] = (labelled, nominals, ids, outlets)
    labelled, nominals, ids, outlets = state["rows_of"]
    rows: list[_Row] = []
    for i in range(*run_of(0, len(labelled), block, blocks)):
        if labelled[i]:
            rows.extend(article_rows(ids[i], outlets[i], labelled[i], nominals[i]))
        labelled[i] = nominals[i] = []
    release_memory(collect=False)  # those articles' texts: their pages back to the system while the rows are sent
    return rows


# --------------------------------------------------------------------------- the merges, in this process


def _in_order(counts: list[Counter[tuple[str, str]]]) -> Counter[tuple[str, str]]:
    """The chunks' pair counts summed, each pair where it first occurs when the chunks are read in order.

    Examples
    --------
    >>> _in_order([Counter({("a", "x"): 1, ("b", "y"): 2}), Counter({("c", "z"): 1, ("a", "x"): 1})])
    Counter({('a', 'x'): 2, ('b', 'y'): 2, ('c', 'z'): 1})
    """
    out: Counter[tuple[str, str]] = Counter()
    for c in counts:
        out.update(c)
    return out


def chosen_actors(pool: Workers, lower: set[str], min_mentions: int, wider: bool) -> tuple[Actors, frozenset[str]]:
    """The actors discovered and chosen over the whole corpus, and the candidates below ``min_mentions``."""
    n = len(pool)
    found = found_actors(merge_grouped(pool.run(_candidates, [(lower,)] * n)), lower)
    counts: Counter[str] = Counter()
    for c in pool.run(_count, [(found, min_mentions, wider)] * n):
        counts.update(c)
    return choose_actors(found, counts, min_mentions, wider)


@contextlib.contextmanager
def chunk_workers(texts: pd.DataFrame | ArticleTexts, parts: tuple[str, ...], ids: list[Any], outlets: list[Any],
                  workers: int) -> Iterator[tuple[Workers, set[str]]]:
    """At most ``workers`` processes, each holding a chunk of the articles (:func:`load_chunk`), and the
    corpus's lower-case words (the union of the chunks').

    ``texts`` is the articles table, or a source of its text columns (:class:`._texts.ArticleTexts`). Each worker
    is sent its rows of the text columns in :data:`LOAD_BLOCKS` runs of articles, read here one run per worker at
    a time, and makes its parts itself: this process never holds the parts of the whole corpus (Python strings
    made from Arrow-backed texts: copies, about 300 MiB for the whole AllSides file, and as much again for their
    pickles). Nor does it keep a chunk itself (``Workers(here=True)``): tried, the actor labels' peak fell by
    210 MiB, but the freed chunk left this process 440 MiB larger for every later step (its Python objects
    interleaved with those that outlive the step).
    """
    slices = chunk_slices(text_sizes(texts, parts), workers)
    lower: set[str] = set()
    with Workers(len(slices)) as pool:
        for k in range(LOAD_BLOCKS):  # the k-th run of articles of every chunk
            runs = [run_of(a, b, k, LOAD_BLOCKS) for a, b in slices]
            for words in pool.run(load_chunk, [(chunk_of(texts, a, b), parts, a, ids[a:b], outlets[a:b])
                                               for a, b in runs]):
                lower |= words
            release_memory(collect=False)  # the runs' texts and pickles
        release_memory()
        yield pool, lower


def parallel_labels(texts: pd.DataFrame | ArticleTexts, parts: tuple[str, ...], ids: list[Any], outlets: list[Any],
                    actors: Any, *, workers: int, min_mentions: int, nominal: bool, func: str) -> pd.DataFrame | None:
    """The table of :func:`mediakit.actor_labels` (before the honorifics are settled) on ``workers`` processes;
    None without rows. ``texts``: the articles, or a source of their texts (see :func:`chunk_workers`)."""
    chosen = user_actors(actors, min_mentions, func=func)  # the options checked before any process starts
    with chunk_workers(texts, parts, ids, outlets, workers) as (pool, lower):
        n = len(pool)
        extras: frozenset[str] = frozenset()
        if chosen is None:
            chosen, extras = chosen_actors(pool, lower, min_mentions, nominal)
            sent: set[str] | None = None  # the workers have it already
        else:
            sent = lower
        # the label pairs counted, in the order each first occurs in the corpus (the chunks in order): the profile of
        # the pairs themselves, with a few distinct pairs held here instead of every labelled mention's
        pairs = _in_order(pool.run(_label, [(chosen, extras, sent, nominal)] * n))
        kept = None
        if nominal:
            # each profile is sent, then dropped here while the workers use it (their passes are the step's memory
            # peak): ``pairs`` and ``extra_pairs`` alone make the next one
            profile = corpus_profile(pairs)
            pool.submit(_nominals, [(profile, bool(extras))] * n)
            del profile
            release_memory(collect=False)
            extra_pairs = pool.collect()
            if extras:
                profile = corpus_profile(_in_order([pairs, *extra_pairs]))
                pool.submit(_links, [(extras, profile)] * n)
                del pairs, extra_pairs, profile  # no later step reads them
                release_memory(collect=False)
                kept = kept_candidates(merge_support(pool.collect()), min_mentions)
        # the rows a run of articles at a time, made a table as soon as they are read; last: each worker ends once
        # its last rows are sent, before this process has read them all
        frames: list[list[pd.DataFrame | None]] = [[] for _ in range(n)]  # each worker's, in order
        for block in range(ROW_BLOCKS):
            runs = pool.run(_rows, [(kept, block, ROW_BLOCKS)] * n, last=block == ROW_BLOCKS - 1, convert=label_frame)
            for mine, frame in zip(frames, runs, strict=True):
                mine.append(frame)
    return joined_frames([frame for mine in frames for frame in mine])

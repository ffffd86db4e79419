"""The n-gram counts of :func:`mediakit.compare.distinctive_terms` on several processes (``n_jobs``).

The articles, in group order (the order :func:`._ngram_slices.models_by_mask` reads them), are cut into one
share of consecutive articles per process, of about the same number of characters. This process counts the
first share itself while a thread sends the others theirs; each spawned worker is sent the text columns of its share
(or, when the texts are held elsewhere, ``texts=`` of :func:`mediakit.compare.distinctive_terms`, its share's rows of
that source, which it reads itself: the shares then have about the same number of articles) and counts it as one
process would (:func:`._ngram_slices.count_slices`: slices of
:data:`._ngram_slices.SLICE_TEXTS` articles), with a vocabulary of its own. This process then merges the
shares exactly (:func:`merge_shares`): the distinct tokens of every share coded in one vocabulary, each
share's packed n-gram keys re-packed in those codes, and the cells of all shares summed by
:func:`._ngram_slices.merge_cells` (same ``min_count`` rule, same number of types). The models are those of
one process (same terms, counts, priors; the terms of a model may come in another order, which the table does
not depend on), hence the same tables. When the vocabulary of the corpus outgrows the packing base
(:func:`._ngram_slices.key_base`), the counts are made the whole-stream way in this process, as in one.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._memory import release_memory
from .._workers import Workers
from ..metrics.analyze import n_workers
from ..text import ArticleTexts
from ._ngram_slices import SliceCells, count_slices, key_base, models_by_mask, models_of
from ._ngrams import NgramModel, Phrases, models_from_texts
from ._texts import PartTexts, SourceTexts

__all__ = ["MIN_PARALLEL_ARTICLES", "ShareCounts", "merge_shares", "models_on_jobs", "share_runs", "use_jobs"]

#: A corpus with fewer articles is counted in one process whatever ``n_jobs``: a worker starts counting 1-3 s after
#: it is spawned (importing mediakit), and the first 4,000 AllSides articles take about 3 s in one process
#: (measured: 4,000 articles, 2 jobs 1.5x slower; 10,000, about even on a busy machine).
MIN_PARALLEL_ARTICLES = 10_000

#: What one share's counting gives: its distinct tokens in code order and, per mask and n-gram length, the
#: n-gram length, the cells (packed keys, groups, counts) and the n-grams per group; None: the share's
#: vocabulary outgrew the packing base.
ShareCounts = tuple[np.ndarray, list[list[tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]]] | None


def use_jobs(n_jobs: int, n_articles: int) -> int:
    """The processes to count with: 1 below :data:`MIN_PARALLEL_ARTICLES` articles, else what ``n_jobs`` asks.

    Raises
    ------
    ValueError
        ``n_jobs`` is neither a positive integer nor -1.

    Examples
    --------
    >>> use_jobs(1, 10**6), use_jobs(2, 10), use_jobs(2, 10**6)
    (1, 1, 2)
    """
    jobs = n_workers(n_jobs, func="distinctive_terms")
    if jobs == 1 or n_articles < max(2, MIN_PARALLEL_ARTICLES):
        return 1
    return min(jobs, n_articles)


def _sizes(articles: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """About the characters of each article's text columns (a list counts its items), plus one: the weights of
    the shares."""
    sizes = np.ones(len(articles), dtype=np.float64)
    for c in columns:
        try:
            sizes += pd.to_numeric(articles[c].str.len(), errors="coerce").fillna(0).to_numpy(dtype=np.float64)
        except (AttributeError, TypeError):  # not a column of strings or lists: an article's weight stays 1
            continue
    return sizes


def share_runs(rows: Sequence[np.ndarray], sizes: np.ndarray, n: int) -> list[list[np.ndarray]]:
    """At most ``n`` shares of the articles in group order, of about the same summed ``sizes``: each share's
    positions of every group (empty for the groups out of it).

    Examples
    --------
    >>> [[r.tolist() for r in share] for share in share_runs([np.array([0, 2]), np.array([1, 3])], np.ones(4), 2)]
    [[[0, 2], []], [[], [1, 3]]]
    """
    order = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows]) if rows else np.zeros(0, np.int64)
    group = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    acc = np.cumsum(sizes[order]) if len(order) else np.zeros(0)
    total = float(acc[-1]) if len(acc) else 0.0
    # a cut before the article whose middle is past the next share of the sizes
    middle = acc - sizes[order] / 2 if len(order) else acc
    cuts = np.searchsorted(middle, total * np.arange(1, n) / n, side="left")
    bounds = np.unique(np.concatenate([[0], cuts, [len(order)]]))
    shares = []
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        g, pos = group[a:b], order[a:b]
        shares.append([pos[g == i] for i in range(len(rows))])
    return shares


def _joined(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    """``parts`` concatenated (an empty array of ``dtype`` when there are none)."""
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _packed(cells: list[list[SliceCells]]) -> list[list[tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]]:
    """The cells of a share as arrays (one per kind), their lists emptied."""
    out = []
    for mask_cells in cells:
        row = []
        for c in mask_cells:
            row.append((c.n_words, _joined(c.keys, np.int64), _joined(c.gids, np.int32),
                        _joined(c.counts, np.int32), c.n_by_group))
            c.keys.clear()
            c.gids.clear()
            c.counts.clear()
        out.append(row)
    return out


def _count_share(state: dict[str, Any], chunk: pd.DataFrame | Sequence[str], columns: Sequence[str],
                 rows: Sequence[np.ndarray], lo_n: int, hi_n: int, stops: frozenset[str], fold_style: bool,
                 masks: Sequence[Phrases], slice_texts: int | None) -> ShareCounts:
    """A worker's share: ``chunk`` its articles' text columns (or, in this process, the corpus's texts), ``rows``
    their positions in it by group. The share's tokens and cells (:data:`ShareCounts`)."""
    texts = PartTexts(chunk, columns) if isinstance(chunk, pd.DataFrame) else chunk
    counted = count_slices(texts, rows, lo_n, hi_n, stops, fold_style=fold_style, masks=masks,
                           slice_texts=slice_texts)
    del texts, chunk
    if counted is None:
        return None
    tokens, cells = counted
    out = _packed(cells)
    del cells
    release_memory()
    return tokens, out


def _recode(keys: np.ndarray, n_words: int, code_map: np.ndarray) -> np.ndarray:
    """Packed keys (:func:`key_base`) with every token code ``c`` replaced by ``code_map[c]``."""
    bits = key_base(n_words).bit_length() - 1
    low = (1 << bits) - 1
    out = np.zeros(len(keys), dtype=np.int64)
    for k in range(n_words):
        out |= code_map[(keys >> (bits * k)) & low] << (bits * k)
    return out


def merge_shares(shares: Sequence[ShareCounts], hi_n: int) -> tuple[np.ndarray, list[list[SliceCells]]] | None:
    """The shares' counts in one vocabulary: its distinct tokens in code order, and the cells of every mask and
    n-gram length (all shares', ready for :func:`._ngram_slices.merge_cells`); None when a share's vocabulary or
    the corpus's outgrows the packing base (as one process would find).

    Examples
    --------
    >>> one = (np.array(["a", "b"], dtype=object), [[(1, np.array([0, 1]), np.array([0, 0], np.int32),
    ...        np.array([2, 1], np.int32), np.array([3]))]])
    >>> two = (np.array(["b", "c"], dtype=object), [[(1, np.array([0, 1]), np.array([0, 0], np.int32),
    ...        np.array([1, 1], np.int32), np.array([2]))]])
    >>> tokens, cells = merge_shares([one, two], 1)
    >>> tokens.tolist(), np.concatenate(cells[0][0].keys).tolist(), cells[0][0].n_by_group.tolist()
    (['a', 'b', 'c'], [0, 1, 1, 2], [5])
    """
    if any(s is None for s in shares):
        return None
    done = [s for s in shares if s is not None]
    codes, uniq = pd.factorize(np.concatenate([tokens for tokens, _ in done]))
    if len(uniq) > key_base(hi_n):
        return None
    tokens = np.empty(len(uniq), dtype=object)
    tokens[:] = list(uniq)
    offsets = np.cumsum([0] + [len(t) for t, _ in done])
    maps = [codes[offsets[k]:offsets[k + 1]].astype(np.int64) for k in range(len(done))]
    merged: list[list[SliceCells]] = []
    for m, first in enumerate(done[0][1]):
        row = []
        for j, (n_words, _, _, _, n_by_group) in enumerate(first):
            cells = SliceCells(n_words, len(n_by_group))
            for (_, share), code_map in zip(done, maps, strict=True):
                _, keys, gids, counts, share_n = share[m][j]
                cells.n_by_group += share_n
                if len(keys):
                    cells.keys.append(_recode(keys, n_words, code_map))
                    cells.gids.append(gids)
                    cells.counts.append(counts)
                share[m][j] = (n_words, keys[:0], gids[:0], counts[:0], share_n)  # the share's arrays freed
            row.append(cells)
        merged.append(row)
    return tokens, merged


def _share_of(table: pd.DataFrame | ArticleTexts, columns: Sequence[str],
              share: Sequence[np.ndarray]) -> tuple[pd.DataFrame | SourceTexts, list[np.ndarray]]:
    """What a process counts of a share: the share's rows of ``table`` (or of a source of texts: not read yet),
    and their positions in those rows by group."""
    pos = np.sort(np.concatenate(share))
    local = np.zeros(len(table), dtype=np.int64)
    local[pos] = np.arange(len(pos))
    rows = [local[r] for r in share]
    if isinstance(table, pd.DataFrame):
        return table.take(pos), rows
    return SourceTexts(table.take(pos.tolist()), columns), rows


def _send(pool: Workers, table: pd.DataFrame | ArticleTexts, columns: Sequence[str], shares: list[list[np.ndarray]],
          params: tuple[Any, ...], errors: list[BaseException]) -> None:
    """Send each worker its share (:func:`_share_of`: from a source of texts, the worker reads them itself) and
    start its count; an error kept in ``errors`` (run in a thread)."""
    try:
        args: list[tuple[Any, ...]] = []
        for share in shares:
            chunk, rows = _share_of(table, columns, share)
            args.append((chunk, columns, rows, *params))
        pool.submit(_count_share, args, last=True)
    except BaseException as exc:  # raised by the caller, in its thread
        errors.append(exc)


def models_on_jobs(articles: pd.DataFrame, columns: Sequence[str], texts: Sequence[str],
                    rows: Sequence[np.ndarray], lo_n: int, hi_n: int, stops: frozenset[str], *, prior: str,
                    alpha0: float | None, min_count: int, fold_style: bool, masks: Sequence[Phrases], jobs: int,
                    slice_texts: int | None = None, source: ArticleTexts | None = None) -> list[list[NgramModel]]:
    """:func:`._ngram_slices.models_by_mask` counted on ``jobs`` processes (this one and ``jobs - 1`` spawned;
    ``jobs=1``: ``models_by_mask`` itself).

    ``articles``: the table whose ``columns`` are the texts (a worker is sent its share's rows of them);
    ``texts``: the same texts, as this process reads them (its own share); ``source``: where ``texts`` are read
    from when ``articles`` does not hold them (``texts`` is then its :class:`._texts.SourceTexts`): each process
    reads its own share's rows of the source, and the shares are of about the same number of articles; the rest
    as for ``models_by_mask``.
    """
    if jobs == 1:
        return models_by_mask(texts, rows, lo_n, hi_n, stops, prior=prior, alpha0=alpha0, min_count=min_count,
                              fold_style=fold_style, masks=masks, slice_texts=slice_texts)
    sizes = np.ones(len(articles)) if source is not None else _sizes(articles, columns)
    merged = _count_on_jobs(articles[list(columns)] if source is None else source, columns, texts, rows, sizes, jobs,
                            (lo_n, hi_n, stops, fold_style, masks, slice_texts))
    if merged is None:  # keys would not fit in an int64: count the whole stream at once
        return [models_from_texts(texts, rows, lo_n, hi_n, stops, prior=prior, alpha0=alpha0,
                                  min_count=min_count, fold_style=fold_style, mask=mask) for mask in masks]
    tokens, cells = merged
    return [models_of(mask_cells, tokens, prior=prior, alpha0=alpha0, min_count=min_count) for mask_cells in cells]


def _count_on_jobs(table: pd.DataFrame | ArticleTexts, columns: Sequence[str], texts: Sequence[str],
                   rows: Sequence[np.ndarray], sizes: np.ndarray, jobs: int,
                   params: tuple[Any, ...]) -> tuple[np.ndarray, list[list[SliceCells]]] | None:
    """The counts of :func:`._ngram_slices.count_slices` on ``jobs`` processes, merged (:func:`merge_shares`)."""
    shares = share_runs(rows, sizes, jobs)
    with Workers(len(shares) - 1) as pool:
        # the workers' shares are made and sent from a thread: a worker reads its share once it has imported
        # mediakit (1-3 s), which this process spends on its own share instead of waiting
        sent: list[BaseException] = []
        sender = threading.Thread(target=_send, args=(pool, table, columns, shares[1:], params, sent), daemon=True)
        sender.start()
        try:
            if isinstance(table, pd.DataFrame):  # this process reads the texts it was given
                mine = _count_share({}, texts, columns, shares[0], *params)
            else:  # only its own share read from the source
                chunk, own = _share_of(table, columns, shares[0])
                mine = _count_share({}, chunk, columns, own, *params)
                del chunk
        finally:
            sender.join()
        if sent:
            raise sent[0]
        counted = [mine, *pool.collect()]
        del mine
    merged = merge_shares(counted, params[1])
    del counted
    return merged

"""N-gram counts of :func:`mediakit.compare.distinctive_terms` in bounded memory: slice by slice, then merged.

:func:`models_from_slices` gives the models of :func:`mediakit.compare._ngrams.models_from_texts`
(same terms, counts, priors and number of types, hence the same table) without holding the
n-gram keys of the whole token stream at once:

* the texts are read in slices of :data:`SLICE_TEXTS` articles (in group order); each slice is
  tokenised (:func:`slice_codes`: tokens coded in one corpus-wide vocabulary) and its n-grams
  counted as ``(key, group, count)`` cells, where ``key`` packs the n-gram's token codes into one
  int64 (base :func:`key_base`);
* the cells of every slice are kept in that compact form (NumPy arrays, a few bytes per distinct
  n-gram and group of a slice), merged exactly (:func:`merge_cells`: sorted keys, summed counts),
  and only the terms counted ``min_count`` times or more over the corpus are turned into text.

The merge is exact: a term below ``min_count`` in every slice still counts when its total passes.
With ``n_jobs``, :mod:`mediakit.compare._ngram_jobs` counts shares of the slices in other processes
(:func:`count_slices`, each with its own vocabulary) and merges them the same way.
When the vocabulary outgrows the packing base (over 2 M distinct tokens for trigrams, 32 k for
4-grams), the counts are made the whole-stream way (:func:`models_from_texts`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd

from .._memory import release_memory
from ._ngrams import (BOUNDARY_CHARS, TOKEN_RE, NgramModel, Phrases, fold, fold_and_mask, mask_phrases,
                      model_from_counts, models_from_texts)

__all__ = ["SLICE_TEXTS", "SliceCells", "count_slices", "key_base", "merge_cells", "models_by_mask",
           "models_from_slices", "models_of", "slice_codes", "slice_codes_masked", "slice_ngrams"]

#: Articles counted at a time by :func:`models_from_slices`. A slice's tokens are Python strings while it is
#: counted: 1,000 AllSides articles hold about 140 MiB fewer at the peak than 2,000, for about 3 % more CPU.
SLICE_TEXTS = 1000
_BOUNDARY = frozenset(BOUNDARY_CHARS)
#: Texts joined into one string for the tokeniser (bounds the Python strings alive at once).
_BATCH = 256


def key_base(n_words: int) -> int:
    """The base that packs ``n_words`` token codes into one int64 key (codes must stay below it)."""
    return 1 << min(63 // max(n_words, 1), 31)


class _Vocab:
    """Token codes shared by every slice: the distinct tokens, and which are boundaries or stop words."""

    def __init__(self, stops: frozenset[str]) -> None:
        self.index: dict[str, int] = {}
        self.stops = stops
        self.boundary = np.zeros(0, dtype=bool)
        self.stop = np.zeros(0, dtype=bool)

    def codes_of(self, tokens: np.ndarray) -> np.ndarray:
        """Global codes of the distinct ``tokens`` (new ones appended, their flags too)."""
        before = len(self.index)
        ids = np.fromiter((self.index.setdefault(t, len(self.index)) for t in tokens.tolist()), dtype=np.int64,
                          count=len(tokens))
        if len(self.index) > before:
            new = list(self.index)[before:]
            self.boundary = np.concatenate([self.boundary, np.array([t in _BOUNDARY for t in new], dtype=bool)])
            self.stop = np.concatenate([self.stop, np.array([t in self.stops for t in new], dtype=bool)])
        return ids

    def tokens(self) -> np.ndarray:
        """The distinct tokens in code order (object array)."""
        out = np.empty(len(self.index), dtype=object)
        out[:] = list(self.index)
        return out


def slice_codes(texts: Sequence[str], runs: Sequence[tuple[int, np.ndarray]], vocab: _Vocab, *,
                fold_style: bool, mask: Phrases) -> tuple[np.ndarray, np.ndarray]:
    """Token codes and group of every token of one slice: ``runs`` are (group, text positions) pairs.

    Each run is tokenised as :func:`mediakit.compare._ngrams.token_stream` does (texts joined
    with line breaks, a line break after every batch), abbreviation variants folded and phrases
    masked on the slice's distinct tokens, then coded in ``vocab``.
    """
    codes, gid = slice_codes_masked(texts, runs, vocab, fold_style=fold_style, masks=(mask,))
    return codes[0], gid


def slice_codes_masked(texts: Sequence[str], runs: Sequence[tuple[int, np.ndarray]], vocab: _Vocab, *,
                       fold_style: bool, masks: Sequence[Phrases]) -> tuple[list[np.ndarray], np.ndarray]:
    """:func:`slice_codes` for several masks from one tokenisation: the codes under each mask, and the groups."""
    pieces: list[np.ndarray] = []
    lengths: list[tuple[int, int]] = []
    for g, r in runs:
        for start in range(0, len(r), _BATCH):
            toks = TOKEN_RE.findall(fold("\n".join(texts[i] for i in r[start:start + _BATCH])))
            toks.append("\n")
            pieces.append(np.array(toks, dtype=object))
            lengths.append((g, len(toks)))
    if not pieces:
        return [np.zeros(0, dtype=np.int64) for _ in masks], np.zeros(0, dtype=np.int64)
    local, uniq = pd.factorize(np.concatenate(pieces))
    del pieces
    local, uniq = fold_and_mask(local, np.asarray(uniq, dtype=object), fold_style, ())
    coded = vocab.codes_of(uniq)
    codes = [coded[mask_phrases(local, uniq, mask) if mask else local] for mask in masks]
    gid = np.repeat(np.array([g for g, _ in lengths], dtype=np.int64), [k for _, k in lengths])
    return codes, gid


class SliceCells:
    """The ``(key, group, count)`` cells of one n-gram length, slice after slice, and tokens per group."""

    def __init__(self, n_words: int, n_groups: int) -> None:
        self.n_words = n_words
        self.keys: list[np.ndarray] = []
        self.gids: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []
        self.n_by_group = np.zeros(n_groups, dtype=np.int64)

    def add(self, key: np.ndarray, gid: np.ndarray) -> None:
        """Count the n-grams of one slice (``key`` and group of every counted position)."""
        if len(key) == 0:
            return
        self.n_by_group += np.bincount(gid, minlength=len(self.n_by_group))
        # hashed, not sorted (a third of the time): the merge sorts the cells of every slice anyway
        tid, ukey = pd.factorize(key)
        g0 = int(gid.min())
        cid, cell = pd.factorize((gid - g0) * len(ukey) + tid)
        count = np.bincount(cid, minlength=len(cell))
        cg, ct = np.divmod(cell, len(ukey))
        self.keys.append(ukey[ct])
        self.gids.append((cg + g0).astype(np.int32))
        self.counts.append(count.astype(np.int32))


def slice_ngrams(codes: np.ndarray, n_words: int, boundary: np.ndarray, stop: np.ndarray) -> tuple[np.ndarray,
                                                                                                   np.ndarray]:
    """(positions, packed keys) of the counted ``n_words``-grams of a token stream.

    The rules of :func:`mediakit.compare._ngrams.ngram_cells`: no boundary token inside, no stop word
    as a unigram or at either end.
    """
    n_pos = len(codes) - n_words + 1
    if n_pos <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    base = key_base(n_words)
    ok = ~boundary[codes[:n_pos]] & ~stop[codes[:n_pos]] & ~stop[codes[n_words - 1:n_words - 1 + n_pos]]
    for k in range(1, n_words):
        ok &= ~boundary[codes[k:k + n_pos]]
    where = np.flatnonzero(ok)
    key = codes[where].astype(np.int64)
    for k in range(1, n_words):
        key = key * base + codes[where + k]
    return where, key


def merge_cells(cells: SliceCells, min_count: int) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                                                            np.ndarray]:
    """Sum the cells of every slice: (types, kept keys, their totals, cell group, cell kept index, cell count).

    Kept: the keys counted at least ``max(min_count, 1)`` times in all; cells sorted by group.
    """
    keys = np.concatenate(cells.keys)
    cells.keys.clear()
    inv, ukey = pd.factorize(keys)  # hashed: only the kept keys are sorted
    del keys
    count = np.concatenate(cells.counts).astype(np.int64)
    cells.counts.clear()
    total = np.bincount(inv, weights=count, minlength=len(ukey)).astype(np.int64)
    kept = np.flatnonzero(total >= max(min_count, 1))
    kept = kept[np.argsort(ukey[kept], kind="stable")]
    kept_of = np.full(len(ukey), -1, dtype=np.int64)
    kept_of[kept] = np.arange(len(kept))
    kidx = kept_of[inv]
    del inv
    sel = kidx >= 0
    gid = np.concatenate(cells.gids)[sel].astype(np.int64)
    cells.gids.clear()
    cell, where = np.unique(gid * max(len(kept), 1) + kidx[sel], return_inverse=True)
    cell_count = np.bincount(where.ravel(), weights=count[sel], minlength=len(cell))
    cell_g, cell_t = np.divmod(cell, max(len(kept), 1))
    return len(ukey), ukey[kept], total[kept], cell_g, cell_t, cell_count


def key_text(keys: np.ndarray, n_words: int, tokens: np.ndarray) -> np.ndarray:
    """The text of packed n-gram keys (tokens joined with spaces; object array)."""
    base = key_base(n_words)
    parts: list[np.ndarray] = []
    rest = keys.copy()
    for _ in range(n_words):
        rest, code = np.divmod(rest, base)
        parts.append(tokens[code])
    out = np.empty(len(keys), dtype=object)
    out[:] = [" ".join(t) for t in zip(*reversed(parts), strict=True)] if len(keys) else []
    return out


def _slices(rows: Sequence[np.ndarray], size: int) -> Iterator[list[tuple[int, np.ndarray]]]:
    """Runs (group, positions) of at most ``size`` texts in all, in group order."""
    runs: list[tuple[int, np.ndarray]] = []
    room = size
    for g, r in enumerate(rows):
        r = np.asarray(r)
        start = 0
        while start < len(r):
            take = r[start:start + room]
            runs.append((g, take))
            start += len(take)
            room -= len(take)
            if room == 0:
                yield runs
                runs, room = [], size
    if runs:
        yield runs


def models_from_slices(texts: Sequence[str], rows: Sequence[np.ndarray], lo_n: int, hi_n: int,
                       stops: frozenset[str], *, prior: str, alpha0: float | None, min_count: int,
                       fold_style: bool = False, mask: Phrases = (),
                       slice_texts: int | None = None) -> list[NgramModel]:
    """The models of :func:`mediakit.compare._ngrams.models_from_texts`, counted slice by slice.

    Parameters are those of ``models_from_texts``; ``slice_texts``: articles per slice (default
    :data:`SLICE_TEXTS`). The models
    (hence the table of :func:`mediakit.compare.distinctive_terms`) are the same; the terms of a
    model may come in another order, which the table does not depend on.
    """
    return models_by_mask(texts, rows, lo_n, hi_n, stops, prior=prior, alpha0=alpha0, min_count=min_count,
                          fold_style=fold_style, masks=(mask,), slice_texts=slice_texts)[0]


def models_by_mask(texts: Sequence[str], rows: Sequence[np.ndarray], lo_n: int, hi_n: int,
                   stops: frozenset[str], *, prior: str, alpha0: float | None, min_count: int,
                   fold_style: bool = False, masks: Sequence[Phrases] = ((),),
                   slice_texts: int | None = None) -> list[list[NgramModel]]:
    """:func:`models_from_slices` under each of ``masks``, the texts tokenised once for all of them.

    Each mask's models are those of ``models_from_slices(..., mask=mask)``; the counts of every mask are
    kept side by side until the merge (their cells take that many times the memory).
    """
    counted = count_slices(texts, rows, lo_n, hi_n, stops, fold_style=fold_style, masks=masks, slice_texts=slice_texts)
    if counted is None:  # keys would not fit in an int64: count the whole stream at once
        return [models_from_texts(texts, rows, lo_n, hi_n, stops, prior=prior, alpha0=alpha0,
                                  min_count=min_count, fold_style=fold_style, mask=mask) for mask in masks]
    tokens, cells = counted
    return [models_of(mask_cells, tokens, prior=prior, alpha0=alpha0, min_count=min_count) for mask_cells in cells]


def count_slices(texts: Sequence[str], rows: Sequence[np.ndarray], lo_n: int, hi_n: int, stops: frozenset[str], *,
                 fold_style: bool, masks: Sequence[Phrases],
                 slice_texts: int | None = None) -> tuple[np.ndarray, list[list[SliceCells]]] | None:
    """The counting of :func:`models_by_mask`: the distinct tokens (in code order) and the cells of every mask and
    n-gram length, before the merge; None when the vocabulary outgrows :func:`key_base` of ``hi_n``.

    ``rows[i]``: the positions in ``texts`` of group ``i``'s articles (empty for a group counted elsewhere).
    """
    vocab = _Vocab(stops)
    cells = [[SliceCells(n, len(rows)) for n in range(lo_n, hi_n + 1)] for _ in masks]
    limit = key_base(hi_n)
    for runs in _slices(rows, max(int(SLICE_TEXTS if slice_texts is None else slice_texts), 1)):
        codes, gid = slice_codes_masked(texts, runs, vocab, fold_style=fold_style, masks=masks)
        if len(vocab.index) > limit:
            return None
        for mask_codes, mask_cells in zip(codes, cells, strict=True):
            for c in mask_cells:
                where, key = slice_ngrams(mask_codes, c.n_words, vocab.boundary, vocab.stop)
                c.add(key, gid[where])
        del codes, gid
        release_memory()  # a slice's token arrays go back to the system, not into the next slice's peak
    return vocab.tokens(), cells


def models_of(cells: list[SliceCells], tokens: np.ndarray, *, prior: str, alpha0: float | None,
               min_count: int) -> list[NgramModel]:
    """The models of the merged cells of every n-gram length that occurs."""
    models: list[NgramModel] = []
    for c in cells:
        if not c.keys:  # no n-gram of this length in the corpus
            continue
        n_types, keys, total, cell_g, cell_t, cell_count = merge_cells(c, min_count)
        models.append(model_from_counts(c.n_words, n_types, key_text(keys, c.n_words, tokens), total,
                                        c.n_by_group, cell_g, cell_t, cell_count, prior=prior, alpha0=alpha0))
    return models

"""N-gram counting for :func:`mediakit.compare.distinctive_terms`: tokens, n-grams, count models.

Two ways to the same :class:`NgramModel` per n-gram length:

* in one process (pandas): :func:`models_from_texts` tokenises every group's texts into one
  stream and counts its n-grams (:func:`ngram_cells`, :func:`ngram_model`);
* counted elsewhere (the Dask layer): :func:`term_cells` counts one slice of the articles as
  (term, n_words, gid, count) rows; once those are summed by term, :func:`models_from_cells`
  builds the models.

**Tokens.** Lower-cased, curly apostrophes made straight (:func:`fold`), split with
:data:`TOKEN_RE`: the words of :data:`mediakit.text.WORD_RE`, or a single punctuation mark
of :data:`BOUNDARY_CHARS` that ends an n-gram.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..text import NGRAM_BOUNDARY_CHARS, NGRAM_TOKEN_RE
from ._style import fold_variants

__all__ = ["BOUNDARY_CHARS", "NgramModel", "Phrases", "fold_and_mask", "mask_phrases", "TOKEN_RE", "fold", "model_from_counts", "models_from_cells",
           "models_from_texts", "ngram_cells", "ngram_model", "ngram_text", "term_cells", "token_flags",
           "token_stream"]

#: Texts tokenised at a time by :func:`token_stream` (bounds the Python strings alive at once).
_BATCH = 256
#: Tokens for distinctive_terms: WORD_RE words, or a single punctuation mark that
#: ends an n-gram (sentence/clause punctuation, quotes, brackets, dashes, line breaks).
BOUNDARY_CHARS = NGRAM_BOUNDARY_CHARS
TOKEN_RE = NGRAM_TOKEN_RE


def fold(text: str) -> str:
    """Lower-case and make curly apostrophes straight (str.replace: much faster than translate)."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


@dataclass
class NgramModel:
    """Counts of one n-gram length: kept vocabulary and sparse (group, term) cells."""

    n_words: int
    n_types: int             # distinct n-grams of this length (before min_count)
    terms: np.ndarray        # object array of term strings (kept vocabulary)
    term_rank: np.ndarray    # alphabetical rank of every kept term (for tie-breaking)
    total: np.ndarray        # corpus-wide count of every kept term
    alpha_w: np.ndarray      # prior of every kept term
    alpha0: float
    n_by_group: np.ndarray   # n-grams of this length per group (all terms, not only kept)
    n_all: float
    cell_term: np.ndarray    # kept-term index of every (group, term) cell, cells sorted by group
    cell_count: np.ndarray
    bounds: np.ndarray       # cells of group i are cell_*[bounds[i]:bounds[i + 1]]

    def counts(self, groups: Sequence[int]) -> np.ndarray:
        """Dense counts over the kept vocabulary, summed over ``groups``."""
        y = np.zeros(len(self.terms), dtype=np.float64)
        for gi in groups:  # a (group, term) cell is unique, so += never repeats an index
            s, e = self.bounds[gi], self.bounds[gi + 1]
            y[self.cell_term[s:e]] += self.cell_count[s:e]
        return y


#: Phrases (tuples of tokens) whose occurrences are not counted: outlet names under ``house_style="exclude"``.
Phrases = tuple[tuple[str, ...], ...]


def mask_phrases(codes: np.ndarray, uniq: np.ndarray, phrases: Phrases) -> np.ndarray:
    """``codes`` with every occurrence of a phrase replaced by line breaks (n-gram boundaries).

    Masking "fox news" keeps its words out of every count: "news" from "told Fox News" is the
    outlet's name, not a word it chose. Phrases whose tokens do not all occur change nothing.
    """
    where = {t: i for i, t in enumerate(uniq.tolist())}
    boundary = where.get("\n")
    if boundary is None:
        return codes
    wanted = [[where[t] for t in phrase] for phrase in phrases if phrase and all(t in where for t in phrase)]
    if not wanted:
        return codes
    first = np.zeros(len(uniq), dtype=bool)
    first[[ids[0] for ids in wanted]] = True
    cand = np.flatnonzero(first[codes])  # one pass over the stream; the phrases are checked at these only
    out = codes.copy()
    n = len(codes)
    for ids in wanted:
        k = len(ids)
        start = cand[(codes[cand] == ids[0]) & (cand <= n - k)]
        for j in range(1, k):
            start = start[codes[start + j] == ids[j]]
        for j in range(k):
            out[start + j] = boundary
    return out


def token_stream(texts: Sequence[str], rows: Sequence[np.ndarray], *, fold_style: bool = False,
                 mask: Phrases = ()) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tokens of every group as one stream, each group's texts followed by a boundary token.

    ``rows[i]`` are the positions in ``texts`` of group ``i``'s articles, joined with line
    breaks (a boundary: no n-gram crosses articles or groups). Returns the token codes, the
    distinct tokens (object array) and the group index of every token. ``fold_style``: fold
    abbreviation variants into one token ("sen" -> "senator", "u.s" -> "us"; see
    :mod:`mediakit.compare._style`), on the distinct tokens (cheap). ``mask``: phrases whose
    occurrences are not counted (:func:`mask_phrases`).
    """
    # Tokens are coded batch by batch (the codes of pd.factorize over the whole stream: numbered in order of
    # first appearance) so that the corpus's tokens are never all held as Python strings at once (37 M
    # tokens of the AllSides file took over 2 GB that way). A batch's texts are joined with line breaks,
    # and a line break token ends the batch: the stream is the one of each group's texts joined whole.
    vocab: dict[str, int] = {}
    pieces: list[np.ndarray] = []
    lengths = np.zeros(len(rows), dtype=np.int64)
    for g, r in enumerate(rows):
        r = np.asarray(r)
        for start in range(0, max(len(r), 1), _BATCH):
            blob = fold("\n".join(texts[i] for i in r[start:start + _BATCH]))
            local, local_uniq = pd.factorize(np.array(TOKEN_RE.findall(blob) + ["\n"], dtype=object))
            ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in local_uniq), dtype=np.int64,
                              count=len(local_uniq))
            pieces.append(ids[local])
            lengths[g] += len(local)
    codes = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
    del pieces
    gid = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    uniq = np.empty(len(vocab), dtype=object)
    uniq[:] = list(vocab)
    codes, uniq = fold_and_mask(codes, uniq, fold_style, mask)
    return codes, uniq, gid


def fold_and_mask(codes: np.ndarray, uniq: np.ndarray, fold_style: bool,
                  mask: Phrases) -> tuple[np.ndarray, np.ndarray]:
    """``codes`` over the distinct tokens ``uniq`` with house-style variants folded together
    (:func:`mediakit.compare._style.fold_variants`, when ``fold_style``) and the phrases of ``mask``
    replaced by boundaries (:func:`mask_phrases`); the codes and the distinct tokens they index."""
    if fold_style:
        folded = fold_variants(uniq)
        if folded is not None:
            recode, uniq = pd.factorize(folded)
            codes = recode[codes]
            uniq = np.asarray(uniq, dtype=object)
    if mask:
        codes = mask_phrases(codes, uniq, mask)
    return codes, uniq


def token_flags(uniq: np.ndarray, stops: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """Which distinct tokens are n-gram boundaries, and which are stop words."""
    uniq_index = pd.Index(uniq)
    is_boundary = np.asarray(uniq_index.isin(list(BOUNDARY_CHARS)), dtype=bool)
    is_stop = np.asarray(uniq_index.isin(list(stops)), dtype=bool) if stops else np.zeros(len(uniq), bool)
    return is_boundary, is_stop


def ngram_cells(codes: np.ndarray, n_uniq: int, gid: np.ndarray, n_groups: int, n_words: int,
                is_boundary: np.ndarray, is_stop: np.ndarray
                ) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(types, first position of every type, cell group, cell type, cell count) of one n-gram length.

    Types are numbered in order of first appearance; cells are the non-zero (group, type)
    counts, sorted by group then type. None when the stream has no n-gram of this length.
    """
    n_pos = len(codes) - n_words + 1
    if n_pos <= 0:
        return None
    ok = ~is_boundary[codes[:n_pos]]
    key = codes[:n_pos].astype(np.int64)
    for k in range(1, n_words):
        if k > 1:  # keep keys small: number the (k)-grams before appending a token
            key = pd.factorize(key)[0].astype(np.int64)
        nxt = codes[k:k + n_pos]
        ok &= ~is_boundary[nxt]
        key = key * n_uniq + nxt
    # stop words: not as a unigram, not at the start or end of an n-gram
    ok &= ~is_stop[codes[:n_pos]] & ~is_stop[codes[n_words - 1:n_words - 1 + n_pos]]
    where = np.flatnonzero(ok)
    if len(where) == 0:
        return None
    term_id, term_keys = pd.factorize(key[where])
    n_terms = len(term_keys)
    cell = gid[where] * n_terms + term_id
    if n_groups * n_terms <= 50_000_000:  # dense count then the non-zero cells: no sort needed
        dense = np.bincount(cell, minlength=n_groups * n_terms)
        cell = np.flatnonzero(dense)
        cell_count = dense[cell]
        del dense
    else:
        cell, cell_count = np.unique(cell, return_counts=True)
    cell_g, cell_t = np.divmod(cell, n_terms)
    # factorize numbers terms in order of appearance: a term's first position is where a new maximum starts
    new_max = np.empty(len(term_id), dtype=bool)
    new_max[0] = True
    new_max[1:] = term_id[1:] > np.maximum.accumulate(term_id)[:-1]
    return n_terms, where[new_max], cell_g, cell_t, cell_count


def ngram_text(codes: np.ndarray, uniq: np.ndarray, first: np.ndarray, n_words: int) -> np.ndarray:
    """The text of the n-grams starting at positions ``first`` (object array)."""
    terms = np.empty(len(first), dtype=object)
    terms[:] = [" ".join(uniq[codes[p + k]] for k in range(n_words)) for p in first]
    return terms


def model_from_counts(n_words: int, n_types: int, terms: np.ndarray, total: np.ndarray, n_by_group: np.ndarray,
                      cell_g: np.ndarray, cell_t: np.ndarray, cell_count: np.ndarray, *, prior: str,
                      alpha0: float | None) -> NgramModel:
    """The model of one n-gram length from its counts (both paths build it here).

    ``terms``: the kept terms; ``total``: their corpus-wide counts; ``n_by_group``: the
    n-grams of this length per group (all terms); ``cell_*``: the (group, kept-term index,
    count) cells, sorted by group; ``n_types``: distinct n-grams of this length.
    """
    n_by_group = np.asarray(n_by_group, dtype=np.float64)
    n_all = float(n_by_group.sum())
    total = np.asarray(total, dtype=np.float64)
    if prior == "informative":
        a0 = float(alpha0) if alpha0 is not None else n_all
        alpha_w = a0 * total / n_all
    else:
        a0 = float(alpha0) if alpha0 is not None else 0.01 * n_types
        alpha_w = np.full(len(terms), a0 / n_types)
    term_rank = np.empty(len(terms), dtype=np.int64)
    term_rank[np.argsort(terms.astype(str), kind="stable")] = np.arange(len(terms))
    return NgramModel(
        n_words=n_words, n_types=n_types, terms=terms, term_rank=term_rank, total=total, alpha_w=alpha_w,
        alpha0=a0, n_by_group=n_by_group, n_all=n_all, cell_term=np.asarray(cell_t, dtype=np.int64),
        cell_count=np.asarray(cell_count, dtype=np.float64),
        bounds=np.searchsorted(cell_g, np.arange(len(n_by_group) + 1)))


def ngram_model(codes: np.ndarray, uniq: np.ndarray, gid: np.ndarray, n_groups: int, n_words: int,
                is_boundary: np.ndarray, is_stop: np.ndarray, *, prior: str, alpha0: float | None,
                min_count: int) -> NgramModel | None:
    """The model of one n-gram length from the token stream (pandas path); None when it has no n-gram."""
    cells = ngram_cells(codes, len(uniq), gid, n_groups, n_words, is_boundary, is_stop)
    if cells is None:
        return None
    n_terms, first, cell_g, cell_t, cell_count = cells
    total = np.bincount(cell_t, weights=cell_count, minlength=n_terms)
    n_by_group = np.bincount(cell_g, weights=cell_count, minlength=n_groups)
    kept = np.flatnonzero(total >= max(min_count, 1))
    kept_of = np.full(n_terms, -1, dtype=np.int64)
    kept_of[kept] = np.arange(len(kept))
    sel = kept_of[cell_t] >= 0
    return model_from_counts(n_words, n_terms, ngram_text(codes, uniq, first[kept], n_words), total[kept],
                             n_by_group, cell_g[sel], kept_of[cell_t[sel]], cell_count[sel], prior=prior,
                             alpha0=alpha0)


def models_from_texts(texts: Sequence[str], rows: Sequence[np.ndarray], lo_n: int, hi_n: int,
                      stops: frozenset[str], *, prior: str, alpha0: float | None,
                      min_count: int, fold_style: bool = False, mask: Phrases = ()) -> list[NgramModel]:
    """The counts of every n-gram length that occurs, from the texts of every group (pandas path)."""
    codes, uniq, gid = token_stream(texts, rows, fold_style=fold_style, mask=mask)
    is_boundary, is_stop = token_flags(uniq, stops)
    models: list[NgramModel] = []
    for n_words in range(lo_n, hi_n + 1):
        model = ngram_model(codes, uniq, gid, len(rows), n_words, is_boundary, is_stop,
                            prior=prior, alpha0=alpha0, min_count=min_count)
        if model is not None:
            models.append(model)
    return models


def term_cells(texts: Sequence[str], row_gid: np.ndarray, lo_n: int, hi_n: int,
               stops: frozenset[str], *, fold_style: bool = False, mask: Phrases = ()) -> pd.DataFrame:
    """Every (n-gram, group) count of a slice of the articles: ``term``, ``n_words``, ``gid``, ``count``.

    ``row_gid`` is every article's group index (−1: no group). One partition's share of
    ``mediakit.dask.distinctive_terms``; the same tokens and n-grams as the pandas path, with
    the term text (the partial counts of different partitions are summed by term, then
    :func:`models_from_cells` builds the models).
    """
    present = np.unique(row_gid[row_gid >= 0])
    sorter = np.argsort(row_gid, kind="stable")
    bounds = np.searchsorted(row_gid[sorter], np.append(present, present[-1] + 1 if len(present) else 0))
    rows = [sorter[bounds[i]:bounds[i + 1]] for i in range(len(present))]
    frames = [pd.DataFrame({"term": pd.Series([], dtype=object), "n_words": pd.Series([], dtype=np.int64),
                            "gid": pd.Series([], dtype=np.int64), "count": pd.Series([], dtype=np.int64)})]
    if rows:
        codes, uniq, gid = token_stream(texts, rows, fold_style=fold_style, mask=mask)
        is_boundary, is_stop = token_flags(uniq, stops)
        for n_words in range(lo_n, hi_n + 1):
            cells = ngram_cells(codes, len(uniq), gid, len(rows), n_words, is_boundary, is_stop)
            if cells is None:
                continue
            _, first, cell_g, cell_t, cell_count = cells
            terms = ngram_text(codes, uniq, first, n_words)
            frames.append(pd.DataFrame({"term": terms[cell_t], "n_words": np.full(len(cell_t), n_words, np.int64),
                                        "gid": present[cell_g].astype(np.int64),
                                        "count": cell_count.astype(np.int64)}))
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def models_from_cells(kept: pd.DataFrame, stats: pd.Series, n_groups: int, lo_n: int, hi_n: int, *,
                      prior: str, alpha0: float | None) -> list[NgramModel]:
    """The counts of every n-gram length that occurs, from summed cells (Dask path).

    ``kept``: the (n-gram, group) counts of the terms kept by ``min_count`` (``term``,
    ``n_words``, ``gid``, ``count``; every group of a kept term); ``stats``: summed over the
    corpus, indexed by (``n_words``, ``gid``): tokens of that length and group, and the
    number of types of that length at ``gid`` −1.
    """
    models: list[NgramModel] = []
    stat = {(int(n), int(g)): int(v) for (n, g), v in stats.items()}
    n_words_col = kept["n_words"].to_numpy(dtype=np.int64)
    for n_words in range(lo_n, hi_n + 1):
        n_types = stat.get((n_words, -1), 0)
        if n_types == 0:  # no n-gram of this length in the corpus
            continue
        n_by_group = np.array([stat.get((n_words, g), 0) for g in range(n_groups)], dtype=np.float64)
        sub = kept[n_words_col == n_words]
        term_id, uniq_terms = pd.factorize(sub["term"])
        terms = np.asarray(uniq_terms, dtype=object)
        gid = sub["gid"].to_numpy(dtype=np.int64)
        count = sub["count"].to_numpy(dtype=np.float64)
        total = np.bincount(term_id, weights=count, minlength=len(terms))
        by_group = np.argsort(gid, kind="stable")
        models.append(model_from_counts(n_words, n_types, terms, total, n_by_group, gid[by_group],
                                        term_id[by_group], count[by_group], prior=prior, alpha0=alpha0))
    return models

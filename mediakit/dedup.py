"""Exact duplicates and near-duplicate wire copies, flagged rather than dropped.

Exact: the same words in the same order, after folding case (punctuation and
white space do not count). Near: word
5-gram shingle sets whose Jaccard similarity reaches ``threshold``, found with
MinHash and locality-sensitive hashing (Broder 1997; Leskovec, Rajaraman & Ullman,
*Mining of Massive Datasets*, ch. 3), then checked exactly.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from ._validation import check_articles
from .text import WORD_CHARS_RE

__all__ = ["flag_duplicates", "flag_duplicates_keyed", "folded_words", "exact_key"]

_N_HASH, _BANDS = 64, 16
_ROWS = _N_HASH // _BANDS
_rng = np.random.default_rng(20241211)
_A = (_rng.integers(1, 2**63 - 1, _N_HASH, dtype=np.uint64) | np.uint64(1))
_B = _rng.integers(0, 2**63 - 1, _N_HASH, dtype=np.uint64)
_MASK32 = np.uint64(0xFFFFFFFF)
_MAX_BUCKET = 50  # candidates checked per band bucket (bounds the worst case)


def folded_words(text: str) -> list[str]:
    """The case-folded words of ``text``: what exact duplicates compare.

    Examples
    --------
    >>> folded_words("Rates HOLD, again.")
    ['rates', 'hold', 'again']
    """
    return WORD_CHARS_RE.findall(text.casefold()) if text else []


def exact_key(words: list[str]) -> str:
    """Digest of a text's folded words (hex): equal for exact duplicates.

    Examples
    --------
    >>> exact_key(folded_words("Rates hold.")) == exact_key(folded_words("RATES -- hold"))
    True
    """
    return hashlib.blake2b("\x1f".join(words).encode(), digest_size=16).hexdigest()


_FNV_PRIME = np.uint64(1_099_511_628_211)
_POWERS = np.ones(1, dtype=np.uint64)  # _FNV_PRIME ** k (mod 2**64), grown on demand


def _powers(n: int) -> np.ndarray:
    """``_FNV_PRIME ** k`` modulo 2**64 for k < ``n`` (at least)."""
    global _POWERS
    if len(_POWERS) < n:
        size = max(n, 2 * len(_POWERS))
        powers = np.empty(size, dtype=np.uint64)
        powers[0] = 1
        with np.errstate(over="ignore"):
            for k in range(1, size):  # once per process, up to the longest word seen
                powers[k] = powers[k - 1] * _FNV_PRIME
        _POWERS = powers
    return _POWERS


def _word_hashes(words: list[str]) -> np.ndarray:
    """Stable 64-bit hashes of words, vectorised over their code points.

    The hash of a word ``c_0 ... c_{L-1}`` (code points) is ``h = h * P + c`` over its code
    points from ``h = 0``, modulo 2**64: ``sum(c_i * P**(L-1-i))``, computed here for all
    words at once from their concatenated code points (the sum wraps alike in any order).
    """
    if not words:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer("".join(words).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    ends = np.cumsum(lengths)
    starts = ends - lengths
    # exponent of each code point: the number of code points after it in its word
    exponent = np.repeat(ends, lengths) - np.arange(1, len(codes) + 1)
    with np.errstate(over="ignore"):
        terms = codes.astype(np.uint64) * _powers(int(lengths.max()))[exponent]
    return np.add.reduceat(terms, starts)


def _shingles(tokens: np.ndarray, k: int) -> np.ndarray:
    """64-bit hashes of the k-token windows of ``tokens``, in text order (repeats kept)."""
    if len(tokens) < k:
        return np.empty(0, dtype=np.uint64)
    h = np.zeros(len(tokens) - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * np.uint64(1_000_003) + tokens[j: len(tokens) - k + 1 + j]
    return h


class _ShingleSets:
    """Each text's shingle hashes; their set (``np.unique``) is computed only for the texts
    a candidate pair needs (most texts have no candidate)."""

    def __init__(self) -> None:
        self.raw: dict[int, np.ndarray] = {}
        self._unique: dict[int, np.ndarray] = {}

    def jaccard(self, i: int, j: int) -> float:
        a, c = self.unique(i), self.unique(j)
        inter = len(np.intersect1d(a, c, assume_unique=True))
        return inter / (len(a) + len(c) - inter)

    def unique(self, i: int) -> np.ndarray:
        u = self._unique.get(i)
        if u is None:
            u = self._unique[i] = np.unique(self.raw[i])
        return u


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def flag_duplicates(articles: pd.DataFrame, *, threshold: float = 0.8, shingle: int = 5,
                    min_words: int = 30) -> pd.DataFrame:
    """Return a copy of ``articles`` with ``duplicate_of`` and ``duplicate_kind`` filled in.

    The first article of each group (in row order) is the original; every later
    member points to it. Nothing is dropped.

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``text``.
    threshold : float
        Jaccard similarity of word shingle sets from which two texts are near duplicates.
    shingle : int
        Words per shingle.
    min_words : int
        Texts shorter than this are only checked for exact duplicates.

    Returns
    -------
    pandas.DataFrame
        One row per article, as ``articles`` (a copy: same rows, index and columns; the
        input is not modified), with ``duplicate_of`` (``article_id`` of the group's first
        article, <NA> for originals) and ``duplicate_kind`` (``'exact'`` or ``'near'``,
        <NA> for originals) set, both ``string`` dtype (added last when absent).

    Raises
    ------
    TypeError
        If ``articles`` is not a DataFrame.
    MissingColumnError
        If ``article_id`` or ``text`` is missing.
    ValueError
        If ``threshold`` is not in (0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> body = " ".join(f"word{i}" for i in range(60))
    >>> df = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...                    "text": [body, body.upper(), body + " extra words at the end"]})
    >>> flag_duplicates(df)[["duplicate_of", "duplicate_kind"]].values.tolist()
    [[<NA>, <NA>], ['a', 'exact'], ['a', 'near']]
    """
    return flag_duplicates_keyed(articles, threshold=threshold, shingle=shingle, min_words=min_words)[0]


def flag_duplicates_keyed(articles: pd.DataFrame, *, threshold: float = 0.8, shingle: int = 5,
                          min_words: int = 30) -> tuple[pd.DataFrame, list[str | None]]:
    """:func:`flag_duplicates`, and each row's :func:`exact_key` (None for a text without words), for a caller
    that compares the texts with others too (the chunks read before, :func:`mediakit.iter_articles`) without
    folding their words again.

    Examples
    --------
    >>> import pandas as pd
    >>> _, keys = flag_duplicates_keyed(pd.DataFrame({"article_id": ["a", "b"], "text": ["Rates hold.", ""]}))
    >>> keys[0] == exact_key(folded_words("Rates hold.")), keys[1]
    (True, None)
    """
    check_articles(articles, func="flag_duplicates", unique_id=False)
    if not 0 < threshold <= 1:
        raise ValueError(f"flag_duplicates(): threshold must be in (0, 1], got {threshold}")
    out = articles.copy()
    n = len(out)
    texts = ["" if not isinstance(t, str) else t for t in out["text"].tolist()]
    ids = out["article_id"].astype("string").tolist()
    parent = list(range(n))
    exact_first: dict[str, int] = {}
    keys: list[str | None] = []
    words_of: dict[int, list[str]] = {}
    for i, t in enumerate(texts):
        words = folded_words(t)
        if not words:
            keys.append(None)
            continue
        k = exact_key(words)
        keys.append(k)
        if k in exact_first:
            parent[i] = exact_first[k]
        else:
            exact_first[k] = i
            if len(words) >= min_words:
                words_of[i] = words

    sets = _ShingleSets()
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for i, words in words_of.items():
        sh = _shingles(_word_hashes(words), shingle)
        if len(sh) == 0:
            continue
        sets.raw[i] = sh
        # MinHash signature: the minimum over the shingles (repeats do not change a minimum)
        with np.errstate(over="ignore"):  # ((sh * A + B) >> 32).min() per hash function, in place
            table = np.multiply.outer(sh, _A)
            table += _B
            table >>= np.uint64(32)
            sig = table.min(axis=0) & _MASK32
        candidates: set[int] = set()
        for b in range(_BANDS):
            members = buckets.setdefault((b, sig[b * _ROWS:(b + 1) * _ROWS].tobytes()), [])
            candidates.update(members[:_MAX_BUCKET])
            members.append(i)
        for j in sorted(candidates):
            ri, rj = _find(parent, i), _find(parent, j)
            if ri != rj and sets.jaccard(i, j) >= threshold:
                parent[max(ri, rj)] = min(ri, rj)

    dup_of: list[object] = [pd.NA] * n
    kind: list[object] = [pd.NA] * n
    for i in range(n):
        r = _find(parent, i)
        if r != i:
            dup_of[i] = ids[r]
            kind[i] = "exact" if keys[i] is not None and keys[i] == keys[r] else "near"
    out["duplicate_of"] = pd.array(dup_of, dtype="string")
    out["duplicate_kind"] = pd.array(kind, dtype="string")
    return out, keys

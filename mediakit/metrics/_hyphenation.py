"""Pyphen's hyphenation points of many words at once, with NumPy.

Readability counts the syllables of a word missing from the CMU dictionary as its hyphenation
points + 1 (``len(pyphen.Pyphen.positions(word)) + 1``); a corpus brings thousands of such words,
each hyphenated once. :class:`BatchHyphenation` hyphenates all the new words of a batch together:
Liang's algorithm as Pyphen 0.18 runs it, with the per-character trie walk of every start position
of every word done level by level over arrays instead of in a Python loop per word (about 3x
faster on AllSides' words). :func:`mediakit.metrics._textstat.batch_hyphenation` uses it only after
checking it against Pyphen itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["BatchHyphenation"]

#: One more than the largest code point: a trie edge is keyed ``node * _CODE_SPAN + code point``.
_CODE_SPAN = 0x110000


class BatchHyphenation:
    """``[len(pyphen.Pyphen.positions(w)) for w in words]``, computed as Pyphen 0.18 does.

    Pyphen (``HyphDict.positions``) pads the lowercased word with dots, looks up every substring
    of at most ``maxlen`` characters in its patterns, keeps at each place between two letters the
    highest digit any matching pattern puts there, and reports the odd ones within the ``left`` and
    ``right`` margins (``Pyphen.positions``). Here the patterns are a trie whose edges are a sorted
    array; all start positions of all words walk it together, one character per step, and the
    digits of the patterns met are maxed into one array of references for all words.

    Parameters
    ----------
    hyphenator : pyphen.Pyphen
        Whose patterns (``hyphenator.hd``) and margins are used.

    Examples
    --------
    >>> import pyphen
    >>> BatchHyphenation(pyphen.Pyphen(lang="en_US")).many(["hyphenation", "a", "readability"])
    [2, 0, 3]
    """

    def __init__(self, hyphenator: Any) -> None:
        hd = hyphenator.hd
        self.maxlen: int = hd.maxlen
        self.left: int = hyphenator.left
        self.right: int = hyphenator.right
        children: list[dict[str, int]] = [{}]  # by trie node: character -> child node
        pattern_of = [-1]  # by trie node: the pattern ending there, or -1
        offsets: list[int] = []
        digits: list[list[int]] = []
        for key, (offset, values) in hd.patterns.items():
            if not key:  # Pyphen looks up non-empty substrings only
                continue
            node = 0
            for ch in key:
                child = children[node].get(ch)
                if child is None:
                    child = children[node][ch] = len(children)
                    children.append({})
                    pattern_of.append(-1)
                node = child
            pattern_of[node] = len(offsets)
            offsets.append(offset)
            digits.append([int(v) for v in values])
        edges = sorted((node * _CODE_SPAN + ord(ch), child)
                       for node, kids in enumerate(children) for ch, child in kids.items())
        self._edge_keys = np.array([k for k, _ in edges], dtype=np.int64)
        self._edge_child = np.array([c for _, c in edges], dtype=np.int64)
        self._pattern_of = np.array(pattern_of, dtype=np.int64)
        self._offset = np.array(offsets, dtype=np.int64)
        self._length = np.array([len(d) for d in digits], dtype=np.int64)
        self._first_digit = np.cumsum(self._length) - self._length
        self._digits = np.array([d for ds in digits for d in ds], dtype=np.int64)

    def many(self, words: Sequence[str]) -> list[int]:
        """The number of hyphenation points of each word (Pyphen's ``len(positions(word))``)."""
        if not words:
            return []
        pointed = [f".{w.lower()}." for w in words]  # HyphDict.positions lowercases (again)
        n = np.fromiter(map(len, pointed), dtype=np.int64, count=len(words))
        # Word w owns the slots base[w] .. base[w] + n[w] of the joined text (its dotted letters and
        # the separator after them) and of the references, whose list in Pyphen has n + 1 entries.
        base = np.cumsum(n + 1) - (n + 1)
        codes = np.frombuffer("\n".join(pointed).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        starts, limits = self._starts(base, n)
        hit_start, hit_pattern = self._walk(codes.astype(np.int64), starts, limits)
        slots, digits = self._placed_digits(hit_start, hit_pattern, base, n)
        references = np.zeros(int(base[-1] + n[-1] + 1), dtype=np.int64)
        np.maximum.at(references, slots, digits)
        odd = np.concatenate(([0], np.cumsum(references & 1)))
        # Pyphen.positions: the odd references[i] with left <= i - 1 <= len(word) - right (a list slice)
        size = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        low = np.minimum(max(self.left + 1, 0), n + 1)
        high = np.maximum(np.minimum(np.maximum(size - self.right + 2, 0), n + 1), low)
        return (odd[base + high] - odd[base + low]).tolist()

    def _starts(self, base: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every start position of every word (``range(n - 1)`` from its first slot) and the end
        of its walk (``min(start + maxlen, end of the word)``, exclusive)."""
        per_word = n - 1
        word = np.repeat(np.arange(len(n)), per_word)
        starts = base[word] + np.arange(len(word)) - np.repeat(np.cumsum(per_word) - per_word, per_word)
        return starts, np.minimum(starts + self.maxlen, (base + n)[word])

    def _walk(self, codes: np.ndarray, starts: np.ndarray, limits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The (start position, pattern) of every pattern that the text continues with at a start."""
        found_start, found_pattern = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
        node = np.zeros(len(starts), dtype=np.int64)
        keys, last = self._edge_keys, len(self._edge_keys) - 1
        for depth in range(self.maxlen):
            going = starts + depth < limits
            starts, limits, node = starts[going], limits[going], node[going]
            key = node * _CODE_SPAN + codes[starts + depth]
            edge = np.minimum(np.searchsorted(keys, key), last)
            going = keys[edge] == key  # the trie continues with this character
            starts, limits, node = starts[going], limits[going], self._edge_child[edge[going]]
            if not len(node):
                break
            pattern = self._pattern_of[node]
            ends_here = pattern >= 0
            found_start.append(starts[ends_here])
            found_pattern.append(pattern[ends_here])
        return np.concatenate(found_start), np.concatenate(found_pattern)

    def _placed_digits(self, hit_start: np.ndarray, hit_pattern: np.ndarray, base: np.ndarray,
                       n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each digit of each pattern found, and its slot among the references; digits past a
        word's ``n + 1`` references are dropped, as Pyphen's slice assignment drops them."""
        lengths = self._length[hit_pattern]
        hit = np.repeat(np.arange(len(hit_pattern)), lengths)
        within = np.arange(len(hit)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        slots = hit_start[hit] + self._offset[hit_pattern][hit] + within
        digits = self._digits[self._first_digit[hit_pattern][hit] + within]
        word = np.searchsorted(base, hit_start, side="right") - 1
        inside = slots <= (base + n)[word][hit]
        return slots[inside], digits[inside]

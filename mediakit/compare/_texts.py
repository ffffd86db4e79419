"""Text columns and search patterns: the text of each article's columns, and the pattern of a term.

:func:`part_texts` joins an article's text columns (lists such as ``captions`` element by element), and
:class:`PartTexts` does it for one article when it is read;
:func:`term_pattern` compiles the whole-word pattern :func:`mediakit.compare.kwic` and
:func:`mediakit.compare.attention` search with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, overload

import numpy as np
import pandas as pd

from .._validation import MissingColumnError
from ..text import ArticleTexts

__all__ = ["PartTexts", "SourceTexts", "check_text_columns", "part_texts", "term_pattern"]

_APOSTROPHE_RE = re.compile("['\u2019]")


def check_text_columns(df: pd.DataFrame, columns: Sequence[Any], *, func: str, name: str = "articles") -> None:
    """Raise :class:`MissingColumnError` unless every one of the text ``columns`` is in ``df``."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise MissingColumnError(func, missing, name=name, present=df.columns,
                                 hint=f"columns {missing!r} not in the table; pass columns= the text columns")


def _joined(cells: Sequence[Any]) -> str:
    """The text cells of one row joined with line breaks (lists element by element; other values left out)."""
    parts: list[str] = []
    for v in cells:
        if isinstance(v, str):
            parts.append(v)
        elif isinstance(v, (list, tuple, np.ndarray)):
            parts.extend(s for s in v if isinstance(s, str))
    return "\n".join(parts)


class _RowTexts(Sequence[str]):
    """A sequence of ``_n`` texts, row ``i`` (0 <= i < n) made by ``_row(i)``."""

    _n: int

    def __len__(self) -> int:
        return self._n

    def _row(self, i: int) -> str:
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self._row(k) for k in range(*i.indices(self._n))]
        i = int(i)
        if not -self._n <= i < self._n:
            raise IndexError(f"row {i} of {self._n}")
        return self._row(i % self._n)


class PartTexts(_RowTexts):
    """:func:`part_texts` made one row at a time, when it is read: ``texts[i] == part_texts(df, columns)[i]``.

    A corpus held in Arrow-backed string columns (pandas' default since 3.0) is UTF-8; the list of
    :func:`part_texts` is Python strings, up to four bytes a character, all alive at once (the whole
    AllSides file: the columns' lists and the joined strings, about 800 MiB at the peak). Read in slices, as
    :func:`mediakit.compare.distinctive_terms` counts the n-grams, only a slice's strings are alive.

    Examples
    --------
    >>> df = pd.DataFrame({"title": ["Hi", None], "captions": [["a", None, "b"], []]})
    >>> texts = PartTexts(df, ["title", "captions"])
    >>> len(texts), texts[0], texts[-1], list(texts) == part_texts(df, ["title", "captions"])
    (2, 'Hi\\na\\nb', '', True)
    """

    def __init__(self, df: pd.DataFrame, columns: Sequence[str], *, func: str = "distinctive_terms") -> None:
        check_text_columns(df, columns, func=func)
        self._columns = [df[c].array for c in columns]
        self._n = len(df)

    def _row(self, i: int) -> str:
        return _joined([col[i] for col in self._columns])


class SourceTexts(_RowTexts):
    """:class:`PartTexts` of a source of texts (:class:`mediakit.text.ArticleTexts`): ``texts[i]`` is row ``i``'s
    ``columns`` joined as :func:`part_texts` joins them.

    The source is read once, front to back, when a text is first asked for, and its texts are kept as UTF-8 bytes
    (a block's bytes and offsets; each text decoded when read): about one byte a character, where Python strings
    take up to four and the rows of a table of them more. Picklable: a worker is sent the source (small) and
    reads its texts itself.

    Examples
    --------
    >>> class Blocks:
    ...     def __init__(self, df): self.df = df
    ...     def __len__(self): return len(self.df)
    ...     def take(self, pos): return Blocks(self.df.iloc[list(pos)].reset_index(drop=True))
    ...     def frame(self): return self.df
    ...     def frames(self): return (self.df.iloc[i:i + 2].reset_index(drop=True) for i in range(0, len(self.df), 2))
    >>> df = pd.DataFrame({"title": ["A", "B", None], "text": ["x", "y’", "z"]})
    >>> texts = SourceTexts(Blocks(df), ["title", "text"])
    >>> list(texts) == part_texts(df, ["title", "text"]), texts[1], len(texts)
    (True, 'B\\ny’', 3)
    """

    def __init__(self, source: ArticleTexts, columns: Sequence[str], *, func: str = "distinctive_terms") -> None:
        check_text_columns(source.take([]).frame(), columns, func=func, name="texts")
        self._source = source
        self._columns = list(columns)
        self._n = len(source)
        self._blocks: list[tuple[bytes, np.ndarray]] | None = None
        self._starts = np.zeros(0, dtype=np.int64)

    def __getstate__(self) -> dict[str, Any]:
        return {"source": self._source, "columns": self._columns, "n": self._n}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._source, self._columns, self._n = state["source"], state["columns"], state["n"]
        self._blocks, self._starts = None, np.zeros(0, dtype=np.int64)

    def _read(self) -> list[tuple[bytes, np.ndarray]]:
        """Every block of the source as (its texts' UTF-8 bytes, their offsets)."""
        blocks, starts, start = [], [], 0
        for frame in self._source.frames():
            data = [t.encode("utf-8", "surrogatepass") for t in part_texts(frame, self._columns)]
            offsets = np.zeros(len(data) + 1, dtype=np.int64)
            np.cumsum([len(b) for b in data], out=offsets[1:])
            blocks.append((b"".join(data), offsets))
            starts.append(start)
            start += len(data)
            del data, frame
        if start != self._n:
            raise ValueError(f"distinctive_terms(): the source of texts gave {start} rows for {self._n}")
        self._starts = np.array(starts, dtype=np.int64)
        return blocks

    def _row(self, i: int) -> str:
        if self._blocks is None:
            self._blocks = self._read()
        b = int(np.searchsorted(self._starts, i, side="right")) - 1
        data, offsets = self._blocks[b]
        k = i - int(self._starts[b])
        return data[offsets[k]:offsets[k + 1]].decode("utf-8", "surrogatepass")


def part_texts(df: pd.DataFrame, columns: Sequence[str], *, func: str = "distinctive_terms") -> list[str]:
    """One string per row: the ``columns`` joined with line breaks (lists element by element).

    Raises
    ------
    MissingColumnError
        A column is not in ``df`` (the message names ``func``).

    Examples
    --------
    >>> import pandas as pd
    >>> part_texts(pd.DataFrame({"title": ["Hi"], "captions": [["a", None, "b"]]}), ["title", "captions"])
    ['Hi\\na\\nb']
    """
    check_text_columns(df, columns, func=func)
    cols = [df[c].tolist() for c in columns]
    return [_joined(cells) for cells in zip(*cols, strict=True)]


def term_pattern(term: str, *, regex: bool = False, case: bool = False) -> re.Pattern[str]:
    """Compile the pattern :func:`kwic` and :func:`attention` search with.

    Parameters
    ----------
    term : str
        A word or phrase, or a regular expression with ``regex=True``.
    regex : bool, default False
        Take ``term`` as a regular expression, as given.
    case : bool, default False
        Match case; by default case is ignored.

    Returns
    -------
    re.Pattern
        For a plain term: its words (split on white space) in order, separated
        by any white space, as whole words (no letter, digit or underscore right
        before or after); straight and curly apostrophes match each other.

    Examples
    --------
    >>> term_pattern("so-called truce").pattern
    '(?<!\\\\w)so\\\\-called\\\\s+truce(?!\\\\w)'
    >>> bool(term_pattern("don't").search("They don\u2019t know"))
    True
    """
    if not isinstance(term, str) or not term.strip():
        raise ValueError(f"need a non-empty term or pattern, got {term!r}")
    flags = 0 if case else re.IGNORECASE
    if regex:
        try:
            return re.compile(term, flags)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {term!r}: {exc}") from None
    words = [_APOSTROPHE_RE.sub("['\u2019]", re.escape(w)) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", flags)

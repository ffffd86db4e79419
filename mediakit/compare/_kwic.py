"""Keyword in context: every match of a term or pattern in the articles, with the text around it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._progress import progress_bar
from .._validation import check_bool, check_frame
from ._tables import KWIC_COLUMNS, empty_table
from ._texts import check_text_columns, term_pattern

__all__ = ["kwic"]


def kwic(articles: pd.DataFrame, term_or_pattern: str, *, window: int = 60, regex: bool = False,
         case: bool = False, columns: Sequence[str] = ("title", "text"), progress: bool | None = None) -> pd.DataFrame:
    """Keyword in context: every match of a term or pattern with the text around it.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table (``article_id`` and ``outlet`` are copied when present;
        without ``article_id`` the row index is used).
    term_or_pattern : str
        A word or phrase matched as whole words, any white space between the
        words, case ignored (see :func:`term_pattern`); or, with ``regex=True``,
        a regular expression.
    window : int, default 60
        Characters of context on each side.
    regex : bool, default False
        Take ``term_or_pattern`` as a regular expression.
    case : bool, default False
        Match case.
    columns : sequence of str, default ('title', 'text')
        Columns searched; a column of lists (``captions``) is searched element by
        element, ``part`` is then ``'captions[0]'``, ``'captions[1]'``, ...
    progress : bool, optional
        A progress bar over the articles; default: in terminals and notebooks,
        not under CI (see :mod:`mediakit._progress`).

    Returns
    -------
    pandas.DataFrame
        One row per match: ``article_id``, ``outlet``, ``part`` (column
        searched), ``start``, ``end`` (character offsets into that part:
        ``part_text[start:end] == match``), ``left`` (the ``window`` characters
        before, as in the text, line breaks included), ``match``, ``right``.
        Empty matches are skipped. In article order, then part, then offset.

    Raises
    ------
    TypeError
        ``articles`` is not a pandas DataFrame.
    MissingColumnError
        A column of ``columns`` is not in the table (a :class:`ValueError`).
    ValueError
        An empty term, an invalid regular expression, a bad ``window``.
    TypeError
        ``progress`` is not a bool or None.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a1"], "outlet": ["X"], "title": ["Truce holds"],
    ...                      "text": ["The so-called truce held. A truce is fragile."]})
    >>> kwic(arts, "truce", window=8)[["part", "start", "end", "left", "match", "right"]]
        part  start  end      left  match     right
    0  title      0    5            Truce   holds
    1   text     14   19  -called   truce   held. A
    2   text     28   33  held. A   truce   is frag
    """
    check_frame(articles, func="kwic")
    check_bool(progress, name="progress", func="kwic", allow_none=True)
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window must be a non-negative int, got {window!r}")
    cols = [columns] if isinstance(columns, str) else list(columns)
    check_text_columns(articles, cols, func="kwic")
    pattern = term_pattern(term_or_pattern, regex=regex, case=case)
    ids = articles["article_id"].tolist() if "article_id" in articles.columns else articles.index.tolist()
    outlets = articles["outlet"].tolist() if "outlet" in articles.columns else [None] * len(articles)
    cells = [articles[c].tolist() for c in cols]
    rows: list[tuple[Any, ...]] = []
    rows_in = enumerate(zip(ids, outlets, strict=True))
    for r, (aid, outlet) in progress_bar(rows_in, desc="kwic", unit="article", enabled=progress,
                                         total=len(ids), min_items=2):
        for c, col in enumerate(cols):
            for part, text in _parts(col, cells[c][r]):
                rows.extend(_matches(pattern, text, window, (aid, outlet, part)))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS) if rows else empty_table(KWIC_COLUMNS)


def _parts(col: str, value: Any) -> list[tuple[str, str]]:
    """The (part name, text) of one cell: a string, or the strings of a list as ``col[i]``."""
    if isinstance(value, str):
        return [(col, value)]
    if isinstance(value, (list, tuple, np.ndarray)):
        return [(f"{col}[{i}]", s) for i, s in enumerate(value) if isinstance(s, str)]
    return []


def _matches(pattern: re.Pattern[str], text: str, window: int, head: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """The rows of the non-empty matches in ``text``: ``head`` + (start, end, left, match, right)."""
    rows: list[tuple[Any, ...]] = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if e == s:
            continue
        rows.append((*head, s, e, text[max(0, s - window):s], text[s:e], text[e:e + window]))
    return rows

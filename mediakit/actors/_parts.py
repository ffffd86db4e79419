"""The searchable parts of each article (headline, body, captions) and the helpers every public
function shares: the ``parts`` check, outlets, grouping columns, empty tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .._validation import check_columns, check_option
from ._scan import LOWER_WORD_RE

__all__ = ["PARTS", "PART_RANK", "Part", "check_parts", "empty_frame", "group_keys", "lower_words", "outlets_of",
           "part_sizes", "parts_of"]

#: The parts a search may cover (the ``parts`` option).
PARTS = ("title", "text", "captions")
#: Order of the parts within an article: headline, body, captions.
PART_RANK = {"title": 0, "text": 1, "caption": 2}


class Part(NamedTuple):
    """One searchable text of an article."""

    article: int  # position of the article in the input
    kind: str  # 'title', 'text' or 'caption'
    caption: int | None
    text: str


def _cell_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _column(articles: pd.DataFrame, column: str, wanted: bool) -> list[Any]:
    """The values of ``column`` as a list, or Nones when it is absent or not searched."""
    if wanted and column in articles.columns:
        return articles[column].tolist()
    return [None] * len(articles)


def _caption_parts(i: int, captions: Any) -> list[Part]:
    out = []
    if isinstance(captions, (list, tuple, np.ndarray)):
        for k, cap in enumerate(captions):
            if isinstance(cap, str) and cap.strip():
                out.append(Part(i, "caption", k, cap))
    return out


def parts_of(articles: pd.DataFrame, parts: Sequence[str] = PARTS, start: int = 0) -> list[list[Part]]:
    """The searchable parts of each article, in order: title, text, captions (``start``: the position in
    the corpus of the first article, when ``articles`` is a chunk of it).

    The texts of a column of Arrow-backed strings (pandas' default since 3.0) become Python strings here:
    copies, about the size of the texts.
    """
    titles = _column(articles, "title", "title" in parts)
    texts = articles["text"].tolist() if "text" in parts else [None] * len(articles)
    caps = _column(articles, "captions", "captions" in parts)
    out = []
    for i in range(len(articles)):
        ps = []
        t = _cell_text(titles[i])
        if t.strip():
            ps.append(Part(start + i, "title", None, t))
        b = _cell_text(texts[i])
        if b.strip():
            ps.append(Part(start + i, "text", None, b))
        ps.extend(_caption_parts(start + i, caps[i]))
        out.append(ps)
    return out


def _lengths(articles: pd.DataFrame, column: str) -> np.ndarray:
    """Characters of each text of ``column`` (0 for a missing one), counted without Python strings."""
    values = articles[column]
    if isinstance(values.dtype, pd.StringDtype):
        return values.str.len().fillna(0).to_numpy(dtype=np.int64)
    return np.array([len(v) if isinstance(v, str) else 0 for v in values.tolist()], dtype=np.int64)


def part_sizes(articles: pd.DataFrame, parts: Sequence[str] = PARTS) -> list[int]:
    """Characters of each article's searchable texts, plus one: the weights of a chunk of articles (about
    ``sum(len(p.text) for p in ps) + 1`` of :func:`parts_of`, white-space-only texts counted too).

    Examples
    --------
    >>> arts = pd.DataFrame({"title": ["Ab", None], "text": ["abc", "de"], "captions": [["x"], None]})
    >>> part_sizes(arts), part_sizes(arts, ["text"])
    ([7, 3], [4, 3])
    """
    sizes = np.ones(len(articles), dtype=np.int64)
    for column in ("title", "text"):
        if column in parts and column in articles.columns:
            sizes += _lengths(articles, column)
    if "captions" in parts and "captions" in articles.columns:
        sizes += np.array([sum(len(c) for c in caps if isinstance(c, str))
                           if isinstance(caps, (list, tuple, np.ndarray)) else 0
                           for caps in articles["captions"].tolist()], dtype=np.int64)
    return sizes.tolist()


def check_parts(parts: Sequence[str] | str, *, func: str) -> tuple[str, ...]:
    """The ``parts`` option as a tuple: a non-empty subset of :data:`PARTS`, else ValueError."""
    if isinstance(parts, str):
        parts = (parts,)
    parts = tuple(parts)
    if not parts:
        raise ValueError(f"{func}(): parts must be a non-empty subset of {PARTS}, got {parts!r}")
    for p in parts:
        check_option(p, PARTS, name="parts", func=func)
    return parts


def lower_words(all_parts: list[list[Part]]) -> set[str]:
    """Every word the corpus writes in lower case (to tell "Yesterday" from a name)."""
    words: set[str] = set()
    for ps in all_parts:
        for p in ps:
            # the curly apostrophe made straight first: both are in the same class of LOWER_WORD_RE
            words.update(LOWER_WORD_RE.findall(p.text.replace("\u2019", "'")))
    return words


def empty_frame(columns: Sequence[str], dtypes: Mapping[str, str]) -> pd.DataFrame:
    """A table with ``columns`` and no rows (``object`` unless ``dtypes`` says otherwise)."""
    return pd.DataFrame({c: pd.Series([], dtype=dtypes.get(c, "object")) for c in columns})


def outlets_of(articles: pd.DataFrame) -> list[Any]:
    """The ``outlet`` of each article, NA when the table has no such column."""
    return articles["outlet"].tolist() if "outlet" in articles.columns else [pd.NA] * len(articles)


def group_keys(table: pd.DataFrame, by: str | Sequence[str] | None, *, func: str, name: str) -> list[str]:
    """The grouping column(s) of the ``by`` option; MissingColumnError when one is not in ``table``."""
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    check_columns(table, keys, func=func, name=name, hint="grouping column(s) must be in the table")
    return keys

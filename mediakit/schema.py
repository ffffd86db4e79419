"""The articles table: its columns, their types, and a validator.

Every loader in mediakit returns a DataFrame with (at least) these columns, in
this order; extra metadata from the source follows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ._validation import check_articles

__all__ = ["ARTICLE_COLUMNS", "Column", "empty_articles", "coerce_articles", "validate_articles"]


@dataclass(frozen=True)
class Column:
    """One column of the articles table.

    Parameters
    ----------
    name : str
        Column name.
    dtype : str
        pandas dtype the column is stored with.
    description : str
        What the column holds (used to build the README table).
    """

    name: str
    dtype: str
    description: str


ARTICLE_COLUMNS: tuple[Column, ...] = (
    Column("article_id", "string", "Stable unique id: the record's own id when it has one, else the "
           "file path below the folder loaded, without its ending (`cnn/2024-01-02`), with `:N` for "
           "the N-th record of a multi-record file; repeats get a `~2`, `~3` suffix."),
    Column("outlet", "string", "Outlet name, normalised (case, known aliases: 'nyt' -> 'New York Times')."),
    Column("outlet_raw", "string", "Outlet as found in the metadata, folder name or `outlet=` argument."),
    Column("title", "string", "Headline."),
    Column("byline", "string", "Author line without the leading 'By'."),
    Column("published", "datetime64[ns, UTC]", "Publication time, timezone-aware (UTC); NaT when unknown. "
           "Naive times are read in the `tz` given to the loader."),
    Column("text", "string", "Body text, Unicode NFC; paragraphs separated by a blank line; curly quotes "
           "and dashes kept; captions and site boilerplate removed."),
    Column("captions", "object", "List of photo captions (with their credits), kept apart from `text`."),
    Column("language", "string", "Language of the headline and body, ISO 639-1 (`en`, `de`), detected offline "
           "(`mediakit.text.detect_language`) unless the source declares it; NA when too short to tell. The "
           "English-only metrics leave out articles of another language (`languages=` option)."),
    Column("url", "string", "Canonical URL when known."),
    Column("source_path", "string", "File the article was read from."),
    Column("source_format", "string", "Detected format: text, html, json, jsonl, csv, parquet."),
    Column("source_record", "Int64", "Position of the record in a multi-record file (1-based line for "
           "JSONL, data row for CSV); NA for one-article files."),
    Column("duplicate_of", "string", "`article_id` of the first copy when this article is an exact or "
           "near duplicate of an earlier one; NA otherwise."),
    Column("duplicate_kind", "string", "'exact' (same normalised text) or 'near' (wire copy: high "
           "shingle overlap); NA for originals."),
)

_COLUMN_NAMES = tuple(c.name for c in ARTICLE_COLUMNS)


def empty_articles() -> pd.DataFrame:
    """Return an articles table with no rows and the documented columns and dtypes.

    Returns
    -------
    pandas.DataFrame
        An articles table (one row per article) with zero rows: the columns of
        :data:`ARTICLE_COLUMNS`, in order, with their dtypes.

    Examples
    --------
    >>> list(empty_articles().columns)[:3]
    ['article_id', 'outlet', 'outlet_raw']
    """
    return pd.DataFrame({c.name: pd.Series([], dtype=c.dtype) for c in ARTICLE_COLUMNS})


def coerce_articles(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with every schema column present, in order, with its dtype.

    Missing schema columns are added empty; extra columns are kept after them.

    Returns
    -------
    pandas.DataFrame
        One row per row of ``df`` (same index): the :data:`ARTICLE_COLUMNS`, in order and
        with their dtypes, then ``df``'s other columns. ``df`` is not modified.
    """
    out = {}
    n = len(df)
    for col in ARTICLE_COLUMNS:
        if col.name in df.columns:
            values = df[col.name]
        elif col.name == "captions":
            values = pd.Series([[] for _ in range(n)], index=df.index, dtype="object")
        else:
            values = pd.Series([pd.NA] * n, index=df.index, dtype="object")
        if col.dtype.startswith("datetime64"):
            values = pd.to_datetime(values, utc=True, errors="coerce").astype(col.dtype)
        elif col.dtype != "object":
            values = values.astype(col.dtype)
        out[col.name] = values
    extra = [c for c in df.columns if c not in _COLUMN_NAMES]
    result = pd.DataFrame(out, index=df.index)
    for c in extra:
        result[c] = df[c]
    return result


def validate_articles(df: pd.DataFrame) -> pd.DataFrame:
    """Check that ``df`` is a usable articles table and return it unchanged.

    The metric functions need ``article_id`` (unique) and ``text``; ``title``
    and ``outlet`` are used when present. The checks are those of
    :func:`mediakit._validation.check_articles`.

    Returns
    -------
    pandas.DataFrame
        ``df`` itself (not a copy), one row per article, once it passed the checks.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame.
    MissingColumnError
        If ``article_id`` or ``text`` is missing (a :class:`ValueError`).
    ValueError
        If ``article_id`` repeats.

    Examples
    --------
    >>> import pandas as pd
    >>> validate_articles(pd.DataFrame({"article_id": ["a"], "text": ["Hi."]})).shape
    (1, 2)
    """
    return check_articles(df, func="validate_articles")


#: Article columns that every long table (one row per sentence, match, attribution) carries right
#: after ``article_id`` when the articles have them, so that tables group by outlet without a join.
CONTEXT_COLUMNS = ("outlet", "published")


def with_article_context(table: pd.DataFrame, articles: pd.DataFrame, positions: Sequence[int]) -> pd.DataFrame:
    """Insert the :data:`CONTEXT_COLUMNS` ``articles`` has after ``article_id`` of ``table``.

    Parameters
    ----------
    table : pandas.DataFrame
        A long table, index 0..n-1, whose ``article_id`` is its first column; modified in place.
    articles : pandas.DataFrame
        The articles it was computed from.
    positions : sequence of int
        For each row of ``table``, the position (not the index label) of its article.

    Returns
    -------
    pandas.DataFrame
        ``table``, with ``outlet`` and ``published`` (those the articles have, their dtypes kept).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "text": ["", ""]})
    >>> with_article_context(pd.DataFrame({"article_id": ["b", "b"], "n": [1, 2]}), arts, [1, 1])
      article_id outlet  n
    0          b      Y  1
    1          b      Y  2
    """
    present = [col for col in CONTEXT_COLUMNS if col in articles.columns]
    for k, col in enumerate(present, start=1):
        table.insert(k, col, articles[col].take(list(positions)).reset_index(drop=True))
    return table

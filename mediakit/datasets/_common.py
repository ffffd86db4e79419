"""Field and table helpers shared by the corpus readers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..text import normalize_inline

__all__ = ["clean_field", "inline_field", "int_array", "frame_with", "to_utc_dates"]

_MIN_YEAR, _MAX_YEAR = 1800, 2200
_MISSING_VALUES = frozenset({"", "None", "NA", "N/A", "null", "nan"})


def clean_field(value: Any) -> str | None:
    """A metadata string, or None for empty / 'None' / 'NA' placeholders.

    Examples
    --------
    >>> clean_field("  AP "), clean_field("None"), clean_field(float("nan"))
    ('AP', None, None)
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    s = str(value).strip()
    return None if s in _MISSING_VALUES else s


def inline_field(value: Any) -> str | None:
    """:func:`clean_field`, folded to one line of single spaces (None when nothing is left).

    Examples
    --------
    >>> inline_field(" Jane\\n  Doe ")
    'Jane Doe'
    """
    s = clean_field(value)
    if s is None:
        return None
    return normalize_inline(s) or None


def int_array(values: Sequence[int | None]) -> pd.arrays.IntegerArray:
    """Nullable integers (``Int64``; None becomes NA)."""
    return pd.array(list(values), dtype="Int64")


def frame_with(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """Build a DataFrame with exactly ``columns`` (also when there are no rows)."""
    return pd.DataFrame(rows, columns=list(columns)) if rows else pd.DataFrame(
        {c: pd.Series([], dtype="object") for c in columns})


def to_utc_dates(values: pd.Series, formats: Sequence[str] = ("%Y-%m-%d",)) -> pd.Series:
    """Parse date strings with the given formats (first match wins); NaT otherwise."""
    s = values.astype("object")
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns, UTC]")
    for fmt in formats:
        todo = out.isna() & s.notna()
        if not todo.any():
            break
        parsed = pd.to_datetime(s[todo], format=fmt, errors="coerce", utc=True)
        # Placeholder dates such as 0001-11-30 are unknown dates, not the year 1.
        parsed = parsed.where((parsed.dt.year >= _MIN_YEAR) & (parsed.dt.year <= _MAX_YEAR))
        out.loc[todo] = parsed.astype("datetime64[ns, UTC]")
    return out

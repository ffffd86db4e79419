"""Dates and times from metadata fields and datelines, always timezone-aware (UTC)."""

from __future__ import annotations

import datetime as dt
import re
import warnings

import pandas as pd
from dateutil import parser as dateparser
from dateutil import tz as dateutil_tz

__all__ = ["parse_datetime", "parse_dateline"]

_TZINFOS = {
    "UTC": 0, "GMT": 0, "Z": 0,
    "ET": dateutil_tz.gettz("America/New_York"), "EST": -5 * 3600, "EDT": -4 * 3600,
    "CT": dateutil_tz.gettz("America/Chicago"), "CST": -6 * 3600, "CDT": -5 * 3600,
    "MT": dateutil_tz.gettz("America/Denver"), "MST": -7 * 3600, "MDT": -6 * 3600,
    "PT": dateutil_tz.gettz("America/Los_Angeles"), "PST": -8 * 3600, "PDT": -7 * 3600,
    "BST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 3 * 3600, "MSK": 3 * 3600,
    "IST": int(5.5 * 3600), "JST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600,
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_HAS_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|"
                       r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.I)
_PREFIX = re.compile(r"^\s*(?:published|posted|first published|updated|last updated|date|"
                     r"originally published)\s*(?:on|at)?\s*[:\-\u2013]?\s*", re.I)
_FILLER = re.compile(r"\s*(?:\||\u00b7|\u2022)\s*|\bat\b|\bon\b", re.I)
_HAS_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b|\b\d{1,2}/\d{1,2}/\d{2}\b")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def _to_utc(ts: pd.Timestamp, tz: str) -> pd.Timestamp:
    if ts is pd.NaT or pd.isna(ts):
        return pd.NaT
    if not (_MIN_YEAR <= ts.year <= _MAX_YEAR):
        return pd.NaT
    if ts.tzinfo is None:
        try:
            ts = ts.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward")
        except Exception:
            return pd.NaT
    return ts.tz_convert("UTC")


def parse_datetime(value: object, tz: str = "UTC") -> pd.Timestamp:
    """Parse a metadata date or time to a UTC Timestamp, or NaT.

    Accepts ISO 8601 strings, free-form dates ("Dec 11, 2024 10:23 AM", "Tuesday,
    December 10, 2024 | 3:45 PM EST"), Unix epoch numbers (seconds or milliseconds) and
    datetime objects. Naive values are read in ``tz``.

    Examples
    --------
    >>> parse_datetime("Dec 11, 2024 10:23 AM")
    Timestamp('2024-12-11 10:23:00+0000', tz='UTC')
    >>> parse_datetime("2016-09-20", tz="America/New_York")
    Timestamp('2016-09-20 04:00:00+0000', tz='UTC')
    >>> parse_datetime("not a date")
    NaT
    """
    if value is None:
        return pd.NaT
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return _to_utc(pd.Timestamp(value), tz)
    if isinstance(value, bool):
        return pd.NaT
    if isinstance(value, (int, float)):
        if value != value or value <= 0:
            return pd.NaT
        unit = "ms" if value > 1e11 else "s"
        try:
            return pd.Timestamp(value, unit=unit, tz="UTC")
        except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
            return pd.NaT
    s = str(value).strip()
    if not s or len(s) > 100:
        return pd.NaT
    if s.isdigit() and len(s) in (10, 13):
        return parse_datetime(int(s), tz)
    if _ISO.match(s):
        try:
            return _to_utc(pd.Timestamp(s), tz)
        except (ValueError, pd.errors.OutOfBoundsDatetime):
            return pd.NaT
    s = _FILLER.sub(" ", _PREFIX.sub("", s)).strip()
    if not _HAS_YEAR.search(s):
        return pd.NaT  # "May 5" has no year: refuse to invent one
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = dateparser.parse(s, tzinfos=_TZINFOS, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError, TypeError, dateparser.ParserError):
        return pd.NaT
    return _to_utc(pd.Timestamp(parsed), tz)


def parse_dateline(line: str, tz: str = "UTC") -> pd.Timestamp:
    """Parse a line that is *only* a date (a page's dateline), else return NaT.

    Unlike :func:`parse_datetime`, a sentence that merely mentions a date is
    rejected: the line must name a month or a numeric date, be short, and parse as a
    whole.

    Examples
    --------
    >>> parse_dateline("Dec 11, 2024 10:23 AM")
    Timestamp('2024-12-11 10:23:00+0000', tz='UTC')
    >>> parse_dateline("Portraits were dumped on Dec. 9, 2024.")
    NaT
    """
    s = line.strip()
    if not s or len(s) > 80 or not _HAS_DATE.search(s):
        return pd.NaT
    return parse_datetime(s, tz)

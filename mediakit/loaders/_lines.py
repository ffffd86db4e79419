"""Line-level rules shared by the text-page and HTML-page parsers.

A line is site furniture (:func:`is_boilerplate`), a byline (:data:`BYLINE`) or a photo
caption (:func:`is_caption`) only when it matches a rule as a whole.
"""

from __future__ import annotations

import re

import pandas as pd

from ..text import PHOTO_AGENCIES, PHOTO_CREDIT
from ._dates import parse_dateline

__all__ = ["BYLINE", "fold", "is_caption", "is_boilerplate"]

# Whole lines that are site furniture, never story text.
_BOILERPLATE = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|jump to (?:main )?content|"
    r"advertisement|sponsored(?: content)?|"
    r"share(?: this(?: article| story)?)?(?: on \w+)?|tweet|email|print|comments?|"
    r"subscribe\b.{0,80}|sign up\b.{0,80}|follow us\b.{0,80}|log ?in|sign in|menu|search|home|"
    r"read more\b.{0,60}|read the (?:rest|full (?:story|article))(?: here)?\.?|"
    r"related(?: articles| stories| content| coverage)?:?|recommended(?: for you)?:?|"
    r"most (?:read|popular|viewed)|you (?:may|might) also like:?|click here\b.{0,80}|"
    r"(?:copyright\s*)?\u00a9\s*\d{4}.{0,120}|copyright \d{4}.{0,120}|all rights reserved\.?|"
    r"listen to (?:this )?article.{0,40}|\d+\s*min(?:ute)?s? read|accept (?:all )?cookies|"
    r"this (?:site|website) uses cookies.{0,160}|back to top|top stories|trending(?: now)?)$",
    re.I,
)
_UPDATED = re.compile(r"^(?:last )?updated\b\s*(?:on|at)?\s*:?\s*(?P<rest>.{0,60})$", re.I)
_AGO = re.compile(r"^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago$", re.I)
BYLINE = re.compile(r"^(?:by|written by|words by|author:?|reporting by)\s+(?P<name>[^\n]{2,120})$", re.I)
# A caption ends in a photo credit: "(AFP Photo)", "(AP Photo/Jane Doe)", "(Photo: Reuters)",
# "Photo: Getty Images", "REUTERS/Name", "| Getty Images". A bare "(AFP)" is a citation, not a credit.
# (mediakit.text.PHOTO_CREDIT: the parenthesised credits and the agency's after a slash; split_media_captions reads
# those in every loader's text)
_CREDIT = re.compile(
    rf"(?:{PHOTO_CREDIT}"
    rf"|(?:^|[.!?)]\s+)(?:photo|image|picture|photograph)s?\s*(?:by|:)\s*[^.]{{2,60}}"
    rf"|(?:^|[.!?)]\s+)credit:\s*[^.]{{2,60}}"
    rf"|\s[|\u2014\u2013-]\s*(?:{PHOTO_AGENCIES}|Getty Images|Shutterstock))\s*\.?$",
    re.I,
)

_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-"})


def fold(s: str) -> str:
    """Case- and quote-insensitive form of a line (same length as ``s``).

    Examples
    --------
    >>> fold("\u201cBig\u201d News")
    '"big" news'
    """
    return s.translate(_QUOTE_FOLD).casefold()


def is_caption(line: str) -> bool:
    """True for a photo caption: a line of at most 500 characters ending in a photo credit.

    Examples
    --------
    >>> is_caption("A crowd gathers. (AFP Photo)"), is_caption("Officials said (AFP).")
    (True, False)
    """
    return len(line) <= 500 and bool(_CREDIT.search(line))


def is_boilerplate(line: str, tz: str = "UTC") -> bool:
    """True for a whole line of site furniture ("Skip to content", "Last Updated: <date>", ...)."""
    if _BOILERPLATE.match(line):
        return True
    m = _UPDATED.match(line)
    if m:
        rest = m.group("rest").strip()
        return parse_dateline(rest, tz) is not pd.NaT or bool(_AGO.match(rest))
    return False

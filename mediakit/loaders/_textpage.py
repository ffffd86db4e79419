"""Plain-text news pages: headline, byline, dateline, captions, boilerplate, body.

Pages copied or scraped from news sites (like the seed article in ``data/``) carry
more than the story: navigation ("Skip to content"), the headline repeated above
each photo, captions ending in a credit ("(AFP Photo)"), "Last Updated" stamps.
:func:`parse_text_page` separates them with conservative line-level rules: a
line is only removed when it matches a rule as a whole.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

import pandas as pd

from ..text import normalize_inline, normalize_text
from ._byline import clean_byline
from ._dates import parse_dateline
from ._lines import BYLINE, fold, is_boilerplate, is_caption

__all__ = ["parse_text_page", "is_boilerplate", "TextPage"]

_BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u2043\u25e6*]|[-\u2013\u2014](?=\s))\s*")
_MAX_TITLE = 250


@dataclass
class TextPage:
    """The parts of a plain-text news page."""

    title: str | None = None
    byline: str | None = None
    published: pd.Timestamp = pd.NaT
    published_text: str | None = None
    captions: list[str] = field(default_factory=list)
    text: str = ""
    removed: list[str] = field(default_factory=list)


def _unwrap(blocks: list[list[str]]) -> list[str]:
    """Paragraphs of a page: one per line, unless the page is hard-wrapped.

    A wrapped page (blocks of several lines of similar width) has each line joined to
    the next when it reaches near the wrap width; a short line (a headline, a byline,
    a paragraph's last line) or a bullet ends the paragraph.
    """
    lines = [ln for block in blocks for ln in block]
    multi = sum(1 for block in blocks if len(block) > 1)
    wrapped = (
        len(lines) >= 4
        and multi >= max(1, len(blocks) // 3)
        and max(len(ln) for ln in lines) <= 100
        and statistics.median(len(ln) for ln in lines) >= 40
    )
    if not wrapped:
        return lines
    width = max(len(ln) for ln in lines)
    out: list[str] = []
    for block in blocks:
        buf: list[str] = []
        for ln in block:
            if buf and _BULLET.match(ln):
                out.append(" ".join(buf))
                buf = []
            buf.append(ln)
            if len(ln) < 0.6 * width:
                out.append(" ".join(buf))
                buf = []
        if buf:
            out.append(" ".join(buf))
    return out


def parse_text_page(raw: str, tz: str = "UTC") -> TextPage:
    """Split a plain-text news page into headline, byline, dateline, captions and body.

    Parameters
    ----------
    raw : str
        The decoded page.
    tz : str
        Time zone for a dateline without one.

    Returns
    -------
    TextPage
        ``text`` has one paragraph per block, separated by blank lines.

    Examples
    --------
    >>> page = parse_text_page("Skip to content\\n\\nBig news\\nBy Jane Doe\\n"
    ...                        "Dec 11, 2024 10:23 AM\\n\\nA thing happened.\\n"
    ...                        "A crowd gathers. (AFP Photo)\\n\\nLast Updated: Dec 11, 2024")
    >>> page.title, page.byline, str(page.published), page.captions, page.text
    ('Big news', 'Jane Doe', '2024-12-11 10:23:00+00:00', ['A crowd gathers. (AFP Photo)'], 'A thing happened.')
    """
    page = TextPage()
    units = _content_units(normalize_text(raw), page, tz)
    if not units:
        return page
    units = _take_title(units, page)
    page.text = "\n\n".join(_body_lines(units, page, tz))
    return page


def _content_units(text: str, page: TextPage, tz: str) -> list[str]:
    """Paragraph units of the normalised page, boilerplate moved to ``page.removed``."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    units = []
    for unit in _unwrap([b for b in blocks if b]):
        if is_boilerplate(unit, tz):
            page.removed.append(unit)
        else:
            units.append(unit)
    return units


def _take_title(units: list[str], page: TextPage) -> list[str]:
    """Set the first unit as the title unless it is too long, a caption or a byline."""
    first = units[0]
    if len(first) <= _MAX_TITLE and not is_caption(first) and not BYLINE.match(first):
        page.title = normalize_inline(first)
        return units[1:]
    return units


def _body_lines(units: list[str], page: TextPage, tz: str) -> list[str]:
    """The story paragraphs; repeated headlines, captions, byline and dateline go to ``page``."""
    title = fold(page.title) if page.title else None
    header_done = False
    paragraphs: list[str] = []
    for n_seen, line in enumerate(units, 1):
        folded = fold(line)
        if title and folded == title:
            page.removed.append(line)  # the headline repeated above a photo
            continue
        if is_caption(line):
            page.captions.append(_caption_text(line, folded, title))
            continue
        if not header_done and n_seen <= 12 and _take_header_line(line, page, tz):
            continue
        if len(line.split()) >= 12:
            header_done = True
        paragraphs.append(line)
    return paragraphs


def _caption_text(line: str, folded: str, title: str | None) -> str:
    """A caption without the headline some pages repeat in front of it."""
    caption = line
    if title and folded.startswith(title) and len(caption) > len(title):
        caption = caption[len(title):].lstrip(" :\u2013\u2014-")
    return normalize_inline(caption)


def _take_header_line(line: str, page: TextPage, tz: str) -> bool:
    """Put a byline or dateline of the page header on ``page``; False for any other line."""
    m = BYLINE.match(line)
    if m and page.byline is None:
        parts = re.split(r"\s+[|\u00b7\u2022]\s+", m.group("name"))
        raw = normalize_inline(parts[0]).rstrip(",")
        page.byline = clean_byline(raw) or raw  # same names and separator as HTML pages
        for extra in parts[1:]:
            ts = parse_dateline(extra, tz)
            if ts is not pd.NaT and page.published is pd.NaT:
                page.published, page.published_text = ts, extra
        return True
    ts = parse_dateline(line, tz)
    if ts is not pd.NaT:
        if page.published is pd.NaT:
            page.published, page.published_text = ts, line
        return True
    return False

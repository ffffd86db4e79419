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

from .._normalize import normalize_inline, normalize_text
from ._dates import parse_dateline

__all__ = ["parse_text_page", "is_boilerplate", "TextPage"]

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
_BYLINE = re.compile(r"^(?:by|written by|words by|author:?|reporting by)\s+(?P<name>[^\n]{2,120})$", re.I)
_AGENCIES = r"(?:AFP|AP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Anadolu(?: Agency)?|AA|Xinhua|UPI|AAP|Shutterstock|Bloomberg|Pool|TASS|Sputnik|SANA|DPA|Wikimedia Commons)"
# A caption ends in a photo credit: "(AFP Photo)", "(AP Photo/Jane Doe)", "(Photo: Reuters)",
# "Photo: Getty Images", "REUTERS/Name", "| Getty Images". A bare "(AFP)" is a citation, not a credit.
_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,40}\s)?(?:photo|photograph|image|picture|illustration|file photo)s?\b[^()]{0,80}\)"
    rf"|\({_AGENCIES}\s*/\s*[^()]{{1,60}}\)"
    rf"|(?:^|[.!?)]\s+)(?:photo|image|picture|photograph)s?\s*(?:by|:)\s*[^.]{{2,60}}"
    rf"|(?:^|[.!?)]\s+)credit:\s*[^.]{{2,60}}"
    rf"|\b{_AGENCIES}\s*/\s*[A-Z][\w .'-]{{1,60}}"
    rf"|\s[|\u2014\u2013-]\s*(?:{_AGENCIES}|Getty Images|Shutterstock))\s*\.?$",
    re.I,
)
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


_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-"})


def _fold(s: str) -> str:
    """Case- and quote-insensitive form of a line (same length as ``s``)."""
    return s.translate(_QUOTE_FOLD).casefold()


def _is_caption(line: str) -> bool:
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
    text = normalize_text(raw)
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
    if not units:
        return page

    first = units[0]
    if len(first) <= _MAX_TITLE and not _is_caption(first) and not _BYLINE.match(first):
        page.title = normalize_inline(first)
        units = units[1:]

    title = _fold(page.title) if page.title else None
    header_done = False
    paragraphs: list[str] = []
    for n_seen, line in enumerate(units, 1):
        folded = _fold(line)
        if title and folded == title:
            page.removed.append(line)  # the headline repeated above a photo
            continue
        if _is_caption(line):
            caption = line
            if title and folded.startswith(title) and len(caption) > len(title):
                caption = caption[len(title):].lstrip(" :\u2013\u2014-")
            page.captions.append(normalize_inline(caption))
            continue
        if not header_done and n_seen <= 12:
            m = _BYLINE.match(line)
            if m and page.byline is None:
                parts = re.split(r"\s+[|\u00b7\u2022]\s+", m.group("name"))
                page.byline = normalize_inline(parts[0]).rstrip(",")
                for extra in parts[1:]:
                    ts = parse_dateline(extra, tz)
                    if ts is not pd.NaT and page.published is pd.NaT:
                        page.published, page.published_text = ts, extra
                continue
            ts = parse_dateline(line, tz)
            if ts is not pd.NaT:
                if page.published is pd.NaT:
                    page.published, page.published_text = ts, line
                continue
        if len(line.split()) >= 12:
            header_done = True
        paragraphs.append(line)

    page.text = "\n\n".join(paragraphs)
    return page

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

__all__ = ["parse_text_page", "TextPage"]

# Whole lines that are site furniture, never story text.
_BOILERPLATE = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|jump to (?:main )?content|"
    r"(?:last )?updated\s*:?.{0,60}|advertisement|sponsored(?: content)?|"
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
_BYLINE = re.compile(r"^(?:by|written by|words by|author:?|reporting by)\s+(?P<name>[^\n]{2,120})$", re.I)
_AGENCIES = r"(?:AFP|AP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Anadolu(?: Agency)?|AA|Xinhua|UPI|AAP|Shutterstock|Bloomberg|Pool|TASS|Sputnik|SANA|DPA|Wikimedia Commons)"
# A caption ends in a photo credit: "(AFP Photo)", "(AP Photo/Jane Doe)", "(Photo: Reuters)",
# "Photo: Getty Images", "REUTERS/Name", "| Getty Images".
_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,60}\b)?(?:photo|photograph|image|picture|illustration|file photo|video|credit)s?\b[^()]{0,80}\)"
    rf"|\({_AGENCIES}(?:\s*(?:photo|/[^()]{{1,60}}))?\)"
    rf"|(?:photo|image|picture|credit|photograph)s?\s*(?:by|:)\s*[^.]{{2,80}}"
    rf"|\b{_AGENCIES}\s*/\s*[A-Z][\w .'-]{{1,60}}"
    rf"|[|\u2014\u2013-]\s*{_AGENCIES})\s*\.?$",
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
    return len(line) <= 600 and bool(_CREDIT.search(line))


def _unwrap(paragraph_lines: list[list[str]]) -> list[str]:
    """Join hard-wrapped lines of each blank-line-separated block, when the page is wrapped."""
    lines = [ln for block in paragraph_lines for ln in block]
    multi = sum(1 for block in paragraph_lines if len(block) > 1)
    wrapped = (
        len(lines) >= 4
        and multi >= max(1, len(paragraph_lines) // 3)
        and max(len(ln) for ln in lines) <= 100
        and statistics.median(len(ln) for ln in lines) >= 40
    )
    if wrapped:
        out = []
        for block in paragraph_lines:
            buf: list[str] = []
            for ln in block:
                if _BULLET.match(ln) and buf:
                    out.append(" ".join(buf))
                    buf = []
                buf.append(ln)
            out.append(" ".join(buf))
        return out
    return lines


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
        if _BOILERPLATE.match(line):
            page.removed.append(line)
            continue
        blocks[-1].append(line)
    blocks = [b for b in blocks if b]
    if not blocks:
        return page

    first = blocks[0][0]
    if len(first) <= _MAX_TITLE and not _is_caption(first) and not _BYLINE.match(first):
        page.title = normalize_inline(first)
        blocks[0] = blocks[0][1:]
        blocks = [b for b in blocks if b]

    title = _fold(page.title) if page.title else None
    header_done = False
    kept: list[list[str]] = []
    n_seen = 0
    for block in blocks:
        new_block: list[str] = []
        for line in block:
            n_seen += 1
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
            new_block.append(line)
        if new_block:
            kept.append(new_block)

    paragraphs = [_BULLET.sub("\u2022 ", p) if _BULLET.match(p) else p for p in _unwrap(kept)]
    page.text = "\n\n".join(paragraphs)
    return page

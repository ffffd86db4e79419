"""The original publication date of an HTML news page.

Every source of a date on the page is read, each with a rank of trust, and the most trusted
date wins (lower rank = more trusted)::

    rank  source                                                       example
    ----  -----------------------------------------------------------  ---------------------------------
     0    JSON-LD datePublished of the Article/NewsArticle/BlogPosting  "datePublished": "2019-08-21T..."
     1    JSON-LD dateCreated of that item                              "dateCreated": "2019-08-21"
     2    publication meta tags                                         article:published_time, og:...,
                                                                        itemprop=datePublished, parsely-pub-date,
                                                                        sailthru.date, dc.date.issued, pubdate
     3    generic date meta tags                                        name="date", dc.date, dcterms.date
     4    JSON-LD datePublished of a non-article item (WebPage)         "@type": "WebPage"
     5    <time datetime> marked as the publication time                pubdate, itemprop, class "published"
     6    a full date in the page URL                                   /2019/08/21/, /20190821/, 2019-08-21
     7    htmldate.find_date(original_date=True) on the page            visible dates, scripts, text
     8    a modified / updated date                                     article:modified_time, dateModified

How the winner is chosen:

- ranks 0-2 are trusted as they are; a date in the URL is a check on them: a site writes it when
  the story is first filed, so when the best date falls more than a day away from the URL's day
  (a re-published or re-stamped page), the best date on that day wins, else the URL's day;
- ranks 3-5 are doubtful: with a URL day they are checked the same way, without one htmldate
  (rank 7) is asked, and its day wins when it differs (when it agrees our value is kept, as it
  has the time);
- htmldate runs only then, or when ranks 0-6 found nothing (it costs about 10 ms a page, and
  about 2 s once per process to load its date parser);
- a modified or updated date (rank 8) is used only when the page has no original one: htmldate
  is run on the page without its modified-date tags first, and a day it finds after the
  modification is refused.

Dates before 1990 or more than two days in the future are refused. Nothing is fetched: htmldate
sees a tree built from the string, never a URL.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from ._dates import parse_datetime

__all__ = ["page_published", "url_date", "normalize_date"]

_MIN_YEAR = 1990
_DOUBTFUL = 3  # ranks from here on are checked against htmldate
_BACKSTOP = 7
_FUTURE_SLACK = dt.timedelta(days=2)
_ARTICLE_TYPE = re.compile(r"Article|Posting|Report\b", re.I)
_ORIGINAL_KEYS = ("datePublished", "dateCreated")

# meta names (property / name / itemprop / http-equiv, lower case) of the publication date
_PUBLISHED_META = frozenset({
    "article:published_time", "article:published", "og:article:published_time", "og:published_time",
    "og:pubdate", "published_time", "publish-date", "publish_date", "publishdate", "pubdate", "pub_date",
    "publication_date", "publicationdate", "date_published", "datepublished", "date-published",
    "article.published", "article_date_original", "originalpublicationdate", "original-publish-date",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date.created", "dcterms.issued",
    "dcterms.created", "dc:created", "dc.created", "prism.publicationdate", "citation_publication_date",
    "citation_date", "rnews:datepublished", "bt:pubdate", "cxenseparse:recs:publishtime",
    "datecreated", "created", "creation_date", "date.available",
    "article.created", "og:original_time", "release_date", "displaydate", "dc.date.published",
})
_GENERIC_META = frozenset({"date", "dc.date", "dc:date", "dcterms.date", "isodatetime",
                           "analyticsattributes.articledate"})
_MODIFIED_META = frozenset({
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "modified",
    "last-modified", "dc.date.modified", "dcterms.modified", "revision_date", "lastmod", "updated_time",
})
_TIME_HINT = re.compile(r"publi|posted|pubdate|entry-date|post-date|date-post|article-date|dt-published"
                        r"|byline|timestamp|dateline|story-date|date-header|meta-date|(?<![a-z])date(?![a-z])",
                        re.I)
_TIME_UPDATED = re.compile(r"updat|modif|revis|edited", re.I)
_ELSEWHERE = re.compile(r"comment|related|teaser|recommend|more-|sidebar|aside|widget|promo|latest|popular", re.I)
_ELSEWHERE_TAGS = frozenset({"li", "aside", "nav"})

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?"
                  r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?\s*$", re.I)
_DOTTED = re.compile(r"^\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?\s*$")
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?\s*$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_URL_DATES = (
    re.compile(r"/((?:19|20)\d\d)/(\d\d?|[a-z]{3})/(\d\d?)(?=/|$|[-_.])", re.I),
    re.compile(r"[/_-]((?:19|20)\d\d)-(\d\d)-(\d\d)(?=/|$|[-_.])"),
    re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?=/|$|[-_.])"),
)


def page_published(html: str, tree: Any, ld: list[dict[str, Any]], url: str | None) -> str | None:
    """The page's original publication date/time as an ISO 8601 string, or None.

    Parameters
    ----------
    html : str
        The raw page (only read by the htmldate backstop).
    tree : lxml.html.HtmlElement
        The parsed page, scripts and styles dropped.
    ld : list of dict
        The page's JSON-LD items, ``@graph`` flattened.
    url : str or None
        The page's canonical or ``og:url`` address.

    Returns
    -------
    str or None
        ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS`` with the UTC offset when the page gives one.

    Examples
    --------
    >>> import lxml.html
    >>> page = ('<html><head><meta property="article:modified_time" content="2021-05-02T10:00:00Z">'
    ...         '<meta property="article:published_time" content="2019-08-21T09:30:00-04:00">'
    ...         '</head><body><p>Text.</p></body></html>')
    >>> page_published(page, lxml.html.fromstring(page), [], None)
    '2019-08-21T09:30:00-04:00'
    >>> page_published("<p>x</p>", lxml.html.fromstring("<p>x</p>"), [], "https://example.org/2019/08/21/story")
    '2019-08-21'
    """
    day_first = _day_first(tree)
    found = _candidates(tree, ld, url, day_first)
    original = [c for c in found if c[0] < _BACKSTOP]
    url_day = url_date(url) if url else None
    if original and (original[0][0] < _DOUBTFUL or url_day is not None):
        return _resolve(original, url_day)
    backstop = _htmldate(html)
    if backstop is None:
        return original[0][1] if original else found[0][1] if found else None
    # keep our value (it has the time) when it falls on the day htmldate found
    agree = [iso for _, iso in found if iso[:10] == backstop[:10]]
    if agree:
        return agree[0]
    modified = [iso for rank, iso in found if rank >= _BACKSTOP]
    if modified and backstop[:10] > min(iso[:10] for iso in modified):  # published after its update?
        return modified[0]
    return backstop


def url_date(url: str) -> dt.date | None:
    """The full date written in a URL's path, or None.

    Examples
    --------
    >>> url_date("https://example.org/news/2019/08/21/a-story/")
    datetime.date(2019, 8, 21)
    >>> url_date("https://example.org/2019-03-29-a-story"), url_date("https://example.org/2019/aug/21/a-story")
    (datetime.date(2019, 3, 29), datetime.date(2019, 8, 21))
    >>> url_date("https://example.org/2019/08/a-story") is None
    True
    """
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I).split("?")[0]
    for pattern in _URL_DATES:
        for m in pattern.finditer(path):
            month = m.group(2).lower()
            try:
                day = dt.date(int(m.group(1)), _MONTHS.index(month) + 1 if month in _MONTHS else int(month),
                              int(m.group(3)))
            except ValueError:
                continue
            if _sane(day):
                return day
    return None


def _candidates(tree: Any, ld: list[dict[str, Any]], url: str | None, day_first: bool) -> list[tuple[int, str]]:
    """Every date found on the page as (rank, ISO string), most trusted first."""
    found: list[tuple[int, str]] = []

    def add(rank: int, value: object) -> None:
        iso = normalize_date(value, day_first=day_first)
        if iso is not None and (rank, iso) not in found:
            found.append((rank, iso))

    for rank, value in _ld_dates(ld, url):
        add(rank, value)
    for key, value in _meta_items(tree):
        if key in _PUBLISHED_META:
            add(2, value)
        elif key in _GENERIC_META:
            add(3, value)
        elif key in _MODIFIED_META:
            add(8, value)
    for node in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"][not(self::meta)]'):
        add(2, node.get("datetime") or node.get("content") or node.text_content())
    for value in _time_elements(tree):
        add(5, value)
    if url:
        day = url_date(url)
        if day is not None:
            add(6, day.isoformat())
    found.sort(key=lambda c: c[0])
    return found


def _ld_dates(ld: list[dict[str, Any]], url: str | None) -> list[tuple[int, object]]:
    items = list(ld)
    items += [v for d in ld for k in ("mainEntity", "mainEntityOfPage") if isinstance(v := d.get(k), dict)]
    articles = [d for d in items if _ARTICLE_TYPE.search(str(d.get("@type", "")))]
    if url and len(articles) > 1:  # a page listing related stories: its own item first
        articles.sort(key=lambda d: not _same_page(d, url))
    out: list[tuple[int, object]] = []
    for d in articles[:1]:
        out += [(rank, d.get(key)) for rank, key in enumerate(_ORIGINAL_KEYS)]
        out.append((8, d.get("dateModified")))
    for d in items:
        if d not in articles:
            out += [(4, d.get(key)) for key in _ORIGINAL_KEYS]
            out.append((8, d.get("dateModified")))
    return out


def _same_page(item: dict[str, Any], url: str) -> bool:
    own = item.get("url") or item.get("mainEntityOfPage") or ""
    if isinstance(own, dict):
        own = own.get("@id") or own.get("url") or ""
    return bool(own) and str(own).rstrip("/").split("://")[-1] == url.rstrip("/").split("://")[-1]


def _meta_items(tree: Any) -> list[tuple[str, str]]:
    out = []
    for node in tree.iter("meta"):
        content = node.get("content") or node.get("datetime")
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = node.get(attr)
            if key:
                out.append((key.strip().lower(), content))
    return out


def _time_elements(tree: Any) -> list[str]:
    """datetime values of <time> elements marked as the publication time, in the article first.

    Times in lists, asides, the page footer, comments and related-story teasers are not the page's own.
    """
    hinted, plain = [], []
    for node in tree.iter("time"):
        value = node.get("datetime") or node.get("content")
        if not value:
            continue
        parent = node.getparent()
        marks = " ".join(filter(None, [node.get("class"), node.get("itemprop"), node.get("id"),
                                       parent.get("class") if parent is not None else None]))
        if _TIME_UPDATED.search(marks) and not re.search("publi", marks, re.I):
            continue
        ancestors = list(node.iterancestors())
        in_article = any(a.tag == "article" for a in ancestors)
        if any(a.tag in _ELSEWHERE_TAGS or (a.tag == "footer" and not in_article)
               or _ELSEWHERE.search(f"{a.get('class', '')} {a.get('id', '')}") for a in ancestors):
            continue
        if node.get("pubdate") is not None or _TIME_HINT.search(marks):
            hinted.append(value)
        elif any(a.tag in ("article", "header", "main") for a in ancestors):
            plain.append(value)
    return hinted + plain[:1]


def _resolve(found: list[tuple[int, str]], url_day: dt.date | None) -> str:
    """The most trusted date; a URL's day overrules dates more than a day away from it."""
    best = found[0][1]
    if url_day is None:
        return best
    near = [iso for _, iso in found if abs((dt.date.fromisoformat(iso[:10]) - url_day).days) <= 1]
    return near[0] if near else url_day.isoformat()


def normalize_date(value: object, day_first: bool = False) -> str | None:
    """A date or date-time value as ISO 8601 (keeping the page's UTC offset), or None.

    Date-only values stay dates; values before 1990 or in the future are refused.

    Examples
    --------
    >>> normalize_date("2019-08-21T09:30:00.000-0400")
    '2019-08-21T09:30:00-04:00'
    >>> normalize_date("2018-12-22T00:00:00+01:00")  # midnight: a bare day
    '2018-12-22'
    >>> normalize_date("21.08.2019"), normalize_date("August 21, 2019"), normalize_date("1970-01-01")
    ('2019-08-21', '2019-08-21', None)
    """
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # a Unix time
        stamp = parse_datetime(value)
        return None if pd.isna(stamp) or not _sane(stamp.date()) else str(stamp.isoformat())
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    m = _ISO.match(value)
    if m:
        return _from_parts(m.groups())
    m = _DOTTED.match(value)
    if m:
        d, mo, y, hh, mm = m.groups()
        return _from_parts((y, mo, d, hh, mm, None, None))
    m = _SLASHED.match(value)
    if m:
        a, b, y, hh, mm = m.groups()
        if int(a) > 12 or (day_first and int(b) <= 12):
            a, b = b, a
        return _from_parts((y, a, b, hh, mm, None, None))
    return _free_form(value)


def _from_parts(g: tuple[str | None, ...]) -> str | None:
    y, mo, d, hh, mm, ss, tz = g
    try:
        day = dt.date(int(y or 0), int(mo or 0), int(d or 0))
        if hh is None:
            return day.isoformat() if _sane(day) else None
        stamp = dt.datetime(day.year, day.month, day.day, int(hh), int(mm or 0), int(ss or 0))
    except ValueError:
        return None
    if not _sane(day):
        return None
    if stamp.time() == dt.time(0, 0):
        # a midnight stamp is how CMSs write a bare day ("2018-12-22T00:00:00+01:00"): keep the
        # day, which converting the offset to UTC would move to the day before
        return day.isoformat()
    text = stamp.isoformat()
    if tz:
        tz = tz.upper()
        if tz in ("Z", "UTC", "GMT"):
            return text + "+00:00"
        digits = tz[1:].replace(":", "")
        return f"{text}{tz[0]}{digits[:2]}:{digits[2:4] or '00'}"
    return text


def _free_form(value: str) -> str | None:
    """Dates in words ("Aug 21, 2019 9:30 AM EDT"), via :func:`parse_datetime`."""
    as_utc, as_tokyo = parse_datetime(value, tz="UTC"), parse_datetime(value, tz="Asia/Tokyo")
    if pd.isna(as_utc) or not _sane(as_utc.date()):
        return None
    if not _HAS_TIME.search(value):
        return str(as_utc.date().isoformat())
    if as_utc == as_tokyo:  # the value names its zone: the instant, in UTC
        return str(as_utc.isoformat())
    return str(as_utc.tz_localize(None).isoformat())


def _day_first(tree: Any) -> bool:
    """Whether the page's numeric dates read day first (03/04/2019 = 3 April): all but US English."""
    root = tree.getroottree().getroot()
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower()
    return bool(lang) and not lang.startswith(("en-us", "en_us")) and lang != "en"


def _sane(day: dt.date) -> bool:
    return day.year >= _MIN_YEAR and day <= (dt.datetime.now(dt.timezone.utc) + _FUTURE_SLACK).date()


def _htmldate(html: str) -> str | None:
    """htmldate's original date of the page, or None.

    htmldate gets a tree built from the string (given a string that looks like a URL it would
    fetch it) without the page's modified-date tags, so that it looks for the original date;
    its own lower bound (1995) applies, as its full-text search also meets historical dates.
    """
    import lxml.html
    from htmldate import find_date

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for node in list(tree.iter("meta")):
        if any((node.get(a) or "").strip().lower() in _MODIFIED_META for a in ("property", "name", "itemprop")):
            node.drop_tree()
    for node in list(tree.iter("time")):
        if _TIME_UPDATED.search(node.get("class") or "") and not re.search("publi", node.get("class") or "", re.I):
            node.drop_tree()
    try:
        found = find_date(tree, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    return normalize_date(found)

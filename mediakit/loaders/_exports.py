"""What common news exports need beyond field names: JSON-LD graphs, API truncation, compact dates.

The field names of news-please, Media Cloud, NewsAPI, GDELT and schema.org ``NewsArticle``
records are plain aliases in :data:`~mediakit.loaders.FIELD_ALIASES`; nested values
(``source.name``, ``publisher.name``, lists of ``Person`` objects) are read by one general rule
in :mod:`~mediakit.loaders._records`. This module holds the few things a name cannot say:

* a JSON-LD document (``@graph``, a list of nodes) holds its articles among other nodes
  (``WebPage``, ``Organization``, ``Person``), and refers to them by ``@id``;
* NewsAPI cuts ``content`` at about 200 characters and appends ``… [+1234 chars]``;
* GDELT writes dates as ``YYYYMMDD`` or ``YYYYMMDDHHMMSS``;
* which export a file looks like, to name it in the load report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["ARTICLE_TYPES", "jsonld_articles", "plain_value", "strip_truncation", "compact_date",
           "export_name"]

#: schema.org types read as articles: ``Article`` and its subtypes that carry news text.
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "analysisnewsarticle", "askpublicnewsarticle", "backgroundnewsarticle",
    "opinionnewsarticle", "reportagenewsarticle", "reviewnewsarticle", "satiricalarticle",
    "advertisercontentarticle", "blogposting", "liveblogposting", "report", "techarticle",
    "scholarlyarticle", "socialmediaposting",
})
_TRUNCATED = re.compile(r"\s*(?:\u2026|\.\.\.)?\s*\[\+\s*\d[\d,]*\s*(?:chars?|characters)\]\s*$", re.I)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z)?$")


def _types(node: Mapping[str, Any]) -> set[str]:
    """The ``@type`` names of a JSON-LD node, case-folded, without a schema.org prefix."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].casefold()
            for v in values if isinstance(v, str)}


def _is_article(node: Any) -> bool:
    return isinstance(node, dict) and bool(_types(node) & ARTICLE_TYPES)


def _resolve(value: Any, index: Mapping[str, dict[str, Any]]) -> Any:
    """A reference ``{"@id": ...}`` replaced by the node it names (one level, so no cycles)."""
    if isinstance(value, dict) and "@id" in value and len(value) <= 2 and str(value["@id"]) in index:
        return index[str(value["@id"])]
    if isinstance(value, list):
        return [_resolve(v, index) for v in value]
    return value


def jsonld_articles(nodes: list[Any]) -> list[tuple[int, dict[str, Any]]] | None:
    """The article nodes of a JSON-LD document, references resolved; None when it holds none.

    ``nodes`` are the top-level objects (a ``@graph``, a list, or one object). Returns
    ``(1-based position among nodes, article)`` pairs; an article's ``{"@id": ...}`` values
    (its ``author``, ``publisher``) are replaced by the nodes they name.

    Examples
    --------
    >>> graph = [{"@type": "Organization", "@id": "#org", "name": "Daily Planet"},
    ...          {"@type": "NewsArticle", "headline": "Hi", "publisher": {"@id": "#org"}}]
    >>> [(pos, art["publisher"]["name"]) for pos, art in jsonld_articles(graph)]
    [(2, 'Daily Planet')]
    >>> jsonld_articles([{"title": "not JSON-LD"}]) is None
    True
    """
    if not any(_is_article(n) for n in nodes):
        return None
    index = {str(n["@id"]): n for n in nodes if isinstance(n, dict) and "@id" in n}
    out = []
    for pos, node in enumerate(nodes, 1):
        if _is_article(node):
            out.append((pos, {k: _resolve(v, index) for k, v in node.items()}))
    return out


def plain_value(value: Any) -> Any:
    """A JSON-LD node in an extra field as plain text: its URL, ``@id`` or name (lists item by item).

    Examples
    --------
    >>> plain_value({"@type": "ImageObject", "url": "https://x.test/a.jpg", "width": 800})
    'https://x.test/a.jpg'
    >>> plain_value(["NewsArticle", {"@id": "#x"}]), plain_value(3)
    (['NewsArticle', '#x'], 3)
    """
    if isinstance(value, dict) and ("@type" in value or "@id" in value):
        for key in ("url", "contentUrl", "@id", "name"):
            if isinstance(value.get(key), (str, int, float)):
                return value[key]
        return None
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    return value


def strip_truncation(text: str) -> tuple[str, bool]:
    """``text`` without an API's truncation marker (``… [+1234 chars]``), and whether one was there.

    Examples
    --------
    >>> strip_truncation("The council met on Monday and\u2026 [+2130 chars]")
    ('The council met on Monday and', True)
    >>> strip_truncation("A whole story.")
    ('A whole story.', False)
    """
    if not text.rstrip().endswith("]"):
        # the marker ends the text (white space aside): without a closing bracket there, no search. The
        # pattern opens with white space, which ``re`` tries at every position (a fifth of loading a corpus)
        return text, False
    m = _TRUNCATED.search(text)
    if m is None:
        return text, False
    return text[: m.start()].rstrip(), True


def compact_date(value: Any) -> Any:
    """A ``YYYYMMDD`` / ``YYYYMMDDHHMMSS`` date (GDELT's, as text or a number) as ISO 8601; else ``value``.

    Any other value is returned unchanged for the general date parser. A number of eight or
    fourteen digits that is a valid calendar date is read as one (as Unix seconds it would fall
    in 1970).

    Examples
    --------
    >>> compact_date("20250112"), compact_date(20250112114800), compact_date("20250112T1148Z")
    ('2025-01-12', '2025-01-12T11:48:00', '2025-01-12T11:48:00Z')
    >>> compact_date("2025-01-12"), compact_date("20251399")
    ('2025-01-12', '20251399')
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return value
    s = str(value).strip()
    m = _COMPACT.match(s)
    if m is None:
        return value
    year, month, day, hour, minute, second, zulu = m.groups()
    if not (1800 <= int(year) <= 2200 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return value
    if hour is not None and not (int(hour) < 24 and int(minute) < 60 and int(second or 0) < 60):
        return value
    if isinstance(value, int) and len(s) not in (8, 14):
        return value
    iso = f"{year}-{month}-{day}"
    if hour is not None:
        iso += f"T{hour}:{minute}:{second or '00'}"
    return iso + (zulu or "")


#: Fields that, together, mark a known export (all must be present, compared case-insensitively).
_SIGNATURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("news-please", ("maintext", "date_publish")),
    ("news-please", ("source_domain", "date_download")),
    ("Media Cloud", ("stories_id", "media_name")),
    ("Media Cloud", ("indexed_date", "media_name")),
    ("Media Cloud", ("media_url", "publish_date")),
    ("NewsAPI", ("publishedat", "urltoimage")),
    ("NewsAPI", ("source", "publishedat")),
    ("GDELT", ("sourceurl",)),
    ("GDELT", ("documentidentifier",)),
    ("GDELT", ("seendate", "socialimage")),
    ("JSON-LD", ("@type",)),
)


def export_name(fields: Iterable[Any]) -> str | None:
    """The export a record's or header's fields look like ('Media Cloud', 'GDELT', ...), or None.

    Examples
    --------
    >>> export_name(["stories_id", "publish_date", "title", "url", "media_name"])
    'Media Cloud'
    >>> export_name(["GLOBALEVENTID", "SQLDATE", "SOURCEURL"]), export_name(["title", "text"])
    ('GDELT', None)
    """
    have = {str(f).strip().casefold() for f in fields}
    for name, needed in _SIGNATURES:
        if all(n in have for n in needed):
            return name
    return None

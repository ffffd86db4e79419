"""HTML news pages: metadata and captions with lxml, body text with trafilatura.

Everything is parsed from the string we were given: no URL is fetched, no script
is run (scripts and styles are dropped before anything reads the tree).
"""

from __future__ import annotations

import json
import re
from typing import Any

from .._normalize import normalize_inline, normalize_text
from ._textpage import _BYLINE, _fold, _is_caption, is_boilerplate

__all__ = ["parse_html_page"]

_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div|meta|title)\b", re.I)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` reads as an HTML document or fragment."""
    head = text.lstrip()[:4096]
    return head.startswith("<") and bool(_HTML_HINT.search(head))


def _meta(tree: Any, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{name}"]/@content')
            for value in found:
                if value and value.strip():
                    return str(value).strip()
    return None


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text_content() or "")
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        for d in stack:
            if isinstance(d, dict):
                graph = d.get("@graph")
                items.extend(x for x in (graph if isinstance(graph, list) else [d]) if isinstance(x, dict))
    return items


def _ld_value(items: list[dict[str, Any]], key: str) -> str | None:
    for d in items:
        if "Article" not in str(d.get("@type", "")) and key not in ("publisher",):
            continue
        value = d.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def parse_html_page(html: str) -> dict[str, Any]:
    """Extract one article from an HTML page.

    Returns a dict with ``title``, ``byline``, ``published`` (string, as found),
    ``outlet``, ``url``, ``captions`` (list) and ``text`` (paragraphs separated by
    blank lines). Raises ``ValueError`` when the page has no readable body.
    """
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ValueError(f"not parseable as HTML: {exc}") from exc
    ld = _json_ld(tree)
    for bad in tree.xpath("//script|//style|//noscript|//template|//iframe|//object|//embed"):
        bad.drop_tree()

    def first_text(xpath: str) -> str | None:
        for node in tree.xpath(xpath):
            t = normalize_inline(node.text_content())
            if t:
                return t
        return None

    title = (_meta(tree, "og:title", "twitter:title", "headline") or _ld_value(ld, "headline")
             or first_text("//h1") or first_text("//title"))
    byline = _meta(tree, "author", "article:author", "byl", "dc.creator", "sailthru.author")
    if not byline:
        byline = _ld_value(ld, "author")
    if not byline:
        b = first_text('//*[contains(@class,"byline") or contains(@class,"author") or @rel="author"]')
        byline = b
    if byline:
        m = _BYLINE.match(byline)
        byline = normalize_inline(m.group("name") if m else byline)
    published = (_meta(tree, "article:published_time", "datePublished", "pubdate", "publishdate",
                       "date", "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date")
                 or _ld_value(ld, "datePublished"))
    if not published:
        times = tree.xpath("//time/@datetime")
        published = str(times[0]) if times else None
    outlet = _meta(tree, "og:site_name", "application-name") or _ld_value(ld, "publisher")
    url = None
    canon = tree.xpath('//link[@rel="canonical"]/@href')
    if canon:
        url = str(canon[0]).strip()
    url = url or _meta(tree, "og:url")

    captions: list[str] = []
    for node in tree.xpath('//figcaption|//*[contains(concat(" ", normalize-space(@class), " "), " caption ")]'):
        t = normalize_inline(node.text_content())
        if t and t not in captions:
            captions.append(t)

    body = trafilatura.extract(
        lxml.html.tostring(tree, encoding="unicode"),
        include_comments=False, include_tables=False, include_images=False,
        include_links=False, with_metadata=False, deduplicate=False,
    ) or ""
    caption_keys = {_fold(c) for c in captions}
    title_key = _fold(title) if title else None
    paragraphs = []
    for line in normalize_text(body).split("\n"):
        line = line.strip()
        key = _fold(line)
        if not line or key == title_key or key in caption_keys or is_boilerplate(line):
            continue
        if byline and _BYLINE.match(line) and len(line) < 140:
            continue
        if _is_caption(line) and len(line) < 300:
            captions.append(normalize_inline(line))
            continue
        paragraphs.append(line)
    text = "\n\n".join(paragraphs)
    if not text and not title:
        raise ValueError("no article text found in the HTML page")
    return {"title": title, "byline": byline, "published": published, "outlet": outlet,
            "url": url, "captions": captions, "text": text}

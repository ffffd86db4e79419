"""HTML news pages: metadata and captions with lxml, body text with trafilatura.

Everything is parsed from the string we were given: no URL is fetched, no script
is run (scripts and styles are dropped before anything reads the tree).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..text import normalize_inline, normalize_text
from ._lines import BYLINE, fold, is_boilerplate, is_caption

__all__ = ["parse_html_page", "looks_like_html"]

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

    Examples
    --------
    >>> page = parse_html_page("<html><head><title>Rates hold</title></head><body><article>"
    ...                        "<p>The central bank held rates steady on Friday, as expected.</p>"
    ...                        "</article></body></html>")
    >>> page["title"], page["text"]
    ('Rates hold', 'The central bank held rates steady on Friday, as expected.')
    """
    tree, ld = _parse_tree(html)
    title = _page_title(tree, ld)
    byline = _page_byline(tree, ld)
    captions = _page_captions(tree)
    body = _main_text(tree)
    text = "\n\n".join(_body_paragraphs(body, title, byline, captions))
    if not text and not title:
        raise ValueError("no article text found in the HTML page")
    return {"title": title, "byline": byline, "published": _page_published(tree, ld),
            "outlet": _meta(tree, "og:site_name", "application-name") or _ld_value(ld, "publisher"),
            "url": _page_url(tree), "captions": captions, "text": text}


def _parse_tree(html: str) -> tuple[Any, list[dict[str, Any]]]:
    """The page tree with scripts, styles and embeds dropped, and its JSON-LD items (read first)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ValueError(f"not parseable as HTML: {exc}") from exc
    ld = _json_ld(tree)
    for bad in tree.xpath("//script|//style|//noscript|//template|//iframe|//object|//embed"):
        bad.drop_tree()
    return tree, ld


def _first_text(tree: Any, xpath: str) -> str | None:
    for node in tree.xpath(xpath):
        t = normalize_inline(node.text_content())
        if t:
            return t
    return None


def _page_title(tree: Any, ld: list[dict[str, Any]]) -> str | None:
    return (_meta(tree, "og:title", "twitter:title", "headline") or _ld_value(ld, "headline")
            or _first_text(tree, "//h1") or _first_text(tree, "//title"))


def _page_byline(tree: Any, ld: list[dict[str, Any]]) -> str | None:
    byline = _meta(tree, "author", "article:author", "byl", "dc.creator", "sailthru.author")
    if not byline:
        byline = _ld_value(ld, "author")
    if not byline:
        b = _first_text(tree, '//*[contains(@class,"byline") or contains(@class,"author") or @rel="author"]')
        byline = b
    if byline:
        m = BYLINE.match(byline)
        byline = normalize_inline(m.group("name") if m else byline)
    return byline


def _page_published(tree: Any, ld: list[dict[str, Any]]) -> str | None:
    published = (_meta(tree, "article:published_time", "datePublished", "pubdate", "publishdate",
                       "date", "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date")
                 or _ld_value(ld, "datePublished"))
    if not published:
        times = tree.xpath("//time/@datetime")
        published = str(times[0]) if times else None
    return published


def _page_url(tree: Any) -> str | None:
    url = None
    canon = tree.xpath('//link[@rel="canonical"]/@href')
    if canon:
        url = str(canon[0]).strip()
    return url or _meta(tree, "og:url")


def _page_captions(tree: Any) -> list[str]:
    captions: list[str] = []
    for node in tree.xpath('//figcaption|//*[contains(concat(" ", normalize-space(@class), " "), " caption ")]'):
        t = normalize_inline(node.text_content())
        if t and t not in captions:
            captions.append(t)
    return captions


def _main_text(tree: Any) -> str:
    """The page's main text, found by trafilatura (offline: the tree is all it sees)."""
    import lxml.html
    import trafilatura

    return trafilatura.extract(
        lxml.html.tostring(tree, encoding="unicode"),
        include_comments=False, include_tables=False, include_images=False,
        include_links=False, with_metadata=False, deduplicate=False,
    ) or ""


def _body_paragraphs(body: str, title: str | None, byline: str | None, captions: list[str]) -> list[str]:
    """Story paragraphs of the main text; caption lines found in it are appended to ``captions``."""
    caption_keys = {fold(c) for c in captions}
    title_key = fold(title) if title else None
    paragraphs = []
    for line in normalize_text(body).split("\n"):
        line = line.strip()
        key = fold(line)
        if not line or key == title_key or key in caption_keys or is_boilerplate(line):
            continue
        if byline and BYLINE.match(line) and len(line) < 140:
            continue
        if is_caption(line) and len(line) < 300:
            captions.append(normalize_inline(line))
            continue
        paragraphs.append(line)
    return paragraphs

"""HTML news pages: metadata and captions with lxml, body text with trafilatura.

Everything is parsed from the string we were given: no URL is fetched, no script
is run (scripts and styles are dropped before anything reads the tree; the JSON-LD
blocks are read first). Where each field comes from: :mod:`._htmlmeta` (url, outlet,
title), :mod:`._byline` (byline), :mod:`._pagedate` (published); captions and body here.
"""

from __future__ import annotations

import re
from typing import Any

from ..outlets import registered_domain
from ..text import normalize_inline, normalize_text
from ._byline import page_byline
from ._htmlmeta import json_ld_items, ld_article, page_outlet, page_title, page_url, site_names
from ._lines import BYLINE, fold, is_boilerplate, is_caption
from ._pagedate import page_published

__all__ = ["parse_html_page", "looks_like_html", "page_captions", "ld_body"]

_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div|meta|title)\b", re.I)
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])caption(?:$|[\s_-](?:text|content|body)?(?:$|\s))", re.I)
_TEASER = re.compile(r"(?<![a-z])(?:teaser|related|recommend|promo|selection|widget|trending|popular|newsletter|"
                     r"outbrain|taboola|most-?read|more-?stories|read-?more|also-?read)", re.I)
#: The JSON-LD ``articleBody`` replaces the extracted body when the latter has less than this share of its words.
LD_BODY_SHARE = 0.5


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` reads as an HTML document or fragment."""
    head = text.lstrip()[:4096]
    return head.startswith("<") and bool(_HTML_HINT.search(head))


def parse_html_page(html: str) -> dict[str, Any]:
    """Extract one article from an HTML page.

    Returns a dict with ``title``, ``byline`` (names joined with ``"; "``), ``published``
    (ISO string, as found), ``outlet``, ``url``, ``captions`` (list) and ``text``
    (paragraphs separated by blank lines). Raises ``ValueError`` when the page has no
    readable body and no title.

    Examples
    --------
    >>> page = parse_html_page("<html><head><title>Rates hold | The Daily Planet</title>"
    ...                        '<meta property="og:site_name" content="The Daily Planet"></head><body><article>'
    ...                        "<p>The central bank held rates steady on Friday, as expected.</p>"
    ...                        "</article></body></html>")
    >>> page["title"], page["outlet"], page["text"]
    ('Rates hold', 'The Daily Planet', 'The central bank held rates steady on Friday, as expected.')
    """
    tree, ld = _parse_tree(html)
    url = page_url(tree, ld)
    names = site_names(tree, ld)
    outlet = page_outlet(tree, names, url)
    if outlet and outlet not in names:
        names.append(outlet)
    title = page_title(tree, ld, names, url)
    byline = page_byline(tree, ld, names, registered_domain(url) if url else None, outlet)
    captions = page_captions(tree)
    body = _main_text(tree)
    paragraphs = _body_paragraphs(body, title, byline, captions)
    from_ld = ld_body(ld)
    if from_ld and sum(len(p.split()) for p in paragraphs) < LD_BODY_SHARE * sum(len(p.split()) for p in from_ld):
        paragraphs = _body_paragraphs("\n".join(from_ld), title, byline, captions)
    text = "\n\n".join(paragraphs)
    if not text and not title:
        raise ValueError("no article text found in the HTML page")
    return {"title": title, "byline": byline, "published": page_published(html, tree, ld, url),
            "outlet": outlet, "url": url, "captions": captions, "text": text}


def _parse_tree(html: str) -> tuple[Any, list[dict[str, Any]]]:
    """The page tree with scripts, styles and embeds dropped, and its JSON-LD items (read first)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ValueError(f"not parseable as HTML: {exc}") from exc
    ld = json_ld_items(tree)
    for bad in tree.xpath("//script|//style|//noscript|//template|//iframe|//object|//embed"):
        bad.drop_tree()
    return tree, ld


def ld_body(ld: list[dict[str, Any]]) -> list[str]:
    """Paragraphs of the JSON-LD ``articleBody`` of the page's article (HTML tags stripped), or [].

    Examples
    --------
    >>> ld_body([{"@type": "NewsArticle", "articleBody": "First para.\\n\\nSecond &amp; last."}])
    ['First para.', 'Second & last.']
    """
    art = ld_article(ld)
    body = art.get("articleBody") if art else None
    if not isinstance(body, str) or not body.strip():
        return []
    if re.search(r"<(?:p|br|div|span|a|em|strong)\b", body, re.I):
        import lxml.html

        frag = lxml.html.fragment_fromstring(body, create_parent="div")
        for br in frag.xpath("//br|//p"):
            br.tail = "\n" + (br.tail or "")
        body = frag.text_content()
    import html as htmllib

    text = normalize_text(htmllib.unescape(body))
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def _caption_ok(node: Any) -> bool:
    """False for a "caption" that belongs to a teaser card or a list of other stories."""
    for el in node.iterancestors():
        if el.tag in ("a", "li", "nav", "aside", "footer"):
            return False
        if _TEASER.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return False
    if _TEASER.search(node.get("class", "")):
        return False
    text = node.text_content()
    linked = sum(len(a.text_content()) for a in node.xpath(".//a"))
    return not node.xpath(".//h1|.//h2|.//h3|.//h4") and linked <= 0.5 * len(text)


def page_captions(tree: Any) -> list[str]:
    """Photo captions of a page: ``figcaption``, ``itemprop="caption"`` and caption-class elements.

    A caption inside a link, a list item, a navigation or aside block, or a teaser/related-story
    container is a story teaser, not a caption; an element holding another caption candidate (a
    "wp-caption" wrapper) gives way to it.
    """
    nodes = tree.xpath('//figcaption|//*[@itemprop="caption" or @itemprop="description"][ancestor::figure]|'
                       '//*[@class][ancestor::figure or contains(@class, "caption")]')
    candidates = [n for n in nodes if n.tag == "figcaption" or n.get("itemprop") in ("caption", "description")
                  or _CAPTION_CLASS.search(n.get("class", ""))]
    chosen = set(candidates)
    captions: list[str] = []
    for node in candidates:
        if any(d in chosen for d in node.iterdescendants()) or not _caption_ok(node):
            continue
        t = normalize_inline(node.get("content") or node.text_content())
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

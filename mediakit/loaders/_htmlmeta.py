"""Metadata of an HTML news page: JSON-LD, meta tags, canonical URL, outlet, title.

Sources, most trusted first (the first valid value wins):

========  =================================================================================
field     sources
========  =================================================================================
url       ``link rel=canonical``, else ``og:url`` (absolute http(s) only; a relative canonical
          is resolved against ``og:url``/``<base>``); ``og:url`` wins when the canonical
          points to another site (a syndicated copy names its original)
outlet    the domain table (:func:`mediakit.outlets.outlet_from_url`) when the page's domain
          is known; else ``og:site_name``, JSON-LD ``publisher``, ``DC.publisher``,
          ``application-name``, those that relate to the domain first, never a section name
          (``article:section``, a breadcrumb or navigation link) nor another site's URL;
          else the registered domain
title     ``og:title``, ``twitter:title``, JSON-LD ``headline``, the page's one ``<h1>``,
          ``<title>``, other ``<h1>``; then a site name (the names above, the domain, the
          ``twitter:site`` handle), a section, a date or a generic word ("Blog", "News") around
          a separator is cut ("Title | DW | 19.01.2020", "Site: Title"), or the ``<h1>`` that
          the title starts or ends with is taken; a dash inside a headline is never cut on its own
========  =================================================================================
"""

from __future__ import annotations

import html as htmllib
import json
import re
import unicodedata
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..outlets import outlet_from_url, registered_domain
from ..text import normalize_inline

__all__ = ["json_ld_items", "meta_content", "ld_article", "ld_names", "page_url", "site_names",
           "page_outlet", "page_title", "site_key", "relates_to_site", "first_text"]

_ARTICLE_TYPE = re.compile(r"Article|Posting|Report|NewsArticle|Blog", re.I)
_HOST = re.compile(r"^(?:[\w-]+\.)+[^\W\d_]{2,63}$")
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.I)
#: Words that sit next to a site name in titles without being the headline.
_GENERIC = frozenset({"blog", "news", "home", "homepage", "startseite", "wiki", "online", "magazin", "magazine",
                      "nachrichten", "actualites", "noticias", "aktuell", "news & politics", "latest news"})
_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014\u00bb\u203a\u2039\u00ab\u2022\u00b7~/]|-{1,2}|::)\s+")
_DATE_SEGMENT = re.compile(r"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.? \w+ \d{4}|\w+ \d{1,2}, \d{4})$")
_CURRENT = re.compile(r"(?<![\w-])(?:is-)?(?:active|current|last|selected)(?![\w-])", re.I)
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe"})


def json_ld_items(tree: Any) -> list[dict[str, Any]]:
    """The JSON-LD objects of a page (``@graph`` flattened; unparseable blocks skipped)."""
    items: list[dict[str, Any]] = []
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (node.text_content() or "").strip()
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        for d in stack:
            if isinstance(d, dict):
                graph = d.get("@graph")
                items.extend(x for x in (graph if isinstance(graph, list) else [d]) if isinstance(x, dict))
    return items


def meta_content(tree: Any, *names: str) -> str | None:
    """The first non-blank ``content`` of a ``<meta>`` whose property, name or itemprop is in ``names``."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for value in tree.xpath(f'//meta[@{attr}="{name}"]/@content'):
                text = normalize_inline(htmllib.unescape(str(value)))
                if text:
                    return text
    return None


def first_text(tree: Any, xpath: str) -> str | None:
    """Normalised text of the first node of ``xpath`` that has any."""
    for node in tree.xpath(xpath):
        text = normalize_inline(node.text_content())
        if text:
            return text
    return None


def _types(item: dict[str, Any]) -> str:
    t = item.get("@type", "")
    return " ".join(map(str, t)) if isinstance(t, list) else str(t)


def ld_article(ld: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The page's Article-like JSON-LD item (NewsArticle, BlogPosting, ...), the one with a body first."""
    arts = [d for d in ld if _ARTICLE_TYPE.search(_types(d))]
    arts.sort(key=lambda d: not isinstance(d.get("articleBody"), str))
    return arts[0] if arts else None


def ld_names(value: Any, *, persons: bool) -> list[str]:
    """Names in a JSON-LD author/publisher value: a string, a Person/Organization, or a list of them.

    With ``persons=True`` Organization objects are skipped (an organisation is not a byline).
    """
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for v in values:
        if isinstance(v, dict):
            if persons and re.search(r"Organi[sz]ation|Corporation|NewsMedia", _types(v)):
                continue
            v = v.get("name")
            if isinstance(v, list):
                v = v[0] if v else None
        if isinstance(v, str):
            text = normalize_inline(htmllib.unescape(v))
            if text:
                names.append(text)
    return names


def _ld_publisher(ld: list[dict[str, Any]]) -> list[str]:
    art = ld_article(ld)
    names = ld_names(art.get("publisher"), persons=False) if art else []
    for d in ld:
        if re.search(r"NewsMediaOrganization|^Organization$", _types(d)) and not names:
            names = ld_names(d, persons=False)
    return names


# ----------------------------------------------------------------------------- url


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if not re.match(r"^https?://", url, re.I) and base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(parts.hostname or ""):
        return None
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()


def page_url(tree: Any, ld: list[dict[str, Any]]) -> str | None:
    """The page's canonical absolute http(s) URL, or None.

    Examples
    --------
    >>> import lxml.html
    >>> page_url(lxml.html.fromstring('<html><head><link rel="canonical" href="/a/1">'
    ...          '<meta property="og:url" content="https://News.example.org/a/1?x=1"></head></html>'), [])
    'https://news.example.org/a/1'
    """
    og = meta_content(tree, "og:url")
    bases = [og, meta_content(tree, "twitter:url"), *(str(b) for b in tree.xpath("//base/@href"))]
    domain = meta_content(tree, "twitter:domain")
    if domain:  # a host ("ndr.de"), or a whole URL some sites put there
        bases.append(domain if re.match(r"^https?://", domain, re.I) else f"https://{domain}/")
    art = ld_article(ld)
    if art:
        main = art.get("mainEntityOfPage")
        bases += [v for v in (art.get("url"), main.get("@id") if isinstance(main, dict) else main)
                  if isinstance(v, str)]
    base = next((b for b in bases if b and re.match(r"^https?://", b, re.I)), None)
    canon = next((_absolute(str(c), base) for c in tree.xpath('//link[@rel="canonical"]/@href')), None)
    og_abs = _absolute(og, None)
    if canon and og_abs and registered_domain(canon) != registered_domain(og_abs):
        return og_abs  # a syndicated copy's canonical names the original publisher's page
    return canon or og_abs or _absolute(base, None)


# ----------------------------------------------------------------------------- site names and outlet


def site_key(text: str) -> str:
    """Letters and digits of ``text``, folded (accents, case, ``www.``, a leading "the", a domain ending).

    Examples
    --------
    >>> site_key("The Planetary Press"), site_key("www.Süddeutsche.de"), site_key("Là-bas si j'y suis")
    ('planetarypress', 'sueddeutsche', 'labassijysuis')
    """
    s = htmllib.unescape(text).casefold().translate(_TRANSLIT)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).strip()
    s = re.sub(r"^(?:https?://)?(?:www\d?\.)?", "", s)
    s = re.sub(r"\.(?:com|org|net|de|fr|at|ch|es|it|info|co\.uk|co|uk|eu|io|tv|news)/?$", "", s)
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def _domain_labels(url: str | None) -> list[str]:
    """Host labels that may name the site: the registered label first, then sub-domains (not www)."""
    reg = registered_domain(url) if url else None
    if not reg or not url:
        return []
    host = (urlsplit(url).hostname or "").lower()
    main = reg.split(".")[0]
    subs = [lb for lb in host[: -len(reg)].split(".") if lb and lb not in ("www", "m", "amp", "mobile", "en", "de")]
    return [site_key(main), *(site_key(s) for s in subs)]


def _acronym(text: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in ("der", "die", "das", "the", "of", "and", "und")]
    return "".join(w[0] for w in words).casefold() if len(words) >= 2 else ""


def relates_to_site(text: str, keys: list[str]) -> bool:
    """True when ``text`` names the same site as one of ``keys`` (site keys or domain labels).

    Equal keys, one containing the other (at least 4 letters), or an acronym of the words.
    """
    k = site_key(text)
    if not k:
        return False
    acr = _acronym(text)
    for key in keys:
        if not key:
            continue
        if k == key or (min(len(k), len(key)) >= 4 and (k in key or key in k)) or (acr and acr == key):
            return True
    return False


def _section_names(tree: Any, url: str | None) -> set[str]:
    """Folded names of the page's sections: article:section, breadcrumbs, navigation links."""
    path = urlsplit(url).path.rstrip("/") if url else None
    names = {site_key(s) for s in tree.xpath('//meta[@property="article:section" or @name="article:section" '
                                             'or @property="og:article:section"]/@content')}
    xp = ('//nav//a | //*[contains(@class,"breadcrumb")]//a | '
          '//*[@itemtype="https://schema.org/BreadcrumbList" or @itemtype="http://schema.org/BreadcrumbList"]//a')
    for node in tree.xpath(xp)[:400]:
        marks = f"{node.get('class', '')} {node.getparent().get('class', '')}" if node.getparent() is not None else ""
        href = (node.get("href") or "#").strip()
        if (node.get("aria-current") or href in ("", "#") or _CURRENT.search(marks)
                or (path and urlsplit(href).path.rstrip("/") == path)):
            continue  # the page itself: the active or last item of a menu or breadcrumb
        text = normalize_inline(node.text_content())
        if text and len(text) <= 40:
            names.add(site_key(text))
    names.discard("")
    return names


def site_names(tree: Any, ld: list[dict[str, Any]]) -> list[str]:
    """Candidate site names, in order of trust: og:site_name, JSON-LD publisher, application-name."""
    out: list[str] = []
    for cand in (meta_content(tree, "og:site_name"), *_ld_publisher(ld),
                 meta_content(tree, "DC.publisher", "dc.publisher", "dcterms.publisher", "publisher"),
                 meta_content(tree, "application-name", "apple-mobile-web-app-title")):
        if cand and cand not in out:
            out.append(cand)
    return out


def page_outlet(tree: Any, names: list[str], url: str | None) -> str | None:
    """The outlet of a page: a known domain's canonical name, else the best site name, else the domain.

    Parameters
    ----------
    tree : lxml.html.HtmlElement
        The page.
    names : list of str
        Site-name candidates (:func:`site_names`).
    url : str or None
        The page URL (:func:`page_url`).
    """
    reg = registered_domain(url) if url else None
    if reg:
        known = outlet_from_url(url)
        if known and known != reg:
            return known
    labels = _domain_labels(url)
    sections = _section_names(tree, url)
    valid = []
    for name in names:
        parts = _SEPARATOR.split(name)
        name = next((p for p in parts if relates_to_site(p, labels)), name) if len(parts) > 1 else name
        domain = registered_domain(name)
        if _URL.search(name) or (domain and outlet_from_url(name) != domain):
            if not (reg and domain and domain != reg):  # not another site's page ("facebook.com/...")
                valid.append(outlet_from_url(name) or name)  # "https://www.horizont.net", a known domain
            continue
        if len(name) > 60 or len(name.split()) > 7 or (
                site_key(name) in sections and len(name.split()) <= 2 and not relates_to_site(name, labels)):
            continue  # a section ("U.S.", "Politics"), not the publisher
        valid.append(name)
    related = [n for n in valid if relates_to_site(n, labels)]
    return (related or valid or [reg])[0]


# ----------------------------------------------------------------------------- title


def _is_site_segment(seg: str, keys: list[str]) -> bool:
    return relates_to_site(seg, keys) or site_key(seg) in keys


def _cut_affixes(title: str, keys: list[str], sections: set[str]) -> str:
    """``title`` without a run of site-name/section/date/generic segments at its end or start."""
    parts = _SEPARATOR.split(title)
    if len(parts) > 1:
        kinds = ["site" if _is_site_segment(p, keys) else
                 "filler" if (p.casefold() in _GENERIC or _DATE_SEGMENT.match(p) or site_key(p) in sections)
                 else "text" for p in parts]
        end = len(parts)
        while end > 1 and kinds[end - 1] != "text":
            end -= 1
        start = 0
        while start < end - 1 and kinds[start] != "text":
            start += 1
        if "site" in kinds[end:] or "site" in kinds[:start]:
            seps = _SEPARATOR.findall(title)
            title = "".join(p + s for p, s in zip(parts[start:end], [*seps[start:end - 1], ""], strict=True))
    m = re.match(r"^([^:]{2,40}):\s+(.{8,})$", title)  # "Site: Title"
    if m and _is_site_segment(m.group(1), keys):
        title = m.group(2)
    return title.strip()


def _run_of(title: str, other: str) -> str | None:
    """The leading or trailing run of ``title``'s separator-split segments that reads as ``other``, or None."""
    parts = _SEPARATOR.split(title)
    seps = _SEPARATOR.findall(title)
    want = site_key(other)
    for k in range(len(parts) - 1, 0, -1):
        for lo, hi in ((0, k), (len(parts) - k, len(parts))):
            run = "".join(p + s for p, s in zip(parts[lo:hi], [*seps[lo:hi - 1], ""], strict=True))
            if site_key(run) == want:
                return run
    return None


def page_title(tree: Any, ld: list[dict[str, Any]], names: list[str], url: str | None) -> str | None:
    """The headline of a page, without the site name around it (see the module docstring)."""
    handle = meta_content(tree, "twitter:site")  # "@ADAC": a hint of the site's name, for titles only
    keys = [k for k in [site_key(n) for n in names] + _domain_labels(url) + [site_key(handle or "")] if k]
    sections = _section_names(tree, url)
    art = ld_article(ld)
    headline = art.get("headline") if art else None
    h1s = [t for t in (normalize_inline(n.text_content()) for n in tree.xpath("//h1")[:5]) if t]
    h1s = [h for h in h1s if not _is_site_segment(h, keys) and len(h) <= 300
           and site_key(h) not in sections and h.casefold() not in _GENERIC]
    title_tag = first_text(tree, "//title")
    cands = [meta_content(tree, "og:title", "twitter:title", "headline"),
             normalize_inline(htmllib.unescape(headline)) if isinstance(headline, str) else None]
    if title_tag and h1s and (len(h1s) == 1 or len(_cut_affixes(title_tag, keys, sections).split()) <= 2
                              < len(h1s[0].split())):
        cands.append(h1s[0])  # the page's one h1; or "<title>MEDEF</title>" names the site, the h1 the story
    found = [c for c in (*cands, title_tag, *h1s) if c]
    if not found:
        return None
    title = found[0]
    for other in found[1:]:  # a shorter candidate the title starts or ends with is the headline
        if len(other) < len(title) and len(other.split()) >= 2:
            run = _run_of(title, other)
            if run:
                title = run
                break
    return _cut_affixes(title, keys, sections) or title

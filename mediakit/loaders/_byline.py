"""Bylines as clean person names, joined one way: ``"Jane Doe; John Roe"``.

A raw byline ("By Jane Doe and John Roe | Updated 10:08 am Fri Jul 19, 2013",
"Autor/in: Korinna Hennig", "@NatGeoUK", "Lindsey O&#039;Donnell") is split into parts at
separators (``;``, ``|``, ``/``, spaced dashes, commas, "and"/"und"/"et"/"y"), after dates,
times, URLs, handles and reading times are cut out. Each part is then a name, known furniture
(a role such as "Staff writer", the page's own site, an "E-Mail" link) or something else.
A byline with something else in it is refused as a whole (the page's next byline source is
tried): a wrong name is worse than none.

Several authors are joined with ``"; "`` (:data:`AUTHOR_SEPARATOR`), as trafilatura does: a
semicolon never occurs inside a name, so ``byline.split("; ")`` gives the authors back.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from typing import Any

from ..outlets import default_outlet_aliases, outlet_key
from ..text import normalize_inline
from ._htmlmeta import ld_article, ld_names, relates_to_site, site_key

__all__ = ["AUTHOR_SEPARATOR", "byline_names", "join_authors", "clean_byline", "page_byline"]

#: How several authors are joined in the ``byline`` column.
AUTHOR_SEPARATOR = "; "

_MONTHS = (r"(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|m[aä]r(?:ch|z|s)?|apr(?:il)?|avr(?:il)?|"
           r"ma[yi]|mai|jun[ei]?|juin|jul[iy]?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember)?)?|"
           r"oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|de[cz](?:ember)?|d[ée]c(?:embre)?|enero|febrero|marzo|"
           r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\.?")
_WEEKDAYS = (r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
             r"sonntag|mo|di|mi|do|fr|sa|so|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche")
_DATE = re.compile(
    rf"(?:(?:{_WEEKDAYS}),?\s*)?(?:\d{{1,2}}\.?\s*{_MONTHS}\s*(?:\d{{4}})?|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"(?:\s*\d{{4}})?|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.+z-]*)?)"
    rf"(?:,?\s*(?:at\s+|um\s+|à\s+)?\d{{1,2}}[:.h]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*uhr)?(?:\s*(?-i:[A-Z]{{2,4}}\b))?)?"
    rf"|(?:{_WEEKDAYS}),?\s+(?={_MONTHS}|\d)"
    rf"|\b\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?|uhr)?",
    re.I,
)
_STAMP = re.compile(r"\b(?:updated|published|posted|last modified|aktualisiert|ver[öo]ffentlicht|stand|"
                    r"mis à jour|publi[ée] le|modifi[ée] le)\b(?!\s+(?:by|von|par)\b)\s*(?:on|am|le|:)?.*$", re.I)
_URLS = re.compile(r"\(?\s*(?:https?://|www\.)\S+\s*\)?|\b[\w-]+\.(?:com|org|net|de|fr|at|ch|co\.uk|es|it)\b", re.I)
_EMAIL = re.compile(r"\S+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?<![\w.])@\w+")
_READING = re.compile(r"\b\d+\s*(?:min(?:ute)?s?|minuten|words|wörter|mots)\b(?:\s*read)?", re.I)
_LEAD = re.compile(r"^(?:(?:by|written by|words by|posted by|reporting by|story by|text|texto|von|autor(?:/in|in)?|"
                   r"author|verfasst von|geschrieben von|par|por|di|de|door|av|af|mit|with|from)\b\s*:?\s*)+", re.I)
_ROLE_PREFIX = re.compile(r"^(?:(?:senior|chief|staff|special|foreign|political|freier?)\s+)?(?:rechtsanw[aä]lt(?:in)?|"
                          r"fachanw[aä]lt(?:in)?|anw[aä]lt(?:in)?|attorney|lawyer|writer|reporter|correspondent|"
                          r"editor|redakteur(?:in)?|journalist(?:in)?|korrespondent(?:in)?|columnist|kolumnist(?:in)?)"
                          r"\s+(?=[A-Z])", re.I)
_SPLIT = re.compile(r"\s*(?:[;|\u2022\u00b7]|//|\s/\s|^/|/$|\s[-\u2013\u2014]\s|,|&|\band\b|\bund\b|\bet\b|\by\b|\bog\b|"
                    r"\bsowie\b)\s*", re.I)
_ROLES = re.compile(
    r"^(?:(?:senior|chief|staff|guest|contributing|special|foreign|political|deputy|managing|news|online|"
    r"associate|executive|freier?|leitender?|stellvertretender?)\s+)*(?:writer|reporter|editor|correspondent|"
    r"columnist|contributor|journalist|photographer|author|autor(?:in)?|redakteur(?:in)?|redaktion|staff|"
    r"desk|team|newsroom|editors|editorial board|korrespondent(?:in)?|mitarbeiter(?:in)?|e-?mail|mail an autor|"
    r"mail|kontakt|contact|twitter|facebook|profil|profile|more|mehr|follow|folgen|view all posts|"
    r"alle artikel|all articles|bio|comments?|kommentare?|share|teilen|admin|administrator|super user|"
    r"webmaster|guest|anonymous|unknown|redaction|r[ée]daction|editorial|sagt|says|name \*?|website|homepage|"
    r"archives?|archiv|github|youtube|linkedin|instagram|rss|xing|feed)(?: by)?:?$",
    re.I,
)
_ORG = re.compile(r"\b(?:gmbh|ag|inc|ltd|llc|plc|corp(?:oration)?|co|e\.\s?v|s\.a|d\.o\.o|srl|sarl|kg|"
                  r"foundation|stiftung|verlag|media|medien|news|online|press|presse|redaktion|editorial|"
                  r"newsroom|agency|agentur|magazine?|blog|network|group|gruppe|ministry|ministerium|"
                  r"department|university|universit[äa]t|institute?|association|verband|verein|partei|"
                  r"party|fraktion|council|office|services?|projects?|ventures|studios?|radio|tv|television)\b\.?",
                  re.I)
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "zu",
                        "ter", "ten", "bin", "ibn", "al", "el", "dos", "das", "y", "e", "mc", "st."})
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'\u2019.-]*|[^\W\d_]\.)$")


def join_authors(names: Iterable[str]) -> str | None:
    """Several author names as one byline: unique names joined with ``"; "``, or None.

    Examples
    --------
    >>> join_authors(["Jane Doe", "John Roe", "Jane Doe"])
    'Jane Doe; John Roe'
    """
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return AUTHOR_SEPARATOR.join(out) or None


def _agency(part: str) -> str | None:
    """The canonical name of a wire agency or outlet named by ``part`` ("AFP", "Reuters"), else None."""
    return default_outlet_aliases().get(outlet_key(part))


def _is_name(part: str) -> bool:
    """True for something that reads as a person's name: 1 to 5 words, capitalised, no digits."""
    words = part.split()
    if not 1 <= len(words) <= 5 or len(part) > 60 or any(ch.isdigit() for ch in part):
        return False
    if not all(_NAME_WORD.match(w) and len(w) <= 25 and len(re.findall(r"[a-z][A-Z]", w)) <= 1 for w in words):
        return False  # "ArchivesWebsiteTwitter": link texts run together
    caps = [w for w in words if w.casefold() not in _PARTICLES]
    if not caps or not all(w[0].isupper() for w in caps):
        return False
    if len(words) == 1 and (part.isupper() and len(part) <= 5):
        return False  # an acronym ("NDR", "CMS") is an organisation
    return not _ORG.search(part)


def _part_kind(part: str, site_keys: list[str], own: str | None) -> tuple[str, str | None]:
    """("name", name) | ("skip", None) for known furniture | ("other", None)."""
    part = part.strip(" .,:;-/\u2013\u2014()[]\"'")
    part = _ROLE_PREFIX.sub("", _LEAD.sub("", part).strip(" .,:;-/()"))
    if not part:
        return "skip", None
    key = site_key(part)
    if _ROLES.match(part) or key in site_keys or (" " not in part and relates_to_site(part, site_keys)):
        return "skip", None  # a role, or the site itself ("BRIGITTE.de", "Luxurious" of "Luxurious Magazine")
    agency = _agency(part)
    if agency is not None:
        return ("skip", None) if agency == own else ("name", agency)
    if _is_name(part):
        return "name", part
    if _ORG.search(part) or (part.isupper() and len(part.split()) <= 3):
        return "skip", None  # an organisation credited as author
    return "other", None


def byline_names(raw: object, site_names: Iterable[str] = (), *, domain: str | None = None,
                 outlet: str | None = None) -> list[str]:
    """The person names in a raw byline; [] when it holds none or anything it cannot read.

    Parameters
    ----------
    raw : object
        The byline as found.
    site_names : iterable of str
        The page's site names: a part naming the site ("BRIGITTE.de") is not an author.
    domain : str, optional
        The page's registered domain; a byline pointing at it ("Deutsche Welle (www.dw.com)") is the site.
    outlet : str, optional
        The page's outlet; an agency byline naming it is dropped, any other agency kept ("Reuters").

    Examples
    --------
    >>> byline_names("By Josiah Motley August 21, 2019")
    ['Josiah Motley']
    >>> byline_names("/ Cory Doctorow / 10:08 am Fri Jul 19, 2013"), byline_names("@NatGeoUK")
    (['Cory Doctorow'], [])
    >>> byline_names("Benjamin Fischer und Marcus Theurer"), byline_names("Lindsey O&#039;Donnell")
    (['Benjamin Fischer', 'Marcus Theurer'], ["Lindsey O'Donnell"])
    """
    if raw is None or (isinstance(raw, float) and raw != raw):
        return []
    s = normalize_inline(htmllib.unescape(htmllib.unescape(str(raw))))
    if not s or len(s) > 300:
        return []
    s = _EMAIL.sub(" | ", s)
    keys = [site_key(n) for n in site_names if n]
    if domain:
        keys.append(site_key(domain.split(".")[0]))
        if re.search(rf"(?:^|[/.@\s(]){re.escape(domain)}\b", s, re.I) and not _URLS.fullmatch(s.strip()):
            return []  # the site credits itself: "Deutsche Welle (www.dw.com)"
    if _URLS.fullmatch(s) or re.match(r"^(?:https?://|www\.)", s, re.I):
        return []
    s = _STAMP.sub(" ", s)
    for pattern in (_URLS, _HANDLE, _READING, _DATE):
        s = pattern.sub(" | ", s)
    names: list[str] = []
    skipped = False
    for part in _SPLIT.split(_LEAD.sub("", s.strip())):
        kind, name = _part_kind(part, keys, outlet)
        if kind == "other":
            return []
        skipped |= kind == "skip" and bool(part.strip(" |"))
        if name and name not in names:
            names.append(name)
    if skipped or any(len(n.split()) > 1 for n in names):
        # beside an organisation or a full name, one word is a place or a link ("SPIEGEL ONLINE, Hamburg")
        names = [n for n in names if len(n.split()) > 1 or _agency(n) == n]
    return names


def clean_byline(raw: object, site_names: Iterable[str] = (), *, domain: str | None = None,
                 outlet: str | None = None) -> str | None:
    """:func:`byline_names` joined with ``"; "``; None when there are none.

    Examples
    --------
    >>> clean_byline("Autor/in: Korinna Hennig"), clean_byline("John Walk - January 10, 2020 21 minutes - 4312 words")
    ('Korinna Hennig', 'John Walk')
    >>> clean_byline("SPIEGEL ONLINE, Hamburg, Germany", ["SPIEGEL ONLINE"]) is None
    True
    """
    return join_authors(byline_names(raw, site_names, domain=domain, outlet=outlet))


_META_AUTHORS = ("author", "article:author", "og:article:author", "byl", "dc.creator", "DC.creator", "dcterms.creator",
                 "sailthru.author", "parsely-author", "citation_author", "twitter:creator")
_NOT_BYLINE = re.compile(r"comment|respond|(?:^|\s|__)(?:related|teaser|photo|image|img|credit|caption|gallery|"
                         r"footer|newsletter|avatar|bio|about|recent|popular|sidebar)", re.I)
_LOWER = "translate(@class,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')"


def _meta_values(tree: Any, name: str) -> list[str]:
    return [str(v) for attr in ("name", "property") for v in tree.xpath(f'//meta[@{attr}="{name}"]/@content')
            if str(v).strip()]


def _node_ok(node: Any) -> bool:
    """False for a node inside a figure, comment, teaser or photo credit."""
    if re.search("comment", node.get("class", ""), re.I):
        return False
    for el in node.iterancestors():
        if el.tag in ("body", "html"):
            break
        if el.tag in ("figure", "figcaption", "aside", "footer", "nav", "form"):
            return False
        if _NOT_BYLINE.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return False
    return not re.match(r"^\s*(?:photo|foto|bild|image|picture|illustration)", node.text_content(), re.I)


def _node_texts(tree: Any) -> list[list[str]]:
    """Byline texts found in the page body, one list per source kind (itemprop, rel, class)."""
    found: list[list[str]] = []
    for xp in ('//*[@itemprop="author"]', '//a[@rel="author"]',
               f'//*[contains({_LOWER},"byline") or contains({_LOWER},"author")]'):
        texts = []
        for node in tree.xpath(xp)[:30]:
            if not _node_ok(node):
                continue
            inner = node.xpath('.//*[@itemprop="name"]')
            if inner:
                texts += [inner[0].get("content") or inner[0].text_content()]
            elif len(node.text_content()) <= 200:
                texts.append(node.text_content())
        found.append(texts)
    return found


def page_byline(tree: Any, ld: list[dict[str, Any]], site_names: list[str], domain: str | None,
                outlet: str | None) -> str | None:
    """The byline of an HTML page: the first source that holds person names.

    Sources in order: JSON-LD article ``author`` (Person objects and names; an Organization is
    not a byline), author meta tags, ``itemprop="author"``, ``rel="author"`` links, elements
    with a "byline"/"author" class (not in figures, comments, teasers or photo credits).
    """
    art = ld_article(ld)
    sources: list[list[str]] = [ld_names(art.get("author"), persons=True) if art else []]
    sources += [_meta_values(tree, name) for name in _META_AUTHORS]
    sources += _node_texts(tree)
    for raws in sources:
        names: list[str] = []
        for raw in raws:
            names += [n for n in byline_names(raw, site_names, domain=domain, outlet=outlet) if n not in names]
        if names:
            return join_authors(names)
    return None

"""Outlet names: one canonical spelling per outlet, the raw value kept beside it.

Two shipped tables, both user-extendable with ``outlet_aliases=``:

- ``resources/outlet_aliases.csv``: spellings of names ("nyt", "CNN (Web News)") -> canonical name;
- ``resources/outlet_domains.csv``: news domains ("nytimes.com", "abcnews.go.com") -> canonical name.
  A host falls back to its parent domains ("edition.cnn.com" -> "cnn.com"), never above its
  registered domain (the label below the public suffix: "bbc.co.uk", "scmp.com").

Public suffixes come from the Public Suffix List file shipped inside the ``tld`` package (installed
with trafilatura); it is read as a file, so nothing is ever fetched. Without it a short built-in list
of multi-part suffixes (``co.uk``, ``com.au``, ``co.jp``, ...) is used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import urlsplit

from .text import normalize_inline
from ._resources import read_resource_csv, read_resource_text

__all__ = ["normalize_outlet", "outlet_key", "default_outlet_aliases", "default_outlet_domains",
           "registered_domain", "outlet_from_url", "url_host"]

_SUFFIXES = re.compile(
    r"\s*(?:\((?:web news|online news|online|web|news)\)|(?<=\s)-\s*news|online news)\s*$", re.I
)  # "CNN (Web News)", "New York Times - News", "NPR Online News"; not the "-News" of "Express-News"
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\d?\.|m\.|edition\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*?)"
                     r"\.(?:com|org|net|co\.uk|co|news|tv|ru|tr|de|fr|io|info)/?$", re.I)
_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})$")
#: Second-level labels that form a public suffix under a country code ("co.uk", "com.au"):
#: the fallback when the Public Suffix List file cannot be read.
_FALLBACK_SECOND = frozenset({"co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go", "gob",
                              "gouv", "mil", "nic", "ltd", "plc", "sch", "nhs", "police", "info", "biz"})


def outlet_key(name: str) -> str:
    """Fold an outlet name to the key used for alias look-up.

    Examples
    --------
    >>> outlet_key("CNN (Web News)")
    'cnn'
    >>> outlet_key("www.FoxNews.com")
    'foxnews'
    >>> outlet_key("The New York Times - News")
    'new york times'
    >>> outlet_key("northern-ledger") == outlet_key("The Northern Ledger")
    True
    """
    s = normalize_inline(str(name)).casefold()
    m = _DOMAIN.match(s)
    if m:
        s = m.group(1)
    s = _SUFFIXES.sub("", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return re.sub(r"[\s_\-]+", " ", s).strip()


@lru_cache(maxsize=1)
def _default_aliases() -> dict[str, str]:
    return {outlet_key(r["alias"]): r["outlet"] for r in
            read_resource_csv("mediakit.resources", "outlet_aliases.csv")}


def default_outlet_aliases() -> dict[str, str]:
    """Return a copy of the shipped alias table (folded key -> canonical outlet name)."""
    return dict(_default_aliases())


@lru_cache(maxsize=1)
def _default_domains() -> dict[str, str]:
    return {r["domain"].strip().lower(): r["outlet"].strip() for r in
            read_resource_csv("mediakit.resources", "outlet_domains.csv")}


def default_outlet_domains() -> dict[str, str]:
    """Return a copy of the shipped domain table (domain or host -> canonical outlet name).

    Examples
    --------
    >>> default_outlet_domains()["nytimes.com"]
    'New York Times'
    """
    return dict(_default_domains())


# ----------------------------------------------------------------------------- public suffixes


@lru_cache(maxsize=1)
def _suffix_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """(rules, wildcard parents, exceptions) of the Public Suffix List shipped with ``tld``, or None."""
    try:
        text = read_resource_text("tld", "res/effective_tld_names.dat.txt")
    except (ImportError, OSError, ValueError):
        return None
    rules, wild, exc = set(), set(), set()
    for line in text.splitlines():
        rule = line.strip().split(" ")[0].lower() if line.strip() else ""
        if not rule or rule.startswith("//"):
            continue
        if rule.startswith("!"):
            exc.add(rule[1:])
        elif rule.startswith("*."):
            wild.add(rule[2:])
        else:
            rules.add(rule)
    return (frozenset(rules), frozenset(wild), frozenset(exc)) if rules else None


def _suffix_size(labels: list[str]) -> int:
    """Number of labels of the public suffix ending ``labels`` (at least 1)."""
    psl = _suffix_rules()
    if psl is None:
        return 2 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _FALLBACK_SECOND else 1
    rules, wild, exc = psl
    for i in range(len(labels)):
        cand = ".".join(labels[i:])
        if cand in exc:
            return len(labels) - i - 1
        if cand in rules or (i + 1 < len(labels) and ".".join(labels[i + 1:]) in wild):
            return len(labels) - i
    return 1


@lru_cache(maxsize=1)
def _top_levels() -> frozenset[str] | None:
    """Every top-level label of the Public Suffix List ("za" has only rules such as "co.za")."""
    psl = _suffix_rules()
    return None if psl is None else frozenset(r.rsplit(".", 1)[-1] for rules in psl for r in rules)


def _known_tld(tld: str) -> bool:
    tops = _top_levels()
    return tld in tops if tops is not None else bool(_TLD.match(tld))


def _host(value: object) -> str | None:
    """The lower-case host of a URL, ``//host/path`` or bare ``host[/path]``, or None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    s = normalize_inline(str(value)).strip().lower()
    if not s or " " in s:
        return None
    if "://" in s or s.startswith("//"):
        try:
            host = urlsplit(s if "://" in s else "http:" + s).hostname
        except ValueError:
            return None
    else:
        host = re.split(r"[/?#]", s, maxsplit=1)[0].rsplit("@", 1)[-1].split(":")[0]
    host = (host or "").rstrip(".")
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(lb) for lb in labels) or not _TLD.match(labels[-1]):
        return None
    return host


def url_host(url_or_host: object) -> str | None:
    """The lower-case host of a URL without a leading "www.", or None when there is none.

    Examples
    --------
    >>> url_host("https://WWW.Example.org:8080/a?b"), url_host("Fox News")
    ('example.org', None)
    """
    host = _host(url_or_host)
    if host is None or registered_domain(host) is None:
        return None
    return host[4:] if host.startswith("www.") and host.count(".") > 1 else host


def registered_domain(url_or_host: object) -> str | None:
    """The registered domain of a URL or host name: one label above its public suffix.

    Parameters
    ----------
    url_or_host : object
        A URL ("https://edition.cnn.com/2020/x"), a host ("news.bbc.co.uk") or a bare domain.

    Returns
    -------
    str or None
        Lower case, without "www." or other sub-domains; None when the value is not a host name
        on a public top-level domain (an outlet name, an IP address, a single label, a bare public
        suffix, a reserved name such as "site.test" or "intranet.local").

    Examples
    --------
    >>> registered_domain("https://edition.cnn.com/2020/01/01/x.html")
    'cnn.com'
    >>> registered_domain("news.bbc.co.uk"), registered_domain("www.smh.com.au"), registered_domain("Fox News")
    ('bbc.co.uk', 'smh.com.au', None)
    """
    host = _host(url_or_host)
    if host is None or not _known_tld(host.rsplit(".", 1)[-1]):
        return None
    labels = host.split(".")
    n = _suffix_size(labels)
    return ".".join(labels[-n - 1:]) if len(labels) > n else None


def _user_domains(aliases: Mapping[str, str] | None) -> dict[str, str]:
    """The domain keys of user ``aliases`` (``www.`` dropped) -> canonical name."""
    out: dict[str, str] = {}
    for key, name in (aliases or {}).items():
        host = url_host(key)
        if host is not None:
            out[host] = name
    return out


def _check_aliases(aliases: object, func: str) -> Mapping[str, str] | None:
    if aliases is not None and not isinstance(aliases, Mapping):
        raise TypeError(f"{func}(): aliases must be a mapping of alias -> outlet name, got {type(aliases).__name__}")
    return aliases


def outlet_from_url(url_or_host: object, aliases: Mapping[str, str] | None = None) -> str | None:
    """The outlet a URL (or host, or domain) belongs to.

    A known domain gives its canonical name (``aliases`` first, then the shipped table; a host
    matches its most specific entry, so "uk.reuters.com" finds "reuters.com" and "abcnews.go.com"
    its own row). An unknown domain whose name is a known alias keeps that alias ("foxnews.com"),
    any other gives its registered domain ("horizont.net").

    Parameters
    ----------
    url_or_host : object
        A URL, host name or domain.
    aliases : mapping, optional
        Extra ``{alias: canonical}`` pairs; keys that are domains ("dailyplanet.com") add domains.

    Returns
    -------
    str or None
        None when ``url_or_host`` holds no host name.

    Examples
    --------
    >>> outlet_from_url("https://mobile.reuters.com/article/x"), outlet_from_url("amp.theguardian.com")
    ('Reuters', 'The Guardian')
    >>> outlet_from_url("https://www.horizont.net/marketing/"), outlet_from_url("Fox News")
    ('horizont.net', None)
    >>> outlet_from_url("https://news.dailyplanet.com/a", {"dailyplanet.com": "Daily Planet"})
    'Daily Planet'
    """
    aliases = _check_aliases(aliases, "outlet_from_url")
    host = _host(url_or_host)
    reg = registered_domain(host) if host else None
    if host is None or reg is None:
        return None
    user = _user_domains(aliases)
    table = _default_domains()
    labels = host.split(".")
    for i in range(len(labels) - reg.count(".")):
        cand = ".".join(labels[i:])
        if cand in user:
            return user[cand]
        if cand in table:
            return table[cand]
    n = _suffix_size(reg.split("."))
    key = outlet_key(".".join(reg.split(".")[:-n]))
    if aliases:
        folded = {outlet_key(k): v for k, v in aliases.items()}
        if key in folded:
            return folded[key]
    return _default_aliases().get(key, reg)


def _is_domain_name(raw: str) -> bool:
    """True for an outlet "name" that is a machine-written domain or URL.

    A URL, a ``www.``/``//`` host or a lower-case domain with a real top-level domain qualifies
    ("reuters.com", Media Cloud's ``media_name``); a domain written with capitals ("TheBlaze.com",
    as AllSides spells outlets) is a name someone chose and stays on the alias path.
    """
    if registered_domain(raw) is None:
        return False
    low = raw.lower()
    return "://" in raw or low.startswith(("//", "www.")) or "/" in raw or raw == low


def normalize_outlet(name: object, aliases: Mapping[str, str] | None = None) -> str | None:
    """Return the canonical outlet name for ``name``, or None when it is empty.

    Known aliases map to one spelling; an unknown outlet keeps its own spelling,
    with white space folded and AllSides-style suffixes ("(Web News)", "- News")
    dropped, so the same outlet reads the same everywhere. A name that is a domain or
    URL ("reuters.com", "https://www.horizont.net", Media Cloud's ``media_name``) goes
    through :func:`outlet_from_url`.

    Parameters
    ----------
    name : object
        The raw outlet name (string; None or NaN give None).
    aliases : mapping, optional
        Extra ``{alias: canonical}`` pairs, taking precedence over the shipped tables; a key
        that is a domain ("dailyplanet.com") adds a domain.

    Returns
    -------
    str or None
        The canonical spelling of a known alias or domain (``aliases`` first, then the shipped
        tables); an unknown domain as its registered domain ("horizont.net"); else ``name`` with
        white space folded and AllSides-style suffixes dropped. None when ``name`` is None, NaN
        or blank.

    Examples
    --------
    >>> normalize_outlet("hpo"), normalize_outlet("FOX"), normalize_outlet("CNN (Web News)")
    ('HuffPost', 'Fox News', 'CNN')
    >>> normalize_outlet("Daily  Planet - News")
    'Daily Planet'
    >>> normalize_outlet("reuters.com"), normalize_outlet("vice.com"), normalize_outlet("https://www.horizont.net")
    ('Reuters', 'Vice', 'horizont.net')
    """
    aliases = _check_aliases(aliases, "normalize_outlet")
    if name is None or (isinstance(name, float) and name != name):
        return None
    raw = normalize_inline(str(name))
    if not raw:
        return None
    key = outlet_key(raw)
    if aliases:
        user = {outlet_key(k): v for k, v in aliases.items()}
        if key in user:
            return user[key]
    if _is_domain_name(raw):
        found = outlet_from_url(raw, aliases)
        if found:
            return found
    table = _default_aliases()
    if key in table:
        return table[key]
    cleaned = _SUFFIXES.sub("", raw).strip()
    return cleaned or raw

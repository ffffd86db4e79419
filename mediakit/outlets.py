"""Outlet names: one canonical spelling per outlet, the raw value kept beside it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from .text import normalize_inline
from ._resources import read_resource_csv

__all__ = ["normalize_outlet", "outlet_key", "default_outlet_aliases"]

_SUFFIXES = re.compile(
    r"\s*(?:\((?:web news|online news|online|web|news)\)|-\s*news|online news)\s*$", re.I
)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\d?\.|m\.|edition\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*?)"
                     r"\.(?:com|org|net|co\.uk|co|news|tv|ru|tr|de|fr|io|info)/?$", re.I)


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


def normalize_outlet(name: object, aliases: Mapping[str, str] | None = None) -> str | None:
    """Return the canonical outlet name for ``name``, or None when it is empty.

    Known aliases map to one spelling; an unknown outlet keeps its own spelling,
    with white space folded and AllSides-style suffixes ("(Web News)", "- News")
    dropped, so the same outlet reads the same everywhere.

    Parameters
    ----------
    name : object
        The raw outlet name (string; None or NaN give None).
    aliases : mapping, optional
        Extra ``{alias: canonical}`` pairs, taking precedence over the shipped table.

    Returns
    -------
    str or None
        The canonical spelling of a known alias (``aliases`` first, then the shipped
        table); else ``name`` with white space folded and AllSides-style suffixes dropped.
        None when ``name`` is None, NaN or blank.

    Examples
    --------
    >>> normalize_outlet("hpo"), normalize_outlet("FOX"), normalize_outlet("CNN (Web News)")
    ('HuffPost', 'Fox News', 'CNN')
    >>> normalize_outlet("Daily  Planet - News")
    'Daily Planet'
    """
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
    table = _default_aliases()
    if key in table:
        return table[key]
    cleaned = _SUFFIXES.sub("", raw).strip()
    return cleaned or raw

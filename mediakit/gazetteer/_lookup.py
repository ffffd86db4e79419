"""Load the gazetteer of politicians and look people up by name."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import Any

import pandas as pd

from .._resources import read_resource_csv
from .._validation import check_columns
from ._build import GAZETTEER_COLUMNS

__all__ = ["as_gazetteer", "load_gazetteer", "lookup_person", "GazetteerIndex", "gazetteer_index", "name_key"]

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PARTICLES = frozenset({"de", "la", "del", "van", "von", "der", "di", "da", "le", "du", "st"})
_PUNCT_RE = re.compile(r"[.,’'\"()]")


@lru_cache(maxsize=20000)
def name_key(name: str) -> str:
    """A name for matching: lower case, no accents, periods or suffixes, middle initials dropped.

    Examples
    --------
    >>> name_key("Charles E. Schumer")
    'charles schumer'
    >>> name_key("Ben Ray Luján Jr.")
    'ben ray lujan'
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    toks = _PUNCT_RE.sub(" ", s).lower().split()
    while toks and toks[-1] in _SUFFIXES:
        toks.pop()
    if len(toks) > 2:
        toks = [toks[0]] + [t for t in toks[1:-1] if len(t) > 1] + [toks[-1]]
    return " ".join(toks)


@lru_cache(maxsize=1)
def _shipped() -> pd.DataFrame:
    """The shipped table (``mediakit/resources/us_politicians.csv``), read once."""
    rows = read_resource_csv("mediakit.resources", "us_politicians.csv")
    return pd.DataFrame(rows, columns=list(GAZETTEER_COLUMNS)).astype(str)


def _complete(df: pd.DataFrame) -> pd.DataFrame:
    """A user table with every gazetteer column (first and last from the name when missing)."""
    check_columns(df, ("name", "party"), func="load_gazetteer")
    out = df.copy()
    names = out["name"].fillna("").astype(str)
    if "first" not in out.columns:
        out["first"] = [n.split()[0] if n.split() else "" for n in names]
    if "last" not in out.columns:
        out["last"] = [n.split()[-1] if n.split() else "" for n in names]
    for c in GAZETTEER_COLUMNS:
        if c not in out.columns:
            out[c] = ""
    return out[list(GAZETTEER_COLUMNS)].fillna("").astype(str)


def as_gazetteer(table: str | os.PathLike[str] | pd.DataFrame | None) -> pd.DataFrame | None:
    """A gazetteer option as a table: None stays None (the shipped table); a DataFrame with every
    gazetteer column is used as it is (a :func:`load_gazetteer` result); any other table or a path
    is added to the shipped table (:func:`load_gazetteer` with ``extra``)."""
    if table is None:
        return None
    if isinstance(table, pd.DataFrame) and all(c in table.columns for c in GAZETTEER_COLUMNS):
        return table
    return load_gazetteer(table)


def load_gazetteer(extra: str | os.PathLike[str] | pd.DataFrame | None = None) -> pd.DataFrame:
    """The gazetteer of politicians: the shipped US table, plus the user's own rows.

    Parameters
    ----------
    extra : path, DataFrame or None
        More people (other countries, earlier legislatures): a CSV file or a DataFrame with at least
        ``name`` and ``party`` (and any of ``first``, ``last``, ``nickname``, ``office``, ``state``,
        ``gender``, ``first_year``, ``last_year``). Its rows come first, so they win over the shipped
        ones for the same name.

    Returns
    -------
    DataFrame
        One row per person, columns ``name, first, last, nickname, party, office, state, gender,
        first_year, last_year`` (strings, "" when unknown).

    Raises
    ------
    MissingColumnError
        If ``extra`` has no ``name`` or ``party`` column.

    Examples
    --------
    >>> g = load_gazetteer()
    >>> g.loc[g["name"] == "Ted Cruz", ["party", "office", "state"]].values.tolist()
    [['Republican', 'Senator', 'TX']]
    """
    base = _shipped()
    if extra is None:
        return base.copy()
    user = extra if isinstance(extra, pd.DataFrame) else pd.read_csv(extra, dtype=str, comment="#")
    return pd.concat([_complete(user), base], ignore_index=True)


class GazetteerIndex:
    """A gazetteer indexed by name keys (:func:`name_key`): full names, first-last and nickname-last
    variants, and surnames."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.rows: list[dict[str, str]] = table[list(GAZETTEER_COLUMNS)].fillna("").astype(str).to_dict("records")
        self.by_name: dict[str, int] = {}
        self.by_last: dict[str, list[int]] = {}
        for i, r in enumerate(self.rows):
            last = name_key(r["last"]) or name_key(r["name"]).rsplit(" ", 1)[-1]
            keys = [name_key(r["name"]), name_key(f"{r['first']} {r['last']}")]
            if r["nickname"]:
                keys.append(name_key(f"{r['nickname']} {r['last']}"))
            for k in keys:
                if k and " " in k:
                    self.by_name.setdefault(k, i)
            if last:
                self.by_last.setdefault(last, []).append(i)
                # a compound surname ("Ocasio-Cortez", "Cortez Masto") also by its last word
                parts = last.replace("-", " ").split()
                tail = parts[-1]
                if tail != last and parts[0] not in _PARTICLES:
                    self.by_last.setdefault(tail, []).append(i)

    def full(self, name: str) -> dict[str, str] | None:
        """The row of a person named in full ("Ted Cruz", "Sen. Charles E. Schumer" minus the title)."""
        key = name_key(name)
        i = self.by_name.get(key)
        if i is None and key.count(" ") >= 2:
            toks = key.split()
            i = self.by_name.get(f"{toks[0]} {toks[-1]}")
        return self.rows[i] if i is not None else None

    def surname(self, last: str) -> list[dict[str, str]]:
        """Every row with this surname (distinct people: one row per full name)."""
        out: dict[str, dict[str, str]] = {}
        for i in self.by_last.get(name_key(last), []):
            out.setdefault(name_key(self.rows[i]["name"]), self.rows[i])
        return list(out.values())


_INDEXES: dict[int, tuple[pd.DataFrame, GazetteerIndex]] = {}


def gazetteer_index(gazetteer: pd.DataFrame | None = None) -> GazetteerIndex:
    """The (cached) :class:`GazetteerIndex` of a gazetteer table (default: the shipped one)."""
    table = _shipped() if gazetteer is None else gazetteer
    hit = _INDEXES.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    idx = GazetteerIndex(table)
    _INDEXES[id(table)] = (table, idx)
    return idx


def lookup_person(name: str, gazetteer: pd.DataFrame | None = None) -> dict[str, Any] | None:
    """The gazetteer row of a person, by full name, "First Last", nickname or a unique surname.

    Parameters
    ----------
    name : str
        A name as written ("Ted Cruz", "Bernie Sanders", "Charles E. Schumer", "Schumer").
    gazetteer : DataFrame, optional
        A table of :func:`load_gazetteer` (default: the shipped one).

    Returns
    -------
    dict or None
        The row (``name``, ``party``, ``office``, ...) or None. A bare surname matches only when
        one person of the gazetteer has it; whether the article names another person of that
        surname is for the caller to check.

    Examples
    --------
    >>> lookup_person("Bernie Sanders")["party"]
    'Independent'
    >>> lookup_person("Nobody Atall") is None
    True
    """
    if not isinstance(name, str) or not name.strip():
        return None
    idx = gazetteer_index(gazetteer)
    key = name_key(name)
    if " " in key:
        return idx.full(name)
    rows = idx.surname(key)
    return rows[0] if len(rows) == 1 else None

"""Party and office of a source: from its words ("Sen. Ted Cruz (R-Texas)", "Republican Sen.",
"Democratic lawmakers", "White House press secretary") and from a gazetteer of politicians.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ...gazetteer import GazetteerIndex, gazetteer_index, name_key
from ._roles import role_lexicon

__all__ = ["PersonFacts", "party_in_text", "office_in_text", "campaign_of", "known_person", "resolve_gazetteer",
           "clear_party_caches"]

_MARKER_RE = re.compile(r"\(\s*([RDI])\s*[-–.,]\s*[A-Z][\w. ]{0,20}\)|\b([RDI])-(?:[A-Z][a-z]{1,5}\.?|[A-Z]{2})(?![\w])")
_PARTY_WORD_RE = re.compile(
    r"\b(Republicans?|Democrats?|Democratic(?!\s+Republic)|GOP|Libertarians?|Green Party|Labour|"
    r"Conservative(?=\s+(?:Party|MP|leader|lawmaker|government))|Tea Party|Independent(?=\s+(?:Sen|Rep)))\b")
_POSSESSIVE_RE = re.compile(r"[’']s?\Z")
_MARKER_PARTY = {"R": "Republican", "D": "Democratic", "I": "Independent"}
_CAMPAIGN_RE = re.compile(r"\b([A-Z][\w’'-]+)(?:[’']s)?\s+(?:presidential\s+|re-?election\s+)?campaign\b")
_WORD_PARTY = {"republican": "Republican", "republicans": "Republican", "gop": "Republican",
               "democrat": "Democratic", "democrats": "Democratic", "democratic": "Democratic",
               "libertarian": "Libertarian", "libertarians": "Libertarian", "green party": "Green",
               "labour": "Labour", "conservative": "Conservative", "tea party": "Republican",
               "independent": "Independent"}


class PersonFacts(NamedTuple):
    """What a gazetteer or the list of well-known people says of a person."""

    role: str
    party: str
    office: str
    evidence: str


@lru_cache(maxsize=20000)
def party_in_text(text: str, last: bool = False) -> str | None:
    """The party a phrase states: "(R-Texas)", "D-Calif.", "Republican", "GOP", "Democratic" ... or None;
    with ``last``, of the last party word (the words before a name: the nearest describes it).

    Examples
    --------
    >>> party_in_text("Sen. Ted Cruz (R-Texas)"), party_in_text("Democratic lawmakers")
    ('Republican', 'Democratic')
    >>> party_in_text("West Virginia Democrat Joe Manchin and Nevada Republican", last=True)
    'Republican'
    """
    if not text:
        return None
    m = _MARKER_RE.search(text) if "(" in text or "-" in text else None  # a marker has one or the other
    if m is not None:
        return _MARKER_PARTY[m.group(1) or m.group(2)]
    w = _PARTY_WORD_RE.search(text)
    if last and w is not None:
        w = next(reversed(list(_PARTY_WORD_RE.finditer(text, w.end()))), w)
    return _WORD_PARTY.get(w.group(1).lower()) if w is not None else None


@lru_cache(maxsize=20000)
def office_in_text(text: str) -> str | None:
    """The office a title or description names ("Sen." -> "Senator"), the longest one, or None.

    Examples
    --------
    >>> office_in_text("White House press secretary"), office_in_text("Rep.")
    ('White House press secretary', 'Representative')
    """
    if not text:
        return None
    rl = role_lexicon()
    best = None
    for m in rl.office_re.finditer(text):
        w = m.group().lower()
        off = rl.offices.get(w)
        if off is None:
            continue
        if w == "press secretary" and "white house" in text.lower():
            off = "White House press secretary"
        if best is None or len(w) >= len(best[0]):
            best = (w, off)
    return best[1] if best is not None else None


def campaign_of(text: str) -> str | None:
    """The person whose campaign a phrase names ("the Clinton campaign" -> "Clinton"), or None."""
    m = _CAMPAIGN_RE.search(text) if "campaign" in text else None  # (the pattern's one literal word)
    return _POSSESSIVE_RE.sub("", m.group(1)) if m is not None else None


def known_person(name: str, index: GazetteerIndex, *, surname_ok: bool) -> PersonFacts | None:
    """A person the gazetteer (first) or the list of well-known people (``source_roles.yaml``) knows.

    A bare surname counts only when ``surname_ok`` (the caller knows that the article names no
    other person of that surname) and one person of the gazetteer (else of the list) has it.
    """
    people = role_lexicon().people
    row = None
    if " " in name.strip():
        row = index.full(name)
        if row is None:
            hit = people.get(" ".join(name.split())) or _known_by_key(name_key(name))
            if hit is not None:
                return PersonFacts(hit[0], hit[1], hit[2], "known:people")
    elif surname_ok:
        rows = index.surname(name)
        if len(rows) == 1:
            row = rows[0]
        elif not rows:
            hit = _known_by_surname(name_key(name))
            if hit is not None:
                return PersonFacts(hit[0], hit[1], hit[2], "known:people")
    if row is None:
        return None
    return PersonFacts("politician", row["party"], row["office"], "gazetteer")


@lru_cache(maxsize=1)
def _known_keys() -> tuple[dict[str, tuple[str, str, str]], dict[str, list[tuple[str, str, str]]]]:
    """The well-known people by name key and by surname key."""
    by_key: dict[str, tuple[str, str, str]] = {}
    by_last: dict[str, list[tuple[str, str, str]]] = {}
    for n, v in role_lexicon().people.items():
        k = name_key(n)
        by_key.setdefault(k, v)
        if k.count(" ") >= 2:
            toks = k.split()
            by_key.setdefault(f"{toks[0]} {toks[-1]}", v)
        by_last.setdefault(k.rsplit(" ", 1)[-1], []).append(v)
    return by_key, by_last


def _known_by_key(key: str) -> tuple[str, str, str] | None:
    by_key = _known_keys()[0]
    hit = by_key.get(key)
    if hit is None and key.count(" ") >= 2:
        toks = key.split()
        hit = by_key.get(f"{toks[0]} {toks[-1]}")
    return hit


def _known_by_surname(last: str) -> tuple[str, str, str] | None:
    """The well-known person of surname ``last``; of several, the role and party they share, without an office
    ("Clinton": Bill or Hillary, both Democratic politicians); else None."""
    hits = _known_keys()[1].get(last, [])
    if len(set(hits)) == 1:
        return hits[0]
    shared = {(role, party) for role, party, _ in hits}
    return (*shared.pop(), "") if len(shared) == 1 else None


def clear_party_caches() -> None:
    """Forget the per-phrase party and office decisions."""
    party_in_text.cache_clear()
    office_in_text.cache_clear()


def resolve_gazetteer(gazetteer: pd.DataFrame | None) -> GazetteerIndex:
    """The index of the user's gazetteer table (default: the shipped one)."""
    return gazetteer_index(gazetteer)

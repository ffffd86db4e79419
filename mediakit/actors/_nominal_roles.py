"""Role classes and places for nominal linking: "the Russian leader" is the actor labelled "Russian President".

A description fits a label of an actor when its head is the label's head or a more general role
of it (``role_classes`` in the ``nominal`` section of ``actor_titles.yaml``: "leader" covers
"president", "prime minister", "king"; "top diplomat" covers "foreign minister"), and each of
its identifying modifiers is a word of the label or names the same place ("Moscow's",
"Russian", "Kremlin"; ``places``). Modifiers a class implies ("top", "chief") need not match
when the head fits through the class.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

import yaml

from .._resources import read_resource_text
from ..gazetteer import lookup_person
from ._lexicon import norm_word

__all__ = ["RELATIVE_HEADS", "RoleLexicon", "gazetteer_facts", "label_fits", "legislator_heads", "mod_known",
           "party_tag_words", "role_lexicon", "salient_actor"]

#: Kinship heads: "his son", "her father" refer through the article's own label of that relation.
RELATIVE_HEADS = frozenset({"wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow",
                            "widower", "stepson", "stepdaughter", "stepfather", "stepmother", "grandson",
                            "granddaughter", "grandfather", "grandmother", "uncle", "aunt", "nephew", "niece",
                            "cousin", "fiance", "fiancee", "spouse"})


class RoleLexicon(NamedTuple):
    """Role classes (head -> roles as word sets), modifiers classes imply, place groups, state tags."""

    classes: dict[str, tuple[frozenset[str], ...]]
    class_modifiers: frozenset[str]
    places: dict[str, frozenset[str]]
    states: dict[str, frozenset[str]]


_PARTIES = {"d": frozenset({"democrat", "democratic"}), "r": frozenset({"republican"}),
            "i": frozenset({"independent"})}
#: A party tag after a name: "(D-Calif.)", ", R-Texas,", "(I-Vt.)".
_TAG_RE = re.compile(r"\s*(?:\(\s*([DRI])\s*[-\u2013]\s*([A-Za-z.]{2,6}(?:\s[A-Za-z.]{2,6})?)\s*\)|"
                     r",\s*([DRI])[-\u2013]([A-Za-z.]{2,6}),)")


def _words(entry: Any) -> frozenset[str]:
    return frozenset(norm_word(w) for w in str(entry).split() if w != "of")  # label sets drop "of"


@lru_cache(maxsize=1)
def role_lexicon() -> RoleLexicon:
    """The ``role_classes``, ``class_modifiers``, ``places`` and ``synonyms`` of ``actor_titles.yaml`` (cached).

    Examples
    --------
    >>> lex = role_lexicon()
    >>> frozenset({"prime", "minister"}) in lex.classes["leader"], "russian" in lex.places["moscow"]
    (True, True)
    """
    raw = (yaml.safe_load(read_resource_text("mediakit.lexicons", "actor_titles.yaml")) or {}).get("nominal") or {}
    classes = {norm_word(str(k)): tuple(_words(r) for r in v or ()) for k, v in (raw.get("role_classes") or {}).items()}
    places: dict[str, frozenset[str]] = {}
    for line in [*(raw.get("places") or ()), *(raw.get("synonyms") or ())]:
        group = _words(line)
        for w in group:
            places[w] = places.get(w, frozenset()) | group
    states = {norm_word(str(k)).rstrip("."): _words(v) for k, v in (raw.get("state_tags") or {}).items()}
    return RoleLexicon(classes, frozenset(norm_word(str(w)) for w in raw.get("class_modifiers") or ()), places, states)


def party_tag_words(text: str, pos: int) -> frozenset[str]:
    """The state and party words of a party tag right after a name ending at ``pos``, or none.

    Examples
    --------
    >>> sorted(party_tag_words("Sen. Bernie Sanders (I-Vt.) said", 19))
    ['independent', 'vermont']
    >>> sorted(party_tag_words("Rep. Adam Schiff, D-Calif., said", 16))
    ['california', 'democrat', 'democratic']
    """
    m = _TAG_RE.match(text, pos)
    if m is None:
        return frozenset()
    party, state = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    words = role_lexicon().states.get(state.lower().replace(" ", "").rstrip("."), frozenset())
    return words | _PARTIES[party.lower()] if words else frozenset()


@lru_cache(maxsize=1)
def legislator_heads() -> frozenset[str]:
    """The heads of a legislator's label ("senator", "congressman"; the ``lawmaker`` role class), whose
    state and party the gazetteer may add: "the Vermont congressman" is the one a state calls so."""
    roles = role_lexicon().classes.get("lawmaker", ())
    return frozenset({"lawmaker", "congressman"} | {next(iter(r)) for r in roles if len(r) == 1})


@lru_cache(maxsize=4096)
def gazetteer_facts(actor: str) -> tuple[frozenset[str], str | None]:
    """World knowledge of an actor the shipped gazetteer (:func:`mediakit.gazetteer.lookup_person`)
    knows by full name: the words of their state and party ("the California congressman", "the
    Democratic president"; not the office, which may have changed since the article) and their
    gender ('m', 'f' or None). Nothing for a one-word name (a surname may be anyone's).

    Examples
    --------
    >>> words, gender = gazetteer_facts("Adam Schiff")
    >>> sorted(words), gender
    (['california', 'democrat', 'democratic'], 'm')
    >>> gazetteer_facts("Schiff")
    (frozenset(), None)
    """
    if len(actor.split()) < 2:
        return frozenset(), None
    row = lookup_person(actor)
    if row is None:
        return frozenset(), None
    words = role_lexicon().states.get(str(row["state"]).lower(), frozenset())
    party = str(row["party"]).lower()
    if party in ("democratic", "republican", "independent"):
        words = words | _PARTIES[party[0]]
    return words, {"M": "m", "F": "f"}.get(str(row["gender"]))


def mod_known(mod: str, words: Iterable[str]) -> bool:
    """Is the modifier a word of the label, or a word for the same place or thing ("moscow" ~ "russian",
    "gop" ~ "republican")?

    Examples
    --------
    >>> mod_known("moscow", {"russian", "president"}), mod_known("syria", {"iraqi", "leader"})
    (True, False)
    """
    ws = words if isinstance(words, (set, frozenset)) else set(words)
    if mod in ws:
        return True
    group = role_lexicon().places.get(mod)
    return group is not None and not group.isdisjoint(ws)


def label_fits(key: str, mods: Sequence[str], head: str, words: frozenset[str], broad: bool = True) -> bool:
    """Does a description (head ``key``, identifying ``mods``) fit a label (``head``, ``words``)?
    ``broad``: through a role class too (not for a bare generic head: "the candidate").

    Examples
    --------
    >>> label_fits("leader", ["russian"], "president", frozenset({"russian", "president"}))
    True
    >>> label_fits("diplomat", ["moscow", "top"], "minister", frozenset({"russian", "foreign", "minister"}))
    True
    >>> label_fits("president", [], "leader", frozenset({"leader"}))
    False
    """
    if head == key:
        return all(mod_known(m, words) for m in mods)
    lex = role_lexicon()
    roles = lex.classes.get(key)
    if not broad or not roles or not head:
        return False
    last = head.rpartition(" ")[2]
    if not any(r <= words | {last} and (last in r or not r.isdisjoint(words)) for r in roles):
        return False
    return all(m in lex.class_modifiers or mod_known(m, words) for m in mods)


def salient_actor(fit: set[str], recent: frozenset[str], seen: Counter[str]) -> str | None:
    """Of several actors an office fits ("the senator": Cruz, Lee), the one named in this or the
    previous sentence when the article has named them at least 3 times and twice as often as each
    other one so far (``seen``: mentions so far per actor; ``recent``: actors named in the window).

    Examples
    --------
    >>> salient_actor({"Ted Cruz", "Mike Lee"}, frozenset({"Ted Cruz"}), Counter({"Ted Cruz": 6, "Mike Lee": 1}))
    'Ted Cruz'
    >>> salient_actor({"Ted Cruz", "Mike Lee"}, frozenset({"Ted Cruz"}), Counter({"Ted Cruz": 4, "Mike Lee": 3}))
    """
    cands = fit & recent
    one = next(iter(cands)) if len(cands) == 1 else None
    if one is None or seen[one] < 3 or any(seen[a] * 2 > seen[one] for a in fit if a != one):
        return None
    return one

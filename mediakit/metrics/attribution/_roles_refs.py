"""Reference helpers of the role stage: what a source span refers to when its own words do not say.

Used by :mod:`._assign` for sources that name someone or something said before: a surname of a
full name of the article ("De Blasio" after "Bill de Blasio"), "they" and bare quantifiers ("Some",
"Others") after a group source, "the fund" after "the International Monetary Fund", "the president"
when the article quotes one president, and a document noun with its owner ("the GAO report").
"""

from __future__ import annotations

import re

from ._roles import Decision, role_lexicon

__all__ = ["THEY_RE", "INCLUDING_RE", "BARE_PRESIDENT_RE", "DEFINITE_ORG_RE", "FULL_NAME_RE", "PARTICLES",
           "ORG_REACH", "document_head", "name_fold", "plural_source", "clean_full_name"]

#: "they" and bare quantifiers of a group named just before ("Some", "Others", "Many of them")
THEY_RE = re.compile(r"(?:(?:and|but|so|yet|still|now)\s+)?(?:they|some|many|most|others|other|several|a few|few|"
                     r"both|all|many of them|some of them|most of them|all of them|both of them|the two)", re.IGNORECASE)
#: an exemplifying apposition: its members decide the role of a group that has none ("Proponents, including ...")
INCLUDING_RE = re.compile(r",?\s(?:including|among them|such as|led by)\s+")
#: "the president", "the former president": the party of the one president the article quotes
BARE_PRESIDENT_RE = re.compile(r"(?:the|The)\s+(?:former\s+|late\s+)?(?:vice[\s-])?president", re.IGNORECASE)
#: "the fund", "the board": an organisation named again by its head noun
DEFINITE_ORG_RE = re.compile(r"(?:the|The)\s+([a-z]{3,})")
#: a first name and surname inside a span ("Indiana Gov. Mike Pence")
FULL_NAME_RE = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][\w’'-]+")
#: how far back "the fund" looks for its organisation (characters)
ORG_REACH = 5000
#: lower-case particles of surnames ("Bill de Blasio", "Ludwig van Beethoven")
PARTICLES = frozenset({"de", "da", "del", "van", "von", "der", "la", "le", "du", "bin", "al", "di", "dos"})

#: a document noun's owner right before it: a possessive (and two modifiers), or a name as a compound
#: ("the GAO report", "USA TODAY's super PAC tally", "the Justice Department's own published guidelines";
#: not "President Obama released a statement")
_OWNER_RE = re.compile(r"(?:\w[’']s?\s+(?:[a-z][\w-]*\s+){0,2}|\w[A-Z][\w.-]*\s+|\b[A-Z][\w.-]+\s+)\Z")
_PARTICLE_ALT = "|".join(sorted(PARTICLES))
_CLEAN_NAME_RE = re.compile(rf"(?:[A-Z][\w’'.-]*|{_PARTICLE_ALT})(?: (?:[A-Z][\w’'.-]*|{_PARTICLE_ALT}))+")
_AND_RE = re.compile(r"\s(?:and|along with)\s")
_PLURAL_RE = re.compile(r"\s(?:and|along with)\s|\b[a-z]{2,}[^s’'\W]s\b")
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")


def document_head(span: str, d: Decision) -> bool:
    """``d`` (the phrase's head) is a lower-case document noun after a name: the organisation or person
    only says whose document it is ("the GAO report", "USA TODAY's tally"; not "the university's law school").

    Examples
    --------
    >>> document_head("USA TODAY's super PAC tally", Decision("document", "title:tally"))
    True
    """
    if d.role != "document" or not d.evidence.startswith("title:"):
        return False
    m = re.search(rf"(?<![\w-]){re.escape(d.evidence[6:])}(?![\w-])", span)
    if m is None or _OWNER_RE.search(span, 0, m.start()) is None:
        return False
    nxt = _NEXT_WORD_RE.match(span, m.end())  # a compound noun, not a document
    rl = role_lexicon()
    return nxt is None or (nxt.group(1) not in rl.heads and nxt.group(1).capitalize() not in rl.suffixes)


def name_fold(name: str) -> str:
    """A name for comparison: lower case, one kind of apostrophe, single spaces.

    Examples
    --------
    >>> name_fold("James  O’Neill")
    "james o'neill"
    """
    return " ".join(name.replace("’", "'").lower().split())


def clean_full_name(name: str) -> bool:
    """``name`` looks like a person's full name: capitalised words and surname particles only
    (not "Updated: Rick Santorum")."""
    return _CLEAN_NAME_RE.fullmatch(name) is not None


def plural_source(source_type: str | None, span: str) -> bool:
    """A source a later "they" can name: a group, unnamed officials, several people or bodies
    ("members within both unions", "Six Gannett newspapers", "Mr. Udall and Mr. Wyden").

    Examples
    --------
    >>> plural_source("person", "Sen. Johnny Isakson, one of the co-authors"), plural_source("other", "the unions")
    (False, True)
    """
    if source_type in ("group", "anonymous"):
        return True
    if source_type == "person":  # 'Sen. Johnny Isakson, one of the co-authors' is one person
        return _AND_RE.search(span) is not None
    return _PLURAL_RE.search(span) is not None and span.strip().lower() not in ("they", "them", "we")

"""Stage 5c, people: the role, party and office of a named person, decided per phrase and cached.

:func:`person_role` reads a person's name, the words of its source span, what resolution found and what
the article says at the person's first mentions (:func:`around`: the title before a name and the
apposition after it); :mod:`._assign` reads the article and calls it. Split from :mod:`._assign`
(the article-level reading) by concern; the decisions are those of ``docs/sources.md``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ...gazetteer import GazetteerIndex
from ._lexicon import lexicons
from ._party import known_person, office_in_text, party_in_text
from ._roles import Decision, org_role, phrase_role, role_lexicon

__all__ = ["RoleRow", "HONORIFIC_RE", "POSS_COMMA_RE", "person_role", "first_decisive", "without_name", "around",
           "last_break", "full_names_of", "known_surname", "outlet_name", "people_parties", "modern_row"]

#: a clause break: punctuation, or a sentence's full stop (after three lower-case letters or digits,
#: so not the period of "Sen.", "Mr." or "U.S.")
_SENT_BREAK_RE = re.compile(r"[,;:“”\"()\n—–]|(?<=[a-z0-9]{3})\.\s")
#: the rightmost clause break: a greedy prefix backtracks from the end (see :func:`last_break`)
_LAST_BREAK_RE = re.compile(r"(?s:.*)(?P<at>[,;:“”\"()\n—–]|(?<=[a-z0-9]{3})\.\s)")
#: a copula after a name, then an article: its description ('is a senior fellow at', 'was the president of')
_COPULA_RE = re.compile(r" (?:is|was) (?=(?:an?|the) )")
_APPOSITIVE_END_RE = re.compile(r"[,;:()“”\"]|(?<=[a-z0-9]{3})\.(?:\s|\Z)")  # not the '.' of 'Mr.', 'U.S.'
_ACRONYM_RE = re.compile(r"[A-Z][A-Z&.]{1,7}")
_AGE_RE = re.compile(r"\W*(?:\d{1,3}(?:\W*\Z|,)|(?:an?\s+)?\d{1,3}-year-old\b)")
_OF_PLACE_RE = re.compile(r" of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,| said| told|\.)")
_MODERN_YEAR = 1950
_OF_ORG_RE = re.compile(r" (?:of|at) (?:the )?((?:[A-Z][\w&’'.-]*)(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w&’'.-]*)*)")
_FORMER_RE = re.compile(r"\b(?:former|retired|onetime|one-time|ex-)", re.IGNORECASE)
_DESCRIPTION_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my"})
#: an honorific opening a span ("Mr. ", "Dr ")
HONORIFIC_RE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?(?:\s|\Z)")
#: a possessive ending and a comma at the end of a word ("Cruz's,")
POSS_COMMA_RE = re.compile(r"(?:[’']s?)?,?\Z")
_POSS_ENDS = frozenset("’'s,")  # the last characters POSS_COMMA_RE can remove


class RoleRow(NamedTuple):
    """The role columns of one attribution (None for NA)."""

    source_role: str | None
    role_evidence: str | None
    anonymous_kind: str | None
    party: str | None
    office: str | None

    def with_evidence(self, evidence: str) -> RoleRow:
        """This row with another ``role_evidence`` (``_replace`` without its generic machinery: one call per row)."""
        return RoleRow(self.source_role, evidence, self.anonymous_kind, self.party, self.office)


@lru_cache(maxsize=20000)
def known_surname(word: str, index: GazetteerIndex) -> bool:
    """The gazetteer or the list of well-known people knows one person of surname ``word``."""
    return known_person(word, index, surname_ok=True) is not None


def outlet_name(name: str) -> bool:
    """``name`` (a resolved speaker) is an outlet's name ('York Times' of 'The New York Times')."""
    d = org_role(name)
    return d is not None and d.evidence == "outlet"


@lru_cache(maxsize=1)
def people_parties() -> dict[str, set[str]]:
    """The parties of the well-known politicians, by surname."""
    out: dict[str, set[str]] = {}
    for n, v in role_lexicon().people.items():
        if v[0] == "politician":
            out.setdefault(n.split()[-1], set()).add(v[1])
    return out


def modern_row(row: dict) -> bool:
    """A gazetteer row of someone in office since 1950 (not George Clinton, vice president in 1805)."""
    year = str(row.get("last_year") or "")
    return not year.isdigit() or int(year) >= _MODERN_YEAR


@lru_cache(maxsize=5000)
def full_names_of(surname: str, index: GazetteerIndex) -> tuple[str, ...]:
    """The ways an article names a known person in full: the gazetteer's and the list of well-known
    people's first names and nicknames with the surname, and a title with it ("President Obama")."""
    names = [f"{r[k]} {surname}" for r in index.surname(surname) for k in ("first", "nickname") if r.get(k)]
    return (*names, *(n for n in role_lexicon().people if n.split()[-1] == surname),
            *(f"{t} {surname}" for t in ("President", "Mr.", "Mrs.", "Ms.", "Sen.", "Senator", "Gov.", "Governor", "Rep.")))


def last_break(text: str, end: int) -> re.Match[str] | None:
    """The last clause break (comma, quotation mark, sentence end, ...) of ``text[:end]``."""
    # the last match of a left-to-right scan is the rightmost break, unless that is the newline
    # of a full stop's ".\n", which the scan took with its full stop
    m = _LAST_BREAK_RE.match(text, 0, end)
    if m is None:
        return None
    at = m.start("at")
    if text[at] == "\n" and at > 0 and text[at - 1] == ".":
        stop = _SENT_BREAK_RE.match(text, at - 1, end)
        if stop is not None:
            return stop
    return _SENT_BREAK_RE.match(text, at, end)


def around(text: str, pos: int, end: int) -> tuple[str, str]:
    """The title words right before a name at ``pos`` and the apposition after it, ending at ``end``."""
    before = text[max(0, pos - 80):pos]
    cut = last_break(before, len(before))
    title = before[cut.end():] if cut is not None else before
    title = " ".join(title.split()[-6:])
    if not title.strip() and before.endswith(", ") and cut is not None:
        # a description before the name: 'the plaintiffs’ lawyer, Joseph M. Sellers'
        prev = last_break(before, cut.start())
        lead = before[prev.end() if prev is not None else 0:cut.start()].split()
        if 0 < len(lead) <= 6 and lead[0].lower() in _DESCRIPTION_OPENERS:
            title = " ".join(lead)
    appos = ""
    tail = text[end:end + 160]
    of = _OF_ORG_RE.match(tail)
    if of is not None and org_role(of.group(1)) is not None:
        return title, of.group(1)  # 'Stephen Vladeck of the University of Texas'
    pm = _OF_PLACE_RE.match(tail)
    # a politician is "of" a state ("Senator Kennedy of Massachusetts"; sources.yaml's states), a private person
    # of a town
    if pm is not None and pm.group(1) not in lexicons().state_names and (of is None or of.group().startswith(" of ")):
        return title, "of:place"  # 'Jane Roe of Dayton, Ohio': news style for a private person
    cop = _COPULA_RE.match(tail)
    if cop is not None:  # 'Matthew Gertz is a senior fellow at Media Matters for America.'
        m = _APPOSITIVE_END_RE.search(tail, cop.end())
        return title, tail[cop.end():m.start() if m is not None else len(tail)]
    if tail.startswith((", ", " (")):
        m = _APPOSITIVE_END_RE.search(tail, 2)
        appos = tail[2:m.start()] if m is not None else tail[2:]
        if tail.startswith(" ("):
            appos = tail[:m.end()] if m is not None else ""
    return title, appos


@lru_cache(maxsize=20000)
def person_role(speaker: str, words: str, role: str | None, aff: str | None, title: str, appos: str,
                surname_ok: bool, index: GazetteerIndex) -> RoleRow:
    """The role columns of a named person (cached per phrase): its name as an organisation, the words
    of its source span (``words``, the name left out), the role and affiliation found by resolution,
    the ``title`` and ``appos`` of its first full mention, a party marker, the gazetteer (``index``;
    a bare surname only when ``surname_ok``), the well-known people; else unknown."""
    if not HONORIFIC_RE.match(words):
        org = org_role(speaker)
        if org is not None and not org.evidence.startswith("org-in:"):
            return RoleRow(org.role, org.evidence, None, None, None)
    if " " not in speaker:
        noun = phrase_role(speaker.lower())  # 'Police', 'Witnesses' opening a sentence
        if noun is not None and noun.role != "unknown" and index.surname(speaker) == []:
            party = party_in_text(speaker) if noun.role == "politician" else None  # 'Democrats'
            return RoleRow(noun.role, f"noun:{speaker.lower()}", None, party, None)
    said = title + " ; " + appos
    # the resolution's bare role noun gives way to the mention that says more ('the White House physician')
    resolved = f"{role} of {aff}" if role and aff else "" if role and role.lower() in said.lower() else role or ""
    first = speaker.split()[0]  # a title kept in the name ('Chancellor Merkel'), not a given name ('Dean Baker')
    titles = title.split(" ; ")
    bits = [words, resolved, *titles, *appos.split(" ; "),
            "" if " " in speaker and first.lower() in lexicons().given_names else first]
    before = 2 + len(titles)  # bits 2 to before: the words before the name's mentions, whose last party word counts
    d, at = first_decisive(bits)
    facts = known_person(speaker, index, surname_ok=surname_ok)
    if facts is not None and facts.evidence == "gazetteer" and " " in speaker:
        # a member of Congress, president or vice president named in full: a politician, of the
        # gazetteer's party; the article's title still gives the office ('presidential candidate')
        office = office_in_text(bits[at]) if d is not None and d.role == "politician" else None
        return RoleRow("politician", "gazetteer" if d is None or d.role != "politician" else f"{d.evidence}+gazetteer",
                       None, facts.party or _stated_party(bits, speaker, None, before), office or facts.office or None)
    if d is not None and facts is not None and d.role != facts.role and _FORMER_RE.search(bits[at]):
        d = Decision(facts.role, facts.evidence)  # 'retired neurosurgeon Ben Carson': a past career
    party = _stated_party(bits, speaker, d, before)
    if d is None and party is not None:
        d = Decision("politician", f"party:{party}")
    if d is None and facts is not None:
        d = Decision(facts.role, facts.evidence)
    if d is None and "of:place" in appos.split(" ; "):
        d = Decision("citizen", "of-place")
    if d is None and any(_AGE_RE.match(b) for b in (*appos.split(" ; "), words)):
        d = Decision("citizen", "age")  # 'Jane Roe, 45, of Dayton, said': news style for a private person
    if d is None:
        return RoleRow("unknown", "acronym" if _ACRONYM_RE.fullmatch(speaker) else "name only", None, None, None)
    office = None
    if d.role in ("politician", "official"):
        office = office_in_text(bits[at]) if at >= 0 else None
        office = office or next((o for o in map(office_in_text, bits) if o), None)
    if facts is not None and d.role == facts.role:
        # a well-known person named in full: their party; else the text's
        party = (facts.party or party or None) if " " in speaker else (party or facts.party or None)
        office = office or facts.office or None
    if d.role != "politician":
        party = None
    return RoleRow(d.role, d.evidence, None, party, office)


def _stated_party(bits: list[str], speaker: str, d: Decision | None, before: int) -> str | None:
    """The party the first of ``bits`` that states one gives, else the one ``speaker`` states ("Democrats");
    not read (None) when the decision ``d`` is a role other than politician, which has no party. In bits 2 to
    ``before`` (the titles: the words before a mention of the name) the last party word counts: "West Virginia
    Democrat Joe Manchin and Nevada Republican Dean Heller"."""
    if d is not None and d.role != "politician":
        return None
    return next((p for i, b in enumerate(bits) if (p := party_in_text(b, 2 <= i < before))), None) or \
        party_in_text(speaker)


def first_decisive(bits: list[str]) -> tuple[Decision | None, int]:
    """The first :func:`phrase_role` of ``bits`` that is neither "unknown" nor a role a person cannot
    have (document), and its position (-1 when none)."""
    for i, b in enumerate(bits):
        d = phrase_role(b) if b else None
        if d is not None and d.role not in ("unknown", "document"):
            return d, i
    return None, -1


def without_name(span: str, speaker: str) -> str:
    """The source span without the words of the person's name ("Sen. Ted Cruz" -> "Sen."). Not cached:
    its one caller (``_assign._read_person``) is."""
    drop = set(speaker.split())
    # only a word ending in an apostrophe, "s" or a comma can lose a possessive or a comma
    return " ".join(w for w in span.split() if (POSS_COMMA_RE.sub("", w) if w[-1] in _POSS_ENDS else w) not in drop)

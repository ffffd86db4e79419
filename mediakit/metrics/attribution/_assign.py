"""Stage 5c: the role, party and office of each attribution's source, with the evidence.

:func:`assign_roles` reads one article. The order of evidence (``docs/sources.md``):

1. no source: NA; an anonymous source: "anonymous" and its kind;
2. a person (named, or a pronoun or surname resolved to one): the organisation the name is
   ("Microsoft" -> business), the title and appositions of the source span, the role and
   affiliation the resolution found, the title and apposition at the person's first full mention
   in the article, a "(R-Texas)" marker, the gazetteer, the list of well-known people; else
   "unknown";
3. an outlet or agency: media; a document or post: document;
4. an organisation: its name, shape or head noun; a campaign: politician (of its candidate's party);
5. a description or a group ("the judge", "Democratic lawmakers", "residents"): its head role noun.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ...gazetteer import GazetteerIndex
from ._document import Attr, Doc
from ._lexicon import lexicons
from ._party import (campaign_of, clear_party_caches, known_person, office_in_text, party_in_text,
                     resolve_gazetteer)
from ._roles import Decision, anonymous_kind, clear_phrase_caches, org_role, phrase_role

__all__ = ["RoleRow", "assign_roles", "person_role", "ROLE_COLUMNS", "clear_role_caches"]

ROLE_COLUMNS: tuple[str, ...] = ("source_role", "role_evidence", "anonymous_kind", "party", "office")
"""The role columns of :func:`mediakit.metrics.attribution.extract_attributions`, in order."""

#: a clause break: punctuation, or a sentence's full stop (after three lower-case letters or digits,
#: so not the period of "Sen.", "Mr." or "U.S.")
_SENT_BREAK_RE = re.compile(r"[,;:“”\"()\n—–]|(?<=[a-z0-9]{3})\.\s")
_APPOSITIVE_END_RE = re.compile(r"[,;.:()“”\"]")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z&.]{1,7}")
_POSS_COMMA_RE = re.compile(r"(?:[’']s?)?,?\Z")
_SOURCE_NOUN_RE = re.compile(r"^(?:the|a|an|one|another|this|that|our|my|his|her|their)\s+(?:\w+\s+){0,2}"
                             r"(?:source|sources|insider|insiders)$", re.IGNORECASE)
_NAME_REST_RE = re.compile(r"(?:[ -][A-Z][\w’'-]*){1,3}(?=,)")
_AGE_RE = re.compile(r"\W*\d{1,3}(?:\W*\Z|,)")
_HONORIFIC_RE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?(?:\s|\Z)")
_DESCRIPTION_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my"})


class RoleRow(NamedTuple):
    """The role columns of one attribution (None for NA)."""

    source_role: str | None
    role_evidence: str | None
    anonymous_kind: str | None
    party: str | None
    office: str | None


_NA = RoleRow(None, None, None, None, None)


def clear_role_caches() -> None:
    """Forget every per-phrase role, party and office decision (the vocabularies stay loaded).

    Examples
    --------
    >>> clear_role_caches()
    """
    clear_phrase_caches()
    clear_party_caches()
    person_role.cache_clear()
    _without_name.cache_clear()


def assign_roles(doc: Doc, attrs: list[Attr], gazetteer: pd.DataFrame | None = None) -> list[RoleRow]:
    """The :class:`RoleRow` of each attribution of a resolved document, in order."""
    if not attrs:
        return []
    art = _Article(doc, attrs, gazetteer)
    return [art.row(a) for a in attrs]


class _Article:
    """One article: its text, the people its attributions name, and a memo of their roles."""

    def __init__(self, doc: Doc, attrs: list[Attr], gazetteer: pd.DataFrame | None) -> None:
        self.text = doc.text
        self.doc = doc
        self.index = resolve_gazetteer(gazetteer)
        self.mentions: dict[str, tuple[str, str]] = {}  # speaker -> (titles, appositions)
        self.full_names = {a.speaker for a in attrs if a.person and a.speaker and " " in a.speaker}
        self.surnames = {n.split()[-1] for n in self.full_names}

    def row(self, a: Attr) -> RoleRow:
        """The role columns of attribution ``a``."""
        if a.source is None:
            return _NA
        span = self.text[a.source[0]:a.source[1]]
        st = a.source_type
        if st == "anonymous":
            sent_end = self.doc.sents[self.doc.sentence_of(a.cue[0])][1]
            ctx = span + " " + self.text[a.source[1]:min(sent_end, a.source[1] + 160)]
            return RoleRow("anonymous", "anonymous:pattern", anonymous_kind(ctx), None, None)
        if a.person and a.speaker:
            if span.strip().lower() in lexicons().pronoun_kind:  # its words say nothing: one cache entry
                r = self.person(a.speaker, "", a.role, a.affiliation)
                return r._replace(role_evidence=f"antecedent:{a.speaker}|{r.role_evidence}")
            return self.person(a.speaker, span, a.role, a.affiliation)
        if st == "pronoun":
            return RoleRow("unknown", "pronoun:unresolved", None, None, None)
        if st in ("media", "agency"):
            return RoleRow("media", "outlet", None, None, None)
        if st in ("document", "social_media"):
            org = org_role(span) if span[:1].isupper() or span.startswith("the ") else None
            if org is not None and org.evidence == "outlet":
                return RoleRow("media", "outlet", None, None, None)  # 'the Post'
            return RoleRow("document", "document" if st == "document" else "post", None, None, None)
        return self.entity(span, a.speaker or span)

    # ----------------------------------------------------------------------- entities

    def entity(self, span: str, name: str) -> RoleRow:
        """An organisation, a description or a group."""
        if _SOURCE_NOUN_RE.search(span):
            return RoleRow("anonymous", "anonymous:source noun", anonymous_kind(span), None, None)
        d = org_role(name) if name[:1].isupper() or name.lower().startswith("the ") else None
        if d is None:
            d = phrase_role(span)
        who = campaign_of(span)
        if who is not None and (d is None or d.role in ("politician", "unknown")):
            facts = self._campaign_person(who)
            return RoleRow("politician", f"campaign:{who}", None, party_in_text(span) or facts, None)
        if d is None:
            return RoleRow("unknown", "no evidence", None, None, None)
        party = party_in_text(span) if d.role == "politician" else None
        office = office_in_text(span) if d.role in ("politician", "official") else None
        return RoleRow(d.role, d.evidence, None, party, office)

    def _campaign_person(self, who: str) -> str | None:
        """The party of the person whose campaign is named (by the article's full name, else alone)."""
        full = next((n for n in self.full_names if n.split()[-1] == who), who)
        facts = known_person(full, self.index, surname_ok=full == who)
        return facts.party or None if facts is not None else None

    # ----------------------------------------------------------------------- people

    def person(self, speaker: str, span: str, role: str | None, aff: str | None) -> RoleRow:
        """A named person: the first decisive evidence (module docstring), with party and office."""
        if span[:1].isupper() and " " in span and not _HONORIFIC_RE.match(span):
            org = org_role(span)  # 'The New York Times' read as the person 'York Times'
            if org is not None and (org.evidence == "outlet" or org.evidence.startswith("org:")):
                return RoleRow(org.role, org.evidence, None, None, None)
        surname_ok = " " not in speaker and speaker not in self.surnames
        words = _without_name(span, speaker)
        out = person_role(speaker, words, role, aff, "", "", surname_ok, self.index)
        if out.role_evidence in ("name only", "acronym") or out.source_role == "politician" and out.party is None:
            # the span says too little: read the person's first mentions in the article
            seen = self.mentions.get(speaker)
            if seen is None:
                seen = self.mentions[speaker] = self._mention(speaker)
            if seen != ("", ""):
                out = person_role(speaker, words, role, aff, *seen, surname_ok, self.index)
        return out

    def _mention(self, speaker: str) -> tuple[str, str]:
        """The titles before and the appositions after the person's first mentions (full name or
        surname, up to three), joined by " ; " ("" when none)."""
        text = self.text
        last = speaker.split()[-1] if speaker.split() else ""
        if len(last) < 2 or not last[:1].isupper():
            return "", ""
        titles: list[str] = []
        appos: list[str] = []
        n = 0
        pos = text.find(last)
        while pos >= 0 and n < 3:
            end = pos + len(last)
            if (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
                n += 1
                more = _NAME_REST_RE.match(text, end)  # 'Ban' of 'Ban Ki-moon, the secretary general'
                end = more.end() if more is not None else end
                start = text.rfind(speaker, max(0, pos - len(speaker)), end)
                t, ap = _around(text, start if start >= 0 else pos, end)
                titles.append(t)
                appos.append(ap)
            pos = text.find(last, end)
        return " ; ".join(t for t in titles if t), " ; ".join(a for a in appos if a)


def _last_break(text: str, end: int) -> re.Match[str] | None:
    """The last clause break (comma, quotation mark, sentence end, ...) of ``text[:end]``."""
    last = None
    for m in _SENT_BREAK_RE.finditer(text, 0, end):
        last = m
    return last


def _around(text: str, pos: int, end: int) -> tuple[str, str]:
    """The title words right before a name at ``pos`` and the apposition after it, ending at ``end``."""
    before = text[max(0, pos - 80):pos]
    cut = _last_break(before, len(before))
    title = before[cut.end():] if cut is not None else before
    title = " ".join(title.split()[-6:])
    if not title.strip() and before.endswith(", ") and cut is not None:
        # a description before the name: 'the plaintiffs’ lawyer, Joseph M. Sellers'
        prev = _last_break(before, cut.start())
        lead = before[prev.end() if prev is not None else 0:cut.start()].split()
        if 0 < len(lead) <= 6 and lead[0].lower() in _DESCRIPTION_OPENERS:
            title = " ".join(lead)
    appos = ""
    tail = text[end:end + 160]
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
    if not _HONORIFIC_RE.match(words):
        org = org_role(speaker)
        if org is not None and not org.evidence.startswith("org-in:"):
            return RoleRow(org.role, org.evidence, None, None, None)
    if " " not in speaker:
        noun = phrase_role(speaker.lower())  # 'Police', 'Witnesses' opening a sentence
        if noun is not None and noun.role != "unknown" and index.surname(speaker) == []:
            return RoleRow(noun.role, f"noun:{speaker.lower()}", None, None, None)
    bits = [words, f"{role} of {aff}" if role and aff else role or "", *title.split(" ; "), *appos.split(" ; "),
            speaker.split()[0]]
    d, at = _first_decisive(bits)
    facts = known_person(speaker, index, surname_ok=surname_ok)
    party = next((p for p in map(party_in_text, bits) if p), None)
    if facts is not None and facts.evidence == "gazetteer" and " " in speaker:
        # a member of Congress, president or vice president named in full: a politician, of the
        # gazetteer's party; the article's title still gives the office ('presidential candidate')
        office = office_in_text(bits[at]) if d is not None and d.role == "politician" else None
        return RoleRow("politician", "gazetteer" if d is None or d.role != "politician" else f"{d.evidence}+gazetteer",
                       None, facts.party or party, office or facts.office or None)
    if d is None and party is not None:
        d = Decision("politician", f"party:{party}")
    if d is None and facts is not None:
        d = Decision(facts.role, facts.evidence)
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


def _first_decisive(bits: list[str]) -> tuple[Decision | None, int]:
    """The first :func:`phrase_role` of ``bits`` that is neither "unknown" nor a role a person cannot
    have (document), and its position (-1 when none)."""
    for i, b in enumerate(bits):
        d = phrase_role(b) if b else None
        if d is not None and d.role not in ("unknown", "document"):
            return d, i
    return None, -1


@lru_cache(maxsize=20000)
def _without_name(span: str, speaker: str) -> str:
    """The source span without the words of the person's name ("Sen. Ted Cruz" -> "Sen.")."""
    drop = set(speaker.split())
    return " ".join(w for w in span.split() if _POSS_COMMA_RE.sub("", w) not in drop)

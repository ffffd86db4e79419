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
5. a description or a group ("the judge", "Democratic lawmakers", "residents"): its head role noun;
6. "I" or "we" outside any quotation (a column's "I think", "we know"): the article's writer, named by a
   one-author byline (their role when the text or the gazetteer gives one: "Sen. Rand Paul"), else media.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ._document import Attr, Doc
from ._lexicon import lexicons
from ._party import (campaign_of, clear_party_caches, known_person, office_in_text, party_in_text,
                     resolve_gazetteer)
from ._person_role import (HONORIFIC_RE as _HONORIFIC_RE, POSS_COMMA_RE as _POSS_COMMA_RE, RoleRow,
                           around as _around, full_names_of as _full_names_of, known_surname as _known_surname,
                           last_break as _last_break, modern_row as _modern, outlet_name as _outlet_name,
                           people_parties as _people_parties, person_role, without_name as _without_name)
from ._sources import country_alias
from ._speaker_lines import LINE_FRAMES as _LINE_FRAMES, hosts
from ._roles import Decision, anonymous_kind, clear_phrase_caches, org_role, phrase_role, poll_share, role_lexicon
from ._roles_refs import (BARE_PRESIDENT_RE, DEFINITE_ORG_RE, FULL_NAME_RE, INCLUDING_RE, ORG_REACH, PARTICLES, THEY_RE,
                          clean_full_name, document_head, name_fold, plural_source)

__all__ = ["RoleRow", "assign_roles", "person_role", "ROLE_COLUMNS", "clear_role_caches"]

ROLE_COLUMNS: tuple[str, ...] = ("source_role", "role_evidence", "anonymous_kind", "party", "office")
"""The role columns of :func:`mediakit.metrics.attribution.extract_attributions`, in order."""

_SOURCE_NOUN_RE = re.compile(r"^(?:the|a|an|one|another|this|that|our|my|his|her|their)\s+(?:\w+\s+){0,2}"
                             r"(?:source|sources|insider|insiders)$", re.IGNORECASE)
_NAME_REST_RE = re.compile(r"(?:[ -][A-Z][\w’'-]*){1,3}(?=,)")
_PRINCIPAL_RE = re.compile(r"(?:\+of|campaign):([A-Z][\w-]+)")
_LEAD_NAME_RE = re.compile(r"(?:(?:And|But|So|Now|Then|Yet|Still|Even|Also|As)\s+)?"
                           r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?([A-Z][\w-]+(?:[’']s)?)(?=\s+[a-z]|\Z)")
_LEAD_PRONOUN_RE = re.compile(r"(?:(?:and|but|so|now|then|yet|still|even|also|as|later)\s+)*(he|she)\b",
                              re.IGNORECASE)
_RELATIVE_RE = re.compile(r"(?:who|whom|which|that)\Z", re.IGNORECASE)
_PRONOUN_REACH = 1500
_THEY_REACH = 400
_SHORT_SPAN = 6
_HEAD_OFFICES = frozenset({"President", "Vice President"})  # 'the president' need not be the latest one named
_DEFINITE_RE = re.compile(r"(?:the|this|that)\s+(?:[A-Z][\w.-]*\s+){0,2}[a-z]", re.IGNORECASE)
_HIS_RE = re.compile(r"(his|her)\b", re.IGNORECASE)
_TITLED_RE = re.compile(r"(?:(?:And|But|So|Now|Then|Yet|Still|Even|Also|As)\s+)?(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President)\.?\s")
_LAST_PRONOUN_RE = re.compile(r"(?<=\s)(he|she)\Z", re.IGNORECASE)
_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}
#: a person named in full and described after a comma: never anonymous ('Tad Devine, a senior adviser')
_NAMED_APPOS_RE = re.compile(r"((?:[A-Z][a-z]+(?: [A-Z]\.)*|[A-Z]\.(?: ?[A-Z]\.)*) [A-Z][\w’'-]+(?: (?:Jr|Sr)\.?)?),")
_NAME_BEFORE_RE = re.compile(r"(?:[A-Z][\w.&’'-]* (?:(?:of|for|and|the|on) )?){1,5}\Z")
_WHERE_RE = re.compile(r"(?:in|on|via|through|at|during|from|with)\s", re.IGNORECASE)  # 'Jeb Bush in a Medium post'
#: the writer's own voice outside quotations ('I think', 'we know')
_FIRST_PERSON = frozenset({"i", "we"})
#: a paragraph opening with a speaker's label ('Thrush: ...', 'Q. ...'): an interview, whose "I" is the speaker's
_LABEL_RE = re.compile(r"(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}|Q|A)[:.]\s")
#: several authors in a byline ('Jane Doe; John Roe', 'Jim Vandehei, Mike Allen', 'Ann Lee and Bo Li')
_AUTHORS_SPLIT_RE = re.compile(r"\s*(?:;|,|&|\band\b)\s*")
#: furniture before a byline's name ('By', 'Analysis', 'Opinion by')
_BYLINE_LEAD_RE = re.compile(r"(?:(?:by|analysis|opinion|commentary|editorial|column)\b[: ]*)+", re.IGNORECASE)
#: words of a byline that names no person
_NOT_NAME_WORDS = frozenset({"the", "staff", "guest", "editorial", "editors", "editor", "board", "writer", "writers",
                             "contributor", "contributors", "team", "news", "desk", "wire", "wires", "press", "service",
                             "reports", "report", "bureau", "correspondent", "correspondents", "newsroom", "agency"})
#: a title before the writer's name ('Sen. Rand Paul', 'Dr. Ann Lee'): the role evidence, not the name
_BYLINE_TITLE_RE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?|Senator|Representative|Governor|"
                              r"Professor)\s+")


_NA = RoleRow(None, None, None, None, None)
_HOST = RoleRow("media", "host:turn", None, None, None)


def clear_role_caches() -> None:
    """Forget every per-phrase role, party and office decision (the vocabularies stay loaded).

    Examples
    --------
    >>> clear_role_caches()
    """
    clear_phrase_caches()
    clear_party_caches()
    _read_entity.cache_clear()
    _read_person.cache_clear()
    person_role.cache_clear()
    _full_names_of.cache_clear()
    _known_surname.cache_clear()


class _Reading(NamedTuple):
    """What the words of an entity's source say before the article is read (:func:`_read_entity`)."""

    final: RoleRow | None  # decided by the words alone: a source noun ('a source'), a poll share
    decision: Decision | None  # the role of the name, else of the phrase
    definite: bool  # a definite description that an organisation named before may decide ('the fund')
    campaign: str | None  # the person whose campaign the phrase names


@lru_cache(maxsize=20000)
def _read_entity(span: str, name: str) -> _Reading:
    """The part of :meth:`_Article.entity` that depends on the words only (cached per phrase: many
    articles quote "officials", "the White House", "the company")."""
    if _SOURCE_NOUN_RE.search(span):
        return _Reading(RoleRow("anonymous", "anonymous:source noun", anonymous_kind(span), None, None), None, False, None)
    share = poll_share(span)
    if share is not None:  # '52 percent of registered voters', 'Twelve percent': poll respondents
        return _Reading(RoleRow(share.role, share.evidence, None, None, None), None, False, None)
    d = org_role(name) if name[:1].isupper() or name.lower().startswith("the ") else None
    if d is None and (government := country_alias(name, span.strip() == name.strip())):
        d = Decision("official", government)  # 'the U.S.', 'Britain', 'Texas' as the whole source: its government
    definite = False
    if d is None:
        d = phrase_role(span)
        definite = span[:4] in ("the ", "The ") and (d is None or d.evidence.startswith(("org-noun:", "title:")))
    elif d.role != "document" and (p := phrase_role(span)) is not None and document_head(span, p):
        d = p  # 'A Government Accountability Office report', "POLITICO's Battleground States average"
    return _Reading(None, d, definite, campaign_of(span))


@lru_cache(maxsize=20000)
def _read_person(speaker: str, span: str) -> tuple[str, RoleRow | None, RoleRow | None]:
    """The words of a person's source span without the name, and the rows they decide before the
    article is read: a document ("Trump's tweet"), else an outlet or organisation the span names
    ("The New York Times" read as the person "York Times"); cached per phrase, as
    :meth:`_Article.person` reads many spans again."""
    words = _without_name(span, speaker)
    if words and (p := phrase_role(words)) is not None and p.role == "document" and "," not in span \
            and not _WHERE_RE.match(words) and document_head(span, p):
        return words, RoleRow("document", p.evidence, None, None, None), None  # "Trump's tweet", "USA TODAY's tally"
    if span[:1].isupper() and " " in span and not _HONORIFIC_RE.match(span):
        org = org_role(span)
        if org is not None and (org.evidence == "outlet" or org.evidence.startswith("org:")):
            return words, None, RoleRow(org.role, org.evidence, None, None, None)
    return words, None, None


def assign_roles(doc: Doc, attrs: list[Attr], gazetteer: pd.DataFrame | None = None,
                 byline: str | None = None) -> list[RoleRow]:
    """The :class:`RoleRow` of each attribution of a resolved document, in order.

    ``byline``: the article's authors (the ``byline`` column); the writer of a first-person source outside
    quotations. When it names one person, that name becomes the ``speaker`` of those attributions.
    """
    if not attrs:
        return []
    art = _Article(doc, attrs, gazetteer, byline)
    return [art.row(a) for a in attrs]


def byline_author(byline: str | None) -> str | None:
    """The one writer a byline names ('Sen. Rand Paul', 'By Ezra Klein'), or None (none, several, or no name).

    Examples
    --------
    >>> byline_author("By Ezra Klein"), byline_author("Sen. Rand Paul"), byline_author("Jim Vandehei, Mike Allen")
    ('Ezra Klein', 'Sen. Rand Paul', None)
    >>> byline_author("The Editorial Board") is None, byline_author("By JIM RUTENBERG")  # no name; capitals
    (True, 'Jim Rutenberg')
    """
    if not isinstance(byline, str):
        return None
    rest = byline.strip().strip('"')
    lead = _BYLINE_LEAD_RE.match(rest)
    rest = rest[lead.end():] if lead is not None else rest
    if not rest or len(_AUTHORS_SPLIT_RE.split(rest)) != 1:
        return None
    if rest.isupper():
        rest = rest.title()  # 'By JIM RUTENBERG'
    title = _BYLINE_TITLE_RE.match(rest)
    name = rest[title.end():] if title is not None else rest
    words = name.lower().split()
    if len(words) < 2 or not clean_full_name(name) or _NOT_NAME_WORDS.intersection(words):
        return None  # 'The Editorial Board', 'Guest Writer', 'Npr Staff'
    org = org_role(name)
    return None if org is not None and org.evidence == "outlet" else rest  # not 'Fox News' ('Billy House' is)


class _Article:
    """One article: its text, the people its attributions name, and a memo of their roles."""

    def __init__(self, doc: Doc, attrs: list[Attr], gazetteer: pd.DataFrame | None, byline: str | None = None) -> None:
        self.text = doc.text
        self.byline = byline
        self._writer: tuple[str | None, RoleRow] | None = None  # memo of writer
        self.doc = doc
        self.index = resolve_gazetteer(gazetteer)
        self.mentions: dict[str, tuple[str, str]] = {}  # speaker -> (titles, appositions)
        self.full_names = {a.speaker for a in attrs if a.person and a.speaker and " " in a.speaker}
        self.surnames = {n.split()[-1] for n in self.full_names}
        self._by_surname: dict[str, list[str]] | None = None
        self.attrs = attrs
        # sources with a role decided so far, for 'they' (whether each is a group is read only then)
        self.groups: list[tuple[int, str, RoleRow, str | None]] = []
        self._people: tuple[list[int], list[str], dict[str, str]] | None = None
        self._named: dict[str, str | None] = {}  # memo of _article_person
        self._bare: dict[str, RoleRow] = {}  # memo of bare
        self._full_of: dict[str, str | None] = {}  # memo of full_of
        self._folded: list[tuple[str, str]] | None = None
        self._office_parties: dict[str, str | None] = {}  # memo of _office_party
        self._hosts: set[str] | None = None  # the speaker lines' hosts (built on first use)

    def by_surname(self) -> dict[str, list[str]]:
        """The full names of the article's people by surname (built on first use)."""
        if self._by_surname is None:
            self._by_surname = {}
            for n in sorted(self.full_names):
                self._by_surname.setdefault(n.split()[-1], []).append(n)
        return self._by_surname

    def full_of(self, speaker: str) -> str | None:
        """The one full name of the article that ends with ``speaker`` (a surname, any case or apostrophe),
        or None (``speaker`` is itself a full name of the article, or two people share the surname)."""
        if speaker not in self._full_of:
            first = speaker.split()[0].lower() if speaker.split() else ""
            if " " in speaker and first not in PARTICLES or not speaker[:1].isupper() and first not in PARTICLES:
                self._full_of[speaker] = None  # 'Donald Trump' is a full name; 'De Blasio', 'de Blasio' surnames
                return None
            if self._folded is None:  # the article's clean full names, folded, longest last
                self._folded = sorted(((name_fold(n), n) for n in self.full_names if clean_full_name(n)),
                                      key=lambda fn: len(fn[0]))
            key = " " + name_fold(speaker)
            hits = [fn for fn in self._folded if fn[0].endswith(key)]
            # one person: every hit ends with the shortest ('Donald Trump', 'Billionaire Donald Trump')
            one = bool(hits) and all(f.endswith(" " + hits[0][0]) for f, _ in hits[1:])
            self._full_of[speaker] = hits[0][1] if one else None
        return self._full_of[speaker]

    def people(self) -> tuple[list[int], list[str], dict[str, str]]:
        """The named people the attributions resolve to, by the start of their source, and the
        gender the article's pronouns give them (built on first use: for a pronoun the extractor left
        unresolved or a badly cut span, the latest named source before it)."""
        if self._people is None:
            named = sorted((a.source[0], a.speaker) for a in self.attrs
                           if a.person and a.speaker and a.source is not None and " " in a.speaker)
            gender: dict[str, str] = {}
            for a in self.attrs:
                if a.person and a.speaker and a.source is not None and a.source[1] - a.source[0] <= 3:
                    g = _GENDER.get(self.text[a.source[0]:a.source[1]].strip().lower())
                    if g is not None:
                        gender.setdefault(a.speaker, g)
            self._people = ([p[0] for p in named], [p[1] for p in named], gender)
        return self._people

    def row(self, a: Attr) -> RoleRow:
        """The role columns of attribution ``a``."""
        if a.source is None:
            return _NA
        span = self.text[a.source[0]:a.source[1]]
        if a.source_type == "pronoun" and span.strip().lower() in _FIRST_PERSON and self._own_voice(a.source[0]):
            name, out = self.writer()
            if name is not None and span.strip().lower() == "i":
                a.speaker = name  # the column's one writer
            return out
        out = self._row(a, span)
        if out.source_role == "unknown" and not a.person and a.source_type != "anonymous":
            out = self.reread(span, a.source[0]) or out  # (a resolved person's own name decided already)
        if out.source_role == "unknown" and (inc := INCLUDING_RE.search(span)) is not None:
            member = self.entity(span[inc.end():], span[inc.end():])  # 'Proponents, including the X Conference'
            if member.source_role not in ("unknown", "document"):
                out = member.with_evidence(f"including:{member.role_evidence}")
        if out.source_role not in ("unknown", "other", "document"):
            self.groups.append((a.source[0], span, out, a.source_type))  # a later 'they' may name a group
        if out.source_role == "politician" and out.party is None and out.role_evidence:
            m = _PRINCIPAL_RE.search(out.role_evidence)  # 'Romney adviser', "Clinton's campaign"
            if m is not None:
                out = out._replace(party=self._campaign_person(m.group(1)))
            elif (h := _HIS_RE.match(span)) is not None:  # 'his campaign', 'her aides': the latest he/she
                name = self._latest_person(a.source[0], "she" if h.group(1).lower() == "her" else "he")
                if name is not None:
                    out = out._replace(party=self.bare(name).party)
            elif out.office and out.office not in _HEAD_OFFICES and _DEFINITE_RE.match(span):
                out = out._replace(party=self._same_office(a.source[0], out.office))
            elif out.office in _HEAD_OFFICES and BARE_PRESIDENT_RE.fullmatch(span.strip()):
                former = "former" in span.lower()  # 'the former president': one the article calls former
                out = out._replace(party=self._office_party(out.office, former))
            if out.party is None and not a.person:
                out = out._replace(party=self._named_in(span))
        return out

    def _office_party(self, office: str, former: bool) -> str | None:
        """The party every person of the article named as a source who holds ``office`` shares
        ('the president' in an article that quotes President Obama and no other president; with
        ``former``, only those the article calls "former President ..."), or None."""
        key = f"{former}:{office}"
        if key not in self._office_parties:
            people = sorted({a.speaker for a in self.attrs if a.person and a.speaker})
            holders = [n for n in people if (r := self.bare(n)).source_role == "politician" and r.office == office]
            called = [n for n in holders if former and self._called_former(n, office)]
            parties = {self.bare(n).party for n in called or holders}  # those called former, else all
            self._office_parties[key] = parties.pop() if len(parties) == 1 else None
        return self._office_parties[key]

    def _called_former(self, name: str, office: str) -> bool:
        """The article calls ``name`` "former <office>" ("former President Bill Clinton")."""
        last = re.escape(name.split()[-1])
        title = f"(?:{re.escape(office)}|{re.escape(office.lower())})"
        return re.search(rf"\b[Ff]ormer\s+(?:U\.S\.\s+)?{title}\s+(?:[A-Z][\w.]*\s+){{0,3}}{last}\b",
                         self.text) is not None

    def _named_in(self, span: str) -> str | None:
        """The party of the one politician of the article named in full inside ``span`` (an apposition:
        "Trump's running mate, Indiana Gov. Mike Pence"), or None."""
        parties = {self.bare(n).party for n in self.full_names if n in span and self.bare(n).source_role == "politician"}
        for m in FULL_NAME_RE.finditer(span):  # a politician the gazetteer or the well-known people know
            facts = known_person(m.group(), self.index, surname_ok=False)
            if facts is not None and facts.role == "politician":
                parties.add(facts.party or None)
        return parties.pop() if len(parties) == 1 else None

    def _same_office(self, start: int, office: str) -> str | None:
        """The party of the latest named source before ``start`` (within reach) who holds ``office``:
        'the Vermont senator' after Sen. Bernie Sanders."""
        starts, names, _ = self.people()
        i = bisect_left(starts, start) - 1
        while i >= 0 and start - starts[i] < _PRONOUN_REACH:
            r = self.bare(names[i])
            if r.source_role == "politician" and r.office == office:
                return r.party
            i -= 1
        return None

    def _row(self, a: Attr, span: str) -> RoleRow:
        assert a.source is not None
        st = a.source_type
        if st == "anonymous" and (named := _NAMED_APPOS_RE.match(span)) is not None:
            return self.person(named.group(1), span, a.role, a.affiliation)  # 'Tad Devine, a senior adviser': named
        if st == "anonymous":
            sent_end = self.doc.sents[self.doc.sentence_of(a.cue[0])][1]
            ctx = span + " " + self.text[a.source[1]:min(sent_end, a.source[1] + 160)]
            return RoleRow("anonymous", "anonymous:pattern", anonymous_kind(ctx), None, None)
        if a.person and a.speaker:
            if span.strip().lower() in lexicons().pronoun_kind:  # its words say nothing: one cache entry
                r = self.person(a.speaker, "", a.role, a.affiliation)
                if span.strip().lower() in _GENDER and _outlet_name(a.speaker):  # 'he' is no newspaper
                    return self.reread(span, a.source[0]) or RoleRow("unknown", "pronoun:unresolved", None, None, None)
                return r.with_evidence(f"antecedent:{a.speaker}|{r.role_evidence}")
            out = self.person(a.speaker, span, a.role, a.affiliation)
            return self._host(a) or out if out.source_role == "unknown" else out
        if st == "pronoun":
            return RoleRow("unknown", "pronoun:unresolved", None, None, None)
        if st in ("media", "agency"):
            return RoleRow("media", "outlet", None, None, None)
        if st in ("document", "social_media"):
            org = org_role(span) if span[:1].isupper() or span.startswith("the ") else None
            if org is not None and org.evidence == "outlet":
                return RoleRow("media", "outlet", None, None, None)  # 'the Post'
            return RoleRow("document", "document" if st == "document" else "post", None, None, None)
        return self.entity(span, a.speaker or span, a.source[0])

    def _host(self, a: Attr) -> RoleRow | None:
        """A speaker line's host, whom the text may never describe (:func:`._speaker_lines.hosts`), else None."""
        if self._hosts is None and a.frame in _LINE_FRAMES:
            self._hosts = hosts(self.text, self.attrs)
        return _HOST if a.frame in _LINE_FRAMES and a.speaker in (self._hosts or ()) else None

    # ----------------------------------------------------------------------- the writer

    def _own_voice(self, start: int) -> bool:
        """The first person at ``start`` is the writer's: outside any quotation, in a paragraph that no
        speaker's label opens ('Thrush: I think', 'Q. Do you ...')."""
        if self.doc.quote_at(start) >= 0:
            return False
        para_start = self.doc.paras[self.doc.sents[self.doc.sentence_of(start)][2]][0]
        return _LABEL_RE.match(self.text, para_start) is None

    def writer(self) -> tuple[str | None, RoleRow]:
        """The article's writer: the one name of the byline (else None) and its row: that person's role when
        their title or the gazetteer gives one ("Sen. Rand Paul": politician), else media (evidence
        ``author:<name>``, or ``author`` without one name)."""
        if self._writer is None:
            full = byline_author(self.byline)
            if full is None:
                self._writer = (None, RoleRow("media", "author", None, None, None))
            else:
                title = _BYLINE_TITLE_RE.match(full)
                name = full[title.end():] if title is not None else full
                r = self.person(name, full, None, None)
                if r.source_role in ("unknown", "other", "document", None):
                    self._writer = (name, RoleRow("media", f"author:{name}", None, None, None))
                else:
                    self._writer = (name, r.with_evidence(f"author:{name}|{r.role_evidence}"))
        return self._writer

    # ----------------------------------------------------------------------- second reading

    def reread(self, span: str, start: int) -> RoleRow | None:
        """A second reading of a source whose role is unknown: the person a badly cut span opens
        with ("Mr. Romney has", "Carson has tried to"), the latest named source before a leading
        "he"/"she" ("And he"), the noun phrase a relative "who" follows; None when nothing decides."""
        m = _LEAD_NAME_RE.match(span)
        if m is not None and (name := self._article_person(m.group(1), _TITLED_RE.match(span) is not None)) is not None:
            out = self.bare(name)  # a bare surname: the gazetteer only when unique
            if out.source_role != "unknown":
                return out.with_evidence(f"head:{name}|{out.role_evidence}")
        if THEY_RE.fullmatch(span.strip()):
            prior = [g for g in self.groups if 0 < start - g[0] < _THEY_REACH and plural_source(g[3], g[1])]
            if prior:  # 'Republicans say Democrats are ... They say', '... Others say': the latest group before
                _, what, out, _ = prior[-1]
                return out.with_evidence(f"antecedent:{what}|{out.role_evidence}")
            return None
        m = _LEAD_PRONOUN_RE.match(span)
        if m is None and len(span.split()) <= _SHORT_SPAN:
            m = _LAST_PRONOUN_RE.search(span)  # 'the way he', 'what she'
        if m is not None:
            name = self._latest_person(start, "she" if m.group(1).lower() == "she" else "he")
            if name is not None:
                out = self.bare(name)
                if out.source_role != "unknown":
                    return out.with_evidence(f"antecedent:{name}|{out.role_evidence}")
            return None
        if m is None and _RELATIVE_RE.match(span):
            before = self.text[max(0, start - 120):start]
            cut = _last_break(before.rstrip(" ,"), len(before.rstrip(" ,")))
            np_ = before.rstrip(" ,")[cut.end() if cut is not None else 0:].strip()
            if np_ and len(np_.split()) <= 8:
                out = self.entity(np_, np_)
                if out.source_role not in ("unknown", "document"):
                    return out.with_evidence(f"relative:{out.role_evidence}")
        return None

    def bare(self, name: str) -> RoleRow:
        """The role columns of a named person from the article alone (no span words), memoised."""
        r = self._bare.get(name)
        if r is None:
            r = self._bare[name] = self.person(name, "", None, None)
        return r

    def _latest_person(self, start: int, gender: str) -> str | None:
        """The latest named source before ``start`` (within reach) whom no pronoun of the other gender names."""
        starts, names, genders = self.people()
        i = bisect_left(starts, start) - 1
        while i >= 0 and (genders.get(names[i], gender) != gender or _outlet_name(names[i])):
            i -= 1  # 'she' skips the men the article's pronouns name, 'he' the women, both the newspapers
        if i >= 0 and start - starts[i] < _PRONOUN_REACH:
            return names[i]
        return None

    def _article_person(self, word: str, titled: bool) -> str | None:
        """The full name of the article's person whose surname (or full name) ``word`` is; else
        ``word`` when the gazetteer or the list of people knows that surname and the span gives it a
        title ("Mr. Romney") or the article names that person in full (not 'Washington' the city)."""
        key = f"{titled}:{word}"
        if key not in self._named:
            self._named[key] = self._find_person(_POSS_COMMA_RE.sub("", word), titled)
        return self._named[key]

    def _find_person(self, word: str, titled: bool) -> str | None:
        if word.isupper() and len(word) > 2:
            word = word.capitalize()  # a transcript's speaker line: 'FALLIN:'
        if word in self.full_names:
            return word
        hits = self.by_surname().get(word, [])
        if len(hits) == 1:
            return hits[0]
        if hits or len(word) < 3 or not _known_surname(word, self.index):
            return None
        if self._only_legislators(word) and self._named_otherwise(word):
            return None  # 'COHEN discussed ...' in an article about Michael Cohen: not Rep. Steve Cohen
        if titled or any(n in self.text for n in _full_names_of(word, self.index)):
            return word  # 'Mr. Romney has'
        return None

    # ----------------------------------------------------------------------- entities

    def entity(self, span: str, name: str, start: int = -1) -> RoleRow:
        """An organisation, a description or a group; "the fund" after "the International Monetary Fund"
        is that organisation (text before ``start``)."""
        final, d, definite, who = _read_entity(span, name)
        if final is not None:
            return final
        if definite and start > 0:
            d = self._definite_org(span, start) or d
        if who is not None and (d is None or d.role in ("politician", "unknown")):
            facts = self._campaign_person(who)
            return RoleRow("politician", f"campaign:{who}", None, party_in_text(span) or facts, None)
        if d is None:
            return RoleRow("unknown", "no evidence", None, None, None)
        party = party_in_text(span) if d.role == "politician" else None
        office = office_in_text(span) if d.role in ("politician", "official") else None
        return RoleRow(d.role, d.evidence, None, party, office)

    def _definite_org(self, span: str, start: int) -> Decision | None:
        """The organisation a definite description names again ("the fund" -> the latest "... Fund"
        before it, within reach), or None."""
        m = DEFINITE_ORG_RE.fullmatch(span.strip())
        rl = role_lexicon()
        if m is None or (m.group(1) not in rl.heads and m.group(1).capitalize() not in rl.suffixes):
            return None  # only organisation nouns: 'the fund', 'the board', not 'the president'
        noun = m.group(1).capitalize()
        lo = max(0, start - ORG_REACH)
        at = self.text.rfind(" " + noun, lo, start)
        while at >= 0:  # the latest capitalised name that ends in the noun ('... Monetary Fund')
            if not self.text[at + 1 + len(noun):at + 2 + len(noun)].isalnum():
                pre = _NAME_BEFORE_RE.search(self.text, max(lo, at - 80), at + 1)
                if pre is not None:
                    name = pre.group() + noun
                    d = org_role(name)
                    return Decision(d.role, f"definite:{name}|{d.evidence}") if d is not None else None
            at = self.text.rfind(" " + noun, lo, at)
        return None

    def _campaign_person(self, who: str) -> str | None:
        """The party of the person whose campaign is named: by the article's full names of that surname, else by
        the surname alone, unless only members of Congress have it and the article names another person of that
        surname ("Michael Cohen" makes "Mr Cohen's team" no congressman's)."""
        named = self.by_surname().get(who)
        legislators = self._only_legislators(who)  # a bare 'Obama' is the president's, even beside 'Michelle Obama'
        if not named and legislators and self._named_otherwise(who):
            return None
        for full in named or [who]:
            facts = known_person(full, self.index, surname_ok=full == who)
            if facts is not None and facts.party:
                return facts.party
        if named and legislators:
            return None
        parties = {str(r["party"]) for r in self.index.surname(who) if _modern(r)} | _people_parties().get(who, set())
        return parties.pop() if len(parties) == 1 and "" not in parties else None  # the Clintons: Democratic

    def _only_legislators(self, surname: str) -> bool:
        """Whether the gazetteer knows this surname and only of members of Congress (no president or vice
        president: their surnames alone name them in the news)."""
        rows = self.index.surname(surname)
        return bool(rows) and not any(str(r["office"]) in _HEAD_OFFICES for r in rows)

    def _named_otherwise(self, surname: str) -> bool:
        """Whether the text names someone of this surname with a common given name that no gazetteer politician
        has ("Michael Cohen": then "Mr Cohen's team" is not Rep. Steve Cohen's)."""
        given = lexicons().given_names
        for m in re.finditer(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?" + re.escape(surname) + r"\b", self.text):
            first = m.group(1)
            if first.lower() in given and not getattr(known_person(f"{first} {surname}", self.index, surname_ok=False),
                                                      "party", None):
                return True
        return False

    # ----------------------------------------------------------------------- people

    def person(self, speaker: str, span: str, role: str | None, aff: str | None) -> RoleRow:
        """A named person: the first decisive evidence (module docstring), with party and office; a
        surname ("O'Neill", "De Blasio", "Cruz") that one full name of the article ends with is that
        person ("James O’Neill", "Bill de Blasio", "Ted Cruz": evidence ``surname:<full>|...``)."""
        words, document, org = _read_person(speaker, span)
        if document is not None:
            return document
        full = self._full_of[speaker] if speaker in self._full_of else self.full_of(speaker)
        if full is not None:
            r = self.person(full, span, role, aff)
            return r.with_evidence(f"surname:{full}|{r.role_evidence}")
        if org is not None:
            return org
        surname_ok = " " not in speaker and speaker not in self.surnames
        out = person_role(speaker, words, role, aff, "", "", surname_ok, self.index)
        if out.role_evidence in ("name only", "acronym", "age") or out.source_role == "politician" and out.party is None:
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

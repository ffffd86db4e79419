"""Stage 5b: who each source is: speaker names, pronouns and their antecedents.

:func:`resolve` fills the speaker, role, affiliation, source type, kind and channel of each
attribution of a document. It first collects the people the text names (full names such as "Sergei
Ryabkov", titled surnames such as "Mr. Trump"), then resolves each source: a surname or "Mr. X" to
the fullest name the article gives, "he"/"she" to the most recent compatible person
(:meth:`People.antecedent`), "who"/"which" to the noun phrase it follows.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...text import CHUNK_RE
from ._channel import channel, kind
from ._document import Attr, Doc
from ._lexicon import lexicons, word_lists
from ._sources import (SpanInfo, analyze_span, clean_name, entity_name, may_name, name_heads, name_start, type_of,
                       word_runs)

__all__ = ["Person", "People", "resolve", "clear_mention_caches"]

_NAME_TOKEN = (r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:[-’'][A-Z][a-z]+(?:[A-Z][a-z]+)*)*"
               r"|[A-Z]{2,}(?![a-z])|O[’'][A-Z][a-z]+)(?![\w])")
_PARTICLE = r"(?:al|el|bin|ibn|de|del|della|da|di|van|von|der|le|la|du|dos|das)[- ]"
_NAME_RE = re.compile(
    rf"(?<![\w’'])(?=[A-Z]|{_PARTICLE}[A-Z])(?:{_PARTICLE})?{_NAME_TOKEN}"
    rf"(?:\s+[A-Z]\.(?:\s*[A-Z]\.)*)?"
    rf"(?:\s+(?:{_PARTICLE})?{_NAME_TOKEN})*"
    rf"(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?"
)
#: ``\b`` + ``_NAME_TOKEN``, led by its capital, with the word boundary checked behind it: a pattern
#: that starts with a character class lets ``re`` skip ahead to the next capital. From Python 3.11
#: on, the rest is an atomic group (no backtracking into a token once it is followed by a non-word
#: character: a shorter way to match it would end before '-', ’ or ', where no second name can
#: follow), so that a capitalised word not followed by another is given up at once.
_NAME_TOKEN_LED = ("[A-Z](?<!\\w[A-Z])" + ("(?>" if sys.version_info >= (3, 11) else "(?:")
                   + r"[a-z]+(?:[A-Z][a-z]+)*(?:[-’'][A-Z][a-z]+(?:[A-Z][a-z]+)*)*(?![\w])"
                   r"|[A-Z]+(?![a-z])(?![\w])|(?<=O)[’'][A-Z][a-z]+(?![\w]))")
#: white space between the words of a name: a line break, not a blank line ("... as Hillary\n\nDonald Trump said")
_NAME_GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?!\n)"
_MULTI_NAME_RE = re.compile(
    rf"{_NAME_TOKEN_LED}"
    rf"(?:{_NAME_GAP}[A-Z]\.(?:\s*[A-Z]\.)*)?"
    rf"(?:{_NAME_GAP}(?:{_PARTICLE})?{_NAME_TOKEN})+"
    rf"(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?"
)
#: A capitalised word or a title right before a position: the word there continues a name.
_NAME_BEFORE_RE = re.compile(r"(?:[A-Z][\w’'.-]*|[A-Z]\.)\s+\Z")
_NEXT_CAPITAL_RE = re.compile(r"[ \t]+([A-Z][a-z][\w’'-]*)")  # a capitalised word after a name token
_TITLED_NAME_RE = re.compile(rf"(M(?:rs?|s|iss)|Dr|Sen|Rep|Gov)\.?\s+({_NAME_TOKEN})")
#: he|his|him|himself|she|her|hers|herself|He|His|She|Her as whole words (the boundary before
#: checked behind the first letter, so that ``re`` skips ahead to the next h, s, H or S)
_GENDER_PRONOUN_RE = re.compile(r"(h(?<!\wh)(?:e|is|im|imself|er|ers|erself)|s(?<!\ws)he"
                                r"|H(?<!\wH)(?:e|is|er)|S(?<!\wS)he)\b")
_INITIAL_RE = re.compile(r"[A-Z]\.")


@dataclass
class Person:
    """A person the article names: the fullest name, and what the text says of them."""

    name: str
    role: str | None
    affiliation: str | None
    gender: str


# --------------------------------------------------------------------------- mentions of people


def _name_pieces(group: str) -> tuple[tuple[int, str], ...]:
    """A capitalised run cut at stop and title words: a headline such as "Hillary Clinton Goes After
    Donald Trump" gives ("Hillary Clinton", "Donald Trump"); offsets are into ``group``. Not cached:
    only :func:`_mentions_of` calls it, which is, with the same key."""
    if len(group.split()) <= 4:
        return ((0, group),)
    words = word_lists()
    toks = list(CHUNK_RE.finditer(group))
    pieces: list[tuple[int, str]] = []
    cur: list[re.Match[str]] = []
    for t in toks + [None]:
        w = t.group() if t is not None else ""
        if t is None or w in words.name_stop or w.rstrip(".").lower() in words.title_abbreviations:
            if len(cur) >= 2:
                pieces.append((cur[0].start(), group[cur[0].start():cur[-1].end()]))
            cur = []
        else:
            cur.append(t)
    return tuple(pieces)


def _capitals_at_end(toks: list[str]) -> list[str]:
    """A name in capitals after one capitalised word is the name alone ("Deadline RACHEL MARTIN": RACHEL MARTIN);
    "Martin Luther King III", "George W. Bush" and "Paul Singer USA TODAY" stay whole."""
    if all(t.isupper() and t.isalpha() and len(t) > 1 for t in toks[1:]):
        return toks[1:]
    return toks


@lru_cache(maxsize=50000)
def _mention_info(group: str) -> tuple[str, str, str, bool] | None:
    """For a capitalised word sequence: (person name, surname key, gender, known first name) or None."""
    lex = lexicons()
    words = lex.words
    whole = toks = group.split()
    if group in lex.places:
        return None  # 'New Hampshire', not the person 'Hampshire'
    toks = toks[name_start(toks):]
    if toks and toks[0] in words.name_stop:
        toks = toks[1:]
    if len(toks) > 2 and not toks[0].isupper():
        toks = _capitals_at_end(toks)
    if len(toks) < 2 or len(toks) > 4 or toks[-1].rstrip(".").lower() in words.title_abbreviations:
        return None
    joined = " ".join(toks)
    if joined in lex.places or toks[-1] in lex.place_suffixes:
        return None
    first = toks[0].lower()
    known = first in lex.male or first in lex.female
    if not known and not _INITIAL_RE.match(toks[1]) and len(toks) > 3:
        return None
    last = toks[-1].lower()
    if last in lex.org_words or last in lex.media_words:
        return None  # tested before the organisations' pattern below, which costs more
    nm = clean_name(joined)
    # nm is single-spaced (clean_name): a set look-up is what in_names would do
    if nm in lex.media_name_set or nm.lower() in lex.agency_of:
        return None
    if not known and _in_outlet_name(whole, len(toks)):
        return None  # 'York Times' of 'The New York Times', 'York Daily News'
    if may_name(name_heads(lex)[0], word_runs(nm)) and lex.org_name_re.search(nm):
        return None  # (the organisations' pattern read only where one of them may be)
    gender = "m" if first in lex.male and first not in lex.female else (
        "f" if first in lex.female and first not in lex.male else "")
    suffix = toks[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv")
    key = toks[-2] if suffix and len(toks) > 2 else toks[-1]
    return nm, key.lower(), gender, known


def _in_outlet_name(whole: list[str], n: int) -> bool:
    """The name of the last ``n`` words of a capitalised run ``whole`` overlaps an outlet's name in it ("York Times"
    of "The New York Times", "York Daily News")."""
    joined = " ".join(whole)
    start = len(joined) - len(" ".join(whole[-n:]))
    return any(m.end() > start for m in lexicons().media_name_re.finditer(joined))


@lru_cache(maxsize=50000)
def _mentions_of(group: str) -> tuple[tuple[int, int, str, str, str, bool], ...]:
    """The person mentions of a capitalised run: (offset, length) of each piece of
    :func:`_name_pieces` that :func:`_mention_info` takes for a name, with that information."""
    out = []
    for offset, piece in _name_pieces(group):
        info = _mention_info(piece)
        if info is not None:
            out.append((offset, len(piece), *info))
    return tuple(out)


def clear_mention_caches() -> None:
    """Forget the per-phrase caches of the name runs."""
    _mention_info.cache_clear()
    _mentions_of.cache_clear()


class People:
    """The people a document names: by full name and surname, and their mentions in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people: dict[str, Person] = {}  # full name -> facts
        self.by_last: dict[str, str] = {}  # surname -> full name
        self.mentions: list[tuple[int, str, int]] = []  # (position, full name, weight)
        self.mention_pos: list[int] = []
        self.prev_persons: list[tuple[int, str]] = []  # (cue position, full name) of resolved person sources

    def register(self, name: str, role: str | None, aff: str | None, gender: str) -> str:
        """Record a person source; return the full name it refers to."""
        people, by_last = self.people, self.by_last
        toks = name.split()
        last = toks[-1].lower() if toks else ""
        if last in ("jr.", "sr.", "ii", "iii", "iv") and len(toks) > 1:
            last = toks[-2].lower()
        full = name
        if len(toks) == 1 or (len(toks) >= 1 and toks[0].rstrip(".").lower() in word_lists().title_abbreviations):
            known = by_last.get(last)
            if known:
                full = known
        else:  # the first names compared in lower case: "SCOTT DETROW, BYLINE:" is the text's "Scott Detrow"
            prev = by_last.get(last)
            first = toks[0].lower()
            if prev is None or len(prev.split()) < len(toks) and prev.split()[0].lower() == first:
                by_last[last] = name
            elif prev is not None and prev.split()[0].lower() == first:
                full = prev
        p = people.get(full)
        if p is None:
            people[full] = Person(full, role, aff, gender)
        else:
            p.role = p.role or role
            p.affiliation = p.affiliation or aff
            p.gender = p.gender or gender
        return full

    def weight_at(self, start: int) -> int:
        """2 for a mention in subject position (sentence start, or after an opening phrase)."""
        sent_starts = self.doc.sent_starts
        si = bisect.bisect_right(sent_starts, start) - 1
        if si < 0:
            return 1
        sent_start = sent_starts[si]
        if start - sent_start < 3:
            return 2
        # the words after the first comma of the sentence's prefix, read without copying the prefix
        text = self.doc.text
        comma = text.find(",", sent_start, start)
        if comma < 0:
            return 1
        after = text[comma + 1:start].split()
        return 2 if len(after) <= 3 and not any(w[:1].isupper() for w in after) else 1

    def quoted(self, pos: int) -> bool:
        """A name inside a quotation is rarely the antecedent of a source pronoun."""
        q_starts, quotes = self.doc.q_starts, self.doc.quotes
        i = bisect.bisect_right(q_starts, pos - 1) - 1
        return i >= 0 and quotes[i].start < pos < quotes[i].end

    def collect(self, limit: int, last_pronoun: int = -1) -> None:
        """Collect the mentions before ``limit``: full names, then titled surnames. ``last_pronoun``: where
        the last "he" or "she" to resolve starts (-1: none); only then is each new person's gender read
        from the pronoun after the name, and only before it are surnames alone collected (:meth:`antecedent`
        reads no mention after its pronoun).

        Without a "he" or "she" the titled surnames are not collected either: they add mentions and genders,
        which only :meth:`antecedent` reads, and people without a role or an affiliation, which
        :meth:`register` and :meth:`relative_person` would make alike.
        """
        genders = last_pronoun >= 0
        self._full_names(limit, genders)
        if genders:
            self._titled_names(limit)
            self._surnames(limit, last_pronoun)
        self.mentions.sort()
        self.mention_pos = [x[0] for x in self.mentions]

    def _full_names(self, limit: int, genders: bool = True) -> None:
        """Full names ("Sergei Ryabkov", "George W. Bush"): who the surnames and pronouns refer to."""
        text = self.doc.text
        q_starts, quotes = self.doc.q_starts, self.doc.quotes
        people, by_last, mentions = self.people, self.by_last, self.mentions
        mentions_of = _mentions_of
        for m in _MULTI_NAME_RE.finditer(text, 0, limit):
            ms = m.start()
            if q_starts:
                i = bisect.bisect_right(q_starts, ms - 1) - 1
                if i >= 0 and quotes[i].start < ms < quotes[i].end:
                    continue  # quoted(ms), inline
            for offset, size, nm, last, gender, known_first in mentions_of(m.group()):
                start = ms + offset
                if not (known_first or start == 0 or text[start - 1] in " \n(“\""):
                    continue
                full = by_last.get(last)
                if full is None:
                    by_last[last] = full = nm
                    people.setdefault(nm, Person(nm, None, None, gender))
                mentions.append((start, full, -1))
                if genders:
                    person = people.get(full)
                    if person is not None and not person.gender:
                        self._gender_from_pronoun(person, start + size)

    def _gender_from_pronoun(self, person: Person, end: int) -> None:
        """The first personal pronoun after a name, in the next 200 characters, gives its gender."""
        text = self.doc.text
        pm = _GENDER_PRONOUN_RE.search(text, end, min(len(text), end + 200))
        if pm is not None and not _MULTI_NAME_RE.search(text, end + 1, pm.start()):
            person.gender = "m" if pm.group(1).lower() in ("he", "his", "him", "himself") else "f"

    def _titled_names(self, limit: int) -> None:
        """Titled surnames ("Mr. Trump", "Ms. LaBelle")."""
        text = self.doc.text
        people, by_last, mentions = self.people, self.by_last, self.mentions
        stop = word_lists().name_stop
        for m in _TITLED_NAME_RE.finditer(text, 0, limit):
            ms = m.start()
            if ms > 0 and text[ms - 1].isalpha() or self.quoted(ms):
                continue
            nxt = _NEXT_CAPITAL_RE.match(text, m.end())
            if nxt is not None and nxt.group(1) not in stop:
                continue  # 'Sen. Tim Kaine': a first name (the full name is read by _full_names)
            title, g = m.group(1).lower(), m.group(2)
            full = by_last.get(g.lower(), g)
            gg = "m" if title == "mr" else ("f" if title in ("mrs", "ms", "miss") else "")
            p = people.setdefault(full, Person(full, None, None, gg))
            p.gender = p.gender or gg
            mentions.append((ms, full, -1))

    def _surnames(self, limit: int, before: int) -> None:
        """Surnames alone of people named in full, in subject position (:meth:`weight_at`): the strong
        candidates for a later "he" or "she" ("Trump has record low support ... He said"). Those ending
        before ``limit`` and starting before ``before``."""
        text, mentions = self.doc.text, self.mentions
        taken = {p for p, _, _ in mentions}
        for key, full in self.by_last.items():
            surname = next((w for w in full.split() if w.lower() == key), None)
            if surname is None or surname == full:
                continue
            n = len(surname)
            hi = min(limit, before - 1 + n)  # an occurrence at ``before - 1`` ends there
            ms = text.find(surname, 0, hi)
            while ms >= 0:
                end = ms + n
                # the subject position first: it rules out four in five occurrences, and costs least
                if ms not in taken and not (ms > 0 and (text[ms - 1].isalnum() or text[ms - 1] in ".-'’")) and not (
                        end < len(text) and (text[end].isalnum() or text[end] in "-'’")) and (
                        self.weight_at(ms) == 2) and not self.quoted(ms) and (
                        _NAME_BEFORE_RE.search(text, max(0, ms - 30), ms) is None):
                    mentions.append((ms, full, -1))  # not part of a longer name ("Donald Trump", "Mr. Trump")
                ms = text.find(surname, end, hi)

    # ----------------------------------------------------------------------- pronouns

    def gender_of(self, name: str) -> str:
        """The known gender of a person ("" if unknown)."""
        p = self.people.get(name)
        return p.gender if p is not None else ""

    def antecedent(self, pos: int, sent_start: int, gender: str) -> str | None:
        """The person a "he"/"she" at ``pos`` refers to (see the package docstring), or None.

        Candidates are earlier attribution sources and person mentions (quotations left
        out) of a compatible gender. A compatible mention earlier in the same sentence
        wins; otherwise the most recent source or subject-position mention (:meth:`weight_at`
        gives 2 for a subject position), preferring one whose gender is known to match
        over a closer one of unknown gender; otherwise the most recent compatible mention.
        """
        top = bisect.bisect_left(self.mention_pos, pos)
        found = self._in_sentence(top, sent_start, gender)
        if found is None:
            found = self._strong(pos, top, gender)
        if found is None:
            found = self._recent(pos, top, gender)
        return found

    def _in_sentence(self, top: int, sent_start: int, gender: str) -> str | None:
        """A compatible mention earlier in the same sentence (the latest)."""
        mentions = self.mentions
        i = top - 1
        while i >= 0 and mentions[i][0] >= sent_start:
            n = mentions[i][1]
            if self.gender_of(n) in ("", gender):
                return n
            i -= 1
        return None

    def _strong(self, pos: int, top: int, gender: str) -> str | None:
        """The most recent compatible source or subject mention, a known match preferred within 400."""
        best: tuple[int, str] | None = None
        for p, n in self._strong_candidates(pos, top):
            g = self.gender_of(n)
            if g not in ("", gender):
                continue
            if best is None:
                best = (p, n)
                if g == gender:
                    break
            elif g == gender and best[0] - p < 400:
                best = (p, n)
                break
            elif best[0] - p >= 400:
                break
        return best[1] if best is not None else None

    def _strong_candidates(self, pos: int, top: int) -> Iterator[tuple[int, str]]:
        """Sources and subject mentions before ``pos``, most recent first, within 2,500 characters."""
        prev_persons, mentions = self.prev_persons, self.mentions
        j = len(prev_persons) - 1
        while j >= 0 and prev_persons[j][0] >= pos:
            j -= 1
        k = top - 1
        while j >= 0 or k >= 0:
            if j >= 0 and (k < 0 or prev_persons[j][0] >= mentions[k][0]):
                p, n = prev_persons[j]
                j -= 1
            else:
                p, n, _w = mentions[k]
                k -= 1
                if self.weight_at(p) < 2:
                    continue
            if pos - p > 2500:
                return
            yield p, n

    def _recent(self, pos: int, top: int, gender: str) -> str | None:
        """The most recent compatible mention within 4,000 characters."""
        mentions = self.mentions
        i = top - 1
        while i >= 0 and pos - mentions[i][0] < 4000:
            if self.gender_of(mentions[i][1]) in ("", gender):
                return mentions[i][1]
            i -= 1
        return None

    def relative_person(self, cand: str) -> str | None:
        """The person a "who" after the name ``cand`` refers to (titles and stop words dropped)."""
        words = word_lists()
        toks = cand.split()
        while toks and (toks[0] in words.name_stop or toks[0].rstrip(".").lower() in words.title_abbreviations):
            toks = toks[1:]
        if not toks:
            return None
        cand = " ".join(toks)
        target = self.by_last.get(toks[-1].lower(), cand)
        self.people.setdefault(target, Person(target, None, None, ""))
        return target


# --------------------------------------------------------------------------- sources


#: One word in capitals (a transcript's speaker head): a surname when the text names someone by it.
_CAPS_WORD_RE = re.compile(r"[A-Z][A-Z’'-]*[A-Z]")


def resolve(doc: Doc, attrs: list[Attr]) -> None:
    """Fill speaker, role, affiliation, type, kind and channel of each attribution."""
    people = People(doc)
    people.collect(*_mention_limit(doc.text, attrs))
    for a in attrs:
        a.channel = channel(doc, a)
        if a.source is None:
            a.source_type = None
        else:
            _resolve_source(doc, a, a.source, people)
        a.kind = kind(doc, a)


def _mention_limit(text: str, attrs: list[Attr]) -> tuple[int, int]:
    """Mentions matter only before the last source that needs resolving (a pronoun, a surname); and
    where the last "he" or "she" source starts, -1 if none (else the genders of the people are never asked)."""
    pronoun_kind = lexicons().pronoun_kind
    limit = 0
    last_pronoun = -1
    for a in attrs:
        if a.source is not None:
            st_ = text[a.source[0]:a.source[1]]
            low = st_.lower()
            # a surname, a titled name, a pronoun; a name in capitals (a transcript's "DR. STEFFIE WOOLHANDLER:"
            # is the text's "Dr. Steffie Woolhandler, professor at ...")
            if " " not in st_.strip() or st_[:3].capitalize() in ("Mr.", "Ms.", "Mrs", "Dr.") or low in pronoun_kind \
                    or st_.isupper():
                limit = a.source[1]
                if pronoun_kind.get(low.strip()) in ("he", "she"):
                    last_pronoun = max(last_pronoun, a.source[0])
    return limit, last_pronoun


def _resolve_source(doc: Doc, a: Attr, source: tuple[int, int], people: People) -> None:
    """Speaker, role, affiliation and type of attribution ``a``, whose source is ``source``."""
    span = doc.text[source[0]:source[1]]
    low = span.strip().lower()
    pk = lexicons().pronoun_kind.get(low)
    if pk is not None:
        _resolve_pronoun(doc, a, source[0], people, pk, low)
        return
    st = type_of(doc, a, span)
    if st == "other" and span.isupper() and _CAPS_WORD_RE.fullmatch(span.strip()) and low in people.by_last:
        st = "person"  # a transcript's "MARTIN:" after "RACHEL MARTIN, HOST:", "DETROW:" after "Scott Detrow"
    a.source_type = st
    if st == "person":
        name, role, aff, gender = _person_facts(span)
        full = people.register(name, role, aff, gender)
        p = people.people[full]
        a.speaker, a.role, a.affiliation = p.name, role or p.role, aff or p.affiliation
        a.person = True
        people.prev_persons.append((a.cue[0], p.name))
    else:
        a.speaker, a.role, a.affiliation = _entity_facts(span, st)


def _resolve_pronoun(doc: Doc, a: Attr, pos: int, people: People, pk: str, low: str) -> None:
    """A pronoun source at ``pos`` (of kind ``pk``): "he"/"she" to its antecedent, "who"/"which" to the
    name before it."""
    target = None
    if pk in ("he", "she"):
        g = "m" if pk == "he" else "f"
        target = people.antecedent(pos, doc.sents[doc.sentence_of(pos)][0], g)
    elif pk == "relative":
        cand = _name_before(doc.text, pos, low != "which")
        if cand is not None:
            info = analyze_span(cand)
            if low == "which" or info.type not in ("person", "other"):
                _set_entity(a, cand, info)
                return
            target = people.relative_person(cand)
    if target is not None:
        p = people.people[target]
        a.speaker, a.role, a.affiliation = p.name, p.role, p.affiliation
        a.source_type = "person"
        a.person = True
        people.prev_persons.append((a.cue[0], p.name))
    else:
        a.speaker = None
        a.source_type = "pronoun"


def _name_before(text: str, pos: int, person: bool = False) -> str | None:
    """The name that ends right before a relative pronoun at ``pos`` ("Reuters, which ..."), or None. For a
    ``person`` ("who"), a place after "of", "from" or "in" is where the person is from: the name before it within
    the clause ("Amy Klobuchar of Minnesota, who", "Pence, the governor of Indiana, who"), else None."""
    before = text[max(0, pos - 200):pos].rstrip(" ,")
    found = list(_NAME_RE.finditer(before))
    if not found or found[-1].end() < len(before) - 2:
        return None
    last = found[-1]
    if person and _place(last.group()) and _PLACE_OF_RE.search(before, 0, last.start()):
        prev = found[-2] if len(found) > 1 else None
        if prev is None or last.start() - prev.end() > 60 or _CLAUSE_BREAK_RE.search(before, prev.end(), last.start()):
            return None
        return clean_name(prev.group())
    return clean_name(last.group())


#: "of", "from" or "in" right before a place name ("Elijah Cummings (D) of Maryland")
_PLACE_OF_RE = re.compile(r"\b(?:of|from|in)\s+\Z")
_CLAUSE_BREAK_RE = re.compile(r"[.;:!?\n]")


def _place(name: str) -> bool:
    """``name`` is a US state, a country or another place of ``sources.yaml``."""
    lex = lexicons()
    name = " ".join(name.split())
    return name in lex.state_names or name in lex.places or name.lower() in lex.countries


def _set_entity(a: Attr, cand: str, info: SpanInfo) -> None:
    """A "which" (or a "who" after an organisation) speaks for the entity named before it."""
    a.speaker = info.name or cand
    a.source_type = info.type if info.type != "person" else "organization"
    a.role, a.affiliation = info.role, info.affiliation


def _person_facts(span: str) -> tuple[str, str | None, str | None, str]:
    """(name, role, affiliation, gender) of a source span that names a person."""
    info = analyze_span(span)
    return info.name or clean_name(span), info.role, info.affiliation, info.gender


def _entity_facts(span: str, st: str) -> tuple[str, str | None, str | None]:
    """(speaker, role, affiliation) of a source span that does not name a person."""
    info = analyze_span(span)
    return info.name or entity_name(span, st), info.role, info.affiliation

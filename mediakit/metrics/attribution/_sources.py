"""Stage 4: what a source span says: its type, the person's name, role, affiliation and gender.

:func:`analyze_span` reads a span by its words alone ("Russian Deputy Foreign Minister Sergei
Ryabkov" -> a person, "Sergei Ryabkov", "Deputy Foreign Minister", "Russia"); :func:`type_of` adds
the context of the sentence ("..., speaking on condition of anonymity"). The types are those of
``SOURCE_TYPES``; the vocabularies come from ``sources.yaml`` and ``attribution_words.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ._document import Attr, Doc
from ._lexicon import Lexicons, lexicons, word_lists
from ._phrases import TOKEN_RE

__all__ = ["SpanInfo", "analyze_span", "type_of", "entity_name", "clean_name", "name_start", "clear_name_cuts",
           "country_alias",
           "name_heads", "may_name", "word_runs"]

_SURNAME_ONLY_RE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:[-’'][A-Z][a-z]+)*")
#: a comma, white space before a party label ("(R-Ariz.)"), or a dash: ``,\s*|\s+(?=\(...)|\s*[—–]\s*``, written
#: with the comma, the white space or the dash first (same matches), so that ``re`` skips ahead to one
_SEGMENT_SPLIT_RE = re.compile(r",\s*|\s(?:\s*(?=\((?:[RDI]|R|D)\s*[-–,])|\s*[—–]\s*)|[—–]\s*")
#: a preposition or relative word after white space, or an opening parenthesis: ``\s+(?:of|...)\b|\s*\(``
#: written with the white space or the parenthesis first, so that ``re`` skips ahead to one (a third faster)
_CORE_END_RE = re.compile(
    r"\s(?:\s*(?:of|for|at|from|with|in|on|by|to|against|over|about|among|between|like|than|loyal|who|whom|"
    r"whose|which|that|speaking|released|published|"
    r"conducted|seen|obtained|posted|according)\b|\s*\()|\("
)
_POSSESSOR_RE = re.compile(r"(?:the\s+|The\s+)?(?:((?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*)[’']s?"
                           r"|(his|her|their|its|His|Her|Their|Its))\s+")
_COMMON_POSSESSOR_RE = re.compile(r"(?:the|a|an|The|A|An)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*[’']s?\s+")
_OF_ORG_RE = re.compile(r"\s*(?:of|for|at|with|from|in)\s+(?:the\s+)?"
                        r"((?:[A-Z][\w.&’'-]*\s*(?:of\s+|for\s+|and\s+|on\s+)?){1,7})")
_PARTY_RE = re.compile(r"\(\s*([RDI])\s*[-–,]\s*([^)]{1,25})\)")
_PARTIES = {"R": "Republican Party", "D": "Democratic Party", "I": "Independent"}
_LEAD_DET_RE = re.compile(r"^(?:the|a|an|one|two|three|several|some|many|other)\s+", re.IGNORECASE)
_LEAD_ART_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_APPOSITION_CUT_RE = re.compile(r",\s*(?:speaking|who|which)\b")
_RELATIVE_CUT_RE = re.compile(r",(?!(?<=\d,)\d)|\s+(?:who|which|that|whose|whom)\s+")  # (not a number's comma)


class SpanInfo(NamedTuple):
    """What a source span says: its type, the person's name, role, affiliation and gender."""

    type: str
    name: str | None
    role: str | None
    affiliation: str | None
    gender: str


def clean_name(name: str) -> str:
    """A name without surrounding punctuation, a possessive "'s" and repeated white space."""
    name = name.strip(" ,.;:")
    if name.endswith(("’s", "'s")):  # a possessive at the very end (a test, not a regex)
        name = name[:-2]
    return " ".join(name.split())


def _core(seg: str) -> str:
    """A segment up to its first preposition or relative clause ('Ana Petrescu' of '... of Open Doors')."""
    m = _CORE_END_RE.search(seg)
    return seg[:m.start()] if m else seg


def _may_open(s: str, initials: str) -> bool:
    """``s`` may start with a word of a case-insensitive pattern whose words start with one of ``initials``
    (given in both cases); a non-ASCII first character may still match ignoring case ("ſ" an "s")."""
    c = s[:1]
    return c in initials or not c.isascii()


def _drop_article(s: str) -> str:
    """``s`` without a leading "the", "a" or "an" (``_LEAD_ART_RE``, tried only where it may match)."""
    return _LEAD_ART_RE.sub("", s) if _may_open(s, "tTaA") else s


def _possessor(s: str) -> re.Match[str] | None:
    """``_POSSESSOR_RE.match(s)``: it needs an apostrophe or an opening "the", "his", "her", "their" or "its"
    (either case), so the many spans with neither are not read with it."""
    if "’" in s or "'" in s or s[:1] in "tThHiI":
        return _POSSESSOR_RE.match(s)
    return None


# --------------------------------------------------------------------------- personal names


def name_start(toks: list[str]) -> int:
    """Index of the first token of the personal name in a run of capitalised tokens.

    Everything up to the last title, role, demonym, organisation or stop word that is
    followed by another capitalised token is a title or a description: "Massachusetts
    Sen. Elizabeth Warren", "Wells Fargo CEO John Stumpf", "Chris Christie Calls Hillary
    Clinton" (a headline) all give the last two tokens. So does a word in capitals before a name that is not
    (:func:`_furniture_before`: "CLOSE Donald Trump", "ADVERTISEMENT Jared Kushner", "JUST WATCHED Obama").
    """
    cut = 0
    known = _NAME_CUT
    for i in range(len(toks) - 1):
        w = toks[i]
        c = known.get(w)
        if c is None:
            c = known[w] = _cuts_name(w)
        if c or (w.isupper() and _furniture_before(w, toks, i)):
            cut = i + 1
    return cut


def _furniture_before(w: str, toks: list[str], i: int) -> bool:
    """Token ``i`` (``w``, in capitals) is page furniture or a label run into the name that follows it, not part
    of it: a word of letters in capitals before one that is not, where the run neither ends with an outlet's or an
    organisation's word nor is a known outlet's, agency's or organisation's name ("ABC News"); a word of two
    letters only before two more words ("AD Frederick Brown", not the initials of "DJ Jaffe"). A name in
    capitals, "DONALD TRUMP", stays whole."""
    if len(w) < 2 or not w.isalpha() or toks[i + 1].isupper():
        return False
    if len(w) == 2 and len(toks) - i < 3:
        return False
    lex = lexicons()
    last = toks[-1].rstrip(".,").lower()
    if last in lex.media_words or last in lex.org_words or last in lex.group_words:
        return False
    return not _known_org_name(" ".join(toks[i:]), lex)


def _known_org_name(name: str, lex: Lexicons) -> bool:
    """``name`` (single-spaced) is a known outlet's, organisation's or agency's name."""
    return name in lex.media_name_set or name in lex.org_name_set or name.lower() in lex.agency_of


#: token -> :func:`_cuts_name` (a memo, emptied by :func:`clear_name_cuts` and when it grows large)
_NAME_CUT: dict[str, bool] = {}


def clear_name_cuts() -> None:
    """Empty the memo of :func:`name_start`, the cache of :func:`analyze_span` and the table of :func:`name_heads`."""
    analyze_span.cache_clear()
    _NAME_CUT.clear()
    name_heads.cache_clear()


# --------------------------------------------------------------------------- a cheap test before the name patterns

_WORD_RUN_RE = re.compile(r"\w+")


def _leading_runs(names: list[str]) -> frozenset[str] | None:
    """The leading run of word characters of each name; None if a name starts with another character."""
    runs = set()
    for n in names:
        m = _WORD_RUN_RE.match(n)
        if m is None:
            if n:
                return None
            continue  # words_re leaves out an empty name
        runs.add(m.group())
    return frozenset(runs)


@lru_cache(maxsize=1)
def name_heads(lex: Lexicons) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """The leading runs of word characters of the names of ``lex.org_name_re`` and of ``lex.media_name_re``
    (for :func:`may_name`; built once per lexicons, emptied by :func:`clear_name_cuts`)."""
    return _leading_runs(lex.org_names), _leading_runs(lex.media_names)


def word_runs(text: str) -> list[str]:
    """The runs of word characters of ``text``, which :func:`may_name` compares with a pattern's heads."""
    return _WORD_RUN_RE.findall(text)


def may_name(heads: frozenset[str] | None, runs: list[str]) -> bool:
    """Whether a name pattern of ``words_re`` (case-sensitive, whose names lead with ``heads``) may match in a text
    whose runs of word characters are ``runs`` (:func:`word_runs`).

    A name matches only after a character that is no word character and where the text's run of word characters is
    the name's leading run (a space or another character follows it in the name, or the pattern's ``\\b``), so a
    text with no such run is not searched with the pattern, which costs more. ``heads`` None: no test.
    """
    return heads is None or not heads.isdisjoint(runs)


def country_alias(name: str, whole: bool = True) -> str | None:
    """The evidence that ``name``, a whole source, stands for a government: another name of a country ("U.S.", "the
    U.S.", "Britain", "US"; ``country_names`` in ``sources.yaml``: ``"org:country"``), a US state by its name
    ("Texas": ``"org:state"``), "the state", "the city" or "the county" (``"org:government"``); else None. The last
    two only when the source span is ``whole`` (not "California, cubmaster and father of two", a span cut wrong)."""
    lex = lexicons()
    name = name.strip()
    if whole and name[:4] in ("the ", "The ") and name.lower() in lex.government_nouns:
        return "org:government"
    name = _drop_article(name)
    if name.lower() in lex.country_aliases or name in lex.country_codes:
        return "org:country"
    return "org:state" if whole and name in lex.state_names else None


def _cuts_name(w: str) -> bool:
    """A title, role, demonym, organisation, possessive or stop word: a personal name starts after it."""
    lex = lexicons()
    words = lex.words
    lw = w.rstrip(".").lower()
    if len(_NAME_CUT) > 100_000:
        _NAME_CUT.clear()
    if "-" in lw[1:-1]:  # 'Vice-President', 'Ex-Sen.', 'Attorney-General': a hyphenated title
        tail = lw.rsplit("-", 1)[1]
        if tail in lex.role_words or tail in words.title_abbreviations:
            return True
    return bool(w in words.name_stop or lw in lex.role_words or lw in words.title_abbreviations
                or lw in lex.demonyms or w.endswith(("’s", "'s")) or w in lex.org_name_set)


def _last_word(s: str) -> str | None:
    """The last word of ``s`` when it is letters only (then also its last ``TOKEN_RE`` token), else None."""
    parts = s.rsplit(None, 1)
    return parts[-1] if parts and parts[-1].isalpha() else None


def _name_in(core: str) -> tuple[str, int] | None:
    """The personal name that ends ``core`` (its head), and where it starts in ``core``."""
    if core.islower():
        return None  # no capital: the run below would be empty (a particle never ends it)
    last_word = _last_word(core)
    if last_word is not None and not last_word[0].isupper():
        return None  # the same: the run must end with a capitalised token (not read with TOKEN_RE)
    lex = lexicons()
    particles = lex.words.name_particles
    toks = list(TOKEN_RE.finditer(core))
    if not toks:
        return None
    # the run of capitalised tokens (and name particles, initials) that ends the core
    k = len(toks) - 1
    first_run = None
    while k >= 0:
        w = toks[k].group()
        if w[:1].isupper() or w.lower() in particles and k < len(toks) - 1:
            first_run = k
            k -= 1
            continue
        break
    if first_run is None:
        return None
    run = [t.group() for t in toks[first_run:]]
    if _known_name_ends(run, lex) or " ".join(run) in lex.places:
        return None  # 'The New York Times': an outlet, though "New" may open a headline's name ("York Times")
    i = name_start(run)
    name_toks = run[i:]
    if not name_toks or name_toks[-1].endswith(("’s", "'s")) or len(name_toks) > 5:
        return None
    name = core[toks[first_run + i].start():toks[-1].end()]
    if core[toks[-1].end():toks[-1].end() + 1] == ".":
        name += "."  # 'Jr.'
    name_toks = name.split()
    norm = " ".join(name_toks)  # what in_names compares
    low = name.lower()
    last = name_toks[-1].lower().strip(".")
    if (norm in lex.org_name_set or low in lex.agency_of or norm in lex.media_name_set
            or last in lex.org_words or last in lex.media_words or last in lex.doc_words
            or low in lex.countries or country_alias(name) or low in lex.demonyms or last in lex.group_words
            or low in lex.pronoun_kind or name.isupper() and len(name_toks) == 1 and len(name) > 4
            or name in lex.places or name_toks[-1] in lex.place_suffixes):
        return None
    if len(name_toks) == 1 and (last in lex.role_words or name_toks[0].lower() in lex.form_lemma):
        return None
    return clean_name(name), toks[first_run + i].start()


def _known_name_ends(run: list[str], lex: Lexicons) -> bool:
    """A known outlet's, agency's or organisation's name of two words or more ends the capitalised run."""
    return any(_known_org_name(" ".join(run[j:]), lex) for j in range(len(run) - 1))


# --------------------------------------------------------------------------- roles and affiliations


def _title_role(pre: str) -> str | None:
    """Title words right before a name ('Russian Deputy Foreign Minister' -> 'Deputy Foreign Minister')."""
    if not pre:
        return None  # the name opens the core (no words: no role)
    lex = lexicons()
    determiner_words = lex.words.determiner_words
    titles = lex.words.name_titles
    words = TOKEN_RE.findall(pre)
    keep: list[str] = []
    for w in reversed(words):
        lw = w.rstrip(".").lower()
        if lw in lex.demonyms or lw in determiner_words or lw == "and" or w.endswith(("’s", "'s")) \
                or w in lex.org_name_set:
            break
        keep.append(w)
    keep.reverse()
    out = [titles.get(w.rstrip(".").lower(), w) for w in keep
           if w.rstrip(".").lower() not in lex.honorifics]
    role = " ".join(out)
    return role if role and lex.role_re.search(role) else None


def _phrase_role(seg: str) -> tuple[str | None, str | None]:
    """(role, affiliation) of a descriptive phrase ('the group’s field coordinator', 'director of X')."""
    lex = lexicons()
    s = seg.strip()
    aff = None
    m = _possessor(s)
    if m is not None:
        who = m.group(1)
        if who:
            aff = lex.demonyms.get(who.lower(), who)
        s = s[m.end():]
    else:
        # both patterns below are tried only where they may match (an apostrophe; a determiner's initial)
        m2 = _COMMON_POSSESSOR_RE.match(s) if "’" in s or "'" in s else None
        if m2 is not None:
            s = s[m2.end():]
        elif _may_open(s, "tToOsSmMaA"):
            s = _LEAD_DET_RE.sub("", s)
    core = _core(s)
    rest = s[len(core):]
    words = [w for w in core.split() if not (w.lower() in lex.demonyms and w[:1].isupper())]
    role = " ".join(words).strip(" ,") or None
    # a short description also serves ('a nurse', 'a retired teacher'): tested before the role words' pattern
    short = (len(words) <= 3 and all(w.isalpha() and w.islower() for w in words) and m is None
             and s is not seg.strip())
    if role is not None and not short and not lex.role_re.search(role):
        role = None
    if aff is None:
        p = _OF_ORG_RE.match(rest)
        if p is not None:
            org = p.group(1).strip(" ,.")
            aff = lex.demonyms.get(org.lower(), org)
    return role, aff


def _gender_of(span: str, name: str | None) -> str:
    """"m", "f" or "" from a gendered title or role in ``span``, else from the first name."""
    lex = lexicons()
    g = lex.gender_word_re.search(span)
    if g is not None:
        return "m" if g.group(1).lower() in lex.words.male_words else "f"
    if name:
        first = name.split()[0].lower()
        if first in lex.male and first not in lex.female:
            return "m"
        if first in lex.female and first not in lex.male:
            return "f"
    return ""


# --------------------------------------------------------------------------- a span by its words


@lru_cache(maxsize=20000)
def analyze_span(span: str) -> SpanInfo:
    """Type, name, role, affiliation and gender of a source span, by its words alone."""
    lex = lexicons()
    text = " ".join(span.split()).strip(" ,;:")
    low = text.lower()
    if not low:
        return SpanInfo("other", None, None, None, "")
    if low in lex.pronoun_kind:
        return SpanInfo("pronoun", None, None, None, "")
    if _surname_only(text, low, lex):
        return SpanInfo("person", text, None, None, "")  # the common case: a surname ("Ryabkov")
    if "," in text or "(" in text or "—" in text or "–" in text:
        segs = [x for x in _SEGMENT_SPLIT_RE.split(text) if x and x.strip()]
        if not segs:  # dashes and commas only ("—"): no words, as an empty span
            return SpanInfo("other", None, None, None, "")
    else:
        segs = [text]  # nothing to split at
    head = segs[0]
    core = _core(head)
    party = _PARTY_RE.search(text) if "(" in text else None
    party_aff = _PARTIES[party.group(1)] if party else None
    if lex.anonymous_hint_re.search(low) and lex.anonymous_re.search(text):
        role, aff = _phrase_role(head)
        return SpanInfo("anonymous", _entity_name(text, "anonymous"), role, aff or party_aff, "")
    info = _named_person(text, segs, core, party_aff)
    if info is None:
        info = _described_person(text, segs, party_aff)
    return info if info is not None else _entity(text, head, core, party_aff)


def _surname_only(text: str, low: str, lex: Lexicons) -> bool:
    """``text`` is one capitalised word that is no agency, country, role, group, organisation or place."""
    # a span of several words is not read with the pattern (which has no space)
    return bool(" " not in text and _SURNAME_ONLY_RE.fullmatch(text)
                and low not in lex.agency_of and low not in lex.countries and low not in lex.country_aliases
                and low not in lex.demonyms and low not in lex.role_words and low not in lex.group_words
                and text not in lex.words.name_stop and text not in lex.org_name_set
                and text not in lex.media_name_set and text not in lex.places)


def _named_person(text: str, segs: list[str], core: str, party_aff: str | None) -> SpanInfo | None:
    """A person whose name heads the first segment ("Deputy Foreign Minister Sergei Ryabkov, ...")."""
    found = _name_in(core)
    if found is None:
        return None
    name, at = found
    pre = core[:at]
    role = _title_role(pre)
    aff = _person_affiliation(pre, core, segs[0])
    if len(segs) > 1 and (role is None or aff is None):
        r2, a2 = _phrase_role(segs[1])
        role = role or r2
        aff = aff or a2
    return SpanInfo("person", name, role, aff or party_aff, _gender_of(text, name))


def _person_affiliation(pre: str, core: str, head: str) -> str | None:
    """The affiliation before a name ("Russian", "Kremlin"), of a possessor, or after it ("of X")."""
    lex = lexicons()
    aff = None
    for w in TOKEN_RE.findall(pre):
        c = lex.demonyms.get(w.lower().rstrip("."))
        if c and w[:1].isupper():
            aff = c
            break
        if w in lex.org_name_set:
            aff = lex.demonyms.get(w.lower(), w)
            break
    pm = _possessor(core) if aff is None else None
    if pm is not None and pm.group(1):
        aff = lex.demonyms.get(pm.group(1).lower(), pm.group(1))
    if aff is None and core != head:
        p = _OF_ORG_RE.match(head[len(core):])
        if p is not None:
            aff = lex.demonyms.get(p.group(1).strip(" ,.").lower(), p.group(1).strip(" ,."))
    return aff


def _described_person(text: str, segs: list[str], party_aff: str | None) -> SpanInfo | None:
    """A description, then the name in apposition ("his chief of staff, John Smith")."""
    if len(segs) < 2:
        return None  # no segment after the description for the name
    head = segs[0]
    openers = word_lists().determiner_words | {"his", "her", "their", "its"} | {"one"}
    if not (head.split()[0].lower() in openers or _possessor(head)):
        return None
    found2 = _name_in(_core(segs[1]))
    if found2 is None or found2[1] != 0:
        return None
    role, aff = _phrase_role(head)
    if role is None:
        role = _core(_LEAD_DET_RE.sub("", head)).strip() or None
    return SpanInfo("person", found2[0], role, aff or party_aff, _gender_of(text, found2[0]))


def _entity(text: str, head: str, core: str, party_aff: str | None) -> SpanInfo:
    """A source that names no person: typed by its head noun and the names it holds."""
    lex = lexicons()
    st = _type_without_name(text, head, core)
    role = aff = None
    if st in ("official", "group", "anonymous", "document", "other"):
        role, aff = _phrase_role(head)
        if st == "document":
            role = None
    if aff is None and st == "official":
        for w in TOKEN_RE.findall(core):
            if w in lex.org_name_set:
                aff = lex.demonyms.get(w.lower(), w)
                break
    return SpanInfo(st, _entity_name(text, st), role, aff or party_aff, "")


def _type_without_name(text: str, head: str, core: str) -> str:
    """The source type of a span that names no person."""
    lex = lexicons()
    head_noun = _last_word(core)  # the common case: a plain word, no TOKEN_RE needed
    if head_noun is None:
        hn = TOKEN_RE.findall(core)
        head_noun = hn[-1] if hn else ""
    head_noun = head_noun.lower()
    stripped = _drop_article(text)
    if stripped.lower() in lex.agency_of or text.lower() in lex.agency_of:
        return "agency"
    if head_noun in lex.social_words and lex.social_re.search(core):
        return "social_media"
    if head_noun in lex.doc_words:
        return "document"
    bare = _drop_article(core)
    bare_norm = " ".join(bare.split())  # what in_names compares
    if bare_norm in lex.media_name_set:
        return "media"
    if head_noun in lex.org_words or bare_norm in lex.org_name_set:
        return "organization"
    if bare.strip().lower() in lex.countries or country_alias(bare.strip()):
        return "organization"
    if head_noun in lex.media_words:
        return "media"
    if head_noun in lex.role_words:
        return "official"
    if head_noun in lex.group_words or head_noun.endswith("ers") or head_noun.endswith("ists"):
        return "group"
    if lex.agency_re.search(core):
        return "agency"
    org_heads, media_heads = name_heads(lex)
    runs = word_runs(core)
    if may_name(media_heads, runs) and lex.media_name_re.search(core):
        return "media"
    if may_name(org_heads, runs) and lex.org_name_re.search(core):
        return "organization"
    return "other"


def type_of(doc: Doc, a: Attr, span: str) -> str:
    """The source type of attribution ``a`` whose source is ``span``, with the sentence as context."""
    lex = lexicons()
    low = span.lower().strip()
    if not low:
        return "other"
    if low in lex.pronoun_kind:
        return "pronoun"
    text = doc.text
    sent = doc.sents[doc.sentence_of(a.cue[0])]
    region = text[a.source[1] if a.source else a.cue[1]:sent[1]]
    if ("anonym" in region or "authori" in region or "named" in region or "identified" in region) and \
            lex.anonymous_context_re.search(region):
        return "anonymous"  # '..., speaking on condition of anonymity'
    return analyze_span(span).type


def entity_name(span: str, st: str) -> str:
    """The usual name of a source that is not a person ("the Associated Press" -> "AP")."""
    return _entity_name(" ".join(span.split()).strip(" ,;:"), st)


def _entity_name(s: str, st: str) -> str:
    """:func:`entity_name` of a span already cut to single spaces and stripped (as :func:`analyze_span` has it)."""
    lex = lexicons()
    if st == "agency":
        m = lex.agency_re.search(s)
        if m:
            return lex.agency_of[m.group().lower()]
    if st == "media":
        m = lex.media_name_re.search(s)
        if m:
            return m.group()
    if st == "organization":
        m = lex.org_name_re.search(s)
        if m and len(s.split()) <= 4:
            return m.group()
    # the cuts need a comma, or a relative word ("who", "which", "whose", "whom", "that"): tested first
    if "," in s:
        s = _APPOSITION_CUT_RE.split(s)[0]
    if "," in s or "wh" in s or "that" in s:
        s = _RELATIVE_CUT_RE.split(s)[0]
    if st in ("organization", "media", "agency"):
        s = _drop_article(_RELATIVE_CUT_RE.split(s)[0]).strip() or s
    return s

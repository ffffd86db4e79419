"""Source roles: what a phrase, an organisation or an anonymous source says about who speaks.

The vocabularies come from ``mediakit/lexicons/source_roles.yaml`` (role nouns and titles, generic
role nouns that take the role of the organisation they serve, offices, parties, anonymous kinds,
well-known people) and ``organizations.yaml`` (organisation names, name suffixes and head nouns),
with the outlets and agencies of ``sources.yaml`` and :mod:`mediakit.outlets`. Every decision on a
phrase is cached (:func:`phrase_role`, :func:`org_role`), so repeated sources cost a dict look-up.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from ...gazetteer import gazetteer_index
from ...outlets import default_outlet_aliases
from ...text import trie_pattern
from ._lexicon import lexicons, load_yaml_resource

__all__ = ["SOURCE_ROLES", "ANONYMOUS_KINDS", "RoleLexicon", "role_lexicon", "phrase_role", "org_role",
           "anonymous_kind", "clear_phrase_caches", "Decision", "poll_share"]

SOURCE_ROLES: tuple[str, ...] = (
    "politician", "official", "police_military", "legal", "expert", "business", "advocacy", "citizen",
    "media", "document", "anonymous", "other", "unknown",
)
"""Values of ``source_role`` (NA when the attribution has no source); see ``docs/sources.md``."""

ANONYMOUS_KINDS: tuple[str, ...] = ("official", "insider", "other")
"""Values of ``anonymous_kind`` (NA unless ``source_role`` is "anonymous")."""

_CUT_RE = re.compile(r"\s(?:of|for|at|with|within|from|in|on|to|who|which|that|under|based)\s|,|\(")
_POSS_IN_RE = re.compile(r"\w[’']s\s+(?=\S)(?!.*[’']s\s)")
_NEXT_CAP_RE = re.compile(r"\s+[A-Z][a-z]")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)\b")
_PREV_CAP_RE = re.compile(r"\S\s*[A-Z][\w.&-]*\s+\Z")
_CAP_RUN_RE = re.compile(r"(?:[A-Z][\w&’'.-]*|&)(?:\s+(?:(?:of|for|and|the|on|de)\s+)*(?:[A-Z][\w&’'.-]*|&))*")
_PARTITIVE_RE = re.compile(r"\W*(?:(?:a|an|the)\s+)?(?:(?:wide|large|small|growing|broad|long|whole|new)\s+)?"
                           r"(?:one|some|many|most|two|three|several|members?|part|each|majority|minority|half|all|both|"
                           r"none|number|array|group|handful|couple|dozens|hundreds|thousands|millions|percent|"
                           r"plurality|share|range|variety|host|slew|chorus|panel|team|bunch|lot|list|few)\s+"
                           r"(?:of|among)\b|\W*among\b|\W*(?:others|those|many|some|most)\s+(?:in|from|within)\b",
                           re.IGNORECASE)
_OF_SPLIT_RE = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?")
_BOSS_AFTER_RE = re.compile(r"\s+(?:to|for)\s+(?:(?:Mr|Mrs|Ms|Sen|Gov|Rep|Vice President|President)\.?\s+)?([A-Z][A-Za-z-]+)\b")
_WHO_ROLE = ((re.compile(r"who\s+(?:lives|lived|resides|grew up|works as a|has lived)\b"), "citizen", "lives"),
             (re.compile(r"who\s+(?:teaches|taught|studies|studied|researches|has studied|has researched)\b"),
              "expert", "teaches"))
_STAFF_OFFICES = frozenset({"campaign manager", "chief of staff", "press secretary"})
#: words that end the phrase a politician's name modifies a role noun in, read leftwards from the noun
_BOSS_STOP = frozenset({"but", "with", "versus", "vs", "vs.", "while", "whereas"})
_COORDINATORS = frozenset({"and", "or", "&", "nor"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
_HEADS_OF_STATE = frozenset({"president", "vice president", "leader", "leaders", "head", "chief"})
_LOWER_WORD_RE = re.compile(r"[a-z][a-z-]*(?=[’']s\b|\b)")
_PARTY_WORD_RE = re.compile(r"\b(?:Republicans?|Democrats?|Democratic|GOP|Tea Party|Libertarian)\b")
_NON_WORD_RE = re.compile(r"[^a-z0-9&]+")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]\.?")
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "&", "on", "de"})  # lower-case words of a name
#: name words whose role is more specific than the government suffix after them ('Chicago Police Department')
_SPECIFIC_ORG_ROLES = frozenset({"police_military", "legal"})
#: a party adjective right before an official's title: an elected office ('the Republican attorney general')
_PARTY_BEFORE_RE = re.compile(r"\b(?:Republican|Democratic|GOP)\s+(?:[\w.-]+\s+)?\Z")


class Decision(NamedTuple):
    """A role and the evidence that decided it ("title:sen", "org:FBI", ...)."""

    role: str
    evidence: str


class RoleLexicon:
    """The role vocabularies, compiled once (:func:`role_lexicon`)."""

    def __init__(self, roles: dict[str, Any], orgs: dict[str, Any]) -> None:
        self.role_of: dict[str, str] = {}
        for role, words in roles["roles"].items():
            for w in words:
                self.role_of.setdefault(" ".join(str(w).lower().split()), role)
        self.generic = {str(k).lower(): str(v) for k, v in roles["generic"].items()}
        self.offices = {str(k).lower(): str(v) for k, v in roles["offices"].items()}
        self.parties = {str(k).lower(): str(v) for k, v in roles["parties"].items()}
        self.anonymous_kinds = [(kind, re.compile("|".join(pats), re.IGNORECASE))
                                for kind, pats in roles["anonymous_kinds"].items()]
        self.people: dict[str, tuple[str, str, str]] = {}
        for name, (role, party, office) in roles.get("people", {}).items():
            self.people[" ".join(str(name).split())] = (str(role), str(party), str(office))
        phrases = set(self.role_of) | set(self.generic)
        self.office_re = re.compile(rf"(?<![\w-]){trie_pattern(self.offices)}(?![\w-])", re.IGNORECASE)
        self.phrase_re = re.compile(rf"(?<![\w-]){trie_pattern(phrases)}(?![\w-])", re.IGNORECASE)
        self.org_of: dict[str, str] = {}
        for role, names in orgs["names"].items():
            for n in names:
                self.org_of.setdefault(" ".join(str(n).split()), role)
        self.suffixes = {str(k): str(v) for k, v in orgs["suffixes"].items()}
        self.heads = {str(k).lower(): str(v) for k, v in orgs["heads"].items()}
        self.org_re = re.compile(rf"(?<![\w-]){trie_pattern(self.org_of)}(?![\w-])")
        # outlet names of mediakit.outlets, folded (the alias keys of outlet_aliases.csv)
        self.outlets = frozenset(_fold(k) for k in default_outlet_aliases()) | frozenset(
            _fold(v) for v in default_outlet_aliases().values())


def _fold(name: str) -> str:
    """An outlet name folded for look-up: lower case, words of letters and digits only."""
    return _fold_lower(name.lower())


def _fold_lower(low: str) -> str:
    """:func:`_fold` of a name already in lower case."""
    return " ".join(_NON_WORD_RE.split(low)).strip()


def _load(name: str) -> dict[str, Any]:
    data = load_yaml_resource(name)
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=1)
def role_lexicon() -> RoleLexicon:
    """The compiled role vocabularies (``source_roles.yaml``, ``organizations.yaml``), loaded once."""
    return RoleLexicon(_load("source_roles.yaml"), _load("organizations.yaml"))


def clear_phrase_caches() -> None:
    """Forget the per-phrase role decisions of this module."""
    phrase_role.cache_clear()
    org_role.cache_clear()
    anonymous_kind.cache_clear()


# --------------------------------------------------------------------------- organisations


def _without_the(s: str) -> str:
    """``s`` without a leading "the" or "The" and the whitespace after it (a regex substitution did
    this; two slice tests are cheaper, and most names do not start with it)."""
    return s[3:].lstrip() if s[:3] in ("the", "The") and s[3:4].isspace() else s


def _without_possessive(s: str) -> str:
    """``s`` without a final "'s", "’s" or apostrophe (a regex substitution did this; two end tests
    are cheaper)."""
    if s.endswith(("'s", "’s")):
        return s[:-2]
    return s[:-1] if s.endswith(("'", "’")) else s


def _media_name(name: str) -> bool:
    """``name`` is an outlet or a news agency ("The New York Times", "AP", "Fox News")."""
    lex = lexicons()
    bare = _without_the(" ".join(name.split()))
    low = bare.lower()
    if bare in lex.media_name_set or low in lex.agency_of or (bare != name and name.lower() in lex.agency_of):
        return True  # (when ``bare`` is ``name``, its lower case was just looked up)
    if len(bare) <= 3 or not bare[:1].isupper() or len(bare) > 40:
        return False
    return _fold_lower(low) in role_lexicon().outlets


@lru_cache(maxsize=20000)
def org_role(name: str) -> Decision | None:
    """The role of an organisation named ``name`` (a known name, an outlet, or its shape), or None.

    Examples
    --------
    >>> org_role("Microsoft"), org_role("Acme Holdings Inc.").role, org_role("Ford Foundation").role
    (Decision(role='business', evidence='org:Microsoft'), 'business', 'advocacy')
    """
    rl = role_lexicon()
    s = _without_the(_without_possessive(" ".join(name.split()).strip(" ,.;:"))) if name else ""
    if not s:
        return None
    if "." in s and _DOTTED_RE.fullmatch(s):  # (no dot: no 'F.B.I.'; most names)
        s = s.replace(".", "")  # 'F.B.I.' -> 'FBI'
    role = rl.org_of.get(s)
    if role is not None:
        return Decision(role, f"org:{s}")
    if "." in s and (site := _DOMAIN_RE.fullmatch(s)) is not None:
        return _domain_role(site.group(1), site.group(2).lower())  # 'NBCNews.com', 'HealthCare.gov'
    toks = s.split()
    last = toks[-1].rstrip(".,")
    role = rl.suffixes.get(last)
    if role is not None and len(toks) > 1 and all(t[:1].isupper() or t in _NAME_JOINERS for t in toks):
        inner = next((t for t in map(_bare_token, toks[:-1]) if rl.suffixes.get(t) in _SPECIFIC_ORG_ROLES), None)
        if role == "official" and inner is not None:
            return Decision(rl.suffixes[inner], f"org-suffix:{inner}")  # 'Chicago Police Department'
        return Decision(role, "outlet" if role == "media" else f"org-suffix:{last}")  # 'The Charlotte Observer'

    if _media_name(s):
        return Decision("media", "outlet")
    if len(toks) >= 3 and toks[1] == "of" and toks[0] in rl.suffixes:
        return Decision(rl.suffixes[toks[0]], f"org-suffix:{toks[0]}")  # 'University of California'
    if len(toks) >= 3:
        mid = next((t for t in toks[1:-1] if t in rl.suffixes), None)
        if mid is not None:
            return Decision(rl.suffixes[mid], f"org-suffix:{mid}")  # 'Alliance Against Defamation'
    m = rl.org_re.search(s) if len(toks) <= 6 else None
    if m is not None:
        return Decision(rl.org_of[m.group()], f"org-in:{m.group()}")
    if s.lower() in lexicons().countries:
        return Decision("official", "org:country")
    return None


#: a web site's name as a source ("NBCNews.com", "Vote.org", "www.cdc.gov"): its name, its top-level domain
_DOMAIN_RE = re.compile(r"(?:www\.)?([A-Za-z][\w-]*)\.(com|org|net|gov|edu|co\.uk|com\.au|ca|uk|news|tv)")
_DOMAIN_ROLES = {"gov": "official", "edu": "expert"}


def _domain_role(site: str, tld: str) -> Decision | None:
    """The role of a web site by its name: an outlet's ("NBCNews", "FoxNews"; a name ending in "news") is
    media, a government's (.gov) official, a university's (.edu) expert; else None (a site says nothing of
    whose it is: "Vote.org", "Bankrate.com")."""
    low = site.lower()
    if _fold_lower(low) in role_lexicon().outlets or _media_name(site) or low.endswith("news") or tld == "news":
        return Decision("media", "outlet")
    role = _DOMAIN_ROLES.get(tld)
    return Decision(role, f"domain:{tld}") if role is not None else None


def _bare_token(tok: str) -> str:
    """A word of a name without a possessive ("Sheriff's" -> "Sheriff")."""
    return _without_possessive(tok)


def _orgs_in(phrase: str) -> list[tuple[int, Decision]]:
    """Organisations named in a phrase: capitalised runs that :func:`org_role` knows, by position."""
    out = []
    rl = role_lexicon()
    for m in _CAP_RUN_RE.finditer(phrase):
        run = m.group()
        d = org_role(run)
        if d is None or d.evidence.startswith("org-suffix"):
            sub = rl.org_re.search(run)  # a known name inside the run wins over the shape
            if sub is not None:
                d = org_role(sub.group()) or d
            elif d is not None:
                d = org_role(_OF_SPLIT_RE.split(run)[-1]) or d  # 'President of the X Campaign'
        if d is None and _media_in(run):
            d = Decision("media", "outlet")  # 'CNN President', 'a Reuters reporter'
        if d is not None:
            out.append((m.start(), d))
    return out


def _media_in(run: str) -> bool:
    """An outlet or agency named in a capitalised run, not as a word of a title ('CNN President',
    not the 'Vice' of 'Vice President Biden')."""
    lex = lexicons()
    m = lex.media_name_re.search(run) or lex.agency_re.search(run)
    if m is None:
        return False
    office = role_lexicon().office_re.match(run)
    return office is None or m.start() >= office.end()


def _org_head(phrase: str) -> Decision | None:
    """An organisation named by a common head noun ("the company", "the group's")."""
    heads = role_lexicon().heads
    for w in _LOWER_WORD_RE.findall(phrase):
        r = heads.get(w)
        if r is not None:
            return Decision(r, f"org-noun:{w}")
    return None


# --------------------------------------------------------------------------- phrases


def _party_word(phrase: str) -> str | None:
    """The party a party word of the phrase names ("Republican", "GOP", "Democrats"), or None."""
    parties = role_lexicon().parties
    m = _PARTY_WORD_RE.search(phrase)
    return parties.get(m.group().lower()) if m is not None else None


@lru_cache(maxsize=20000)
def phrase_role(phrase: str) -> Decision | None:
    """The role a descriptive phrase gives (a title, an appositive, a noun phrase), or None.

    The head role noun decides: the last role noun before the first "of", "for", "at", ... (else
    the last). A generic one ("spokesman", "president", "director") takes the role of the
    organisation named in the phrase, else of a party word, else its default.

    Examples
    --------
    >>> phrase_role("a spokesman for the State Department")
    Decision(role='official', evidence='title:spokesman+org:State Department')
    >>> phrase_role("a Harvard economist")
    Decision(role='expert', evidence='title:economist+org:Harvard')
    """
    phrase = phrase.strip(" ,;:—–-") if phrase else ""
    if not phrase:
        return None
    if phrase.startswith("who"):  # (both _WHO_ROLE patterns open with it: most phrases skip them)
        who = next((Decision(r, f"who:{ev}") for rx, r, ev in _WHO_ROLE if rx.match(phrase)), None)
        if who is not None:
            return who  # 'who teaches law at ...', 'who lives in ...'
    rl = role_lexicon()
    # (_in_name only ever drops a capitalised word: the test first saves a call per role noun)
    matches = [m for m in rl.phrase_re.finditer(phrase) if not (m.group()[:1].isupper() and _in_name(phrase, m))]
    cut = _CUT_RE.search(phrase) if matches else None  # (no role noun: no head for a cut to choose)
    before = matches if cut is None else [m for m in matches if m.start() < cut.start()]
    if not before and cut is not None and (poss := _POSS_IN_RE.search(phrase, cut.start())) is not None:
        cut = _CUT_RE.search(phrase, poss.end())  # "Color of Change's executive director": the head follows
        before = [m for m in matches if m.start() > poss.start() and (cut is None or m.start() < cut.start())]
    if before:
        head = before[-1]
    elif matches and (pm := _PARTITIVE_RE.match(phrase)) is not None and matches[0].start() - pm.end() < 25:
        head = matches[0]  # 'one of the organizers of the letter'
    else:
        head = None
    if head is None:
        d = _org_of_phrase(phrase)
        if d is not None:
            return d
        party = _party_word(phrase)
        return Decision("politician", f"party:{party}") if party else None
    w = head.group().lower()
    nxt = _NEXT_WORD_RE.match(phrase, head.end()) if rl.role_of.get(w) == "document" else None
    if (nxt is not None and nxt.group(1).lower() in rl.heads
            and nxt.group(1).lower() not in ("campaign", "campaigns")):
        noun = nxt.group(1).lower()  # 'the budget office': the noun a document word modifies decides
        return Decision(rl.heads[noun], f"org-noun:{noun}")
    generic = rl.generic.get(w)
    if generic is not None:
        return _generic_role(phrase, head, generic, before)
    role = rl.role_of[w]
    if role == "expert" and (gov := _org_before(phrase, head.start())) is not None:
        return Decision("official", f"title:{w}+{gov.evidence}")  # 'the White House physician': speaks for it
    if role == "official" and _PARTY_BEFORE_RE.search(phrase, 0, head.start()):
        return Decision("politician", f"title:{w}+party")  # 'the Republican attorney general of Oklahoma'
    if role == "politician" and (w not in rl.offices or w in _STAFF_OFFICES) and not _party_word(phrase):
        boss = _politician_before(phrase[:head.start()])
        if boss is not None:
            return Decision(role, f"title:{w}+of:{boss}")  # 'Sanders campaign manager', 'Clinton running mate'
    return Decision(role, f"title:{w}")


def _generic_role(phrase: str, head: re.Match[str], generic: str, before: list[re.Match[str]]) -> Decision:
    """The role of a generic head noun ("spokesman", "director"): the organisation the phrase names,
    a party word, the politician it serves ("Romney adviser", "adviser to Sanders"), its default, or
    an earlier specific role noun ("a talk show host and operations manager")."""
    rl = role_lexicon()
    w = head.group().lower()
    d = _org_of_phrase(phrase)
    if d is not None and d.evidence == "org:country" and w in _HEADS_OF_STATE:
        return Decision("politician", f"title:{w}+{d.evidence}")  # 'the president of Mexico'
    if d is not None and d.role not in ("document", "citizen"):
        return Decision(d.role, f"title:{w}+{d.evidence}")
    if _party_word(phrase):
        return Decision("politician", f"title:{w}+party")
    boss = _politician_before(phrase[:head.start()]) or _politician_after(phrase[head.end():])
    if boss is not None:
        return Decision("politician", f"title:{w}+of:{boss}")  # 'Romney adviser', 'Trump's spokeswoman'
    if w in _HEADS_OF_STATE and _demonym_before(phrase, head.start()):
        return Decision("politician", f"title:{w}+demonym")  # 'North Korean leader', 'Russian President'
    if generic != "unknown":
        return Decision(generic, f"title:{w}")
    specific = next((m for m in reversed(before) if m.group().islower() and m.group() in rl.role_of
                     and m.group() not in rl.generic and rl.role_of[m.group()] not in ("document", "other")), None)
    if specific is not None:  # 'a talk show host and operations manager'
        return Decision(rl.role_of[specific.group().lower()], f"title:{specific.group().lower()}")
    return Decision("unknown", f"generic:{w}")


def _in_name(phrase: str, m: re.Match[str]) -> bool:
    """A capitalised document noun inside a proper name ("Bill" of "Bill Clinton", "Post" of "Post Office")."""
    w = m.group()
    if not w[:1].isupper() or role_lexicon().role_of.get(w.lower()) not in ("document", "other", "business"):
        return False
    return _NEXT_CAP_RE.match(phrase, m.end()) is not None or _PREV_CAP_RE.search(phrase, 0, m.start()) is not None


def _politician_before(pre: str) -> str | None:
    """A politician's surname right before a generic role noun ("Romney" in "Romney adviser", "Trump's former
    spokeswoman"): the nearest of the last four words, read back from the noun. A demonym, a punctuation mark or
    a coordinator between two names starts another phrase ("Donald Trump and Russian President" is not Trump's
    president, "Boehner and President Barack Obama" not Boehner's); coordinated role nouns share the name
    ("Carson's longtime friend and adviser"), as does a possessive after the coordinator ("Clinton and her
    chief of staff")."""
    demonyms = lexicons().demonyms
    words = pre.split()[-4:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        low = w.lower()
        if low in demonyms or low in _BOSS_STOP:
            return None
        if low in _COORDINATORS:
            left = words[i - 1] if i > 0 else ""
            right = words[i + 1].lower() if i + 1 < len(words) else ""
            if not (left[:1].islower() or right in _POSSESSIVE_PRONOUNS):
                return None
            continue
        name = _politician_name(_without_possessive(w.strip(",;:")))
        if name is not None or w[-1] in ",;:()":
            return name
    return None


def _demonym_before(phrase: str, end: int) -> bool:
    """Whether the word right before ``end`` is a demonym ("Korean" in "North Korean leader")."""
    words = phrase[:end].split()
    return bool(words) and words[-1].lower() in lexicons().demonyms


def _politician_after(post: str) -> str | None:
    """A politician named right after a generic role noun ("adviser to Sanders", "aide for Mr. Romney")."""
    m = _BOSS_AFTER_RE.match(post)
    return _politician_name(m.group(1)) if m is not None else None


def _politician_name(name: str) -> str | None:
    """``name`` when it is a politician's surname (gazetteer or well-known people), not a role word or org."""
    rl = role_lexicon()
    if not name[:1].isupper() or name.lower() in rl.role_of or name in rl.org_of:
        return None
    if gazetteer_index().surname(name) or name in _people_surnames():
        return name
    return None


@lru_cache(maxsize=1)
def _people_surnames() -> frozenset[str]:
    return frozenset(n.split()[-1] for n, v in role_lexicon().people.items() if v[0] == "politician")


def _org_before(phrase: str, end: int) -> Decision | None:
    """A government body named (by name, not by country) right before a role noun that ends at ``end``
    ("the White House physician", "IMF chief economist"), or None."""
    orgs = [(pos, d) for pos, d in _orgs_in(phrase[:end]) if end - pos < 40]
    if orgs and orgs[-1][1].role == "official" and orgs[-1][1].evidence.startswith(("org:", "org-in:")) \
            and orgs[-1][1].evidence != "org:country":
        return orgs[-1][1]
    return None


def _org_of_phrase(phrase: str) -> Decision | None:
    """The organisation a phrase names: by name, else by a head noun."""
    orgs = _orgs_in(phrase)
    if orgs:
        return orgs[0][1]
    return _org_head(phrase)


_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                 "fifty|sixty|seventy|eighty|ninety|a third|a quarter|half|a half|a majority|a plurality|"
                 "two-thirds|three-quarters|one-third|one-quarter")
_SHARE_RE = re.compile(
    r"(?:(?:only|just|about|nearly|almost|roughly|around|some|another|over|under|more than|fewer than|less than|"
    r"at least|a further|an additional|the other|the remaining|the|a full|fully|barely|a record(?:-low|-high)?)\s+)*"
    rf"(?:\d[\d.,]*\s*(?:%|percent|per cent)|(?:{_NUMBER_WORDS})(?:[\s-]+(?:{_NUMBER_WORDS}))?\s+(?:percent|per cent)"
    rf"|(?:\d+|{_NUMBER_WORDS})\s+(?:in|of|out of)\s+(?:10|ten|\d+)(?=\s+(?P<noun>[a-z][\w\s-]*)\Z|\Z)"
    r"|a (?:(?:strong|slim|narrow|clear|large|bare|solid|wide|small|big|sizable|sizeable)\s+)?(?:majority|plurality)"
    r"|half|a third|a quarter|two-thirds|three-quarters|one-third)"
    r"(?:\s+(?:of|among)\s+(?P<rest>.+)|\s+[a-z][\w\s-]*)?\Z",
    re.IGNORECASE)


def poll_share(phrase: str) -> Decision | None:
    """The role of a share of people ("52 percent of registered voters", "Twelve percent", "eight of 10
    voters"): poll respondents are citizens, unless the people it is a share of have a role of their
    own other than a party's ("half of the senators"); None when the phrase is no share. Not cached:
    its one caller (``_assign._read_entity``) is.

    Examples
    --------
    >>> poll_share("Only 52 percent of registered voters"), poll_share("the senator")
    (Decision(role='citizen', evidence='poll-share'), None)
    """
    m = _SHARE_RE.match(" ".join(phrase.split()).strip(" ,;:"))
    if m is None:
        return None
    rest = m.group("rest") or m.group("noun")
    d = phrase_role(rest) if rest else None
    if d is not None and d.role not in ("citizen", "unknown", "document") and rest is not None \
            and not _party_word(rest) and not d.evidence.startswith("party:"):
        return Decision(d.role, f"poll-share+{d.evidence}")
    return Decision("citizen", "poll-share")


@lru_cache(maxsize=5000)
def anonymous_kind(text: str) -> str:
    """"official", "insider" or "other" for an anonymous source and its context.

    Examples
    --------
    >>> anonymous_kind("a person familiar with the talks"), anonymous_kind("senior officials")
    ('insider', 'official')
    """
    for kind, rx in role_lexicon().anonymous_kinds:
        if rx.search(text):
            return kind
    return "other"

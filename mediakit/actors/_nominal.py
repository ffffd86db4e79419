"""Nominal mentions: descriptions of a person without the name, linked to an actor of the article.

"the president", "the former FBI director", "a dotard", "his wife". A description is a noun phrase
with a determiner ("the", "a", "another"), a possessor ("Syria's", "his") and a singular person
noun as its head (``nominal_lexicon()["heads"]``; ``frame_heads`` and nouns in -ist only in a
frame). It is linked to an actor (details in docs/actors.md, "Nominal mentions") through:

1. a **frame** that says who it is: a predicate ("Trump is not a racist", "Kim called Trump a
   dotard", "X was treated as an outpatient"), an appositive ("Flynn, a top Trump surrogate,"),
   a description before the name and a comma ("his wife, Heidi,"), brackets ("Assad (the
   ousted leader)"), or a list after a linked predicate ('a "liar," a "bully" and a "narcissist"');
2. the article's **own earlier labels** of an actor ("FBI Director James Comey" ... "the FBI director");
3. the actor's **corpus profile** (labels before the name across the corpus), when no other actor
   named so far was ever labelled so;
4. **recency**: the one actor named in this or the previous sentence, when nothing the article or
   the corpus says of them contradicts it.

Identifying modifiers ("former", "interim", "FBI", "Syria's") must match; evaluative ones need
not. Plural descriptions never link; pronoun possessors and indefinites only through a frame;
when two actors fit equally the description stays unlinked.

Role classes, places, party tags and salience (:mod:`._nominal_roles`: "the Russian leader" fits
"Russian President"), more frames and kin (:mod:`._nominal_frames`: "As a senator, Kaine", "his
wife"), first-person predicates in quotations (:mod:`._nominal_quotes`), headline descriptions
without a determiner (:mod:`._nominal_headline`) and partitives ("Lee, one of Cruz's closest
allies,"; :mod:`._nominal_partitive`) live in their own modules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from ._descriptions import (
    DETERMINERS,
    HEAD_ALIASES,
    NEXT_WORD_RE,
    NUMBERS,
    POSS_RE,
    PREDICATE_FOLLOWERS,
    PRONOUN_POSSESSORS,
    TOKEN_RE,
    Description,
    find_descriptions,
)
from ._lexicon import actor_lexicon, actor_stopwords, first_name_gender, nominal_lexicon, norm_word
from ._names import sentence_bounds
from ._nominal_headline import headline_descriptions, headline_end
from ._nominal_copula import copular
from ._nominal_frames import KIN_GENDER, apposed_to_other, kin_link, more_frames
from ._nominal_partitive import appositive_predicate, partitive_links
from ._nominal_quotes import QuoteSpans, speaker_of_predicate
from ._nominal_roles import (RELATIVE_HEADS, gazetteer_facts, label_fits, legislator_heads, mod_known,
                             party_tag_words, salient_actor)
from ._parts import PART_RANK, Part

__all__ = ["Description", "LabelSet", "Named", "Nominal", "NominalProfile", "corpus_profile", "find_descriptions",
           "head_key", "label_set", "nominal_links"]

_FRAME_SPAN = 40  # the longest gap (characters) between a name and a frame's description ("X had long been a")
_PROFILE_MIN = 2
_PROFILE_AGAINST = 5  # an actor with this many labels in the corpus, none with the description's head, is not it
_MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord", "monsieur", "herr"})
_FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "dame", "mme", "mme.",
                                "frau", "lady"})


class Nominal(NamedTuple):
    """A description linked to an actor: offsets in its part (``start``/``end`` with the determiner,
    ``label_start``/``label_end`` without it) and how it was linked."""

    part: Part
    start: int
    end: int
    label_start: int
    label_end: int
    actor: str
    how: str  # 'frame', 'article', 'corpus' or 'recent'


class LabelSet(NamedTuple):
    """One label of an actor as the linker compares it: its head ("vice president") and its words."""

    head: str
    words: frozenset[str]


class NominalProfile(NamedTuple):
    """What the corpus calls each actor: its label sets (with counts) and its labelled mentions."""

    labels: dict[str, Counter[LabelSet]]
    heads: dict[str, Counter[str]]
    n_labelled: Counter[str]


_ABBREVIATIONS = {"sen.": "senator", "sens.": "senator", "rep.": "rep", "reps.": "rep", "gov.": "governor",
                  "pres.": "president", "gen.": "general", "amb.": "ambassador", "atty.": "attorney",
                  "sec.": "secretary", "adm.": "admiral", "col.": "colonel", "capt.": "captain",
                  "lt.": "lieutenant", "sgt.": "sergeant", "prof.": "professor", "supt.": "superintendent"}
#: Words that end the head part of a label ("the wife of the president": the head is "wife").
_PREPOSITIONS = frozenset({"of", "to", "for", "at", "from", "in", "with", "on", "who", "and", "since", "under"})


def _norm_label_word(w: str) -> str:
    n = POSS_RE.sub("", norm_word(w)).rstrip(",.;:") if not norm_word(w).endswith(".") else norm_word(w)
    return _ABBREVIATIONS.get(n, n)


def head_key(words: Sequence[str]) -> str:
    """The head of a run of normalised words (left to right): the last word when it is a head noun,
    with a rank modifier right before it ("vice president", "prime minister"); '' otherwise
    ("attorney general" has no head: "general" is not one).

    Examples
    --------
    >>> head_key(["former", "vice", "president"]), head_key(["ousted", "regime", "leader"])
    ('vice president', 'leader')
    """
    nom = nominal_lexicon()
    if not words:
        return ""
    w = HEAD_ALIASES.get(words[-1], words[-1])
    head, sep, last = w.rpartition("-")
    if w in nom["heads"]:
        rank = words[-2] if len(words) > 1 else ""
    elif sep and last in nom["heads"]:
        w, rank = last, head
    else:
        return ""
    return f"{rank} {w}" if rank in nom["rank_modifiers"] else w


def label_set(label: str) -> LabelSet:
    """The head and the words of a label ("Syria's" -> "syria"; determiners and "of" dropped).

    Examples
    --------
    >>> ls = label_set("the ousted regime leader of Syria")
    >>> ls.head, sorted(ls.words)
    ('leader', ['leader', 'ousted', 'regime', 'syria'])
    """
    seq = [_norm_label_word(w) for w in label.split()]
    seq = [n for n in seq if n and n not in DETERMINERS]
    cut = next((k for k, n in enumerate(seq) if n in _PREPOSITIONS), len(seq))
    words = {n for n in seq if n != "of"}
    for n in list(words):
        head, sep, last = n.rpartition("-")
        if sep and head in actor_lexicon()["hyphen_prefixes"]:
            words.update((head, last))  # "ex-leader", "then-President"
    return LabelSet(head_key(seq[:cut]), frozenset(words))


def corpus_profile(labels: Iterable[tuple[str, str]] | Mapping[tuple[str, str], int]) -> NominalProfile:
    """The corpus profile of the actors from ``(actor, label text)`` pairs of name mentions, or from their counts
    in the order each pair first occurs (a :class:`~collections.Counter` of them): the same profile, in the same
    order."""
    counts = labels if isinstance(labels, Mapping) else Counter(labels)
    sets: dict[str, Counter[LabelSet]] = defaultdict(Counter)
    heads: dict[str, Counter[str]] = defaultdict(Counter)
    n: Counter[str] = Counter()
    for (actor, label), k in counts.items():
        ls = label_set(label)
        n[actor] += k
        if ls.head:
            sets[actor][ls] += k
            heads[actor][ls.head] += k
    return NominalProfile(dict(sets), dict(heads), n)


# --------------------------------------------------------------------------- linking

_PREV_WORD_RE = re.compile(r"\b(\w+)\s+\Z")
#: Between a name and "as": words that bring another subject or object ("she", "the Chamber").
_AS_BLOCKERS = DETERMINERS | PRONOUN_POSSESSORS | frozenset(
    {"he", "she", "i", "we", "they", "you", "it", "him", "them", "us", "me", "these", "those", "one", "than"})
#: Between a name and its "as": nothing, a relative "who", a party tag ("Sen. Chuck Grassley, R-Iowa, as").
_AS_ADJACENT_RE = re.compile(r"\s*(?:,\s*who\s*|,\s*[A-Z]-[A-Z][\w.]*,\s*|\s\([^()\n]{1,20}\)\s*)?")
_AS_RE = re.compile(r"(?<!such )(?<!well )(?<!same )\bas\s+\Z", re.IGNORECASE)
#: Between a name and its appositive: "Flynn, a top surrogate,"; "McConnell, now the majority leader,".
_APPOS_GAP_RE = re.compile(r"\s*(?:\([^()\n]{1,20}\))?\s*,\s*(?:(?:now|also|once|still|himself|herself)\s+)?")
#: After an appositive: the end of the phrase, a relative clause or a prepositional phrase.
_APPOS_END_RE = re.compile(r"\s*(?:[,;:)\u2014\u2013]|\.(?:\s|\Z)|\Z)|\s+(?:who|whom|whose|from|of|in|at|for|on|with)\b"
                            r"|\s+[a-z]+ing\s+(?:the|a|an|his|her|its|their)\b")
_OF_TAIL_RE = re.compile(r"\s[a-z]+(?=\s*(?:[,;:)\u2014\u2013]|\.(?:\s|\Z)))")  # "of the Democratic caucus."
#: After a pronoun-possessor appositive: a list goes on ("Trump, his wife, and his son").
_LIST_AFTER_RE = re.compile(r"\s*,?\s*(?:and|or|&)\b")
#: Between two predicates of one list: 'a "pathological liar," a "bully" and a "narcissist"'.
_LIST_GAP_RE = re.compile(r"[\s,\"'\u201d\u2019]*(?:(?:who|which)\s[^.;:!?\n]{1,40}?)?[\s,\"'\u201d\u2019]*(?:(?:and|or)\s+)?")
_CLOSE_RE = re.compile(r"\s*(?:[,;:)\u2014\u2013]|\.(?:\s|\Z)|\Z)")
class Named(NamedTuple):
    """A name mention with its labels, as the linker reads them."""

    part: Part
    start: int
    end: int
    poss_end: int
    actor: str
    labels: tuple[tuple[str, int, int], ...]  # (kind, start, end)


def _key(part: Part, pos: int) -> tuple[int, int, int]:
    return PART_RANK[part.kind], part.caption or 0, pos


_HYPOTHETICAL_RE = re.compile(r"\b(?:[Aa]n?|[Aa]nother|[Nn]o)\s+(?:(?:future|potential|possible|hypothetical)\s+)?\Z")


def _label_sets(m: Named) -> list[LabelSet]:
    """The article's labels of a name mention, without hypothetical ones ("a President Romney")."""
    out = []
    for kind, s, e in m.labels:
        text = m.part.text[s:e]
        if kind != "honorific" and _HYPOTHETICAL_RE.search(m.part.text, max(0, s - 24), s):
            continue
        out.append(LabelSet("", frozenset({norm_word(text)})) if kind == "honorific" else label_set(text))
    return out


_TITLE_THE_RE = re.compile(r"The\s")
_MID_SENTENCE_RE = re.compile(r"[a-z,]\s+\Z")


def _tagged(sets: list[LabelSet], tag: frozenset[str], known: frozenset[str] = frozenset()) -> list[LabelSet]:
    """Labels with the words of the party tag after the name ("Sen. Sanders (I-Vt.)": "vermont"), and
    the gazetteer's state and party (``known``) in a legislator's labels ("Rep. Schiff": "california")."""
    sets = [LabelSet(ls.head, ls.words | known) if known and ls.head in legislator_heads() else ls for ls in sets]
    return [LabelSet(ls.head, ls.words | tag) for ls in sets] + [LabelSet("", tag)] if tag else sets


def _identity_mods(d: Description) -> list[str]:
    """The modifiers that identify (office, status, country, party): they must match the actor."""
    nom = nominal_lexicon()
    return [m for m in d.mods if m not in nom["evaluative"] and m not in nom["neutral"]
            and not (m.endswith("ly") and len(m) > 4)]


def _gender(words: set[str]) -> str | None:
    nom = nominal_lexicon()
    male = not (words.isdisjoint(_MALE_HONORIFICS) and words.isdisjoint(nom["male_heads"]))
    female = not (words.isdisjoint(_FEMALE_HONORIFICS) and words.isdisjoint(nom["female_heads"]))
    return None if male == female else ("m" if male else "f")


def _agrees(d: Description, words: set[str], sets: Sequence[LabelSet] = ()) -> bool:
    """Gender and status agreement with everything the article calls the actor (``words``); a past
    status counts in a label of the description's own head ("former president", not "then-candidate")
    when the labels (``sets``) are given."""
    nom = nominal_lexicon()
    past = nom["past_status"]  # in a label the description fits (only a label with such a word is fitted)
    if d.head in actor_lexicon()["titles"] and not any(m in past for m in d.mods) and (any(
            not ls.words.isdisjoint(past) and label_fits(d.key, (), ls.head, ls.words) for ls in sets) if sets
            else not words.isdisjoint(past)):
        return False  # "the president" is not the actor the article calls "former president"
    g = _gender(words)
    return not (g == "m" and d.head in nom["female_heads"] or g == "f" and d.head in nom["male_heads"])


def _fits(d: Description, sets: Iterable[LabelSet]) -> bool:
    """Is one label of the actor headed like the description and holds its identifying modifiers?"""
    mods = _identity_mods(d)
    broad = bool(mods) or d.head not in nominal_lexicon()["generic_heads"]  # "the candidate" is not "the nominee"
    return any(label_fits(d.key, mods, ls.head, ls.words, broad) for ls in sets)


def _frame_actor(text: str, d: Description, named: Sequence[Named]) -> str | None:
    """The actor a frame ties the description to: "X is a Y", "call X a Y", "Y, X,", "X (the Y)"."""
    nom = nominal_lexicon()
    if d.possessive:
        return None  # "Sestak was the president's adviser": the predicate is the larger phrase
    for m in named:
        if m.end <= d.start:
            if d.start - m.poss_end > _FRAME_SPAN:
                continue  # too far for any frame
            gap = text[m.poss_end:d.start]
            pronoun = text[d.start:d.label_start].strip().lower() in PRONOUN_POSSESSORS
            ends = _APPOS_END_RE.match(text, d.end) or " of " in text[d.start:d.end] and _OF_TAIL_RE.match(text, d.end)
            if (m.poss_end == m.end and _APPOS_GAP_RE.fullmatch(gap) and ends
                    and not (pronoun and _LIST_AFTER_RE.match(text, d.end))):
                return m.actor  # "Flynn, a top Trump surrogate, said"; "Trump, her Republican rival."
            if m.poss_end == m.end:
                who = _WHO_RE.match(gap)
                if copular(gap) or who is not None and copular(" " + who.group(1)):
                    return m.actor  # "Trump is the Republican nominee", "Cruz, who is a senator,"
                if gap.strip() == "(" and text[d.end:d.end + 3].lstrip().startswith(")"):
                    return m.actor  # "Assad (the ousted leader)"
                if not gap.strip() and m.start > 0:
                    before = text[max(0, m.start - 20):m.start].split()
                    if before and before[-1].lower() in nom["naming_verbs"]:
                        return m.actor  # "Kim called Trump a dotard"
        elif (m.start >= d.end and _BEFORE_NAME_RE.fullmatch(text, d.end, m.start) and m.poss_end == m.end
              and _CLOSE_RE.match(text, m.poss_end) is not None and not _LISTED_RE.search(text[max(0, d.start - 60):d.start])):
            return m.actor  # "Syria's leader, Bashar al-Assad, fled"; not a list "the president, the vice president, X"
    return None


#: Between a description and its name: "Syria's leader, Bashar al-Assad,"; "The minister of the economy, Mr. Guajardo,".
_BEFORE_NAME_RE = re.compile(r"(?:\s+of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?\s*,\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?")
_LISTED_RE = re.compile(r",\s*(?:the|a|an)\s[^,.;:]{1,40},\s*\Z")  # "..., the president, the vice president, X"
#: A non-restrictive relative clause of the name: "Cruz, who is a senator", "Lee, who had been a judge".
_WHO_RE = re.compile(r"\s*,\s*who\s+(.+)\Z", re.DOTALL)
def _as_actor(text: str, d: Description, here: Sequence[Named], sent: tuple[int, int]) -> str | None:
    """ "X ... as a Y" with X the one actor named in the sentence before it ("Mariano, who as a Navy
    captain was ...", "Clinton was treated as an outpatient"), no other actor named after it, and
    nothing between X and "as" that could be another subject or object ("cited the Chamber as",
    "she opposed as", "moved to the United States as"); not the conjunction ("as the teenager was")."""
    as_ = _AS_RE.search(text, max(sent[0], d.start - 12), d.start)
    nxt = NEXT_WORD_RE.match(text, d.end)
    relative = as_ is not None and text[max(0, as_.start() - 6):as_.start()].rstrip().lower().endswith("who")
    if as_ is None or d.possessive or (nxt is not None and nxt.group(1) not in PREDICATE_FOLLOWERS and not relative):
        return None  # "as his father dreamed", "as the teenager was heading home": a conjunction
    before = [m for m in here if sent[0] <= m.start and m.end <= d.start]
    adjacent = [m for m in before if m.poss_end == m.end and _AS_ADJACENT_RE.fullmatch(text, m.end, as_.start())]
    if adjacent:
        return adjacent[-1].actor  # "with Donald Trump as the Republican nominee and Sanders ..."
    if not before or any(d.end <= m.start < sent[1] for m in here) or _unique({m.actor for m in before}) is None:
        return None
    last = max(before, key=lambda m: m.poss_end)
    between = TOKEN_RE.findall(text, last.poss_end, as_.start())
    if len(between) > 10 or any(w[0].isupper() or w.lower() in _AS_BLOCKERS for w in between):
        return None
    prep = _PREV_WORD_RE.search(text, max(0, last.start - 12), last.start)
    if between and prep is not None and prep.group(1).lower() in _PREPOSITIONS:
        return None  # "a man with respect for Fidel Castro would be disqualified as ..."
    return last.actor


def _headline_links(part: Part, parts: Sequence[Part], here: Sequence[Named], earlier: _Earlier,
                    profile: NominalProfile) -> list[Nominal]:
    """Headline descriptions without a determiner ("Ex-FBI chief says"), linked through the labels
    of the whole article (:mod:`._nominal_headline`)."""
    end = headline_end(part.text, next((p.text for p in parts if p.kind == "title"), "")) if part.kind == "text" else 0
    out = []
    counts = Counter(m.actor for m in here if m.start >= end)
    for d in headline_descriptions(part.text, end) if end else ():
        if _covered(part, d, here):
            continue
        top = counts.most_common(2) + [("", 0)]  # of two that fit, the article's main person (named most)
        main = frozenset({top[0][0]} if top[0][1] > top[1][1] else ())
        linked = _link_in_context(d, (len(PART_RANK) + 1, 0, 0), earlier, profile, main)
        if linked is not None and counts[linked[0]] >= 2:  # a headline speaks of the article's main people
            out.append(Nominal(part, d.start, d.end, d.label_start, d.end, linked[0], "article"))
    return out


_QUOTE_RE = re.compile(r"[\"\u201c\u201d]|''|``")
#: Two capitalised words after the last actor named: another person ("Sarah McBride ... she").
_OTHER_NAME_RE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s+[A-Z][a-z]+")
_PRONOUN_COPULA_RE = re.compile(r"\b([Hh]e|[Ss]he)((?:\s+[a-z]+){1,4}\s+)\Z")


def _pronoun_actor(text: str, d: Description, here: Sequence[Named], window: int, end: int) -> str | None:
    """ "He is a tough opponent": the one actor of that gender (first name) named in this or the
    previous sentence (from ``window``), when every actor named there has a known gender and none
    later in the sentence (up to ``end``: "Now that he is the nominee, Trump ...")."""
    m = _PRONOUN_COPULA_RE.search(text, max(window, d.start - 40), d.start)
    if m is None or not copular(m.group(2)):
        return None
    g = "m" if m.group(1).lower() == "he" else "f"
    before = [n for n in here if window <= n.start < d.start]
    genders = {n.actor: first_name_gender(n.actor) for n in before}
    if not before or None in genders.values() or any(d.end <= n.start < end for n in here):
        return None
    last = max(n.poss_end for n in before)
    if _QUOTE_RE.search(text, window, d.start) or _OTHER_NAME_RE.search(text, last, m.start()):
        return None  # a quotation ("He might just be the nominee") or someone the actors are not
    return _unique({a for a, x in genders.items() if x == g})


def _relative(text: str, d: Description, here: Sequence[Named], sent: int) -> bool:
    """May "his wife" / "her father" link through the article's label of that relation ("his son
    Eric Trump")? Not in a sentence that names someone before it (whose son?); other roles ("her
    rival") are relative to a possessor a pronoun does not say."""
    if d.head not in RELATIVE_HEADS or text[d.start:d.label_start].strip().lower() not in ("his", "her"):
        return False
    return not any(sent <= m.start < d.start for m in here)


#: After a name: an appositive without a determiner ("Butterfield (D-N.C.), head of the caucus,").
_BARE_APPOS_RE = re.compile(r"\s*(?:\([^()\n]{1,20}\))?,\s+((?:[\w.'\u2019-]+\s+){0,3}?([a-z][\w-]*))"
                            r"(?=\s+(?:of|at|for|in|on|to|from)\b|\s*[,;)\u2014]|\.(?:\s|\Z))")


def _bare_appositives(part: Part, here: Sequence[Named]) -> list[Nominal]:
    """Appositives without a determiner after a name: "Rep. G.K. Butterfield (D-N.C.), head of ..."."""
    lex = nominal_lexicon()
    out = []
    for m in here:
        a = _BARE_APPOS_RE.match(part.text, m.poss_end) if m.poss_end == m.end else None
        if a is None or a.group(2) not in lex["heads"] | lex["frame_heads"] | {"head", "chief", "chair"}:
            continue
        words = [norm_word(w) for w in a.group(1).split()]
        if any(w in DETERMINERS or w in PRONOUN_POSSESSORS or w in NUMBERS or w in actor_stopwords()
               and w not in actor_lexicon()["label_words"] for w in words[:-1]):
            continue
        if not _covered(part, Description(a.start(1), a.start(1), a.end(1), a.group(2), (), True, "", False,
                                          False, False, True), here):
            out.append(Nominal(part, a.start(1), a.end(1), a.start(1), a.end(1), m.actor, "frame"))
    return out


def _unique(cands: set[str]) -> str | None:
    return next(iter(cands)) if len(cands) == 1 else None


def _profile_sets(profile: NominalProfile, actor: str, d: Description) -> list[LabelSet]:
    """The actor's corpus labels whose head is frequent enough for that actor to stand for it.

    At least 2 labels with the head, and a share of the actor's labels: 3 % with an identifying
    modifier ("the Vermont senator"), 5 % for a bare descriptor ("the billionaire"), 30 % for a
    bare office ("the president", "the leader": offices are shared). Generic heads never count.
    """
    lex = nominal_lexicon()
    if d.head in lex["generic_heads"] and not _identity_mods(d):
        return []  # "the spokesman", "the candidate": many people; "the Republican candidate" may do
    share = 0.03 if _identity_mods(d) else (0.30 if d.head in lex["offices"] else 0.05)
    n = profile.n_labelled.get(actor, 0)
    heads = profile.heads.get(actor, Counter())
    return [ls for ls in profile.labels.get(actor, Counter())
            if heads[ls.head] >= _PROFILE_MIN and heads[ls.head] >= share * n]


def _covered(part: Part, d: Description, named: Sequence[Named]) -> bool:
    """Is the description part of a name mention or of a label of one (an appositive)?"""
    for m in named:
        if m.part is not part or d.start <= m.start and m.poss_end <= d.end and " of " in part.text[d.start:m.start]:
            continue  # "a harsh critic of Mr. Peña Nieto": another person, inside an "of" phrase
        if m.start < d.end and d.start < m.poss_end and m.poss_end >= d.end - len(d.head):
            return True  # a name inside the modifiers ("a top Trump surrogate") is another person
        for _, s, e in m.labels:  # a loop, not any(): no generator per mention and description
            if s < d.end and d.start < e and not _NESTED_RE.search(part.text, s, d.start):
                return True  # not "Omarosa, a former aide to the President": another person, after a preposition
    return False


_NESTED_RE = re.compile(r"\s(?:of|to|for|with)\s")


_Earlier = list[tuple[tuple[int, int, int], str, list[LabelSet]]]


def _recency_ok(d: Description, actor: str, sets: list[LabelSet], words: set[str], profile: NominalProfile) -> bool:
    """May the recently named actor be the description: no identifying modifier, office or corpus label against it?"""
    lex = actor_lexicon()
    if not _identity_mods(d) or not _agrees(d, words):
        return False  # a bare "the president" or "the congressman" needs more than recency
    known = words | set().union(*(ls.words for ls in profile.labels.get(actor, ())))
    if not all(mod_known(m, known) for m in _identity_mods(d)):
        return False
    offices = {ls.head for ls in sets if ls.head.rpartition(" ")[2] in lex["titles"]}
    if d.head in lex["titles"] and offices and d.key not in offices:
        return False  # "Sen. Cruz" is not "the governor"
    heads = profile.heads.get(actor, Counter())
    return not (profile.n_labelled.get(actor, 0) >= _PROFILE_AGAINST and heads[d.key] == 0)


def _recent_profile_ok(d: Description, actor: str, profile: NominalProfile) -> bool:
    """May the actor named in this or the previous sentence, the only one of the article the corpus
    ever labels with the description's head, be it though the head is rare for them (2 labels)?"""
    if d.head in nominal_lexicon()["generic_heads"] and not _identity_mods(d):
        return False
    return profile.heads.get(actor, Counter())[d.key] >= _PROFILE_MIN


def _link_in_context(d: Description, key: tuple[int, int, int], earlier: _Earlier, profile: NominalProfile,
                     recent_set: frozenset[str] = frozenset(), article_only: bool = False) -> tuple[str, str] | None:
    """Link a definite description through the article's earlier labels, the corpus profile, or
    the actors named in this or the previous sentence (``recent_set``: one of two that fit, or the
    only one); ``article_only``: through the article's labels only ("his wife Heidi Cruz" ... "his wife")."""
    if d.indefinite or d.restricted or d.predicate:
        return None
    sets: dict[str, list[LabelSet]] = defaultdict(list)
    seen: Counter[str] = Counter()
    for k, name, ls in earlier:
        if k < key:
            sets[name].extend(ls)
            seen[name] += 1
    words = {a: set().union(*(ls.words for ls in v)) for a, v in sets.items()}
    agree = [a for a in sets if _agrees(d, words[a], sets[a])]
    fit = {a for a in agree if _fits(d, sets[a])}
    if fit:
        bare_office = d.head in nominal_lexicon()["offices"] and not _identity_mods(d)
        # of two "former senators", the one named just before; a bare "the president" needs one candidate
        one = _unique(fit) or (salient_actor(fit, recent_set, seen) if bare_office else _unique(fit & recent_set))
        return None if one is None else (one, "article")
    recent = _unique(set(recent_set))
    if article_only:
        return None
    fit = {a for a in agree if _fits(d, _profile_sets(profile, a, d))}
    # any other actor the corpus ever calls so makes it ambiguous
    weak = {a for a in agree if _fits(d, profile.labels.get(a, ()))}
    if fit or weak:
        one = _unique(fit | weak)
        if one is not None and one in fit:
            return one, "corpus"
        if one is not None and one == recent and _recent_profile_ok(d, one, profile):
            return one, "recent"  # "Sanders' campaign ... but the longtime senator": only he was ever so called
        return None
    if recent is not None and recent in sets and _recency_ok(d, recent, sets[recent], words[recent], profile):
        return recent, "recent"
    return None


def _framed(text: str, d: Description, framers: Sequence[Named], here: Sequence[Named], last: tuple[int, str] | None,
            bounds: Sequence[tuple[int, int]], starts: Sequence[int], quotes: QuoteSpans) -> str | None:
    """The actor a frame ties the description to, if any (predicates, appositives, lists, "as",
    a quotation's speaker, "he is")."""
    framed = _frame_actor(text, d, framers) or (None if d.possessive else appositive_predicate(text, d.start, here))
    if framed is None and last is not None and d.indefinite and _LIST_GAP_RE.fullmatch(text, last[0], d.start):
        framed = last[1]  # 'a "serial philanderer," a "bully" and a "narcissist"'
    sent = bounds[max(0, bisect_right(starts, d.start) - 1)] if bounds else (0, len(text))
    if framed is None:
        framed = _as_actor(text, d, here, sent) or more_frames(text, d, here, bounds, starts)
    if framed is None and not d.possessive:
        framed = speaker_of_predicate(text, d.start, quotes, here, starts) or _pronoun_actor(
            text, d, here, bounds[max(0, bisect_right(starts, d.start) - 2)][0] if bounds else 0, sent[1])
    return framed


def _descriptions_since(part: Part, since: Mapping[int, int] | None) -> list[Description]:
    first = since.get(id(part), 0) if since else 0
    return [d for d in find_descriptions(part.text) if d.end >= first]


def nominal_links(parts: Sequence[Part], named: Sequence[Named], profile: NominalProfile, *,
                  since: Mapping[int, int] | None = None) -> list[Nominal]:
    """The descriptions of one article linked to the actors it names (see the module docstring).

    Parameters
    ----------
    parts : sequence of Part
        The article's parts (headline, body, captions).
    named : sequence of Named
        Its name mentions with their labels.
    profile : NominalProfile
        The corpus profile (:func:`corpus_profile`).
    since : mapping, optional
        ``{id(part): offset}``: the descriptions of that part that end before the offset are not read.
    """
    if not named:
        return []
    earlier: _Earlier = [(_key(m.part, m.start), m.actor, _tagged(
        _label_sets(m), party_tag_words(m.part.text, m.end), gazetteer_facts(m.actor)[0])) for m in named]
    actors = sorted({m.actor for m in named})
    said: dict[str, set[str]] = defaultdict(set)
    for _, a, sets in earlier:
        for ls in sets:
            said[a] |= ls.words

    def gender(a: str) -> str | None:
        return first_name_gender(a) or gazetteer_facts(a)[1] or _gender(said[a])

    out: list[Nominal] = []
    for part in parts:
        here = [m for m in named if m.part is part]
        bounds = sentence_bounds(part.text)
        starts = [b[0] for b in bounds]
        framers = list(here)  # names, and descriptions already linked ("called the senator a nasty guy")
        quotes = QuoteSpans(part.text)
        last: tuple[int, str] | None = None  # end and actor of the last linked indefinite predicate
        for d in _descriptions_since(part, since):
            if _TITLE_THE_RE.match(part.text, d.start) and _MID_SENTENCE_RE.search(part.text, max(0, d.start - 3), d.start):
                continue  # "a memoir entitled The White House Doctor": a title, not a person
            kin = kin_link(part.text, d, here, actors, bounds, starts, quotes, gender) if d.head in KIN_GENDER else None
            if kin is not None:  # "" for "Gov. Jack Dalrymple, his wife, Betsy,": someone the article does not follow
                out.extend(Nominal(part, d.start, d.end, d.label_start, d.end, k, "frame") for k in (kin,) if k)
                said[kin].add(d.head)  # "his wife, Heidi": a woman, whatever her given name
                framers.extend(Named(part, d.start, d.end, d.end, k, ()) for k in (kin,) if k)
                continue
            if _covered(part, d, here):
                continue
            key = _key(part, d.start)
            sent = bounds[max(0, bisect_right(starts, d.start) - 1)] if bounds else (0, len(part.text))
            framed = _framed(part.text, d, framers, here, last, bounds, starts, quotes)
            if framed is None and d.frame_only and not _relative(part.text, d, here, sent[0]):
                continue
            if framed is not None:
                if d.label_start != d.start:  # a possessor's role is not the actor's: "Carter's press secretary"
                    earlier.append((key, framed, [label_set(part.text[d.label_start:d.end])]))
                linked: tuple[str, str] | None = (framed, "frame")
            elif apposed_to_other(part.text, d, here):
                continue  # "Julian Castro, 41, the secretary of housing": someone who is no actor
            else:
                k = max(0, bisect_right(starts, d.start) - 2)
                window = bounds[k][0] if bounds else 0
                recent = frozenset(m.actor for m in here if window <= m.start < d.start)  # this and the last sentence
                linked = _link_in_context(d, key, earlier, profile, recent, d.frame_only)
            if linked is None:
                continue
            actor, how = linked
            out.append(Nominal(part, d.start, d.end, d.label_start, d.end, actor, how))
            framers.append(Named(part, d.start, d.end, d.end, actor, ()))
            last = (d.end, actor) if d.indefinite and how == "frame" else None
        out.extend(_bare_appositives(part, here))
        out.extend(Nominal(part, s0, e0, s0, e0, a, "frame") for s0, e0, a in partitive_links(part.text, here)
                   if not any(n.part is part and n.start < e0 and s0 < n.end for n in out))
        out.extend(_headline_links(part, parts, here, earlier, profile))
    return sorted(out, key=lambda n: _key(n.part, n.start))

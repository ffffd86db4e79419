"""Nominal mentions: descriptions of a person without the name, linked to an actor of the article.

"the president", "the former FBI director", "the ousted leader", "a mentally deranged U.S. dotard".
A description is a noun phrase with a determiner ("the", "this", "that", "a", "an") or a possessor
("Syria's") and a singular person noun as its head (``nominal_lexicon()["heads"]``). It is linked
to an actor, in this order, through:

1. a **frame** that says who it is: a predicate ("Trump is the nominee", "Kim called Trump a
   dotard"), a description right before the name and a comma ("Syria's leader, Bashar al-Assad,")
   or in brackets after the name ("Assad (the ousted leader)");
2. the article's **own earlier labels** of an actor: the head and every identifying modifier of
   the description appear in a title, appositive or predicate the article attached to that actor
   before ("FBI Director James Comey" ... "the FBI director");
3. the actor's **corpus profile**: a head the corpus often puts before that actor's name
   ("President Obama" in many articles ... "the president"), for actors named earlier in the
   article, when no other actor named so far was ever labelled so; generic heads ("the
   spokesman", "the candidate") only with an identifying modifier ("the Republican candidate");
4. **recency**: a description with an identifying modifier ("the New York billionaire") and the
   one actor named in this or the previous sentence, when nothing the article or the corpus says
   of that actor contradicts it (another office, a modifier never used for them, a corpus profile
   of 5 or more labels that never uses the head).

Identifying modifiers (status, office, country, party: "former", "interim", "FBI", "Syria's")
must match; evaluative ones ("embattled", "brutal") need not. Plural descriptions, pronoun
possessors ("his lawyer") and indefinite descriptions outside a frame are never linked; when two
actors fit equally the description stays unlinked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ._lexicon import actor_lexicon, actor_stopwords, nominal_lexicon, norm_word
from ._names import sentence_bounds
from ._parts import PART_RANK, Part

__all__ = ["Description", "LabelSet", "Named", "Nominal", "NominalProfile", "corpus_profile", "find_descriptions",
           "head_key", "label_set", "nominal_links"]

#: A word (letters first; inner hyphens, apostrophes, periods; "U.S." keeps its period) or one
#: other non-space character.
_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w\-]|['\u2019.](?=\w))*(?:(?<=\.\w)\.)?|\d[\w.,]*|[^\w\s]")
_POSS_RE = re.compile(r"['\u2019]s?\Z")
_DETERMINERS = frozenset({"the", "this", "that", "a", "an"})
_INDEFINITE = frozenset({"a", "an"})
_PRONOUN_POSSESSORS = frozenset({"his", "her", "its", "their", "our", "my", "your", "whose"})
_NUMBERS = frozenset({"two", "three", "four", "five", "both", "several", "many", "some", "all", "other",
                      "another", "each", "every", "one", "any", "no", "such", "first-ever"})
_MAX_MODIFIERS = 6
_PROFILE_MIN = 2
#: An actor with this many labels in the corpus, none with the description's head, is not it.
_PROFILE_AGAINST = 5
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


class Description(NamedTuple):
    """A description of one person found in a text (linked or not)."""

    start: int  # determiner or possessor
    label_start: int  # first word after the determiner
    end: int  # end of the head (or of the "of" phrase)
    head: str
    mods: tuple[str, ...]  # normalised modifier words (possessor without "'s", "of" phrase words)
    indefinite: bool
    key: str  # head with a rank modifier ("vice president")
    restricted: bool  # a relative clause or a prepositional phrase follows ("the candidate who ...")
    predicate: bool  # after a copula or "as": a role, not a reference ("if he becomes the nominee")
    possessive: bool  # "the president's": the possessor of a larger phrase


class LabelSet(NamedTuple):
    """One label of an actor as the linker compares it: its head ("vice president") and its words."""

    head: str
    words: frozenset[str]


class NominalProfile(NamedTuple):
    """What the corpus calls each actor: its label sets (with counts) and its labelled mentions."""

    labels: dict[str, Counter[LabelSet]]
    heads: dict[str, Counter[str]]
    n_labelled: Counter[str]


_ABBREVIATIONS = {"sen.": "senator", "sens.": "senator", "rep.": "representative", "gov.": "governor",
                  "pres.": "president", "gen.": "general", "amb.": "ambassador", "atty.": "attorney",
                  "sec.": "secretary", "adm.": "admiral", "col.": "colonel", "capt.": "captain",
                  "lt.": "lieutenant", "sgt.": "sergeant", "prof.": "professor", "supt.": "superintendent"}
#: Words that end the head part of a label ("the wife of the president": the head is "wife").
_PREPOSITIONS = frozenset({"of", "to", "for", "at", "from", "in", "with", "on", "who", "and", "since", "under"})


def _norm_label_word(w: str) -> str:
    n = _POSS_RE.sub("", norm_word(w)).rstrip(",.;:") if not norm_word(w).endswith(".") else norm_word(w)
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
    w = words[-1]
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
    seq = [n for n in seq if n and n not in _DETERMINERS]
    cut = next((k for k, n in enumerate(seq) if n in _PREPOSITIONS), len(seq))
    words = {n for n in seq if n != "of"}
    for n in list(words):
        head, sep, last = n.rpartition("-")
        if sep and head in actor_lexicon()["hyphen_prefixes"]:
            words.update((head, last))  # "ex-leader", "then-President"
    return LabelSet(head_key(seq[:cut]), frozenset(words))


def corpus_profile(labels: Iterable[tuple[str, str]]) -> NominalProfile:
    """The corpus profile of the actors from ``(actor, label text)`` pairs of name mentions."""
    sets: dict[str, Counter[LabelSet]] = defaultdict(Counter)
    heads: dict[str, Counter[str]] = defaultdict(Counter)
    n: Counter[str] = Counter()
    for actor, label in labels:
        ls = label_set(label)
        n[actor] += 1
        if ls.head:
            sets[actor][ls] += 1
            heads[actor][ls.head] += 1
    return NominalProfile(dict(sets), dict(heads), n)


# --------------------------------------------------------------------------- finding descriptions


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _of_phrase(toks: list[tuple[int, int, str]], j: int) -> tuple[int, list[str]] | None:
    """After a head at ``j - 1``: "of Syria", "of the United States" -> (end, words); None for a
    lower-case "of" phrase ("the leader of the rebels": another role); (head end, []) without one."""
    if j >= len(toks) or toks[j][2].lower() != "of":
        return toks[j - 1][1], []
    k = j + 1
    if k < len(toks) and toks[k][2].lower() == "the":
        k += 1
    words: list[str] = []
    end = toks[j - 1][1]
    while k < len(toks) and toks[k][2][0].isupper() and len(words) < 4:
        words.append(_POSS_RE.sub("", norm_word(toks[k][2])))
        end = toks[k][1]
        k += 1
    return (end, words) if words else None


def _left_modifiers(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int, list[str], bool] | None:
    """Walk left from the head at ``i``: (phrase start, label start, modifiers, indefinite) or None.

    The walk ends at a determiner (not part of the label) or a capitalised possessor ("Syria's",
    part of the label); a pronoun possessor ("his lawyer"), a number or quantifier ("the two
    leaders"), punctuation, a function word or a line break means no description.
    """
    mods: list[str] = []
    stop = actor_stopwords()
    label_lex = actor_lexicon()["label_words"]
    k = i - 1
    while k >= 0 and len(mods) <= _MAX_MODIFIERS:
        s, e, w = toks[k]
        if toks[k + 1][0] - e > 1:
            return None  # a line break or a gap inside the phrase
        n = norm_word(w)
        if n in _DETERMINERS:
            return s, toks[k + 1][0], mods, n in _INDEFINITE
        if n in _PRONOUN_POSSESSORS or n in _NUMBERS or not w[0].isalpha():
            return None
        if _POSS_RE.search(w) and w[0].isupper():
            mods.append(_POSS_RE.sub("", n))  # "Syria's interim leader"
            return s, s, mods, False
        if n in stop and n not in label_lex:
            return None
        mods.append(n)
        k -= 1
    return None


def _head_ends_phrase(toks: list[tuple[int, int, str]], i: int) -> bool:
    """Is the word at ``i`` the last word of its noun phrase (not "President Obama", "leader board")?"""
    if i + 1 >= len(toks):
        return True
    s, _, nxt = toks[i + 1]
    if s - toks[i][1] > 1:
        return True
    if nxt[0].isupper():
        return False  # a pre-title: "the president Donald Trump", "the leader Assad"
    n = _POSS_RE.sub("", norm_word(nxt))
    nom = nominal_lexicon()
    if n in ("and", "&") and i + 2 < len(toks) and norm_word(toks[i + 2][2]) in nom["heads"]:
        return False  # "the president and chairman of the board": one title of someone else
    return not (n in nom["heads"] or n in nom["head_followers"] or n in actor_lexicon()["label_words"]
                or nxt in "-\u2013")


#: After a description: a restrictive relative clause or a prepositional phrase that says who is meant.
_RESTRICTED_RE = re.compile(r"[ \t\u00a0]+(?:who|whom|whose|that|which|from)\b", re.IGNORECASE)


#: Before a description: a copula or "as" (a predicate: a role, not a reference).
_PREDICATE_RE = re.compile(r"(?:\b(?:am|is|was|are|were|be|been|being|becomes?|became|becoming|remains?|remained|as|"
                           r"not|named|elected|appointed)|['\u2019]s)\s+\Z", re.IGNORECASE)


def find_descriptions(text: str) -> list[Description]:
    """The descriptions of one person in ``text``, in order, linked or not.

    Examples
    --------
    >>> [(d.head, d.mods) for d in find_descriptions("Later the ousted leader of Syria and the two leaders met.")]
    [('leader', ('ousted', 'syria'))]
    """
    heads = nominal_lexicon()["heads"]
    rank = nominal_lexicon()["rank_modifiers"]
    toks = _tokens(text)
    out = []
    for i, (s, _, w) in enumerate(toks):
        if not w[0].isalpha():
            continue
        n = norm_word(w)
        poss = _POSS_RE.search(n) is not None
        base = _POSS_RE.sub("", n)
        if base not in heads:
            continue
        if poss:
            of: tuple[int, list[str]] | None = (s + len(_POSS_RE.sub("", w)), [])
        elif _head_ends_phrase(toks, i):
            of = _of_phrase(toks, i + 1)
        else:
            continue
        left = _left_modifiers(toks, i)
        if left is None or of is None:
            continue
        start, label_start, mods, indefinite = left
        key = f"{mods[0]} {base}" if mods and mods[0] in rank else base
        restricted = _RESTRICTED_RE.match(text, of[0]) is not None
        predicate = _PREDICATE_RE.search(text, max(0, start - 30), start) is not None
        out.append(Description(start, label_start, of[0], base, tuple(mods) + tuple(of[1]), indefinite, key,
                               restricted, predicate, poss))
    return out


# --------------------------------------------------------------------------- linking

_COPULA_GAP_RE = re.compile(r"\s+(\w+)\s+(?:(?:also|now|once|still|already|currently)\s+)?\Z")
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


def _label_sets(m: Named) -> list[LabelSet]:
    out = []
    for kind, s, e in m.labels:
        text = m.part.text[s:e]
        out.append(LabelSet("", frozenset({norm_word(text)})) if kind == "honorific" else label_set(text))
    return out


def _identity_mods(d: Description) -> list[str]:
    """The modifiers that identify (office, status, country, party): they must match the actor."""
    nom = nominal_lexicon()
    return [m for m in d.mods if m not in nom["evaluative"] and m not in nom["neutral"]
            and not (m.endswith("ly") and len(m) > 4)]


def _gender(words: set[str]) -> str | None:
    nom = nominal_lexicon()
    male = bool(words & (_MALE_HONORIFICS | nom["male_heads"]))
    female = bool(words & (_FEMALE_HONORIFICS | nom["female_heads"]))
    return None if male == female else ("m" if male else "f")


def _agrees(d: Description, words: set[str]) -> bool:
    """Gender and status agreement with everything the article calls the actor."""
    nom = nominal_lexicon()
    if (d.head in actor_lexicon()["titles"] and words & nom["past_status"]
            and not any(m in nom["past_status"] for m in d.mods)):
        return False  # "the president" is not the actor the article calls "former president"
    g = _gender(words)
    return not (g == "m" and d.head in nom["female_heads"] or g == "f" and d.head in nom["male_heads"])


def _fits(d: Description, sets: Iterable[LabelSet]) -> bool:
    """Is one label of the actor headed like the description and holds its identifying modifiers?"""
    mods = _identity_mods(d)
    return any(ls.head == d.key and all(m in ls.words for m in mods) for ls in sets)


def _frame_actor(text: str, d: Description, named: Sequence[Named]) -> str | None:
    """The actor a frame ties the description to: "X is a Y", "call X a Y", "Y, X,", "X (the Y)"."""
    nom = nominal_lexicon()
    if d.possessive:
        return None  # "Sestak was the president's adviser": the predicate is the larger phrase
    for m in named:
        if m.end <= d.start:
            gap = text[m.poss_end:d.start]
            if m.poss_end == m.end:
                cop = _COPULA_GAP_RE.fullmatch(gap)
                if cop is not None and cop.group(1).lower() in nom["copulas"]:
                    return m.actor  # "Trump is the Republican nominee"
                if gap.strip() == "(" and text[d.end:d.end + 3].lstrip().startswith(")"):
                    return m.actor  # "Assad (the ousted leader)"
                if not gap.strip() and m.start > 0:
                    before = text[max(0, m.start - 20):m.start].split()
                    if before and before[-1].lower() in nom["naming_verbs"]:
                        return m.actor  # "Kim called Trump a dotard"
        elif (m.start >= d.end and not d.indefinite and re.fullmatch(r"\s*,\s*", text[d.end:m.start])
              and _CLOSE_RE.match(text, m.poss_end) is not None and m.poss_end == m.end):
            return m.actor  # "Syria's leader, Bashar al-Assad, fled"
    return None


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
        if m.part is not part:
            continue
        if m.start < d.end and d.start < m.poss_end:
            return True
        if any(s < d.end and d.start < e for _, s, e in m.labels):
            return True
    return False


_Earlier = list[tuple[tuple[int, int, int], str, list[LabelSet]]]


def _recent_actor(d: Description, here: Sequence[Named], window: int) -> str | None:
    """The one actor named between ``window`` and the description (this and the previous sentence)."""
    return _unique({m.actor for m in here if window <= m.start < d.start})


def _recency_ok(d: Description, actor: str, sets: list[LabelSet], words: set[str], profile: NominalProfile) -> bool:
    """May the recently named actor be the description: no identifying modifier, office or corpus
    label says otherwise?"""
    lex = actor_lexicon()
    if not _identity_mods(d) or not _agrees(d, words):
        return False  # a bare "the president" or "the congressman" needs more than recency
    known = words | set().union(*(ls.words for ls in profile.labels.get(actor, ())))
    if not all(m in known for m in _identity_mods(d)):
        return False
    offices = {ls.head for ls in sets if ls.head.rpartition(" ")[2] in lex["titles"]}
    if d.head in lex["titles"] and offices and d.key not in offices:
        return False  # "Sen. Cruz" is not "the governor"
    heads = profile.heads.get(actor, Counter())
    return not (profile.n_labelled.get(actor, 0) >= _PROFILE_AGAINST and heads[d.key] == 0)


def _link_in_context(d: Description, key: tuple[int, int, int], earlier: _Earlier, profile: NominalProfile,
                     recent: str | None = None) -> tuple[str, str] | None:
    """Link a definite description through the article's earlier labels, the corpus profile, or
    the one actor named in this or the previous sentence (``recent``)."""
    if d.indefinite or d.restricted or d.predicate:
        return None
    sets: dict[str, list[LabelSet]] = defaultdict(list)
    for k, name, ls in earlier:
        if k < key:
            sets[name].extend(ls)
    words = {a: set().union(*(ls.words for ls in v)) for a, v in sets.items()}
    agree = [a for a in sets if _agrees(d, words[a])]
    fit = {a for a in agree if _fits(d, sets[a])}
    if fit:
        one = _unique(fit)
        return None if one is None else (one, "article")
    fit = {a for a in agree if _fits(d, _profile_sets(profile, a, d))}
    # any other actor the corpus ever calls so makes it ambiguous
    weak = {a for a in agree if _fits(d, profile.labels.get(a, ()))}
    if fit or weak:
        one = _unique(fit | weak)
        return None if one is None or one not in fit else (one, "corpus")
    if recent is not None and recent in sets and _recency_ok(d, recent, sets[recent], words[recent], profile):
        return recent, "recent"
    return None


def nominal_links(parts: Sequence[Part], named: Sequence[Named], profile: NominalProfile) -> list[Nominal]:
    """The descriptions of one article linked to the actors it names (see the module docstring).

    Parameters
    ----------
    parts : sequence of Part
        The article's parts (headline, body, captions).
    named : sequence of Named
        Its name mentions with their labels.
    profile : NominalProfile
        The corpus profile (:func:`corpus_profile`).
    """
    if not named:
        return []
    earlier: _Earlier = [(_key(m.part, m.start), m.actor, _label_sets(m)) for m in named]
    out: list[Nominal] = []
    for part in parts:
        here = [m for m in named if m.part is part]
        bounds = sentence_bounds(part.text)
        for d in find_descriptions(part.text):
            if _covered(part, d, here):
                continue
            key = _key(part, d.start)
            framed = _frame_actor(part.text, d, here)
            if framed is not None:
                if d.label_start != d.start:  # a possessor's role is not the actor's: "Carter's press secretary"
                    earlier.append((key, framed, [label_set(part.text[d.label_start:d.end])]))
                linked: tuple[str, str] | None = (framed, "frame")
            else:
                k = max(0, bisect_right([b[0] for b in bounds], d.start) - 2)
                window = bounds[k][0] if bounds else 0
                linked = _link_in_context(d, key, earlier, profile, _recent_actor(d, here, window))
            if linked is None:
                continue
            actor, how = linked
            out.append(Nominal(part, d.start, d.end, d.label_start, d.end, actor, how))
    return out

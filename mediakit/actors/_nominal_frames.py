"""More frames that say who a description is: "As a senator, Kaine ...", "her record as the nation's top
diplomat", "Bernie's a good man".

- **Fronted "as"**: "As a senator, Kaine voted" / "As Virginia's governor, he declared": the subject
  right after the comma (a name, or "he"/"she" resolved as below).
- **A pronoun before "as"**: "he ran as a Republican", "her record as the nation's top diplomat":
  "he", "she", "his", "her" in the same clause, resolved to the one actor of that gender (first
  name) named in this or the previous sentence, when every actor named there has a known gender.
- **A contracted copula**: "Bernie's a good man" ("'s" before an indefinite article is "is").
- **A coordinated predicate**: "Donald Trump regularly incites violence and is a serial liar": the
  name that opens the sentence, no other actor and no embedded clause before it.
- **Kin**: "his wife" / "my father" is the one other actor of the article with the possessor's
  surname and the relation's gender: of the opposite gender for a spouse, of the possessor's own
  gender for other kin (a same-surname man of a woman is more likely her husband than her
  father: "her father" stays unlinked then).
- **Kin apposed to a first name**: "attacked his wife, Heidi, and his father, Rafael": the one actor of
  the article with that first name ("Heidi Cruz", named later) who shares a surname with another
  actor (a relative: a lone first name says the surname goes without saying); a known given name of no actor
  ("Gov. Jack Dalrymple, his wife, Betsy,") is someone else: the description stays unlinked. Any
  description apposed to a lone first name, after or before it: "her older sibling, Elizabeth, a
  Wyoming Senate candidate," (the one actor of the part with that first name).
- **A specificational copula**: "The pollster for Secure America Now is John McLaughlin": a
  description opening the sentence, "is"/"was" and a name that ends the clause.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

from ._descriptions import Description
from ._lexicon import actor_lexicon, actor_stopwords, first_name_gender, norm_word
from ._nominal_quotes import MentionLike, QuoteSpans, quote_speaker

__all__ = ["KIN_GENDER", "apposed_first_name", "apposed_to_other", "contracted_copula_actor", "coordinated_actor",
           "family_first_name", "first_name_actor", "fronted_as_actor", "kin_actor", "kin_link", "specificational_actor",
           "more_frames", "pronoun_as_actor", "resolve_pronoun"]

_FRONTED_AS_RE = re.compile(r"(?:^|[.!?;:\u2014\"\u201c]\s*|\n|(?:[Tt]hough|[Bb]ut|[Aa]nd|[Nn]ow|[Yy]et|[Ss]o|[Ee]ven),?\s+)"
                            r"[Aa]s\s+\Z")
_SUBJECT_RE = re.compile(r",\s+(?:(?:[a-z]+\s+){0,1})")
_PRONOUN_SUBJECT_RE = re.compile(r",\s+([Hh]e|[Ss]he)\b")
#: A pronoun, then up to six words of the same clause, then "as": "he ran for mayor as", "her record as".
_PRONOUN_AS_RE = re.compile(r"\b([Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)\b,?((?:\s+[\w'\u2019-]+){0,6}),?"
                            r"\s+as\s+\Z")
_CONJUNCTION_AS = re.compile(r"\b(?:such|well|same|so|just|soon|long|far|much|many|twice|half)\s+as\s+\Z", re.IGNORECASE)
_FOLLOWERS = re.compile(r"\s*(?:[,;:.)!?\u2014\u2013\"\u201d]|\Z|\s(?:who|whom|whose|that|of|for|in|at|on|from|to|with|"
                        r"and|or|but|since|until|before|after|during|when|while|under|than|because)\b)")
_CLAUSE_WORDS = frozenset({"as", "that", "which", "who", "when", "if", "because", "while", "said", "says", "told",
                           "and", "but", "or", "than", "like"})
_CONTRACTION_RE = re.compile(r"['\u2019]s\s+\Z")
_MALE = frozenset({"he", "his", "him", "himself"})


def resolve_pronoun(pronoun: str, here: Sequence[MentionLike], window: int, pos: int, sentence: int = -1) -> str | None:
    """The one actor of the pronoun's gender named in its own sentence (from ``sentence``) before
    it ("Cruz has long said that he"); else the one named between ``window`` and ``pos``, when
    every actor named there has a known gender (first name); None otherwise."""
    g = "m" if pronoun.lower() in _MALE else "f"
    own = {m.actor for m in here if 0 <= sentence <= m.start < pos}
    same_own = [a for a in own if first_name_gender(a) == g]
    if len(same_own) == 1 and all(first_name_gender(a) is not None for a in own):
        return same_own[0]
    before = {m.actor for m in here if window <= m.start < pos}
    genders = {a: first_name_gender(a) for a in before}
    if not before or None in genders.values():
        return None
    same = [a for a, x in genders.items() if x == g]
    return same[0] if len(same) == 1 else None


def fronted_as_actor(text: str, start: int, end: int, here: Sequence[MentionLike], window: int) -> str | None:
    """ "As a senator, Kaine voted": the actor named right after the comma, or the one "he"/"she" is."""
    if _FRONTED_AS_RE.search(text, max(0, start - 30), start) is None:
        return None
    for m in here:
        if end < m.start <= end + 12 and m.poss_end == m.end and _SUBJECT_RE.fullmatch(text, end, m.start):
            return m.actor
    p = _PRONOUN_SUBJECT_RE.match(text, end)
    return None if p is None else resolve_pronoun(p.group(1), here, window, start)


def pronoun_as_actor(text: str, start: int, end: int, here: Sequence[MentionLike], window: int,
                     sentence: int = -1) -> str | None:
    """ "he ran as a Republican", "her record as the nation's top diplomat": the pronoun's actor,
    when no name stands between the pronoun and "as" and a predicate ends there."""
    if _CONJUNCTION_AS.search(text, max(0, start - 12), start) or _FOLLOWERS.match(text, end) is None:
        return None
    p = _PRONOUN_AS_RE.search(text, max(window, start - 70), start)
    if (p is None or any(ch in p.group(2) for ch in ",;:\"\u201c\u201d") or _CLAUSE_WORDS & set(p.group(2).lower().split())
            or any(p.start() < m.start < start for m in here)):
        return None  # "as resistant as her opponent": a comparison; "he noted that as a": another clause
    return resolve_pronoun(p.group(1), here, window, p.start(), sentence)


#: A second predicate of a coordinated verb phrase: "... and is a serial liar", "but has long been a".
_COORD_COPULA_RE = re.compile(r"\b(?:and|but)\s+(?:(?:has|have|had)\s+(?:also\s+|long\s+)?been|is|was|remains|remained)"
                              r"\s+(?:(?:also|not|now|still|even|long)\s+)?\Z")
_EMBEDDING = frozenset({"that", "who", "which", "whom", "whose", "said", "says", "told", "because", "if", "when",
                        "while", "after", "before", "since", "where", "whether", "than"})


def coordinated_actor(text: str, start: int, here: Sequence[MentionLike], sentence: int) -> str | None:
    """ "Donald Trump regularly incites violence and is a serial liar": the name that opens the
    sentence, with no other actor and no embedded clause before the description."""
    c = _COORD_COPULA_RE.search(text, max(sentence, start - 40), start)
    if c is None:
        return None
    inside = [m for m in here if sentence <= m.start < start]
    if not inside or len({m.actor for m in inside}) > 1:
        return None
    first = min(inside, key=lambda m: m.start)
    if first.poss_end != first.end:
        return None  # "Trump's campaign ... and is": another subject
    opener = text[sentence:first.start].split()
    if len(opener) > 2 or any(w.lower() in _EMBEDDING or "," in w for w in text[first.end:c.start()].split()):
        return None  # not the subject, or an embedded clause with another subject
    return first.actor


def contracted_copula_actor(text: str, start: int, indefinite: bool, here: Sequence[MentionLike]) -> str | None:
    """ "Bernie's a good man": an indefinite description right after a name and "'s"."""
    if not indefinite or _CONTRACTION_RE.search(text, max(0, start - 4), start) is None:
        return None
    return next((m.actor for m in here if m.poss_end != m.end and m.poss_end <= start
                 and not text[m.poss_end:start].strip()), None)


#: The gender of a kin noun.
#: The gender of a kin noun (spouses, parents, children, siblings: other kin, "her granddaughter", is
#: too often someone the article does not name).
KIN_GENDER = {"wife": "f", "husband": "m", "son": "m", "daughter": "f", "father": "m", "mother": "f", "brother": "m",
              "sister": "f", "widow": "f", "widower": "m", "dad": "m", "mom": "f", "mum": "f"}
_SPOUSES = frozenset({"wife", "husband", "widow", "widower"})
_PREPOSITIONS = frozenset({"of", "to", "for", "at", "from", "in", "with", "on", "by", "near", "across", "outside",
                           "inside", "under", "since"})


def kin_actor(head: str, of: str, actors: Sequence[str],
              gender: Callable[[str], str | None] = first_name_gender, bare: bool = True) -> str | None:
    """The actor that is ``of``'s ``head`` ("wife", "father"): the one other actor with that
    surname and the right gender (``gender``: first name by default; see the module docstring).
    A spouse without modifiers (``bare``: "his wife", not "his third wife") may also be the one
    other actor with that surname whose gender is unknown.

    Examples
    --------
    >>> kin_actor("wife", "Barack Obama", ["Barack Obama", "Michelle Obama"])
    'Michelle Obama'
    >>> kin_actor("wife", "Barack Obama", ["Barack Obama", "Michelle Obama", "Mary Obama"]) is None  # two women
    True
    >>> kin_actor("husband", "Melania Trump", ["Donald Trump", "Melania Trump"])
    'Donald Trump'
    >>> kin_actor("father", "Hillary Clinton", ["Hillary Clinton", "Bill Clinton"]) is None
    True
    >>> kin_actor("wife", "Ted Cruz", ["Ted Cruz", "Heidi Cruz", "Rafael Cruz"], {"Ted Cruz": "m", "Rafael Cruz": "m"}.get)
    'Heidi Cruz'

    """
    g_kin, g_of = KIN_GENDER.get(head), gender(of)
    words = of.split()
    if g_kin is None or g_of is None or len(words) < 2:
        return None
    if (g_kin == g_of) == (head in _SPOUSES):
        return None  # a wife of a woman; a same-surname man as a woman's "father"
    kin = [a for a in actors if a != of and len(a.split()) > 1 and a.split()[-1] == words[-1]]
    cands = {a for a in kin if gender(a) == g_kin}
    if not cands and head in _SPOUSES and bare:
        # "Ted Cruz ... his wife": the one same-surname actor of unknown gender ("Heidi"), none of the other
        cands = {a for a in kin if gender(a) is None}
    return next(iter(cands)) if len(cands) == 1 else None


#: A lone first name apposed before a description: "her older sibling, Elizabeth, a Wyoming Senate candidate,".
_FIRST_NAME_BEFORE_RE = re.compile(r",\s*([A-Z][a-z]+)\s*,\s*\Z")
_CLOSED_RE = re.compile(r"\s*(?:[,;:)\u2014\u2013]|\.(?:\s|\Z)|\Z)")
#: Between a sentence-opening description and its name: "The pollster for Secure America Now is".
_SPECIFICATIONAL_RE = re.compile(r"(?:\s+(?:for|of|at|in|to)\s+[^,.;:!?\n\"\u201c\u201d]{1,40}?)?\s+(?:is|was)\s+")


def first_name_actor(text: str, d: Description, here: Sequence[MentionLike]) -> str | None:
    """The one actor of the part whose lone first name is apposed to the description, before or after it
    ("her older sibling, Elizabeth,"; "Elizabeth, a Wyoming Senate candidate,")."""
    actors = sorted({m.actor for m in here})
    after = apposed_first_name(text, d, here, actors)
    if after:
        return after
    m = _FIRST_NAME_BEFORE_RE.search(text, max(0, d.start - 30), d.start)
    if m is None or any(n.start == m.start(1) for n in here) or _CLOSED_RE.match(text, d.end) is None:
        return None
    hits = family_first_name(m.group(1), actors)
    return hits[0] if len(hits) == 1 else None


def specificational_actor(text: str, d: Description, here: Sequence[MentionLike], starts: Sequence[int]) -> str | None:
    """"The pollster for Secure America Now is John McLaughlin.": the name a sentence-opening description is."""
    if d.start not in starts:
        return None
    gap = _SPECIFICATIONAL_RE.match(text, d.end)
    if gap is None:
        return None
    m = next((n for n in here if n.start == gap.end()), None)
    if m is None or m.poss_end != m.end or _CLOSED_RE.match(text, m.end) is None:
        return None
    return m.actor


def more_frames(text: str, d: Description, here: Sequence[MentionLike], bounds: Sequence[tuple[int, int]],
                 starts: Sequence[int]) -> str | None:
    """Fronted "as", a coordinated predicate, a pronoun before "as", a contracted copula, a lone first
    name, a specificational copula."""
    if d.possessive:
        return None
    k = bisect_right(starts, d.start)
    window, sentence = (bounds[max(0, k - 2)][0], bounds[max(0, k - 1)][0]) if bounds else (0, 0)
    return (fronted_as_actor(text, d.start, d.end, here, window) or coordinated_actor(text, d.start, here, sentence)
            or pronoun_as_actor(text, d.start, d.end, here, window, sentence)
            or contracted_copula_actor(text, d.start, d.indefinite, here) or first_name_actor(text, d, here)
            or specificational_actor(text, d, here, starts))


def kin_link(text: str, d: Description, here: Sequence[MentionLike], actors: Sequence[str], bounds: Sequence[tuple[int, int]],
         starts: Sequence[int], quotes: QuoteSpans, gender: Callable[[str], str | None]) -> str | None:
    """ "his wife", "my father", "Trump's wife": the kin (:func:`kin_actor`) of the possessor, an
    actor named as the possessor, a pronoun's one actor, or the speaker of the quotation ("my")."""
    if d.predicate or d.indefinite:
        return None
    apposed = apposed_first_name(text, d, here, actors)
    if apposed is not None:
        return apposed
    poss = text[d.start:d.label_start].strip().lower()
    owner = next((m.actor for m in here if m.start == d.start and m.poss_end > m.end), None)
    if owner is None and poss in ("his", "her"):
        k = bisect_right(starts, d.start)
        window, sentence = (bounds[max(0, k - 2)][0], bounds[max(0, k - 1)][0]) if bounds else (0, 0)
        owner = resolve_pronoun(poss, here, window, d.start, sentence)
        last = max((m for m in here if m.actor == owner and m.start < d.start), key=lambda m: m.start, default=None)
        if last is not None and " " not in text[last.start:last.end].strip() and d.head not in _SPOUSES:
            return None  # "Mr. Bush praised his younger brother": which Bush? Only a spouse is safe
    elif owner is None and poss == "my":
        owner = quote_speaker(text, d.start, quotes, here, starts)
    return None if owner is None else kin_actor(d.head, owner, actors, gender, not d.mods)



#: A name apposed after a description, closed: ", Heidi,", ", Rafael.", ", Melania, a former model".
_APPOSED_NAME_RE = re.compile(r"\s*,\s*([A-Z][a-z]+)((?:\s+[A-Z][\w'\u2019.-]*)*)(?=\s*(?:[,;:.)\u2014\u2013]|\s(?:and|or)\b))")


def apposed_first_name(text: str, d: Description, here: Sequence[MentionLike], actors: Sequence[str]) -> str | None:
    """The actor a kin description apposed to a first name is ("his wife, Heidi," -> Heidi Cruz).

    Returns the one actor whose first name it is, ``""`` when the name is a known given name of no
    actor ("Gov. Jack Dalrymple, his wife, Betsy,": not Dalrymple), None when no lone first name
    follows or a name mention does (the other frames read it).
    """
    m = _APPOSED_NAME_RE.match(text, d.end)
    if m is None or m.group(2) or any(n.start == m.start(1) for n in here):
        return None
    word = m.group(1)
    hits = family_first_name(word, actors)
    if len(hits) == 1:
        return hits[0]
    return "" if not hits and first_name_gender(word + " X") is not None else None


def family_first_name(word: str, actors: Sequence[str]) -> list[str]:
    """The actors a lone first name may name: news calls someone by the first name alone when the
    surname goes without saying, a relative of another actor ("his wife, Heidi": Heidi Cruz beside
    Ted Cruz; "Eric Weinstein and his brother, Brett" is no Brett Kavanaugh), or a one-word actor.

    Examples
    --------
    >>> family_first_name("Heidi", ["Ted Cruz", "Heidi Cruz"]), family_first_name("Brett", ["Brett Kavanaugh"])
    (['Heidi Cruz'], [])
    """
    surnames = Counter(a.split()[-1] for a in actors)
    return [a for a in actors if a.split()[0] == word and (" " not in a or surnames[a.split()[-1]] > 1)]


#: A person's name (two capitalised words), an age or a party tag, a comma: an appositive follows.
_NAME_COMMA_RE = re.compile(r"(?:^|(?<=\s))(\w+\s+)?([A-Z][^\s,()]*)\s+([A-Z][^\s,()]*)"
                            r"(\s*\([^()\n]{1,20}\),|,\s*\d{1,3},|,)\s*\Z")


def apposed_to_other(text: str, d: Description, here: Sequence[MentionLike]) -> bool:
    """Is the description an appositive of a name that is no actor's ("Julian Castro, 41, the
    secretary")? Not of a place ("In New York, the president"; "at the White House, the aide")."""
    m = _NAME_COMMA_RE.search(text, max(0, d.start - 60), d.start)
    if m is None or any(m.start(2) <= n.start < d.start for n in here):
        return False
    lex = actor_lexicon()
    before = (m.group(1) or "").strip()
    person = m.group(4) != ","  # an age or a party tag: "Castro, 41,"; "Lind (D-S.C.),"
    return not (before[:1].isupper() and before.lower() in actor_stopwords() or before.lower() == "the"
                or not person and before.lower() in _PREPOSITIONS
                or norm_word(m.group(2)) in lex["place_starts"] or norm_word(m.group(3)) in lex["not_person"]
                or norm_word(m.group(3)).rstrip(".") in lex["calendar"])



"""Complements the verb frames did not read: 'X seems stable', 'considers him a racist', 'told the story of'.

PolNeAR annotates "seem" and "appear" with an adjective or noun phrase after them as an attribution
without a source whose content is the subject and the complement ("New Hampshire seems stable",
"Ms. Kelly seemed certain to leave"). :func:`predicative_complement` tells such a complement from a
verb of motion or presence ("appeared on CNN", "appeared before the committee", "seemed, at first,").
:func:`small_clause` accepts "consider" with an object pronoun and its predicate ("considers him a racist"),
:func:`story_object` "tell" with a story as its object ("told the story of how ...", "told a different tale"):
PolNeAR annotates both, with the object and what follows as the content.
"""

from __future__ import annotations

import re

from ._lexicon import word_lists
from ._phrases import TOKEN_RE, WORD_RE

_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]*([\w’'-]+)")
_ATTITUDE_LINKS = frozenset({"that", "with", "about", "of", "by"})
_RELATIVES = frozenset({"what", "that", "which", "who", "whatever", "whichever"})

__all__ = ["PREDICATIVE_LEMMAS", "predicative_complement", "small_clause", "story_object", "plural_subject"]

PREDICATIVE_LEMMAS = frozenset({"seem", "appear"})
"""Lemmas read with a bare adjective or noun-phrase complement."""

_NOT_COMPLEMENT = frozenset({"and", "or", "but", "so", "then", "there", "here", "again", "alongside", "together",
                             "onstage", "live", "briefly", "yesterday", "today", "tomorrow", "tonight", "nowhere",
                             "everywhere", "somewhere", "anywhere", "not"})
"""Words after "appeared" that make it a verb of presence, or no complement."""


def predicative_complement(text: str, m: re.Match[str], lemma: str, pos: int, se: int) -> bool:
    """True if a predicative complement (adjective or noun phrase) of "seem"/"appear" starts at ``pos``.

    Examples
    --------
    >>> t = "New Hampshire seems stable."
    >>> m = re.search("seems", t)
    >>> predicative_complement(t, m, "seem", m.end(), len(t))
    True
    >>> t = "He appeared on CNN."
    >>> m = re.search("appeared", t)
    >>> predicative_complement(t, m, "appear", m.end(), len(t))
    False
    """
    if lemma not in PREDICATIVE_LEMMAS:
        return False
    words = word_lists()
    first = _NEXT_WORD_RE.match(text, m.end(), se)
    if first is None or first.group(1).lower() in words.prepositions:
        return False  # 'appeared on Sunday news shows', 'seemed, at first,'
    k = pos
    while k < se and text[k] in " \t\u00a0":
        k += 1
    w = WORD_RE.match(text, k, se)
    if w is None or k - pos > 2:
        return False  # punctuation or nothing after the verb
    lw = w.group().lower()
    if lw in words.prepositions or lw in _NOT_COMPLEMENT or lw in words.clause_words:
        return False  # 'appeared before the committee'
    nxt = _NEXT_WORD_RE.match(text, w.end(), se)
    if nxt is not None and nxt.group(1).lower() in _ATTITUDE_LINKS:
        return False  # 'seemed hopeful that ...', 'appeared pleased with ...': an attitude with its holder
    before = TOKEN_RE.findall(text, max(0, m.start() - 30), m.start())[-3:]
    if any(b.lower() in _RELATIVES for b in before):
        return False  # 'what seems a constant stream', 'behavior that just seems wrong': a relative subject
    if lemma == "appear" and (w.group()[:1].isupper() or lw in words.determiners):
        return False  # 'appeared Sunday', 'appeared a day after': presence, not appearance
    return True


_SMALL_CLAUSE_LEMMAS = frozenset({"consider"})
"""Belief verbs read with an object and its predicate ('considers him a racist')."""
_OBJECT_PRONOUN_RE = re.compile(
    r"\s*(?:him|her|them|me|us|himself|herself|themselves|itself|myself|ourselves|yourself)\s+(?!to\b|as\b)[\w’'-]",
    re.IGNORECASE)


_OBJECT_NAME_RE = re.compile(r"\s*(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+"
                             r"(?=[a-z])[\w’'-]")
"""A name of one to three capitalised words (a title maybe first), then a lower-case word."""


def small_clause(lemma: str, rest: str) -> bool:
    """True for a belief verb followed by an object pronoun or a name and its predicate ('considers him a racist',
    'consider Clinton honest').

    Examples
    --------
    >>> small_clause("consider", " him a racist."), small_clause("consider", " him for the job.")
    (True, False)
    >>> small_clause("consider", " Clinton honest."), small_clause("consider", " Clinton's plan.")
    (True, False)
    """
    if lemma not in _SMALL_CLAUSE_LEMMAS:
        return False
    m = _OBJECT_PRONOUN_RE.match(rest) or _OBJECT_NAME_RE.match(rest)
    if m is None:
        return False
    w = TOKEN_RE.match(rest, m.end() - 1)
    return w is not None and w.group().lower() not in word_lists().prepositions and w.group().lower() not in (
        "and", "or", "but", "to", "as", "that", "who", "which", "because", "if", "when")


_STORY_RE = re.compile(r"\s*(?:[\w’'-]+\s+){0,4}?(?:story|stories|tale|tales)\b", re.IGNORECASE)


def story_object(lemma: str, rest: str) -> bool:
    """True for "tell" with a story as its object ('told the story of how ...', 'told a different tale'):
    the story is what is told, an attribution without a hearer or a "that" clause.

    Examples
    --------
    >>> story_object("tell", " the largely unsubstantiated tale of Gen. Pershing."), story_object("tell", " him.")
    (True, False)
    """
    if lemma != "tell":
        return False
    m = _STORY_RE.match(rest)
    return m is not None and "," not in m.group()


_NOT_PLURAL_ENDS = ("ss", "us", "is", "'s", "’s", "ics")
_NOT_PLURALS = frozenset({"news", "series", "species", "its", "this", "thus", "has", "was", "does", "his", "yes"})


def plural_subject(word: str, form: str) -> bool:
    """True for a plural noun before a base-form cue that agrees with it as its verb ('the emails show',
    'the polls suggest'), where "the <noun> <form>" is otherwise read as a compound noun ('a UN report').

    Examples
    --------
    >>> plural_subject("emails", "show"), plural_subject("news", "report"), plural_subject("UN", "report")
    (True, False, False)
    """
    w = word.lower()
    return (word.islower() and len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDS)
            and w not in _NOT_PLURALS and not form.endswith(("s", "ed", "ing")))

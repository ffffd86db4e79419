"""Stage 3c (second part): cues whose complement or subject shows that nobody presents content.

The rules of :func:`mediakit.metrics.attribution._prose.prose_reason` read person, mood and the sense of a
few verbs; these read the complement and the shape of the subject:

- a verb of knowing with "how to" names an ability, not a belief ("he knew how to let up"; "knew that ..."
  and "knew what happened" are content);
- "Having described ...", "While found in ...": a participle without a subject, the writer's own clause;
- the writer's question ("Should we know who they are?": an auxiliary before "I"/"we", a "?" at the end);
- idioms with "call" ("call it a day", "call it home");
- "There is enormous demand", "There may be some hope": an existential "there" before a form that is also a
  noun;
- a source span that ends in a determiner or a degree word ("a solution that better [acknowledges]"): no
  noun phrase before the cue, which is a noun or a modifier.

:func:`complement_reason` is called by ``prose_reason`` after its own rules; it reads only the words around
the cue and the source span (no parser). Rules that would need to tell people from things (an inanimate
subject: "the smoke threatens the health") cost PolNeAR matches and are left out (see docs/attribution.md).
"""

from __future__ import annotations

import re

from ._document import Attr, Doc
from ._lexicon import word_lists

__all__ = ["complement_reason", "COMPLEMENT_REASONS"]

COMPLEMENT_REASONS: tuple[str, ...] = ("ability_complement", "perfect_participle", "writer_question", "idiom",
                                       "existential_noun", "reduced_passive", "source_not_np")
"""The reasons :func:`complement_reason` gives, in the order it tests them."""

_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*|\d[\w.,]*")
_NEXT_RE = re.compile(r"[ \t\u00a0]*(?:(of|about)[ \t\u00a0]+)?([\w’'-]+|[\"“”«‘:,.;?!()—–])")
# lemmas of knowing: a belief with a clause or a quotation after them, an ability with "how to"
_KNOWING = frozenset({"know", "learn", "aware", "unaware"})
# words that open a propositional complement (a clause) after a verb of cognition
_CLAUSE_OPENERS = frozenset("that whether if how why what when where who whom which whose".split())
_WH_INFINITIVE = frozenset("how what where when whether who which".split())
_PROPOSITION_MARKS = frozenset("\"“”«‘:")
_FINITE = frozenset("is are was were am may might must can could should would will shall".split())
_FINITE_ALL = _FINITE | frozenset("has have had do does did".split())
_SUBJECT_PRONOUNS = frozenset("i we you he she they it there".split())
# the writer (first person), in a question of the writer's
_WRITER = frozenset({"i", "we"})
# "call it a day", "call it home", "call it quits": idioms, nobody is named or quoted
_IDIOM_RE = re.compile(r"[ \t\u00a0]+(?:it|this|that)[ \t\u00a0]+(?:a[ \t\u00a0]+day|a[ \t\u00a0]+night|home|quits)\b",
                       re.IGNORECASE)
_SUBORDINATORS = frozenset("while when whenever if unless though although once until".split())
# words that never end a noun phrase: determiners, and degree words that stand before an adjective or a verb
_NOT_NP_END = frozenset("the a an these those their its our my your his every no better rather very".split())
_CLOSERS = "\"”’»' \t\n)]"


def complement_reason(doc: Doc, a: Attr, src: list[str]) -> str | None:
    """Why candidate ``a`` is not an attribution, read from its complement or its subject, or None.

    Parameters
    ----------
    doc : Doc
        The prepared document.
    a : Attr
        The candidate (cue, lemma, source span, content spans).
    src : list of str
        The words of the source span, in lower case ([] without a source).

    Returns
    -------
    str or None
        One of :data:`COMPLEMENT_REASONS`, or None.

    Examples
    --------
    >>> from ._document import prepare
    >>> doc = prepare("He knew how to let up.")
    >>> complement_reason(doc, Attr((3, 7), "know", (0, 2), [(8, 21)]), ["he"])
    'ability_complement'
    """
    text = doc.text
    ce = a.cue[1]
    nxt = _NEXT_RE.match(text, ce)
    word = nxt.group(2) if nxt is not None else ""
    low = word.lower()
    if word in _PROPOSITION_MARKS or (low in _CLAUSE_OPENERS and not _wh_infinitive(text, nxt)):
        return "writer_question" if src[-1:] and src[-1] in _WRITER and _inverted_question(doc, a, src) else None
    if a.lemma in _KNOWING and low == "how":  # a wh-infinitive here: a clause went back above
        return "ability_complement"  # "he knew how to let up", "docker-compose is aware of how to build an image"
    if a.source is None:
        form = text[a.cue[0]:ce]
        if _perfect_participle(text, a.cue[0], form):
            return "perfect_participle"
        return "reduced_passive" if _reduced_passive(text, a.cue[0], form) else None
    if not src:
        return None  # a source span without a word
    if _not_a_noun_phrase(text, a.source, a.cue[0]):
        return "source_not_np"  # "a solution that better [acknowledges] ...", "very, very [worried]"
    if src[-1] in _WRITER and _inverted_question(doc, a, src):
        return "writer_question"  # "Should we know who they are?", "Can we call it a success?"
    if a.lemma == "call" and _IDIOM_RE.match(text, ce):
        return "idiom"  # "people call it a day", "species that call it home"
    if src[0] == "there" and len(src) > 1 and src[1] in _FINITE and text[a.cue[0]:ce].lower() in _noun_forms() \
            and not any(w[:1].isupper() for w in _WORD_RE.findall(text, a.source[0] + 5, a.source[1])) \
            and not _clause_content(text, a):
        return "existential_noun"  # "There is enormous demand for ...", "There may be some hope there"
    return None


def _perfect_participle(text: str, cs: int, form: str) -> bool:
    """ "Having described ...": a perfect participle without a subject, the writer's own transition."""
    if not form.endswith(("ed", "en", "wn", "id", "ld")):
        return False
    m = _WORD_RE.findall(text, max(0, cs - 10), cs)
    return bool(m) and m[-1].lower() == "having"


def _reduced_passive(text: str, cs: int, form: str) -> bool:
    """ "While found sporadically in ...": a past participle right after a sentence-initial subordinator, no
    subject (not "When asked about it, ...", which the "asked" frame reads)."""
    low = form.lower()
    if not low.endswith(("ed", "en", "wn")) and low not in ("found", "thought") or low in word_lists().asked_forms:
        return False
    m = _WORD_RE.findall(text, max(0, cs - 12), cs)
    return bool(m) and m[-1].lower() in _SUBORDINATORS and m[-1][:1].isupper()


def _not_a_noun_phrase(text: str, source: tuple[int, int], cue_start: int) -> bool:
    """The source span ends, right before the cue, in a word that cannot end a noun phrase: a determiner or a
    degree word ("a solution that better [acknowledges]", "very, very [worried]"): a noun or a modifier."""
    if source[1] > cue_start or text[source[1]:cue_start].strip():
        return False  # the source does not end right before the cue ("..., according to the report")
    last = text[max(source[0], source[1] - 12):source[1]].rsplit(None, 1)[-1:]
    return bool(last) and last[0] in _NOT_NP_END  # lower case only: "The" may open a title


def _inverted_question(doc: Doc, a: Attr, src: list[str]) -> bool:
    """The sentence ends with "?" and an auxiliary stands right before the subject ("Should we know ...?")."""
    assert a.source is not None
    text = doc.text
    se = doc.sents[doc.sentence_of(a.cue[0])][1]
    while se > 0 and text[se - 1] in _CLOSERS:
        se -= 1
    if se <= 0 or text[se - 1] != "?":
        return False
    before = src[-2:-1] or [w.lower() for w in _WORD_RE.findall(text, max(0, a.source[0] - 12), a.source[0])[-1:]]
    return bool(before) and before[-1].replace("’", "'").removesuffix("n't") in _FINITE_ALL


def _clause_content(text: str, a: Attr) -> bool:
    """The content holds a finite verb or opens with a pronoun in its first words: a clause without "that"."""
    s = a.content[0][0]
    words = _WORD_RE.findall(text, s, min(a.content[-1][1], s + 80))[:8]
    if not words or words[0].lower() in _SUBJECT_PRONOUNS:
        return True
    return any(w.lower() in _FINITE_ALL or w.lower().endswith(("n't", "n’t")) for w in words)


def _wh_infinitive(text: str, nxt: re.Match[str] | None) -> bool:
    """The wh-word after the cue opens an infinitive ("how to", "what to do"), not a finite clause."""
    if nxt is None:
        return False
    m = _WORD_RE.search(text, nxt.end(), nxt.end() + 20)
    return m is not None and m.group(0).lower() == "to" and nxt.group(2).lower() in _WH_INFINITIVE


def _noun_forms() -> frozenset[str]:
    """Cue forms that are also nouns ("demand", "hope", "calls"): ``nounish`` and ``noun_bases``."""
    words = word_lists()
    return words.nounish | words.noun_bases

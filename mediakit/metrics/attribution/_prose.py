"""Stage 3c: precision on any prose: candidate attributions that are not attributions.

On news wire, a cue with a subject and a complement is almost always someone presenting content. On
features, blogs, how-tos and page furniture the same surface shapes are often something else:

- a question or an instruction to the reader ("What do you think?", "Let us know in the comments",
  "You can write code that ...": a second-person or imperative subject);
- a noun read as a cue ("video calls", "the company's reports", "as much thought", "thanks to"), or a
  participle that names ("an extension called Kartographer");
- a cue with no content of its own: a fronted "what" ("what the senator said"), a passive
  agent ("an encyclopedia written by volunteers"), the gap of a relative clause ("the thief his people
  said he was");
- a credit line ("Neil MacFarquhar reported from Moscow.", "Additional reporting by ...; Editing by ...").


:func:`prose_reason` tells why one candidate is not an attribution (or None when it is one);
:func:`prose_ok` is its boolean. Both read only the candidate's spans, its sentence and a few words
around the cue, so they are cheap: the extractor calls them once per candidate, before the candidate can
hide the attributions nested in its content. The rules are grammar (closed word classes, sentence mood,
the shape of a subject, of a content and of a credit line), not lists of phrases.
"""

from __future__ import annotations

import re

from ._document import Attr, Doc
from ._lexicon import cue_lexicon, word_lists

Span = tuple[int, int]

__all__ = ["prose_reason", "prose_ok", "REASONS"]

REASONS: tuple[str, ...] = ("second_person", "imperative", "question", "noun_cue", "naming", "credit",
                            "wh_object", "empty_content", "pronoun_object", "passive_agent",
                            "relative_gap")
"""The reasons :func:`prose_reason` gives, in the order it tests them."""

_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*|\d[\w.,]*")
_SECOND_PERSON = frozenset({"you", "ya", "y'all", "y’all", "yourself", "yourselves"})
_AUX = frozenset("""is are was were am be been being has have had do does did can could will would shall
should may might must""".split())
_WH_PRONOUNS = frozenset({"who", "what"})
# determiners and possessives: a cue form right after one is a noun ("the report", "much thought")
_NOUN_DETERMINERS = frozenset("a an the my your our their its every no whose much".split())
# determiners that are also pronouns ("Some said ..."): a noun only when they are not the whole subject
_PRONOUN_DETERMINERS = frozenset("this these those his her some any many more most few several another".split())
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it"})
_NP_DETERMINERS = frozenset("the a an his her their its my our your this that these those".split())
_CONJUNCTIONS = frozenset("and but or nor so yet then because that when if as while since though although".split())
_OBJECT_PRONOUNS = frozenset({"us", "me", "him", "her", "them", "your", "my", "our", "their"})
# words that open an imperative sentence ("Let us know", "Please share", "Don't miss")
_IMPERATIVE_OPENERS = frozenset({"let", "let's", "let’s", "lemme", "please", "don't", "don’t"})
# words that may stand before an object pronoun in a subject ("All of us", "Both their")
_QUANTIFIERS = frozenset("all both each none some many most few several one two half".split())
_PARTICIPLE_RE = re.compile(r"(?:ed|en|wn)\Z")  # a past participle that takes a "by" agent
# words after which a form in -ing is a gerund, a noun ("worth noting", "talk about adding")
_GERUND_HEADS = frozenset({"worth", "about", "into"})
# cue frames of nouns and adjectives (``cues.yaml``): the noun and agent rules do not apply to them
_NOUN_FRAMES = frozenset({"nominal", "attitude"})
_TO_RE = re.compile(r"\s+to\b")
_NAMING_FORMS = frozenset({"called", "named", "dubbed", "titled", "entitled", "labeled", "labelled", "nicknamed"})
_FINDING = frozenset({"find", "show", "see", "know"})  # lemmas of finding and perceiving
_OBJECT_ONLY = frozenset("it them him her themselves himself herself itself".split())
_PRONOUN_OBJECT_END_RE = re.compile(r"\s*(?:[,;.)]|\Z|(?:via|in|on|at|from|for|with|through|after|before|during)\b)")
_NAME_AFTER_RE = re.compile(
    r"\s+(?:the\s+)?(?P<name>[\"“«'‘][^\"”»’\n]{1,40}[\"”»’]|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})")
_NAME_END_RE = re.compile(r"\s*(?:[,;.)—–]|-\s|(?:in|on|for|with|from|and|that|which|who|to|as|at|by)\b)")
_CREDIT_FORMS_RE = re.compile(r"\s+(?:by|from)\s", re.IGNORECASE)
_WORD_CHARS_RE = re.compile(r"[\w’'-]+")
_CLOSERS = "\"”’»' \t\n)]"
_OPENERS = "\"“«„‘'"


def prose_ok(doc: Doc, a: Attr) -> bool:
    """True when candidate ``a`` may be an attribution (:func:`prose_reason` finds nothing against it)."""
    return prose_reason(doc, a) is None


def prose_reason(doc: Doc, a: Attr) -> str | None:
    """Why the candidate ``a`` is not an attribution (one of :data:`REASONS`), or None.

    Parameters
    ----------
    doc : Doc
        The prepared document.
    a : Attr
        A candidate attribution (cue, lemma, source span or None, content spans).

    Returns
    -------
    str or None

    Examples
    --------
    >>> from ._document import prepare
    >>> doc = prepare("What do you think?")
    >>> prose_reason(doc, Attr((12, 17), "think", (0, 11), [(17, 18)]))
    'second_person'
    """
    text = doc.text
    src = _WORD_RE.findall(text[a.source[0]:a.source[1]].lower()) if a.source else []
    reason = _subject_reason(doc, a, src)
    if reason is not None or a.lemma == "colon":
        return reason
    entry = cue_lexicon().get(a.lemma)
    if entry is not None and entry["frame"] in _NOUN_FRAMES:
        return None  # a noun or an adjective by design ("their criticism of ...", "was troubled by ...")
    reason = _cue_reason(doc, a, src)
    if reason is None and not _quoted(text, a):
        reason = _content_reason(text, a)
    return reason


def _subject_reason(doc: Doc, a: Attr, src: list[str]) -> str | None:
    """Reasons read from the source span and the sentence: person and mood."""
    if not _SECOND_PERSON.isdisjoint(src):
        return "second_person"  # "you know", "What do you think", "You can write code that ..."
    ss = doc.sents[doc.sentence_of(a.cue[0])][0]
    if a.source is not None and a.source[0] - ss > 12:
        return None  # the subject does not open the sentence: no imperative, no question
    first = _first_word(doc.text, ss, a.cue[1])
    if not first or (src and src[0] != first) or not (first in _IMPERATIVE_OPENERS or first in _WH_PRONOUNS
                                                      or first in cue_lexicon() or len(src) > 1):
        return None
    if doc.text[ss:ss + 1] in _OPENERS or doc.quote_at(ss + 1) >= 0:
        return None  # the sentence opens inside a quotation: its mood is the speaker's
    if not _clause_content(doc.text, a):
        if first in _IMPERATIVE_OPENERS or _bare_verb_start(doc.text, ss, a, src, first):
            return "imperative"  # "Let us know in the comments", "Read more", "Tell us what ..."
    if len(src) == 1 and src[0] in _WH_PRONOUNS and src[0] == first and _is_question(doc, a):
        return "question"  # "Who doesn't know Erin Andrews?"
    return None


def _bare_verb_start(text: str, ss: int, a: Attr, src: list[str], first: str) -> bool:
    """The sentence opens with a verb in its base form: the cue itself ("Read more", "Share this") or a
    word and an object pronoun before the subject found ("Tell us ...", "Change your settings, adding ...")."""
    if not src:
        return first in cue_lexicon() and text[a.cue[0]:a.cue[1]].lower() == first \
            and text[ss:a.cue[0]].strip(" \t\n-•*") == ""
    return len(src) > 1 and src[1] in _OBJECT_PRONOUNS and src[0] not in _QUANTIFIERS \
        and src[0] not in _NOUN_DETERMINERS and src[0] not in _PRONOUN_DETERMINERS \
        and src[0] not in word_lists().prepositions


def _cue_reason(doc: Doc, a: Attr, src: list[str]) -> str | None:
    """Reasons read from the words right around the cue: a noun, a credit line, a wh-object."""
    text = doc.text
    cs, ce = a.cue
    before = _word_before(text, cs)
    low = before.lower()
    form = text[cs:ce].lower()
    ing = form.endswith("ing")
    if (low in _NOUN_DETERMINERS and not (low == "much" and ing)) \
            or (low in _PRONOUN_DETERMINERS and src[-1:] != [low] and not ing) \
            or (low.endswith(("'s", "’s")) and form.endswith("s") and low not in word_lists().subject_contractions):
        return "noun_cue"  # "the reports", "as much thought", "the company's calls"
    if form in word_lists().nounish and before.islower() and low not in _SUBJECT_PRONOUNS and low[-1:] != "s" \
            and _word_before(text, cs - len(before) - 1).lower() in word_lists().prepositions:
        return "noun_cue"  # "rely on video calls": a compound noun after a preposition
    if cs > 0 and text[cs - 1] in "/-_" or (low in _GERUND_HEADS and form.endswith("ing")):
        return "noun_cue"  # "annotate/blame", "worth noting", "talk about adding": not a verb with a subject
    if form == "thanks" and _TO_RE.match(text, ce):
        return "noun_cue"  # "popular thanks to games like Fortnite": the preposition "thanks to"
    if form in _NAMING_FORMS and before.islower() and low not in _SUBJECT_PRONOUNS and low not in _AUX \
            and (src[:1] in (["a"], ["an"]) or _names_only(text, ce)):
        return "naming"  # "an extension called Kartographer", "a trojan called Monokle, using ...": no content
    if form.endswith("ing") and _CREDIT_FORMS_RE.match(text, ce) and _near_paragraph_start(doc, cs):
        return "credit"  # "Additional reporting by ...", "(Reporting by ...; Writing by ...)"
    if a.source is not None and "hat" in text[max(0, a.source[0] - 12):a.source[0]] \
            and _word_before(text, a.source[0]).lower() in ("what", "whatever"):
        return "wh_object"  # "what the senator said": the cue's object is "what", no content
    return None


def _content_reason(text: str, a: Attr) -> str | None:
    """Reasons read from an indirect content: a credit ("from Moscow"), an agent, a clause with a gap."""
    s, e = a.content[0][0], a.content[-1][1]
    first = _WORD_RE.search(text, s, min(e, s + 40))
    if first is None:
        return "empty_content" if _WORD_RE.search(text, s, e) is None else None
    w0 = first.group(0).lower()
    if w0 in _OBJECT_ONLY and a.lemma in _FINDING and _PRONOUN_OBJECT_END_RE.match(text, first.end()):
        return "pronoun_object"  # "researchers found it via two links", "that's where I found it."
    if w0 not in ("by", "from") and e - s > 40:
        return None  # the rules below read a "by"/"from" content or a content of two words
    words = _WORD_RE.findall(text, s, min(e, s + 80))
    form = text[a.cue[0]:a.cue[1]].lower()
    if w0 == "by" and len(words) > 1 and not words[1].lower().endswith("ing") and _PARTICIPLE_RE.search(form):
        return "passive_agent"  # "an encyclopedia written collaboratively by volunteers"
    if w0 == "from" and len(words) <= 6 and all(w[0].isupper() or w.lower() in ("and", "the", "of")
                                                 for w in words[1:]):
        return "credit"  # "Neil MacFarquhar reported from Moscow."
    if len(words) == 2 and words[0].lower() in _SUBJECT_PRONOUNS and words[1].lower() in _AUX \
            and _relative_source(text, a.source):
        return "relative_gap"  # "the thief his people said he was" (not "Jeff Flake said he would")
    return None


def _names_only(text: str, ce: int) -> bool:
    """After a naming participle, a name (capitalised words or a quotation) and then the clause goes on
    ("called Monokle, using ...", "called “XDA Developers” in posts"): not "called Clinton a liar"."""
    m = _NAME_AFTER_RE.match(text, ce)
    return m is not None and m.group("name") is not None and _NAME_END_RE.match(text, m.end()) is not None


def _near_paragraph_start(doc: Doc, pos: int) -> bool:
    """At most two words stand between the start of the paragraph (or an opening bracket) and ``pos``."""
    ps = doc.paras[doc.sents[doc.sentence_of(pos)][2]][0]
    lead = doc.text[max(ps, pos - 60):pos]
    cut = max(lead.rfind("("), lead.rfind("["), lead.rfind("\n"))
    return len(_WORD_RE.findall(lead[cut + 1:])) <= 2 and (cut >= 0 or pos - ps <= 60)


def _relative_source(text: str, source: Span | None) -> bool:
    """The source opens a relative clause without "that": a noun right before it or before its last phrase
    ("like the thief [that] his people said he was")."""
    if source is None:
        return False
    before = _word_before(text, source[0])
    if before.islower() and before not in _CONJUNCTIONS:
        return True
    words = _WORD_RE.findall(text, *source)
    return any(w.lower() in _NP_DETERMINERS and words[k - 1].islower() and words[k - 1] not in _CONJUNCTIONS
               and words[k - 1] not in word_lists().prepositions for k, w in enumerate(words) if k > 0)


def _clause_content(text: str, a: Attr) -> bool:
    """A "that" or a quotation opens the content ("Let me say that ...": the speaker's own claim)."""
    s = a.content[0][0]
    return text[s:s + 1] in _OPENERS or " that " in f" {text[a.cue[1]:s + 5].lower()}"


def _quoted(text: str, a: Attr) -> bool:
    """The content opens with a quotation mark (a direct quotation: the content rules do not apply)."""
    s = a.content[0][0]
    return text[s:s + 1] in "\"“«„‘" and s < len(text) or text[s:s + 2] == "''"


def _is_question(doc: Doc, a: Attr) -> bool:
    """The sentence of the cue ends with a question mark (closing quotes and brackets aside)."""
    se = doc.sents[doc.sentence_of(a.cue[0])][1]
    text = doc.text
    while se > 0 and text[se - 1] in _CLOSERS:
        se -= 1
    return se > 0 and text[se - 1] == "?"


def _first_word(text: str, ss: int, limit: int) -> str:
    """The first word of the sentence starting at ``ss`` (lower case), or ''."""
    m = _WORD_RE.search(text, ss, limit)
    return m.group(0).lower() if m is not None else ""


def _word_before(text: str, pos: int) -> str:
    """The word right before ``pos`` ('' after a punctuation mark or at the start)."""
    rev = text[max(0, pos - 40):pos][::-1].lstrip(" \t\u00a0")
    m = _WORD_CHARS_RE.match(rev)
    return m.group(0)[::-1] if m is not None else ""


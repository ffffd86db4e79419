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
- a credit line ("Neil MacFarquhar reported from Moscow.", "Additional reporting by ...; Editing by ...");
- a verb in another sense than reporting: "add" with a goal ("only adds to the intrigue", "add prefixes to
  all strings": caused motion, not saying), the writer's own naming ("we call it X", "what we call X");
- "add" or "write" in the progressive with a plain object ("we'll be adding new interviews"): an activity;
- a relative clause without "that" whose gap is the cue's object ("the structure we would want for building",
  "the function it calls into"): the pronoun is the subject of a relative clause, not a source with content.


A second set of rules, on the complement and the shape of the subject ("knew how to", "Having described",
"Should we know ...?", "There is enormous demand"), lives in ``_complement`` (:data:`COMPLEMENT_REASONS`).

:func:`prose_reason` tells why one candidate is not an attribution (or None when it is one);
:func:`prose_ok` is its boolean. Both read only the candidate's spans, its sentence and a few words
around the cue, so they are cheap: the extractor calls them once per candidate, before the candidate can
hide the attributions nested in its content. The rules are grammar (closed word classes, sentence mood,
the shape of a subject, of a content and of a credit line), not lists of phrases.
"""

from __future__ import annotations

import re

from ._complement import COMPLEMENT_REASONS, complement_reason
from ._document import Attr, Doc
from ._lexicon import cue_lexicon, word_lists

Span = tuple[int, int]

__all__ = ["prose_reason", "prose_ok", "REASONS"]

REASONS: tuple[str, ...] = ("second_person", "imperative", "question", "noun_cue", "naming", "credit",
                            "wh_object", "empty_content", "pronoun_object", "passive_agent",
                            "relative_gap", "caused_motion", "own_naming", "object_relative",
                            "progressive_activity", "plain_object") + COMPLEMENT_REASONS
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
_DEGREE_WORDS = frozenset({"most", "least", "more", "less"})
_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "single"})
#: Lemmas that report only with a clause or a quotation after them: with a plain noun phrase as object they
#: name an act ("These messages add some urgency"). ("threaten" and "declare" with an object are reports in
#: PolNeAR: "threatening the chairwoman", "declared their allegiance".)
_PLAIN_OBJECT_LEMMAS = frozenset({"add"})
#: A plain noun phrase opening right after the cue: a determiner or quantifier and a word.
_PLAIN_OBJECT_RE = re.compile(r"\s+(?:a|an|the|this|these|some|more|new|our|your|their|its|his|her|any)\s+[a-z]",
                              re.IGNORECASE)
# cue frames of nouns and adjectives (``cues.yaml``): the noun and agent rules do not apply to them
_NOUN_FRAMES = frozenset({"nominal", "attitude"})
_TO_RE = re.compile(r"\s+to\b")
#: A copula right after a cue: "what they said was an attempt to ..." reports that it was one.
_COPULA_AFTER_RE = re.compile(r"\s+(?:was|were|is|are|would\s+be|will\s+be|had\s+been|has\s+been)\b")
#: Cues that put a label on their object: "what he called a hoax" reports the label.
_LABELLING_LEMMAS = frozenset({"call", "dub", "name", "label", "term", "describe", "characterize", "characterise",
                               "brand", "nickname"})
_NAMING_FORMS = frozenset({"called", "named", "dubbed", "titled", "entitled", "labeled", "labelled", "nicknamed"})
_FINDING = frozenset({"find", "show", "see", "know"})  # lemmas of finding and perceiving
_OBJECT_ONLY = frozenset("it them him her themselves himself herself itself".split())
# "add" with a goal ("adds to the intrigue", "add prefixes to all strings"): the caused-motion sense (put in,
# increase), not "add" as a verb of saying
_ADD_GOAL_RE = re.compile(r"\s+(?P<obj>(?:[\w’'$\-]+\s+){0,5}?)(?:to|into|onto)\s+(?P<goal>[\w’'-]+)")
# words before a pronoun subject that do not end a noun (a relative clause without "that" follows a noun)
_FUNCTION_WORDS = frozenset("""is are was were be been being has have had do does did will would can could shall should
may might must than whether which who what how why where when once until unless not said says think thinks thought
believe believes believed know knew knows hope hopes feel felt say tell told""".split())
_NEXT_RE = re.compile(r"\s*(?:([A-Za-z]+)\b|([.;)—–]|-\s))")
_BE_FORMS = frozenset("am is are was were be been being".split())
_THAT_RE = re.compile(r"\s+that\b")
_CLAUSE_OPENERS = frozenset("that whether if how why what when where who which".split())
_PRONOUN_OBJECT_END_RE = re.compile(r"\s*(?:[,;.)]|\Z|(?:via|in|on|at|from|for|with|through|after|before|during)\b)")
_NAME_AFTER_RE = re.compile(
    r"\s+(?:the\s+)?(?P<name>[\"“«'‘][^\"”»’\n]{1,40}[\"”»’]|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})")
_NAME_END_RE = re.compile(r"\s*(?:[,;.)—–]|-\s|(?:in|on|for|with|from|and|that|which|who|to|as|at|by)\b)")
# particles and titles after "called" that are no one-word name ("called on", "called Mr. X")
_NOT_NAMES = frozenset("on off for up out mr mrs ms dr sen rep gov gen st prof pres".split())
_ONE_WORD_NAME_RE = re.compile(
    r"[ \t\u00a0]+([A-Za-z][\w.+-]*)(?:,[ \t\u00a0]+(?:and|or|which|[a-z]+ing)\b|\.(?:\s|\Z)|;|\))")
_CREDIT_FORMS_RE = re.compile(r"\s+(?:by|from)\s", re.IGNORECASE)
_WORD_CHARS_RE = re.compile(r"[\w’'-]+")
_CLOSERS = "\"”’»' \t\n)]"
_OPENERS = "\"“«„‘'"
_QUOTE_OPENINGS = ("\"", "“", "«", "„", "‘", "''")  # what opens a direct quotation (two apostrophes for one mark)


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
        # a noun or an adjective by design ("their criticism of ...", "was troubled by ..."): only its complement
        return None if _quoted(text, a) else complement_reason(doc, a, src)
    reason = _cue_reason(doc, a, src)
    if reason is None:
        reason = _sense_reason(text, a, src)
    if reason is None and not _quoted(text, a):
        reason = _content_reason(text, a) or complement_reason(doc, a, src)
    return reason


def _subject_reason(doc: Doc, a: Attr, src: list[str]) -> str | None:
    """Reasons read from the source span and the sentence: person and mood."""
    if not _SECOND_PERSON.isdisjoint(src):
        return "second_person"  # "you know", "What do you think", "You can write code that ..."
    if src[:1] and src[0] in _IMPERATIVE_OPENERS and src[0] != "please" and not _clause_content(doc.text, a):
        return "imperative"  # "Now, let me ask you something: ...", "if you read this, lemme know what's up"
    if len(src) == 1 and not (src[0] in _IMPERATIVE_OPENERS or src[0] in _WH_PRONOUNS or src[0] in cue_lexicon()):
        return None  # one word that opens neither a command nor a question ('he', 'Trump'): the test below says so too
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
    if low in _DEGREE_WORDS and form.endswith("ed") and _degree_opener(_word_before(text, cs - len(before) - 1)):
        return "noun_cue"  # "the most discussed post", "Europe's most wanted man", "the second most cited issue"
    if cs > 0 and text[cs - 1] in "/-_" or (low in _GERUND_HEADS and ing):
        return "noun_cue"  # "annotate/blame", "worth noting", "talk about adding": not a verb with a subject
    if form == "thanks" and _TO_RE.match(text, ce):
        return "noun_cue"  # "popular thanks to games like Fortnite": the preposition "thanks to"
    if form in _NAMING_FORMS and low not in _SUBJECT_PRONOUNS and low not in _AUX and low not in _OBJECT_PRONOUNS \
            and (before.islower() and (src[:1] in (["a"], ["an"]) or _names_only(text, ce))
                 or before[:1].isalnum() and _one_word_name(text, ce)):
        return "naming"  # "an extension called Kartographer", "a trojan called Monokle, using ...": no content
    if ing and _CREDIT_FORMS_RE.match(text, ce) and _near_paragraph_start(doc, cs):
        return "credit"  # "Additional reporting by ...", "(Reporting by ...; Writing by ...)"
    if a.source is not None and text.find("hat", max(0, a.source[0] - 12), a.source[0]) >= 0 \
            and _word_before(text, a.source[0]).lower() in ("what", "whatever") \
            and not (a.content and (a.lemma in _LABELLING_LEMMAS or form.endswith(" as")
                                    or _COPULA_AFTER_RE.match(text, ce))):
        # "what the senator said": the cue's object is "what", no content; but "what he called a 'hoax'" and "what
        # they characterize as ..." give the label they put on it, "in what they said was an attempt" what they said
        return "wh_object"
    if src[-1:] == ["i"] and (src[-2:-1] == ["dare"] or (
            len(src) == 1 and a.source is not None and _word_before(text, a.source[0]) == "dare")):
        return "idiom"  # "dare I say": the writer hedging, no report
    return None


def _sense_reason(text: str, a: Attr, src: list[str]) -> str | None:
    """Reasons read from the sense of the verb and its complement: "add" with a goal, "add/write" as an
    ongoing activity, a relative clause whose gap is the object, the writer's own naming ("we call it")."""
    ce = a.cue[1]
    if a.lemma == "add" and not _clause_after(text, ce):
        m = _ADD_GOAL_RE.match(text, ce, min(len(text), ce + 80))
        if m is not None and not any(c in text[ce:m.end()] for c in ",;:\"“”") \
                and _SUBJECT_PRONOUNS.isdisjoint(m.group("obj").lower().split()) and _goal_not_hearer(m.group("goal")):
            return "caused_motion"  # "only adds to the intrigue", "add b'' prefixes to all strings"
    if a.lemma in ("add", "write") and text[a.cue[0]:ce].lower().endswith("ing") and _after_be(text, a.cue[0]) \
            and not _clause_after(text, ce):
        return "progressive_activity"  # "we'll be adding new interviews", "I'm writing this in Lima": an activity
    if a.lemma in _PLAIN_OBJECT_LEMMAS and a.content and a.content[0][0] >= ce and not _clause_after(text, ce) \
            and _plain_object(text, ce, a.content[-1][1]):
        return "plain_object"  # "These SMS messages add some level of urgency": an act, no content
    if src and src[-1] in _SUBJECT_PRONOUNS and _object_relative(text, a, src):
        return "object_relative"  # "the structure we'd want for building": a relative clause, its gap the object
    if a.lemma == "call" and src[-1:] == ["we"] and text[a.cue[0]:ce].lower() == "call" \
            and not _THAT_RE.match(text, ce):
        return "own_naming"  # "we call it entrepreneurial capitalism", 'what we call "dreamers"': the writer's term
    return None


def _plain_object(text: str, ce: int, end: int) -> bool:
    """A plain noun phrase follows the cue ("some level of urgency"), to the content's ``end``: not a clause
    without "that" ("the U.S. must act"), no quotation or colon ("a caveat: ...")."""
    if _PLAIN_OBJECT_RE.match(text, ce) is None:
        return False
    rest = text[ce:end]
    if any(ch in rest for ch in ":\"“”«'‘"):
        return False
    return _AUX.isdisjoint(w.lower() for w in _WORD_RE.findall(rest)[:9])


def _object_relative(text: str, a: Attr, src: list[str]) -> bool:
    """A pronoun subject right after a noun, with no clause after the cue: a relative clause without "that"
    whose gap is the cue's object ("the structure we'd want for building", "the function it calls into")."""
    if a.source is None:
        return False
    before = src[-2] if len(src) > 1 else _word_before(text, a.source[0])
    low = before.lower()
    if not before.isalpha() or not before.islower() or low.endswith(("ly", "ed")) or low in _FUNCTION_WORDS \
            or low in word_lists().prepositions or low in cue_lexicon() or low in _CONJUNCTIONS:
        return False
    m = _NEXT_RE.match(text, a.cue[1])
    return m is not None and (m.group(1) is None or
        m.group(1).lower() in word_lists().prepositions and m.group(1).lower() not in ("to", "that", "as"))


def _after_be(text: str, cs: int) -> bool:
    """A form of "be" (and maybe an adverb in -ly) right before ``cs``: the cue is in the progressive."""
    before = _word_before(text, cs)
    if before.lower().endswith("ly") and before.islower():
        before = _word_before(text, cs - len(before) - 1)
    low = before.lower()
    return low in _BE_FORMS or low.endswith(("’m", "'m", "’re", "'re"))


def _goal_not_hearer(word: str) -> bool:
    """The word after "to" opens a goal ("to the intrigue", "to Clinton's lead"), not a hearer ("to People",
    "to reporters", "to him")."""
    low = word.lower()
    if low in _OBJECT_PRONOUNS or low in ("reporters", "journalists", "listeners", "viewers", "readers"):
        return low in ("your", "my", "our", "their")
    return not word[:1].isupper() or low.endswith(("’s", "'s"))


def _clause_after(text: str, ce: int) -> bool:
    """A clause or a quotation opens right after the cue ("added that ...", "added: ...", 'added, "...')."""
    m = _WORD_RE.search(text, ce, ce + 40)
    gap = text[ce:m.start()] if m is not None else text[ce:ce + 40]
    return any(c in gap for c in ":\"“«'‘") or (m is not None and m.group(0).lower() in _CLAUSE_OPENERS)


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
    if w0 == "by" and len(words) > 1 and not words[1].lower().endswith("ing") \
            and _PARTICIPLE_RE.search(text[a.cue[0]:a.cue[1]].lower()):
        return "passive_agent"  # "an encyclopedia written collaboratively by volunteers"
    if w0 == "from":
        comma = text.find(",", s, e)
        place = _WORD_RE.findall(text, s, comma) if comma > 0 else words  # up to a comma: '..., and X from Y'
        if len(place) <= 6 and all(w[0].isupper() or w.lower() in ("and", "the", "of") for w in place[1:]):
            return "credit"  # "Neil MacFarquhar reported from Moscow.", "X reported from Midway Atoll, and Y from ..."
    if len(words) == 2 and words[0].lower() in _SUBJECT_PRONOUNS and words[1].lower() in _AUX \
            and _relative_source(text, a.source):
        return "relative_gap"  # "the thief his people said he was" (not "Jeff Flake said he would")
    return None


def _names_only(text: str, ce: int) -> bool:
    """After a naming participle, a name (capitalised words or a quotation) and then the clause goes on
    ("called Monokle, using ...", "called “XDA Developers” in posts"): not "called Clinton a liar"."""
    m = _NAME_AFTER_RE.match(text, ce)
    return m is not None and m.group("name") is not None and _NAME_END_RE.match(text, m.end()) is not None


def _one_word_name(text: str, ce: int) -> bool:
    """After a naming participle, one word (a name, also in lower case: "called conda, and", "called Monokle,
    using") and then the sentence end or a coordination: it names and says nothing ("called Clinton, his
    rival, an ISIS co-founder" goes on)."""
    m = _ONE_WORD_NAME_RE.match(text, ce)
    return m is not None and m.group(1).lower() not in _NP_DETERMINERS and m.group(1).lower() not in _OBJECT_ONLY \
        and m.group(1).lower() not in _SUBJECT_PRONOUNS and m.group(1).lower() not in _NOT_NAMES


def _near_paragraph_start(doc: Doc, pos: int) -> bool:
    """At most two words stand between the start of the paragraph (or an opening bracket, or a semicolon of a
    credit line) and ``pos``."""
    ps = doc.paras[doc.sents[doc.sentence_of(pos)][2]][0]
    lead = doc.text[max(ps, pos - 60):pos]
    cut = max(lead.rfind("("), lead.rfind("["), lead.rfind("\n"), lead.rfind(";"))
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
    return text.startswith(_QUOTE_OPENINGS, a.content[0][0])


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


def _degree_opener(word: str) -> bool:
    """A word that makes "most"/"more" after it part of a noun phrase: a determiner, a possessive or an ordinal
    ('the most', "Europe's most", 'the second most')."""
    low = word.lower()
    return low in _NP_DETERMINERS or low in _ORDINALS or low.endswith(("'s", "’s"))


def _word_before(text: str, pos: int) -> str:
    """The word right before ``pos`` ('' after a punctuation mark or at the start)."""
    rev = text[max(0, pos - 40):pos][::-1].lstrip(" \t\u00a0")
    m = _WORD_CHARS_RE.match(rev)
    return m.group(0)[::-1] if m is not None else ""


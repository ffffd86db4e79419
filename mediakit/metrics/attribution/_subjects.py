"""Sources in subject position: a name with its appositions, or a noun phrase after an inverted cue.

:func:`appositive_subject` reads "Sterling Pratt, wine director at Schaefer's, said" back from the
comma before the cue; :func:`np_like` tells a noun phrase ('said the spokesman') from a clause
('said he will'). The clause reader and the frames of :mod:`._verb` also use :func:`dashed_subject` ('Jason Sims —
a teacher — says'), :func:`source_after_quote` ('"...," Jeff Weaver, Sanders' campaign manager, said'),
:func:`titled_name_right` ('said former governor Ed Rendell') and :func:`gerund_source` ('The choice was
between going after ...': no source).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ._document import Doc
from ._frames import subject_end, verb_like
from ._lexicon import WordLists, lexicons, word_lists
from ._phrases import last_of, np_left, np_right, strip_span

__all__ = ["appositive_subject", "np_like", "dashed_subject", "source_after_quote", "titled_name_right",
           "GerundHead", "gerund_head", "gerund_source", "gerund_subject",
           "gerund_predicate", "relative_antecedent", "apposed_name", "split_predicate"]

_HEAD_CUT_RE = re.compile(r",|\s(?:who|which|that|whose)\s")

_PARTY_APPOSITION_RE = re.compile(
    r"(?:[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\Z|(?:Democrat|Republican|Independent)\s+of\s+[A-Z])")

_RELATIVES = frozenset({"who", "whose", "which", "whom"})
_SOURCE_NOUNS = frozenset({"source", "person", "witness", "resident", "voter", "assailant", "victim", "neighbor",
                           "neighbour", "friend", "relative"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "am"})
#: at most this many words in a gerund's subject and in the verb phrase between it and the gerund
_GERUND_SUBJECT_WORDS = 8
_GERUND_VERB_WORDS = 8
#: a verb whose object is the gerund's subject: 'quoted a GOP official as [saying]', 'had artists [writing]'
_GERUND_OBJECT_RE = re.compile(
    r"(?<!\S)(?:quoted|quotes|quote|had|has|have|heard|hears|saw|sees|received|receives|receive)\s+"
    r"(?P<np>(?!(?:as|by|in|on|at|for|with|from|about|been|be|being|long|also|never|not|already|just|to|no|yet|since|"
    r"always|often|still|repeatedly|recently|made|gone|come|taken|had|got|gotten|done|said|told)\b)"  # no object
    r"[\w’'.-]+\b[^,;:()\n]*?)(?:\s+as)?\s*\Z")
#: subjects of a copula whose gerund is a predicate ('It is telling', 'That is not the same as saying')
_PREDICATE_SUBJECTS = frozenset({"it", "that", "this", "there", "what", "which"})
#: subjects a gerund's source is not cut to: the pronouns above and relative pronouns, whose verb phrase says more
#: than they do ('officials, who asked not to be identified discussing ...': anonymous)
_UNCUT_SUBJECTS = _PREDICATE_SUBJECTS | {"who", "whom", "whose"}

#: relative pronouns that open a subject relative right before a cue ('governors who said'; not "that", which is as
#: often a determiner before a noun read as a cue: 'the author of that boast')
_SUBJECT_RELATIVES = frozenset({"who", "which"})
_PHRASE_WORD_RE = re.compile(r"[\w’'.-]+")
#: words :func:`verb_like` reads as verbs that are adverbs ('not paying an architect')
_ADVERBS_LIKE_VERBS = frozenset({"also", "then", "later", "quickly", "repeatedly", "never", "not"})
_ANTECEDENT_WORDS = 6
#: words that open a phrase inside a verb's object other than a noun phrase (particles, "to", wh-words)
_NOT_IN_AN_OBJECT = frozenset({"to", "around", "off", "up", "out", "down", "away", "back", "why", "how", "what",
                               "when", "where", "whom", "whose", "and", "or"})

Span = tuple[int, int]
_NO_QUOTE_MARKS = str.maketrans("", "", "\"“”«»")  # a quotation closing an apposition (``appositive_subject``)


def appositive_subject(text: str, lo: int, comma: int, quoted: bool = False) -> Span | None:
    """For "Name, apposition, ..., said": the span from the name to the end of the appositions.

    ``comma`` is the position of the comma right before the cue. Comma-separated
    descriptions ('a teacher', '59', 'of Ashton', 'Md.', 'who ...') are skipped back
    to the noun phrase they describe; "One of his advisers, Tad Devine, told ..." (a
    description, then the name) is accepted too. With ``quoted``, the description before the cue
    ends with a short quotation ('a fan of “The Apprentice,”'): its quotation marks do not count.
    """
    commas = _commas_back(text, lo, comma)
    # commas[0] is the one before the cue; segment i lies between commas[i+1] and commas[i]
    i = 0
    while i + 1 < len(commas):
        seg = text[commas[i + 1] + 1:commas[i]]
        if quoted and i == 0:
            seg = seg.translate(_NO_QUOTE_MARKS)
        if len(seg) > 160 or not _appositive_like(seg):
            break
        i += 1
    if i == 0:
        # no description right before the cue: maybe 'a description, Name, said'
        return _description_then_name(text, lo, comma, commas)
    # commas[i] ends the head noun phrase
    start_lo = commas[i + 1] + 1 if i + 1 < len(commas) else lo
    head = np_left(text, start_lo, commas[i])
    if head is None:
        return None
    words = text[head[0]:head[1]].split()
    if len(words) > 10 or not any(w[:1].isupper() for w in words):
        return None
    return head[0], strip_span(text, commas[i], comma)[1]


def _commas_back(text: str, lo: int, comma: int) -> list[int]:
    """``comma`` and up to six commas before it (not before ``lo``), nearest first."""
    commas = [comma]
    k = comma
    for _ in range(6):
        prev = text.rfind(",", lo, k)
        if prev < 0:
            break
        commas.append(prev)
        k = prev
    return commas


def _appositive_like(seg: str) -> bool:
    """A comma segment that describes a name: 'a nurse', '59', 'of Ashton', 'Md.', 'who ...'."""
    seg = seg.strip()
    if not seg or any(c in seg for c in "\"“”«»"):
        return False
    first = seg.split()[0]
    if first.lower() in word_lists().appositive_not_openers:
        return False
    if _PARTY_APPOSITION_RE.match(seg):
        return True  # 'R-Utah', 'D-N.Y.', 'Democrat of Tennessee', 'Republican of New York'
    return (first[:1].islower() or first in ("The", "A", "An") or first[:1].isdigit()
            or first.rstrip(".").lower() in lexicons().role_words
            or (len(seg) <= 6 and seg.endswith(".") and seg[:1].isupper()))  # a state: 'Md.', 'Calif.'


def _description_then_name(text: str, lo: int, comma: int, commas: list[int]) -> Span | None:
    """'One of his advisers, Tad Devine, told ...': the description and the name after it."""
    prev = commas[1] if len(commas) > 1 else -1
    if prev < 0:
        return None
    app_words = text[prev + 1:comma].strip().split()
    particles = word_lists().name_particles
    if not app_words or len(app_words) > 5 or not all(
            w[:1].isupper() or w.lower() in particles for w in app_words):
        return None
    pp = commas[2] if len(commas) > 2 else -1
    head = np_left(text, pp + 1 if pp >= 0 else lo, prev)
    if head is None or not _describes_a_person(text[head[0]:head[1]].split()):
        return None
    return head[0], strip_span(text, prev, comma)[1]


def _describes_a_person(words: list[str]) -> bool:
    """Words that describe a person: 'One of his advisers', 'a spokesman', 'Obama's aide', 'the party chair'."""
    w0 = words[0].lower()
    return len(words) <= 10 and (w0 in word_lists().description_openers
                                 or words[0][:1].islower() or words[0].endswith(("’s", "'s"))
                                 or len(words) >= 2 and words[-1].lower() in lexicons().role_words)


def np_like(text: str, span: Span) -> bool:
    """A right-hand source looks like a noun phrase, not a clause ('said the spokesman' vs 'said he will')."""
    words = text[span[0]:span[1]].split()
    if not words:
        return False
    lists = word_lists()
    if words[0].lower() in lists.pronoun_subjects:
        return False
    head = _HEAD_CUT_RE.split(text[span[0]:span[1]])[0].split()
    if len(head) > 8:
        return False
    if any(w.lower() in lists.finite for w in head):
        return False
    # 'said Clinton lied': a past tense right after a name
    return not any(k > 0 and head[k - 1][:1].isupper() and w.islower() and w.endswith("ed") and len(w) > 3
                   for k, w in enumerate(head))


# --------------------------------------------------------------------------- subjects that the clause reader misses


def dashed_subject(doc: Doc, ss: int, k: int) -> tuple[int, str, int] | None:
    """'Jason Sims — a teacher from Mount Pleasant — says ...': the dash at ``k`` closes a parenthesis opened
    by the same dash after a short noun phrase. Returns the subject bound before that noun phrase, its kind
    ("start" or the punctuation before it) and where the noun phrase ends (the first dash), or None."""
    text = doc.text
    kd = text.rfind(text[k], ss, k)
    if kd < 0 or doc.has_cue(kd, k) or len(text[kd:k].split()) > 20:
        return None
    j = last_of(text, ",;:—–", ss, kd)
    lo = j + 1 if j >= ss else ss
    head = text[lo:kd].split()
    lists = word_lists()
    if not 1 <= len(head) <= 8 or not (head[0][:1].isupper() or head[0].lower() in lists.description_openers):
        return None
    if any(w.lower() in lists.clause_words or w.lower() in lists.finite for w in head) or doc.has_cue(lo, kd):
        return None
    return (lo, text[j], kd) if j >= ss else (ss, "start", kd)


def source_after_quote(doc: Doc, ss: int, comma: int) -> Span | None:
    """'"...," Jeff Weaver, Sanders' campaign manager, said': between a quotation that closes with a comma and
    the ``comma`` before the cue, a noun phrase with its appositions is the source (a name or a description
    with a capitalised word; no verb before a relative "who")."""
    text = doc.text
    qi = doc.quote_ending_at(comma, ss)
    if qi < 0:
        return None
    q = doc.quotes[qi]
    s, e = strip_span(text, q.end, comma, " \t\u00a0,")
    if s >= e or "," not in text[q.end - 3:s] or text[q.end:s].strip(" \t\u00a0,"):
        return None
    words = text[s:e].split()
    if not 2 <= len(words) <= 25 or any(ch in text[s:e] for ch in "\"“”«»;:()"):
        return None
    head: list[str] = []
    for w in words:
        if w.lower().strip(",") in _RELATIVES:
            break
        head.append(w.strip(","))
    lists = word_lists()
    if not (words[0][:1].isupper() or words[0].lower() in lists.description_openers) or not (any(
            w[:1].isupper() for w in head) or head and people_word(head[-1])):
        return None  # a name, or a description of people ('an intelligence source, who was not authorized ...')
    if any(w.lower() in lists.finite or w.lower() in lists.clause_words for w in head):
        return None
    return s, e


def people_word(word: str) -> bool:
    """A noun for people or a source ('official', 'teachers', 'source', 'reporter'), from the role lexicons."""
    w = word.lower().strip(",.")
    lex = lexicons()
    return w in lex.role_words or w in lex.group_words or w in lex.media_words or w in _SOURCE_NOUNS


def titled_name_right(text: str, pos: int, end: int) -> Span | None:
    """A lower-case title before a name after an inverted cue at ``pos`` ('..., said former Pennsylvania
    governor Ed Rendell, who ...', 'says political scientist Dossym Satpayev'): a capitalised word among the
    first five, only lower-case words before it that are no pronoun, preposition or clause word."""
    src = np_right(text, pos, end, loose=True)
    if src is None:
        return None
    words = text[src[0]:src[1]].split()
    k = next((i for i, w in enumerate(words[:5]) if w[:1].isupper()), 0)
    lists = word_lists()
    if k == 0 or any(not w.isalpha() or w in lists.pronoun_subjects or w in lists.clause_words
                     or w in lists.prepositions or w in lists.tail_clause for w in words[:k]):
        return None  # not 'despite being ...', 'congressional testimony by Gregory Hicks'
    return src


class GerundHead(NamedTuple):
    """The subject of a gerund's clause, read once: ``end``, the end of the word before its first verb
    (:func:`subject_end`; -1 when it has none), and ``np``, the noun phrase before that verb (None when none)."""

    end: int
    np: Span | None


def gerund_head(text: str, subj_s: int, subj_e: int) -> GerundHead:
    """:class:`GerundHead` of the subject ``text[subj_s:subj_e]`` of a cue in -ing."""
    end = subject_end(text, subj_s, subj_e)
    return GerundHead(end, np_left(text, subj_s, end) if end > subj_s else None)


def gerund_source(text: str, subj_s: int, subj_e: int, head: GerundHead) -> Span | None:
    """The source of a gerund after a preposition ('Rubio refrained from [attacking]'): the subject as for
    any cue, but none when the gerund is the complement of "be" ('The choice was between [going after]
    Trump or ...': no one's act) or the clause opens with the preposition ('From [pointing out] ...')."""
    words = text[subj_s:subj_e].split()
    if not words or words[0].lower() in word_lists().prepositions:
        return None
    if head.end >= 0:
        verbs = text[head.end:subj_e].split()
        if len(verbs) == 2 and verbs[0].lower() in _COPULAS:
            return None
        np = head.np
        if np is not None and _one_clause(text, subj_s, head.end, subj_e) and text[np[0]:np[1]].lower() not in (
                _UNCUT_SUBJECTS):
            return np  # 'Buttigieg made a point of [saying]': Buttigieg
    return np_left(text, subj_s, subj_e)


def _one_clause(text: str, subj_s: int, end: int, subj_e: int) -> bool:
    """Whether ``text[subj_s:end]`` and the verb phrase ``text[end:subj_e]`` are one short clause: no comma in the
    subject, at most :data:`_GERUND_SUBJECT_WORDS` and :data:`_GERUND_VERB_WORDS` words, no clause word ("that",
    "which", ...) opening another clause in the verb phrase ('The first sentence has been clarified to reflect that
    Fowler is [calling for]'), no predicate after "as" in it."""
    verbs = text[end:subj_e].lower().split()
    clause = word_lists().clause_words
    return "," not in text[subj_s:end] and len(text[subj_s:end].split()) <= _GERUND_SUBJECT_WORDS \
        and len(verbs) <= _GERUND_VERB_WORDS and not any(w in clause and w != "as" for w in verbs) \
        and "as" not in verbs[:-1]  # 'was viewed as favorable to corporations [looking to]': the predicate's


def gerund_subject(text: str, subj_s: int, subj_e: int, head: GerundHead) -> Span | None:
    """The source of a gerund after a short verb phrase of its own ('Khamenei was quoted as [saying]', 'The senator
    was heard [saying]', 'Gowdy released a statement [saying]'): the subject before that verb phrase; the object of
    a verb of perceiving, quoting or having ('CNN quoted an American witness as [saying]', 'Obama had a wide array
    of artists [writing]'). None when the subject has no verb, or subject and verb phrase are not one short clause
    (the verb phrase may belong to a later clause)."""
    np = head.np
    if head.end <= subj_s or not _one_clause(text, subj_s, head.end, subj_e) or np is None \
            or text[np[0]:np[1]].lower() in _UNCUT_SUBJECTS:
        return None
    obj = _GERUND_OBJECT_RE.search(text, subj_s, subj_e)
    if obj is not None:
        return strip_span(text, obj.start("np"), obj.end("np"))
    return _people_object(text, head.end, subj_e) or np


def _people_object(text: str, end: int, subj_e: int) -> Span | None:
    """The people a gerund describes when they are the object of the verb before it: 'The bus brought [protesters]
    demanding ...', 'The governor met with [residents] complaining ...'. A short noun phrase (at most
    :data:`_ANTECEDENT_WORDS` words, after at most one preposition) that ends in a noun for people; None otherwise
    ('Gowdy released a statement saying': the codebook's source is Gowdy)."""
    words = list(_PHRASE_WORD_RE.finditer(text, end, subj_e))
    # the verb phrase opens with a verb in lower case (verb_like reads lower-case words: 'Will', 'May' are names)
    if len(words) < 2 or not people_word(words[-1].group()) or not verb_like(words[0].group()):
        return None
    lists = word_lists()
    verb = 0  # the verb phrase's last verb: 'has brought', 'were seen carrying'
    while verb + 1 < len(words) - 1 and verb_like(words[verb + 1].group().lower()):
        verb += 1
    first = verb + 1
    if words[first].group().lower() in lists.prepositions and first < len(words) - 1:
        first += 1
    phrase = [w.group().lower() for w in words[first:]]
    if len(phrase) > _ANTECEDENT_WORDS or any(
            w in lists.prepositions or w in lists.clause_words or w in _NOT_IN_AN_OBJECT or not w.isalpha()
            for w in phrase):
        return None  # 'mailers to Republican voters', 'off the TV', 'the reasons why Americans'
    return words[first].start(), words[-1].end()


def gerund_predicate(text: str, subj_e: int, head: GerundHead) -> bool:
    """Whether a gerund completes "it/that/this is ..." with no participle between ('It is also quite [telling]',
    'That is not the same thing as [saying]'): a predicate, no one's act of saying."""
    np = head.np
    if np is None or text[np[0]:np[1]].lower() not in _PREDICATE_SUBJECTS:
        return False
    verbs = text[head.end:subj_e].lower().split()
    irregular = word_lists().irregular_participles
    return bool(verbs) and verbs[0] in _COPULAS and not any(
        w.endswith(("ed", "ing")) or w in irregular for w in verbs[1:])  # not 'it is steering clear of'


def apposed_name(text: str, src: Span, words: WordLists) -> bool:
    """The source after an inverted cue is a name and its apposition: '..., said Sherman, a George Washington
    University grad whose aggressiveness has driven ...', '..., said Wilcox, an Orlando Republican who founded
    ...' (whatever follows the apposition, the name is no clause's subject)."""
    name, sep, desc = text[src[0]:src[1]].partition(",")
    nw, dw = name.split(), desc.split()
    if not sep or not 1 <= len(nw) <= 6 or not dw or not nw[0][:1].isupper():
        return False
    if any(w.lower() in words.finite or w.lower() in words.clause_words for w in nw):
        return False
    d0 = dw[0].lower()
    if d0 in words.finite or d0 in words.pronoun_subjects or d0 in words.appositive_not_openers \
            or d0 in words.clause_words or d0.endswith("ing"):
        return False
    return d0 in words.description_openers or dw[0][:1].islower()


def split_predicate(text: str, ss: int, bound: int, rest: str, words: WordLists) -> bool:
    """'The contrast with Trump, said Doyle and others, would be clear': the content is a subject noun phrase
    before the inverted cue (``ss`` to the comma at ``bound - 1``) and its predicate after the source
    (``rest``, from the source's end, opens with a comma and a finite verb)."""
    if not rest.startswith(","):
        return False
    after = rest.lstrip(", ").split(None, 1)
    if not after or after[0].lower() not in words.finite:
        return False
    before = text[ss:bound - 1].split()
    return 1 <= len(before) <= 15 and not any(w.lower() in words.finite for w in before)


def relative_antecedent(text: str, s: int, e: int) -> Span | None:
    """The antecedent of a subject relative that ends a clause read as a cue's subject, with its pronoun: 'Trump
    berated [governors who] said', 'Police arrested [a man who] said', 'they turned to [the Chicago Police
    Department which] reported'. Only the plain case is cut: a verb (a past form or an auxiliary, not an adverb),
    at most one preposition, and a short noun phrase opening with a determiner, a capital or a plural, with no other
    preposition than "of" ('dozens of GOP leaders'). None otherwise ('Voters who', 'an unnamed official who', 'He
    released a letter from his doctor who': which noun the pronoun takes is not plain there), and for "that", as
    often a determiner before a noun read as a cue."""
    if not text.endswith(("who", "Who", "WHO", "ich", "ICH"), s, e):
        return None  # most subjects: not tokenised
    words = list(_PHRASE_WORD_RE.finditer(text, s, e))
    if len(words) < 3 or words[-1].group().lower() not in _SUBJECT_RELATIVES:
        return None
    lists = word_lists()
    verb = -1
    for k in range(len(words) - 2, 0, -1):
        w = words[k].group()
        if w[:1].islower() and verb_like(w) and not w.endswith("ly") and w not in _ADVERBS_LIKE_VERBS:
            verb = k
            break
    if verb < 1 or words[verb - 1].group().lower() in lists.determiners:
        return None  # no subject of its own, or 'an unnamed official who'
    first = verb + 1
    prepositions = lists.prepositions | {"to"}  # "to": 'turned to the police which'
    if first < len(words) - 1 and words[first].group().lower() in prepositions:
        first += 1  # 'met with farmers who', 'turned to the Chicago Police Department which'
    phrase = [w.group() for w in words[first:-1]]
    if not phrase or len(phrase) > _ANTECEDENT_WORDS or any(
            w.lower() in lists.clause_words or (w.lower() in prepositions and w != "of")
            or not w[:1].isalnum() for w in phrase):
        return None
    head = phrase[0]
    if not (head.lower() in lists.determiners or head[:1].isupper() or head.endswith("s")):
        return None  # 'defend not paying an architect who': a verb phrase, not a noun phrase
    return words[first].start(), e

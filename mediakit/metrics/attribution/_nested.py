"""Stage 3c: an attribution in a clause linked to another's content is its own attribution.

PolNeAR never nests attributions (no gold cue lies in another gold content), and its annotators end a
content before a coordinated or subordinate clause that has a cue of its own: in "Clinton backed the deal,
while Trump has threatened to tear it up" the content of "backed" is "the deal" and "Trump has threatened
to tear it up" is a second attribution; so is "... an internal investigation ..., which the probe said were
covered up" and "Clinton has decried X and highlighted her plans ...". So is a relative clause with a verb of
saying ("compared with 23 percent who said ...", "a finish that he said defied expectations") and, after the
object of a verb that is not one of saying, a clause opened by a bare subordinator ("denouncing the Castro regime
after Trump said ..."). A cue in a complement clause ("X said Y told him ...") or in a quotation stays nested
(dropped, as before).

:func:`link_before` tells whether a cue, found inside the content of an earlier attribution, opens such a
linked clause (a comma, semicolon or dash, or a coordinating or subordinating word, right before the inner
clause's subject or, for a verb that shares the subject, before the verb); :func:`split_nested` ends the
outer content there and keeps the inner attribution.
"""

from __future__ import annotations

import re

from ._document import Attr, Doc
from ._lexicon import lexicons, word_lists
from ._phrases import WORD_CHAR_RE, fronted_adverbial

__all__ = ["LINK_RE", "link_before", "split_nested", "maybe_linked"]

Span = tuple[int, int]

LINK_RE = re.compile(
    r"(?:[,;]|\s[—–-]{1,2})\s*(?:(?:and|but|while|whereas|although|though|yet|which|who|after|before|when|because"
    r"|as|since|until)\s+)?"
    r"(?:(?:also|then|later|now|still|even)\s+)*\Z"
    r"|\s(?:and|but|while|whereas|although|though|yet|after|before|because|when|since|until)\s+"
    r"(?:(?:also|then|later|now|still|even|did|does|has|have|had)\s+)*\Z",
    re.IGNORECASE)
"""A clause link that ends just before the inner clause: ', while', '; ', ' and also', ', which', ', after'."""

_QUICK_RE = re.compile(r"[,;—–]|\s(?:and|but|while|whereas|though|although|yet|after|before|because|when|since|until"
                       r"|who|that|which)\s",
                       re.IGNORECASE)
_BARE_SUBORDINATOR_RE = re.compile(r"\s(?:after|before|because|when|since|until)\s", re.IGNORECASE)
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:that|which|who|whom)\s+\Z", re.IGNORECASE)
_SUBJECT_RELATIVES = frozenset({"who", "that", "which"})
_PREPOSITION_RE = re.compile(r"(?:in|under|at|on|by|for|with|from|into|during|since)\b", re.IGNORECASE)
_PERSONAL = frozenset({"i", "we", "he", "she", "they", "you", "it"})
_AND_RE = re.compile(r"\s+and\s+\Z", re.IGNORECASE)
_BARE_COMMA_RE = re.compile(r"[,\s]*\Z")
_CONJ_RE = re.compile(r"\b(?:and|but|while|whereas|although|though|yet)\b", re.IGNORECASE)
_OBJECT_RELATIVES = frozenset({"whom", "what", "whatever"})
_NOT_OPENERS = frozenset({"and", "but", "or", "nor", "rather", "to", "given", "well", "no", "than", "as", "for",
                          "of", "in", "on", "at", "by", "with", "from", "about", "if", "when", "because"})
_RELATIVE_ENDS = frozenset({"who", "that", "which", "he", "she", "they", "we", "i", "you"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
                          "could", "should", "may", "might", "must", "do", "does", "did", "am"})
_NON_PAST = frozenset({"would", "will", "could", "can", "should", "may", "might", "must", "is", "are", "has",
                       "have", "does", "do", "won't", "can't"})
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_CLAUSE_STARTS = frozenset({"that", "he", "she", "they", "it", "we", "i", "you", "there", "this", "whether", "if"})
_MAX_SOURCE = 80
_MIN_OUTER = 3  # characters of outer content kept before the link, at least
_NO_SPLIT_FRAMES = frozenset({"colon", "transcript", "dash"})


def maybe_linked(doc: Doc, c: int, owner: Span) -> bool:
    """A cheap test before the cue at ``c`` (inside the content span ``owner``) is analysed: outside a
    quotation, with a comma, semicolon, dash or conjunction between the content start and the cue."""
    if doc.quote_at(c) >= 0:
        return False
    lo = max(owner[0] + _MIN_OUTER, c - 160)
    return lo < c and _QUICK_RE.search(doc.text, lo, c) is not None


def link_before(doc: Doc, outer_start: int, inner: Attr, *, outer_speech: bool = True,
                outer_past: bool = False) -> int:
    """Start of the clause link before ``inner`` (an offset after ``outer_start``), or -1 when none.

    The inner clause starts at its source when the source lies in the outer content, else at its cue
    (a verb that shares the subject: "... and highlighted ..."); the link must end right before it. A
    source that is no plain noun phrase ("and on the Democratic side Pate", "what she": an object
    relative, "whom he called a con artist") opens no linked clause, nor does a shared subject after a
    bare comma (the verb may be a participle or an apposition's). A subordinator without a comma ("after",
    "because", ...) links only after the object of a verb that is not one of saying (``outer_speech`` False:
    'denouncing the Castro regime after Trump said ...'), never inside a reported clause.
    """
    text = doc.text
    if inner.participle or text[inner.cue[0]:inner.cue[1]].split(None, 1)[0].lower().endswith("ing"):
        return -1  # 'dismissing questions', 'attacking Trump': a participle modifies the outer content
    if inner.content and _PREPOSITION_RE.match(text, inner.content[0][0]):
        return -1  # 'terms added in accord with section 7': a participle after a noun, no clause
    start = inner.cue[0]
    shared = True
    if inner.source is not None and outer_start < inner.source[0] < inner.cue[0]:
        start = inner.source[0]
        shared = False
        rel = _relative_link(text, outer_start, inner)
        if rel >= 0:
            return rel
        if not _plain_source(text, inner.source):
            return -1
        if inner.source[1] < inner.cue[0] and LINK_RE.search(text, inner.source[1], inner.cue[0]) is not None:
            return -1  # 'X, who ..., said': an apposition, not a new clause
    lo = max(outer_start, start - 40)
    m = LINK_RE.search(text, lo, start)
    if m is None or m.start() - outer_start < _MIN_OUTER:
        return -1
    link = text[m.start():start]
    if any(ch in link for ch in "\"“”«»"):
        return -1
    if shared and (_CONJ_RE.search(link) is None or _clause_content(text, outer_start, m.start()) and not (
            outer_past and _past_form(text[inner.cue[0]:inner.cue[1]]) and _non_past(text, outer_start, m.start()))):
        return -1  # unless 'said he would order a review ... and warned against ...': the tense of the outer verb
    if _BARE_SUBORDINATOR_RE.match(link) and (outer_speech or _clause_content(text, outer_start, m.start())):
        return -1  # 'said she asked for it because she wanted ...': the reason stays in a reported clause
    if not shared and _AND_RE.match(link) and _noun_phrase(text, outer_start, m.start(), inner.source):
        return -1  # 'said the United States and its allies will seek ...': "and" joins the subject's nouns
    if _BARE_COMMA_RE.match(link) and (text.find(",", outer_start, m.start()) >= 0
                                       or text[outer_start:m.start()].lower().startswith("that")
                                       or fronted_adverbial(text, outer_start, m.start())):
        return -1  # 'She said that, in the end, voters said no', 'told X that despite Y, he didn't think ...'
    #             : the comma closes a parenthetical or an opening adverbial
    return m.start()


def _relative_link(text: str, outer_start: int, inner: Attr) -> int:
    """A relative clause with a cue of its own: '23 percent who said using a server was improper' (the relative
    pronoun is the source) or 'a finish that he said defied expectations' (the content is the relative clause
    without its subject: it opens with a verb right after the cue). Returns where the outer content ends, or -1."""
    assert inner.source is not None
    if inner.lemma not in lexicons().speech_lemmas:
        return -1
    s0 = _relative_subject(text, inner.source)
    if s0 >= 0:
        cut = s0
    else:
        s0 = inner.source[0]
        m = _RELATIVE_BEFORE_RE.search(text, max(outer_start, s0 - 8), s0)
        if m is None or not inner.content or inner.content[0][0] - inner.cue[1] > 2:
            return -1
        first = text[inner.content[0][0]:inner.content[0][1]].split(None, 1)[0].lower()
        if first not in _AUXILIARIES and not (first.endswith("ed") and len(first) > 4):
            return -1  # 'the plan that he said he liked': a clause with its own subject (a complement)
        cut = m.start()
    return cut if cut - outer_start >= _MIN_OUTER and WORD_CHAR_RE.search(text, outer_start, cut) else -1


def _relative_subject(text: str, source: Span) -> int:
    """Start of the relative pronoun that ends ``source`` ('23 percent who', 'who'), or -1."""
    words = text[source[0]:source[1]].split()
    if not words or words[-1].lower() not in _SUBJECT_RELATIVES:
        return -1
    return source[1] - len(words[-1])


def _plain_source(text: str, source: Span) -> bool:
    """A source span that can open a clause: short, not opened by a conjunction or preposition, no
    object relative ("whom he", "what she") in or right before it, no relative clause of a noun."""
    if source[1] - source[0] > _MAX_SOURCE:
        return False
    words = text[max(0, source[0] - 6):source[1]].lower().split()
    if not words:
        return False
    if any(w in _OBJECT_RELATIVES for w in words):
        return False
    raw = text[source[0]:source[1]].split()
    span = [w.lower() for w in raw]
    if len(span) > 1 and span[-1] in _RELATIVE_ENDS:
        return False  # 'an appeal to Americans who felt', 'signs she had found': a relative clause
    first = raw[0]
    if first.islower() and (first.endswith(("ed", "ing")) or first in _AUXILIARIES):
        return False  # 'printed two signs she', 'passing around emails in a way X': no noun phrase
    # 'about 4 in 10 want ...': "about" before a number opens a quantity, not a phrase
    return span[0] not in _NOT_OPENERS or span[0] == "about" and len(span) > 1 and span[1][:1].isdigit()


def _noun_phrase(text: str, s0: int, cut: int, source: Span | None) -> bool:
    """The outer content before the link is a short noun phrase ('the recent spate of police shootings'): at most
    eight words, no preposition first, no auxiliary and no past form, and the inner source is no personal pronoun,
    so an "and" after it joins a second noun to it."""
    words = text[s0:cut].split()
    if source is None or text[source[0]:source[1]].split(None, 1)[0].lower() in _PERSONAL or (
            words and _PREPOSITION_RE.match(words[0]) or words[:1] == ["about"]):
        return False
    return 0 < len(words) <= 8 and not any(
        w.lower() in _AUXILIARIES or w.islower() and w.endswith(("ed", "n't", "’t")) for w in words)


def _past_form(cue: str) -> bool:
    """A past form of a verb ('warned', 'said', 'told')."""
    w = cue.split(None, 1)[0].lower() if cue.strip() else ""
    return w.endswith("ed") or w in word_lists().irregular_participles


def _non_past(text: str, s0: int, cut: int) -> bool:
    """The outer content before the link is a clause in the present or future ('he would order a review'), so a
    past verb coordinated after it goes with the outer (past) verb of saying."""
    words = text[s0:cut].lower().replace("’", "'").split()[:8]
    return any(w in _NON_PAST for w in words) and not any(w in _PAST_AUX for w in words)


def _clause_content(text: str, s0: int, cut: int) -> bool:
    """The outer content before the link is a clause ('she was elated but still feared ...'), so a verb
    coordinated after it shares the clause's subject, not the outer source."""
    words = text[s0:cut].lower().split()[:6]
    return bool(words) and (words[0] in _CLAUSE_STARTS or any(w in _AUXILIARIES for w in words))


def split_nested(doc: Doc, found: list[Attr], inner: list[Attr]) -> list[Attr]:
    """``found`` with each ``inner`` attribution (cue inside an earlier content) whose clause is linked to
    that content added, and the content ended before the link; in cue order. Inner candidates are taken in
    text order, so a chain ("A backed X, while B threatened Y, and C said Z") splits at each link."""
    if not inner:
        return found
    out = list(found)
    added = False
    speech = lexicons().speech_lemmas
    for a in sorted(inner, key=lambda x: x.cue[0]):
        c = a.cue[0]
        owner, pos = _owner(out, c)
        if owner is None or owner.frame in _NO_SPLIT_FRAMES:
            continue
        s0, _ = owner.content[pos]
        cut = link_before(doc, s0, a, outer_speech=owner.lemma in speech,
                          outer_past=_past_form(doc.text[owner.cue[0]:owner.cue[1]]))
        if cut < 0 or (a.content and a.content[0][0] < cut):
            continue
        end = cut
        while end > s0 and (doc.text[end - 1].isspace() or doc.text[end - 1] == ","):
            end -= 1
        owner.content = owner.content[:pos] + [(s0, end)]
        if a.source is not None and _relative_subject(doc.text, a.source) == cut:
            a.source = (cut, a.source[1])  # '23 percent who said ...': the relative pronoun is the source
        out.append(a)
        added = True
    if added:
        out.sort(key=lambda x: x.cue[0])
    return out


def _owner(attrs: list[Attr], c: int) -> tuple[Attr | None, int]:
    """The last attribution (by cue) whose content holds ``c``, and the index of that content span."""
    best: Attr | None = None
    best_pos = -1
    for a in attrs:
        if a.cue[0] >= c:
            continue
        for i, (s0, e0) in enumerate(a.content):
            if s0 <= c < e0 and (best is None or a.cue[0] > best.cue[0]):
                best, best_pos = a, i
    return best, best_pos

"""Stage 3c: the clause around a verb cue, read once.

:func:`read_clause` reads where the subject starts and ends, the auxiliaries before the cue and what lies before
the subject (a comma, a dash, a parenthesis, a quotation); :func:`read_tail` reads what follows the cue (the
adverbials and, after "told", the indirect object). The frames of :mod:`._verb` and :mod:`._pre_frame` read a
:class:`CueClause`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._content import content_left
from ._cues import aux_start
from ._document import Doc
from ._lexicon import WordLists, lexicons, word_lists
from ._phrases import OBJECT_RE, TIME_ONLY_RE, WORD_CHAR_RE, last_of, skip_adverbials, strip_span
from ._subjects import dashed_subject

__all__ = ["CueClause", "read_clause", "read_tail", "title_words", "CLAUSE_ADVERBS"]

# the text up to the last comma, semicolon, colon or dash (one greedy match from the right instead of a search per mark)
_TO_LAST_MARK_RE = re.compile(r".*[,;:—–]", re.DOTALL)
_WORD_OR_OPENER_RE = re.compile(r"[\w\"“«„‘]")  # a word character or one of OPENERS
_PASSIVE_AUX_RE = re.compile(r"(?:\b(?:is|was|are|were|been|be|being|get|got|gets)|[’']s)\s+"
                             r"(?:\w+ly\s+|not\s+|also\s+|first\s+)*\Z")
_PROGRESSIVE_AUX_RE = re.compile(r"\b(?:is|was|are|were|been|be|am)\s+(?:\w+ly\s+|not\s+|also\s+)*\Z")
_PERSONAL_S = frozenset({"he", "she", "who"})  # before a contracted "'s"
_TO_OR_BY_RE = re.compile(r"\s+(?:to|by)\b")
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "with", "&", "-", "–"})
#: Adverbs that may stand where a subject or an auxiliary would ('seldom said', 'It also said').
CLAUSE_ADVERBS = frozenset({"seldom", "never", "also", "often", "still", "rarely", "then", "now", "later", "soon",
                            "already", "just", "only", "even", "again", "once", "always", "sometimes"})

Span = tuple[int, int]


@dataclass(slots=True)
class CueClause:
    """The clause around a verb cue, read once (see :func:`read_clause`)."""

    doc: Doc
    words: WordLists
    m: re.Match[str]
    cs: int  #: the cue span
    ce: int
    lemma: str
    form: str  #: the cue form in lower case
    frame_req: str  #: the lemma's frame in cues.yaml
    ss: int  #: sentence start, end and paragraph
    se: int
    pi: int
    subj_end: int  #: where the auxiliaries before the cue start
    prev_word: str  #: the word before them
    aux: str  #: the auxiliaries, in lower case
    is_ing: bool
    lexicon_speech: bool  #: the lemma is flagged `speech` in cues.yaml
    passive: bool
    progressive: bool
    bound: int  #: start of the subject: after a comma, dash, parenthesis or quotation, or the sentence start
    bound_kind: str  #: "start", "quote" or the punctuation character
    subj_s: int  #: the subject span
    subj_e: int
    subj_words: list[str]
    left_exists: bool  #: words before the subject
    # what follows the cue, read by :func:`read_tail` once the cue is routed to these frames
    after_cue: int = -1  #: where the adverbials right after the cue end
    tail_pos: int = -1  #: where the adverbials after the cue (and its indirect object) end
    tail_empty: bool = True  #: nothing but punctuation after them
    tail_clean: str = ""  #: the rest of the sentence after them, stripped

    def content_before(self, bound: int) -> list[Span]:
        """The content that ends at the subject boundary."""
        return content_left(self.doc, self.ss, bound - (0 if self.bound_kind == "quote" else 1))


def read_clause(doc: Doc, m: re.Match[str], lemma: str) -> CueClause:
    """Read the clause of a verb cue: subject, auxiliaries and what lies before them."""
    text = doc.text
    words = word_lists()
    cs, ce = m.start(), m.end()
    ss, se, pi = doc.sents[doc.sentence_of(cs)]
    form = m.group().lower()
    subj_end = aux_start(text, ss, cs)
    head = form.split(None, 1)[0]  # "referring to", "pointed out": the first word carries the inflection
    is_ing = head.endswith("ing")
    pw_s = text.rfind(" ", ss, subj_end - 1) + 1 if subj_end > ss else -1
    prev_word = text[max(pw_s, ss):subj_end].strip() if subj_end > ss else ""
    aux = text[subj_end:cs].lower()
    passive = bool(aux) and not is_ing and (head.endswith("ed") or head in words.irregular_participles) \
        and _PASSIVE_AUX_RE.search(aux) is not None and not _has_contracted(prev_word, aux, text, ce)
    progressive = is_ing and bool(_PROGRESSIVE_AUX_RE.search(aux))
    # where the subject may start: after a comma, a dash, an open parenthesis or a quotation
    bound, bound_kind = ss, "start"
    mark = _TO_LAST_MARK_RE.match(text, ss, subj_end)
    k = mark.end() - 1 if mark is not None else -1
    while k > ss and text[k] == "," and text[k - 1].isdigit() and text[k + 1:k + 2].isdigit():
        k = last_of(text, ",;:—–", ss, k)  # the comma of a number ('nearly 60,000 confirmed cases')
    kp = text.rfind("(", ss, subj_end)
    if kp > k and text.find(")", kp, subj_end) < 0:
        k = kp  # an open parenthesis; '(D-Wis.)' closed before the cue is part of the subject
    head_end = subj_end
    if k >= ss:
        bound, bound_kind = k + 1, text[k]
        if bound_kind in "—–" and not text[bound:subj_end].strip():
            dashed = dashed_subject(doc, ss, k)
            if dashed is not None:
                bound, bound_kind, head_end = dashed  # the subject is the noun phrase before the parenthesis
    qi = doc.quote_ending_at(subj_end, bound)
    if qi >= 0 and doc.quotes[qi].end >= bound and doc.quotes[qi].end > ss:
        bound, bound_kind = doc.quotes[qi].end, "quote"
    subj_s, subj_e = strip_span(text, bound, head_end)
    if subj_s < subj_e and TIME_ONLY_RE.fullmatch(text, subj_s, subj_e):
        subj_e = subj_s  # 'X, the GOP chairman, this past week announced ...'
    left_exists = bound > ss and WORD_CHAR_RE.search(text, ss, bound) is not None
    if bound_kind == "quote":
        left_exists = True
    if bound_kind == "," and bound - 1 > ss and doc.quote_ending_at(bound - 1, bound - 3) >= 0:
        bound_kind = "quote"  # '“...,” he said': the comma sits inside the quotation
    entry = lexicons().cues[lemma]
    return CueClause(doc, words, m, cs, ce, lemma, form, entry["frame"], ss, se, pi, subj_end,
                     prev_word, aux, is_ing, bool(entry["speech"]), passive, progressive, bound, bound_kind,
                     subj_s, subj_e, text[subj_s:subj_e].split(), left_exists)


def _has_contracted(prev_word: str, aux: str, text: str, ce: int) -> bool:
    """'He's said he ...': the "'s" after a personal subject is "has" (a perfect), unless "to" or "by" follows
    the participle ('He's said to be ill', 'she's told by aides')."""
    return (prev_word.lower() in _PERSONAL_S and aux.replace("’", "'").split()[:1] == ["'s"]
            and _TO_OR_BY_RE.match(text, ce) is None)


def read_tail(c: CueClause) -> None:
    """What follows the cue: past the time, channel and audience phrases, and after "told" past the
    indirect object ('told reporters on Tuesday ...')."""
    text, ce, se = c.doc.text, c.ce, c.se
    c.after_cue = pos = skip_adverbials(text, ce, se)
    if c.lemma in c.words.tell_lemmas:
        mo = OBJECT_RE.match(text, ce, se)
        if mo is not None and mo.end() > ce:
            pos = skip_adverbials(text, mo.end(), se)
            qi = c.doc.quote_starting_at(pos, pos + 2)
            if qi >= 0 and title_words(text[c.doc.quotes[qi].start:c.doc.quotes[qi].end]):
                # 'told the television program ''Inside Edition'' after ...': the program's title
                pos = skip_adverbials(text, c.doc.quotes[qi].end, se)
    tail = text[pos:se]
    c.tail_pos, c.tail_empty, c.tail_clean = pos, _WORD_OR_OPENER_RE.search(tail) is None, tail.strip()


def title_words(quotation: str) -> bool:
    """A quotation that reads as a title: up to eight capitalised words, small words inside ('“Meet the Press”')."""
    words = quotation.strip(" \t\"“”«»‘’',.").split()
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)

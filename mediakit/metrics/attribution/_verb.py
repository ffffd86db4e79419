"""Stage 3c: a cue as the verb of its clause, and the router that sends every cue to its frame.

:func:`analyze_cue` reads the clause around a cue once (:func:`read_clause`: where the subject
starts and ends, the auxiliaries before the cue), routes the cue, and for the frames below reads
what follows it (:func:`read_tail`: the adverbials and indirect object after the cue):

- "according to", participles, reduced relatives, evidentials, passives, "asked", attitude adjectives
  and infinitives go to the frames of :mod:`._frames` (or are dropped; an infinitive of saying after
  a verb, "went on to say", takes that verb's subject);
- ``'"...," X said'`` and ``'..., X said, ...'`` (content on the left): :func:`post_frame`;
- ``'"...," said X'`` and ``'"...," Name, apposition, said'``: :func:`inverted_frame`,
  :func:`appositive_post_frame`;
- ``'X said (that) ...'`` (content on the right): :func:`pre_frame`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._content import adjunct_only, content_left, content_right, following_quotes, second_piece, split_quote
from ._cues import JUDGING_ADJECTIVES, READY_ADJECTIVES, aux_start, raising_before_to
from ._document import Attr, Doc
from ._frames import (according_frame, asked_frame, attitude_frame, evidential_frame, participle_frame, passive_frame,
                      shared_subject)
from ._lexicon import WordLists, lexicons, word_lists
from ._phrases import (ADVERBIAL_RE, COMPLEMENT_RE, OBJECT_RE, OPENERS, QUOTE_START_RE, TIME_ONLY_RE, TOKEN_RE,
                       WORD_CHAR_RE, first_word, last_of, np_left, np_right, skip_adverbials, strip_span,
                       trim_content_end)
from ._apposed import apposed_subject
from ._predicative import small_clause, story_object
from ._subjects import (apposed_name, appositive_subject, dashed_subject, gerund_source, np_like, people_word,
                        source_after_quote, split_predicate, titled_name_right)

__all__ = ["CueClause", "read_clause", "read_tail", "analyze_cue", "post_frame", "inverted_frame",
           "appositive_post_frame", "pre_frame"]

_WORD_OR_OPENER_RE = re.compile(r"[\w\"“«„‘]")  # a word character or one of OPENERS
_PASSIVE_AUX_RE = re.compile(r"(?:\b(?:is|was|are|were|been|be|being|get|got|gets)|[’']s)\s+"
                             r"(?:\w+ly\s+|not\s+|also\s+|first\s+)*\Z")
_PROGRESSIVE_AUX_RE = re.compile(r"\b(?:is|was|are|were|been|be|am)\s+(?:\w+ly\s+|not\s+|also\s+)*\Z")
_DEGREE_WORDS = frozenset({"more", "less", "most", "least", "so", "very", "too", "quite", "far", "much"})
_PERSONAL_S = frozenset({"he", "she", "who"})  # before a contracted "'s"
_TO_OR_BY_RE = re.compile(r"\s+(?:to|by)\b")
_BY_AFTER_RE = re.compile(r"\s+by\s(?!\s*[a-z]+ing\b|\s*(?:tele)?phone\b|\s*e-?mail\b|\s*text(?:\s+message)?\b|\s*video(?:link)?\b"
                          r"|\s*satellite\b|\s*letter\b|\s*fax\b|\s*Skype\b|\s*Zoom\b|\s*radio\b)")
"""'by' after a participle: a reduced passive ('estimates cited by both parties'), not 'said by telephone' or
'concluded by saying'."""
_ADVERBS = frozenset({"seldom", "never", "also", "often", "still", "rarely", "then", "now", "later", "soon",
                      "already", "just", "only", "even", "again", "once", "always", "sometimes"})
# "told <a hearer of up to twelve words, a place in it maybe set off by commas> that ...": the hearer before the complementizer
_HEARER_THAT_RE = re.compile(r"\s+(?P<np>(?:[\w.’'&-]+,?\s+){1,12}?)(?P<that>that\b)")
_IT_LEMMAS = frozenset({"say", "tell", "add", "report", "note", "warn", "announce", "state", "write",
                        "accuse", "allege", "argue", "insist", "confirm", "deny"})
_PARTY_RE = re.compile(r"\s*\([^()\n]{1,15}\)\s*\Z")
_WH_THAT_RE = re.compile(r"(?:that|whether|if|how|why|what|who)\b", re.IGNORECASE)
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "with", "&", "-", "–"})
_SUBORDINATE_OPENERS = frozenset({"when", "if", "though", "although", "because", "unless", "while", "whereas",
                                   "once", "whenever"})
_PURPOSE_VERBS = frozenset({"took", "takes", "take", "taking", "went", "goes", "go", "going", "came", "comes",
                            "come", "coming", "stood", "stands", "rushed", "rushing", "flew", "flies", "traveled",
                            "travelled", "returned", "stepped", "rose", "showed", "turned", "headed"})
_PURPOSE_STOPS = frozenset({"that", "which", "who", "whom", "and", "but", "or", "because", "if", "when", "while",
                            "is", "was", "are", "were", "has", "have", "had", "will", "would", "to"})
_TOPIC_WORDS = frozenset({"about", "of", "regarding", "on"})
_REL_OBJECT_RE = re.compile(r"\b(which|what|whatever)\s+\Z", re.IGNORECASE)
_REVERSED_PREPOSITIONS = frozenset(w[::-1] for w in ("to", "of", "in", "on", "for", "by", "with", "from", "at"))
_AFTER_GAP = frozenset({"and", "but", "or", "in", "on", "at", "during", "before", "after", "when", "while", "for"})
_AS_OR_QUOTE_RE = re.compile(r"\bas\b|[\"“«]|''")

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
    k = last_of(text, ",;:—–", ss, subj_end)
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
            if qi >= 0 and _title_words(text[c.doc.quotes[qi].start:c.doc.quotes[qi].end]):
                # 'told the television program ''Inside Edition'' after ...': the program's title
                pos = skip_adverbials(text, c.doc.quotes[qi].end, se)
    tail = text[pos:se]
    c.tail_pos, c.tail_empty, c.tail_clean = pos, _WORD_OR_OPENER_RE.search(tail) is None, tail.strip()


# --------------------------------------------------------------------------- routing


def analyze_cue(doc: Doc, m: re.Match[str], lemma: str, found: list[Attr]) -> Attr | None:
    """The attribution that the cue form ``m`` makes, or None (``found``: those before it)."""
    if lemma == "according_to":
        return according_frame(doc, m, lemma)
    if m.group().lower() in lexicons().attitude_forms:
        ss, se, pi = doc.sents[doc.sentence_of(m.start())]
        return attitude_frame(doc, m, lemma, ss, se, pi, aux_start(doc.text, ss, m.start()))
    c = read_clause(doc, m, lemma)
    other = _other_frame(c)
    if other:
        return _run_other_frame(c, other, found)
    read_tail(c)
    if _post_frame_applies(c):
        return post_frame(c)
    if not c.left_exists and c.tail_empty:
        a = _quotation_before(c)
        if a is not None:
            return a
    appositive: Span | None = None
    if c.left_exists and not c.subj_words and c.bound_kind in ("quote", ",", "—", "–"):
        a, appositive = _without_subject(c)
        if a is not None:
            return a
    return pre_frame(c, found, appositive)


def _other_frame(c: CueClause) -> str:
    """The frame of a cue that is not the main verb of a subject ("" when it is; "none": not a cue)."""
    words = c.words
    pw = c.prev_word.lower()
    if c.is_ing and not c.progressive and c.prev_word and (
            pw.endswith(",") or pw in words.participle_after or not c.subj_words):
        return "participle"
    if c.form == "asked" and (c.passive or pw in words.subordinators or not c.doc.text[c.ss:c.subj_end].strip(
            " \t\n\u00a0" + OPENERS)):
        return "asked"  # 'she was asked about ...', 'when asked whether ...', 'Asked about it, ...'
    if not c.aux and (c.form.endswith("ed") or c.form in words.irregular_participles) \
            and _BY_AFTER_RE.match(c.doc.text, c.ce) and pw != "as":
        return "none"  # 'estimates cited by both parties': a reduced passive relative, not a cue
    if c.frame_req == "evidential" or (c.lemma == "expect" and c.passive):
        return "evidential"
    if c.passive:
        return "passive"
    if c.prev_word and pw in words.subordinators and c.form in words.asked_forms:
        return "as_clause" if pw == "as" else "passive"  # 'when asked', 'As reported by X, ...'
    if pw == "to" or c.aux.startswith("to ") or " to " in f" {c.aux}":
        if pw == "to" and not c.aux and (c.lexicon_speech and _verb_before_to(c) or not c.is_ing and raising_before_to(
                c.doc.text, c.doc.text.rfind("to", c.ss, c.subj_end), c.words)):
            return "infinitive"  # 'went on to say', 'paused to ask', 'went on to endorse': the subject of the verb before
        return "none"  # an infinitive: 'seems to have found', 'wants to say'
    return ""


def _infinitive_subject(c: CueClause) -> Span | None:
    """The subject of the verb before 'to say' ('Pence went on to say'), from the clause boundary."""
    text = c.doc.text
    toks = list(TOKEN_RE.finditer(text, max(c.bound, c.subj_end - 60), c.subj_end))
    k = len(toks) - 2  # the verb (or "on") before "to"
    if k >= 1 and toks[k].group().lower() == "on":
        k -= 1
    purpose = _purpose_verb(toks)
    if purpose is not None:
        k = purpose  # 'Hillary Clinton took to Twitter to say ...': the subject of "took"
    while k >= 1 and toks[k - 1].group().lower() in _DEGREE_WORDS and toks[k].group().lower() in READY_ADJECTIVES:
        k -= 1  # 'voters are more likely to say': the degree word belongs to the adjective
    if k < 1:
        return None
    vs = aux_start(text, c.bound, toks[k].start())
    if vs <= c.bound:
        return None
    src = np_left(text, c.bound, vs)
    if src is None or text[src[0]:src[1]].lower() in ("it", "this", "that", "there", "which", "who"):
        return None
    return src


def _verb_before_to(c: CueClause) -> bool:
    """'X went on to say', 'X interjected to ask', 'X was quick to note': a past-tense verb (not itself a cue)
    or an adjective of readiness right before "to"."""
    toks = TOKEN_RE.findall(c.doc.text, max(c.ss, c.subj_end - 40), c.subj_end)
    if len(toks) < 3 or toks[-1].lower() != "to":
        return False
    w = toks[-2].lower()
    if w == "on":
        return toks[-3].lower() in c.words.go_on_forms
    if w in c.words.go_on_forms:
        return True  # 'continued to say'
    if w in READY_ADJECTIVES:
        # 'was quick to point out', 'is ready to say'; 'right', 'correct', 'wrong' only after a copula ('is right to
        # note', not 'reserves the right to note')
        return w not in JUDGING_ADJECTIVES or toks[-3].lower() in c.words.copulas
    if w.endswith("ed") and w.islower() and len(w) > 4 and w not in lexicons().form_lemma \
            and w not in c.words.not_raising:
        return True
    return _purpose_verb(list(TOKEN_RE.finditer(c.doc.text, max(c.ss, c.subj_end - 80), c.subj_end))) is not None


def _purpose_verb(toks: list[re.Match[str]]) -> int | None:
    """Index of a verb of going or taking a few words before the final "to" of ``toks`` ('took to Twitter to',
    'stood at a Bush event here to', 'went out of his way to'): the infinitive after it says why, and its
    subject speaks. None if a comma, a clause word or another verb stands between."""
    if len(toks) < 3 or toks[-1].group().lower() != "to":
        return None
    for k in range(len(toks) - 2, max(-1, len(toks) - 10), -1):
        w = toks[k].group()
        lw = w.lower()
        if lw in _PURPOSE_VERBS:
            return k if k >= 1 else None
        if not (w[:1].isupper() or lw.isalpha()) or lw in _PURPOSE_STOPS:
            return None
    return None


def _run_other_frame(c: CueClause, frame: str, found: list[Attr]) -> Attr | None:
    """Read a cue with the frame :func:`_other_frame` chose."""
    if frame == "asked":
        return asked_frame(c.doc, c.m, c.lemma, c.se, c.pi)
    if frame == "infinitive":
        a = participle_frame(c.doc, c.m, c.lemma, c.ss, c.se, c.pi, found)
        if a is not None:
            a.participle = False
            subj = _infinitive_subject(c)
            if subj is not None:
                a.source = subj
        return a
    if frame == "participle":
        return participle_frame(c.doc, c.m, c.lemma, c.ss, c.se, c.pi, found)
    if frame == "evidential":
        return evidential_frame(c.doc, c.m, c.lemma, c.ss, c.se, c.pi, c.subj_end)
    if frame in ("passive", "as_clause"):
        return passive_frame(c.doc, c.m, c.lemma, c.ss, c.se, c.pi, as_clause=frame == "as_clause")
    return None


# --------------------------------------------------------------------------- content on the left


def _post_frame_applies(c: CueClause) -> bool:
    """'"...," he said', '..., he said, ...' and '..., he said: "..."' (a short subject after the content)."""
    if not (c.left_exists and _short_subject(c.subj_words, c.words)):
        return False
    if c.bound_kind == "quote" and not c.is_ing and (_WH_THAT_RE.match(c.tail_clean) or (
            not c.tail_empty and c.tail_clean[:1].isalnum() and _title_before(c))):
        return False  # 'On ABC's "This Week," Rubio said (that) ...': a title before the subject, the content after
    tail_clean = c.tail_clean
    # an empty tail counts as opening a quotation (''[:1] in OPENERS): the content must then be a quotation
    opens_after = tail_clean[:1] in OPENERS or tail_clean[:2] == "''" or (
        tail_clean[:1] in ",:" and tail_clean[1:].lstrip()[:1] in OPENERS)
    adjunct = c.bound_kind == "," and _adjunct_tail(c)
    if not (c.bound_kind == "quote" or (c.bound_kind in ",—–" and (
            c.tail_empty or tail_clean.startswith(",") or opens_after or adjunct))):
        return False
    if adjunct or (c.tail_empty and not tail_clean.startswith(":") and (
            c.bound_kind == "quote" or c.bound_kind == "," and _clause_before(c))):
        return True  # '..., a Cairo airport official told The New York Times.'; 'He had “wanted ...,” his friend told X.'

    if opens_after and c.bound_kind == "," and _subordinate_left(c):
        return True  # 'So when Patriot signaled ..., Mr. Barrett said, "we were floored."': both pieces
    # 'Asked about it, Priebus said, "Probably."': the content is the quotation after
    return not (opens_after and not split_quote(c.doc, c.ss, c.bound))


def _subordinate_left(c: CueClause) -> bool:
    """The sentence before the subject's comma is one subordinate clause ('Though that transition was relatively
    seamless, he said, ...', 'So when Patriot signaled ..., Mr. Barrett said, "..."'): a clause opened by a
    conjunction of condition, concession, cause or time, of four words or more, with no comma and no cue of its
    own ('When asked whether ...' is an attribution); its main clause follows the cue."""
    words = c.doc.text[c.ss:c.bound - 1].split()
    while words and words[0].lower() in ("so", "and", "but", "yet", "now"):
        words = words[1:]
    return len(words) >= 4 and words[0].lower() in _SUBORDINATE_OPENERS and not any(
        "," in w for w in words[:-1]) and not c.doc.has_cue(c.ss, c.bound)


def _title_before(c: CueClause) -> bool:
    """The quotation before the subject is a title after a preposition or a possessive ('On Fox's “The Five,”',
    'in an interview with “Meet the Press,”'): up to eight capitalised words (small words inside)."""
    doc, text = c.doc, c.doc.text
    qi = doc.quote_ending_at(c.bound, c.bound - 2)
    if qi < 0:
        return False
    q = doc.quotes[qi]
    if not _title_words(text[q.start:q.end]):
        return False
    before = text[c.ss:q.start].split()
    prev = before[-1].lower() if before else ""
    return prev in c.words.prepositions or prev.endswith(("'s", "’s"))


def _title_words(quotation: str) -> bool:
    """A quotation that reads as a title: up to eight capitalised words, small words inside ('“Meet the Press,”')."""
    words = quotation.strip(" \t\"“”«»‘’',.").split()
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _quotation_before(c: CueClause) -> Attr | None:
    """'“... the emails that are missing.” Trump said.': a sentence of a short subject and a verb of saying
    alone, right after a quotation that ends a sentence of the same paragraph (a period typed for the comma):
    the quotation is the content."""
    if not c.lexicon_speech or not 0 < len(c.subj_words) <= 4 or c.frame_req == "clause" or c.aux:
        return None
    doc, text = c.doc, c.doc.text
    qi = doc.quote_ending_at(c.ss, c.ss - 3)
    if qi < 0 or doc.quotes[qi].start < doc.paras[c.pi][0] or text[doc.quotes[qi].end - 2] not in ".!?":
        return None
    return Attr((c.cs, c.ce), c.lemma, (c.subj_s, c.subj_e), doc.chain_to(qi), frame="post")


def _adjunct_tail(c: CueClause) -> bool:
    """After a verb of saying, only an adjunct to the sentence end ('..., Bill Clinton said at an event in
    Wyoming.', '..., Susan said as she turned around.'), after a clause: see :func:`adjunct_only`."""
    return c.lexicon_speech and adjunct_only(c.tail_clean, c.words, c.lemma) and _clause_before(c)


def _clause_before(c: CueClause) -> bool:
    """The sentence before the subject's comma is a clause (six words or more, or a finite verb), not an opening
    phrase ('Early Tuesday, the State Department disclosed ...')."""
    if not c.lexicon_speech or not _clause_words(c.doc.text[c.ss:c.bound].split(), c.words):
        return False
    first = c.subj_words[0]
    lf = first.lower()
    # the subject is a noun phrase ('police', 'a school spokesman', 'Kunin', 'former President Bill Clinton'),
    # not an adverb ('seldom')
    if lf in _ADVERBS or lf.endswith("ly"):
        return False
    return first[:1].isupper() or lf in c.words.coordinated_subject_openers or len(c.subj_words) <= 3 or any(
        w[:1].isupper() for w in c.subj_words[1:4]) or len(c.subj_words) <= 6 and people_word(c.subj_words[-1])


def _clause_words(before: list[str], words: WordLists) -> bool:
    """Six words or more, or three with a finite verb after the first ('Shoukair was kind, an official told X.')."""
    return len(before) >= 6 or len(before) >= 3 and any(w.lower() in words.finite for w in before[1:])


def _short_subject(subj_words: list[str], words: WordLists) -> bool:
    """A subject of at most twelve words that is not a clause ('that ...', 'and ...', '... the ...')."""
    first_subj = subj_words[0].lower().strip("“\"(") if subj_words else ""
    return 0 < len(subj_words) <= 12 and first_subj not in words.clause_words and first_subj not in (
        "to", "and", "but", "or", "according") and first_subj not in words.prepositions and not any(
            w.lower() in ("the", "a", "an") and subj_words[k].lower() not in words.prepositions_and_or_to
            for k, w in enumerate(subj_words[1:]))


def post_frame(c: CueClause) -> Attr | None:
    """'"...," he said' and '..., he said, ...': content before the subject, and after the cue."""
    if c.frame_req == "quote" and c.bound_kind != "quote":
        return None
    content = c.content_before(c.bound)
    if not content:
        return None
    text = c.doc.text
    fragment = c.bound_kind == "," and text[content[-1][1] - 1] not in "\"”’'»" and content[-1][0] == c.ss
    content = content + second_piece(c.doc, c.tail_pos, c.se, c.pi, fragment=fragment,
                                     main_clause=fragment and _subordinate_left(c))
    return Attr((c.cs, c.ce), c.lemma, (c.subj_s, c.subj_e), content, frame="post")


def _without_subject(c: CueClause) -> tuple[Attr | None, Span | None]:
    """A cue after the content with no subject before it: inverted ('"...," said X'), or after a name
    and its appositions. Returns the attribution if one is made, and the appositive subject if any."""
    src = _inverted_source(c)
    if src is not None:
        return inverted_frame(c, src), None
    if c.bound_kind != "," or c.bound - 1 <= c.ss:
        return None, None
    named = source_after_quote(c.doc, c.ss, c.bound - 1)
    if named is not None:
        a = appositive_post_frame(c, named)
        if a is not None:
            return a, named
    appositive = appositive_subject(c.doc.text, c.ss, c.bound - 1)
    if appositive is None:
        return None, None
    return appositive_post_frame(c, appositive), appositive


def _inverted_source(c: CueClause) -> Span | None:
    """The source after an inverted cue ('"...," said X, a spokesman'), or None."""
    text, se = c.doc.text, c.se
    words = c.words
    src = None if COMPLEMENT_RE.match(text, c.after_cue, se) else np_right(
        text, c.after_cue, se, loose=c.bound_kind == "quote" and not c.tail_clean[:1].isupper()
        and first_word(c.tail_clean) not in words.pronoun_subjects)
    if src is None and not COMPLEMENT_RE.match(text, c.after_cue, se):
        src = titled_name_right(text, c.after_cue, se)
    if src is None or not (c.bound_kind == "quote" or np_like(text, src)):
        return None
    if first_word(c.tail_clean) in words.pronoun_subjects and len(text[src[0]:src[1]].split()) > 1:
        return None  # '..., “sociopath,” said he doesn't believe ...': a pronoun opens the reported clause
    if c.bound_kind == "quote":
        return src
    after_pos = skip_adverbials(text, src[1], se)
    rest = text[after_pos:se]
    rest_s = rest.strip()
    ends = not WORD_CHAR_RE.search(rest) or rest_s.startswith(",") and (
        rest_s.lstrip(", ")[:1] in OPENERS or first_word(rest_s.lstrip(", ")) in words.tail_clause
        or first_word(rest_s.lstrip(", ")).endswith("ing"))
    if c.lemma in words.tell_lemmas or not (c.frame_req == "any" or c.lemma in words.inverting_lemmas):
        return None
    if ends or c.lexicon_speech and (apposed_name(text, src, words) or split_predicate(text, c.ss, c.bound, rest_s, words)):
        return src
    return None


def inverted_frame(c: CueClause, src: Span) -> Attr | None:
    """'"...," said X': the content before the cue, the source after it."""
    content = c.content_before(c.bound)
    if not content:
        return None
    content = content + second_piece(c.doc, src[1], c.se, c.pi)
    return Attr((c.cs, c.ce), c.lemma, src, content, frame="inverted")


def appositive_post_frame(c: CueClause, appositive: Span) -> Attr | None:
    """'"...," Terrie Rizzo, the party chair, said.': a post frame after all."""
    text, ss = c.doc.text, c.ss
    k = appositive[0]
    while k > ss and text[k - 1] in " \t\u00a0,":
        k -= 1
    qi = c.doc.quote_ending_at(k, k - 1) if k > ss else -1
    if qi < 0 and not (c.lexicon_speech and text[k:k + 1] == "," and _clause_words(text[ss:k].split(), c.words)):
        return None  # neither a quotation nor a clause before the name ('..., his top aide, Tad Devine, told X.')
    if not (c.tail_empty or adjunct_only(c.tail_clean, c.words, c.lemma)
            or adjunct_only(text[c.ce:c.se].strip(), c.words, c.lemma, topic=True)):
        return None
    content = content_left(c.doc, ss, k)
    if not content:
        return None
    content = content + second_piece(c.doc, c.tail_pos, c.se, c.pi)
    return Attr((c.cs, c.ce), c.lemma, appositive, content, frame="post")


# --------------------------------------------------------------------------- content on the right


def pre_frame(c: CueClause, found: list[Attr], appositive: Span | None) -> Attr | None:
    """'X said (that) ...': the subject is the source, the content follows the cue."""
    text = c.doc.text
    source, shared = _pre_source(c, found, appositive)
    if source is None and not shared:
        return None
    if source is not None and text[source[0]:source[1]].lower() in ("it", "this", "that", "there") and not (
            _it_reports(c, text[source[0]:source[1]])):
        return None
    if source is not None:
        rel = _object_relative(c, source)
        if rel is not None:
            return Attr((c.cs, c.ce), c.lemma, rel[1], [rel[0]], frame="pre")
    pos, obj_taken = _complement_start(c)
    rest = text[pos:c.se]
    comp = COMPLEMENT_RE.match(rest)
    if not _frame_allows(c, rest, comp is not None):
        return None
    if c.lemma == "tell" and not obj_taken and comp is None and not story_object(c.lemma, rest):
        return None
    rl = rest.lstrip().lower()
    if comp is not None and (rl.startswith("that ") or rl.startswith(":") or rl.startswith(", that ")):
        pos = pos + comp.end()
    content = _content_after(c, pos)
    if not content:
        return None
    return Attr((c.cs, c.ce), c.lemma, source, content, frame="pre")


def _object_relative(c: CueClause, source: Span) -> tuple[Span, Span] | None:
    """'allegations that he assaulted her, which he has denied,', 'what she truly believes remains ...': a
    relative pronoun right before a short subject, and no object after the verb: the pronoun is the content
    (what was denied). Returns the content and the source (without the pronoun)."""
    text = c.doc.text
    words = text[source[0]:source[1]].split()
    if len(words) > 1 and words[0].lower() in ("what", "which"):
        rel = (source[0], source[0] + len(words[0]))
        source = strip_span(text, rel[1], source[1])
        words = words[1:]
    else:
        m = _REL_OBJECT_RE.search(text, max(c.ss, source[0] - 8), source[0])
        if m is None or first_word(text[max(c.ss, m.start() - 6):m.start()][::-1].strip()) in _REVERSED_PREPOSITIONS:
            return None  # 'To which she said, "..."': a preposition before the pronoun
        rel = (m.start(1), m.end(1))
    if len(words) > 4 or c.frame_req == "quote":
        return None
    after = skip_adverbials(text, c.ce, c.se)
    nxt = text[after:c.se].lstrip()
    if nxt[:1] not in ("", ",", ".", ";", ")", "—", "–", ":") and first_word(nxt) not in _AFTER_GAP:
        return None
    return rel, source


def _it_reports(c: CueClause, subject: str) -> bool:
    """'It said current officials have concealed ...': "it" (an organisation, a report) right before a
    finite verb of saying with no auxiliary and before a clause is a source; not 'it says a lot', 'this
    shows', 'it would say'."""
    if subject.lower() != "it" or not c.lexicon_speech or c.is_ing or c.lemma not in _IT_LEMMAS or any(
            w not in _ADVERBS for w in c.aux.split()):
        return False  # 'It also said ...': an adverb is no auxiliary
    text = c.doc.text
    if COMPLEMENT_RE.match(text, c.after_cue, c.se):
        return True
    head = text[c.after_cue:min(c.se, c.after_cue + 90)].lower().split()[:10]
    # 'It said current FDIC officials have concealed ...', 'It says the campaign violated federal law'
    return any(w in c.words.finite for w in head) or any(w.endswith("ed") and len(w) > 4 and w.isalpha()
                                                         for w in head[1:])


def _pre_source(c: CueClause, found: list[Attr], appositive: Span | None) -> tuple[Span | None, bool]:
    """The subject of the cue, and whether it is shared with an earlier verb ('... but says ...')."""
    if c.subj_words and c.subj_words[-1].lower() in ("and", "but", "yet", "or"):
        # 'Clinton has disputed both critiques, but says ...': the subject of the first verb
        return shared_subject(c.doc, c.ss, c.cs, found), True
    if c.subj_words and c.is_ing and c.subj_words[-1].lower() in c.words.prepositions:
        return gerund_source(c.doc.text, c.subj_s, c.subj_e), True  # kept without a source when none is found
    if c.subj_words:
        return np_left(c.doc.text, c.subj_s, c.subj_e), False
    if appositive is None and c.bound_kind == ",":
        named = _name_and_description(c)
        return (named if named is not None else apposed_subject(c.doc, c.ss, c.bound - 1)), False
    return appositive, False


def _name_and_description(c: CueClause) -> Span | None:
    """'Rashad Robinson, Color of Change's executive director, said ...': the sentence up to the comma
    before the cue is one noun phrase with its apposition (capitalised, no verb, no clause word)."""
    text = c.doc.text
    s, e = strip_span(text, c.ss, c.bound - 1)
    seg = _PARTY_RE.sub("", text[s:e])  # 'Sen. Jack Reed (D-R.I.), said ...'
    words = seg.split()
    if not (2 <= len(words) <= 16) or seg.count(",") > 2 or not words[0][:1].isupper():
        return None
    if any(ch in seg for ch in "\"“”«»;:()—–") or c.doc.has_cue(s, e):
        return None
    lists = c.words
    if words[0].lower() in lists.subordinate_start or words[0].lower() in lists.pronoun_subjects:
        return None
    if any(w.lower() in lists.finite or w.lower() in lists.clause_words for w in words):
        return None
    first_np = seg.split(",")[0].split()
    if not all(w[:1].isupper() or w.lower() in lists.name_particles for w in first_np) or len(first_np) > 4:
        return None
    return s, e


def _complement_start(c: CueClause) -> tuple[int, bool]:
    """Where the complement starts (past an indirect object and adverbials); whether an object was taken."""
    text, se, ce = c.doc.text, c.se, c.ce
    pos = ce
    obj_taken = False
    if c.lemma in c.words.tell_lemmas:
        mo = OBJECT_RE.match(text, pos, se)
        if mo is not None and mo.end() > pos:
            nxt = text[mo.end():se]
            if c.lemma == "tell" or COMPLEMENT_RE.match(nxt) or ADVERBIAL_RE.match(nxt):
                pos, obj_taken = mo.end(), True
        if c.lemma == "tell" and (not obj_taken or not (COMPLEMENT_RE.match(text, pos, se) or ADVERBIAL_RE.match(
                text, pos, se))):
            that = _HEARER_THAT_RE.match(text, ce, se)
            if that is not None and not any(w.lower() in c.words.finite or w.lower() in c.words.clause_words
                                            for w in that.group("np").split()):
                pos, obj_taken = that.start("that"), True  # 'told investors that', 'told a lunch group that'
    pos = c.after_cue if pos == ce else skip_adverbials(text, pos, se)
    return pos, obj_taken


def _frame_allows(c: CueClause, rest: str, has_complement: bool) -> bool:
    """The lemma's frame accepts what follows the cue (a quotation, a clause, an object)."""
    if rest.strip() == ":" and c.pi + 1 < len(c.doc.paras):
        return True  # 'X responded:' at the end of a paragraph: the next one is the content
    if c.frame_req == "quote":
        return QUOTE_START_RE.match(rest) is not None
    if c.frame_req == "clause":
        if has_complement or small_clause(c.lemma, rest):
            return True
        return c.lemma in c.words.as_lemmas and _AS_OR_QUOTE_RE.search(rest[:200]) is not None
    if c.frame_req == "object":
        return WORD_CHAR_RE.search(rest) is not None
    return True


def _content_after(c: CueClause, pos: int) -> list[Span]:
    """The content from ``pos``, with the quotations that follow; after "He said:" the next paragraph's."""
    doc, se, pi = c.doc, c.se, c.pi
    content = content_right(doc, pos, se, doc.paras[pi][1])
    if not content:
        # "He said:" at the end of a paragraph: the next paragraph's quotation
        if doc.text[c.ce:se].rstrip().endswith(":") and pi + 1 < len(doc.paras):
            ns = doc.paras[pi + 1][0]
            qi = doc.quote_starting_at(ns, ns + 1)
            if qi >= 0:
                content = doc.chain_from(qi)
            elif doc.text[ns:ns + 1].isalnum() or doc.text[ns:ns + 1] in "<[(":
                # 'Breitbart News responded:' then a paragraph of what was said, unquoted
                s, e = trim_content_end(doc.text, ns, doc.paras[pi + 1][1])
                content = [(s, e)] if s < e else []
        return content
    if doc.text[content[-1][1]:se].strip() == ":" and se >= doc.paras[pi][1] - 1 and pi + 1 < len(doc.paras):
        # 'said about its inclusion of X:' or 'said that given the candidates on both sides:' and a quotation
        # opening the next paragraph: the quotation is (the rest of) the content
        ns = doc.paras[pi + 1][0]
        qi = doc.quote_starting_at(ns, ns + 1)
        if qi >= 0:
            topic = first_word(doc.text[content[0][0]:content[0][1]]) in _TOPIC_WORDS
            return ([] if topic else content) + doc.chain_from(qi)
    if content[-1][1] >= se - 2:
        content = content + following_quotes(doc, content[-1][1], pi)
    return content

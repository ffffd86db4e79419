"""Stage 3c: a cue as the verb of its clause, and the router that sends every cue to its frame.

:func:`analyze_cue` reads the clause around a cue once (:func:`._clause.read_clause`: where the subject
starts and ends, the auxiliaries before the cue), routes the cue, and for the frames below reads
what follows it (:func:`._clause.read_tail`: the adverbials and indirect object after the cue):

- "according to", participles, reduced relatives, evidentials, passives, "asked", attitude adjectives
  and infinitives go to the frames of :mod:`._frames` (or are dropped; an infinitive of saying after
  a verb, "went on to say", takes that verb's subject);
- ``'"...," X said'`` and ``'..., X said, ...'`` (content on the left): :func:`post_frame`;
- ``'"...," said X'`` and ``'"...," Name, apposition, said'``: :func:`inverted_frame`,
  :func:`appositive_post_frame`;
- ``'X said (that) ...'`` (content on the right): :func:`._pre_frame.pre_frame`.
"""

from __future__ import annotations

import re

from ._content import adjunct_only, content_left, content_right, second_piece, split_quote
from ._cues import JUDGING_ADJECTIVES, READY_ADJECTIVES, aux_start, raising_before_to
from ._document import Attr, Doc
from ._frames import according_frame, asked_frame, attitude_frame, evidential_frame, participle_frame, passive_frame
from ._lexicon import WordLists, lexicons
from ._phrases import (COMPLEMENT_RE, OPENERS, TOKEN_RE, WORD_CHAR_RE, first_word, np_left, np_right, skip_adverbials,
                       strip_span)
from ._subjects import (apposed_name, appositive_subject, np_like, people_word, source_after_quote, split_predicate,
                        titled_name_right)
from ._clause import CLAUSE_ADVERBS, CueClause, read_clause, read_tail, title_words
from ._pre_frame import name_and_description, pre_frame

__all__ = ["analyze_cue", "post_frame", "inverted_frame", "appositive_post_frame"]

_DEGREE_WORDS = frozenset({"more", "less", "most", "least", "so", "very", "too", "quite", "far", "much"})
_BY_AFTER_RE = re.compile(r"\s+by\s(?!\s*[a-z]+ing\b|\s*(?:tele)?phone\b|\s*e-?mail\b|\s*text(?:\s+message)?\b|\s*video(?:link)?\b"
                          r"|\s*satellite\b|\s*letter\b|\s*fax\b|\s*Skype\b|\s*Zoom\b|\s*radio\b)")
"""'by' after a participle: a reduced passive ('estimates cited by both parties'), not 'said by telephone' or
'concluded by saying'."""
_WH_THAT_RE = re.compile(r"(?:that|whether|if|how|why|what|who)\b", re.IGNORECASE)
_SUBORDINATE_OPENERS = frozenset({"when", "if", "though", "although", "because", "unless", "while", "whereas",
                                   "once", "whenever"})
_PURPOSE_VERBS = frozenset({"took", "takes", "take", "taking", "went", "goes", "go", "going", "came", "comes",
                            "come", "coming", "stood", "stands", "rushed", "rushing", "flew", "flies", "traveled",
                            "travelled", "returned", "stepped", "rose", "showed", "turned", "headed"})
_OPENING_PARTICIPLE_RE = re.compile(r"\s*(?:[A-Z][a-z]+ing|Asked|When asked)\b")  # a participle opening the sentence
_PURPOSE_STOPS = frozenset({"that", "which", "who", "whom", "and", "but", "or", "because", "if", "when", "while",
                            "is", "was", "are", "were", "has", "have", "had", "will", "would", "to"})

Span = tuple[int, int]


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
    a = _as_participle(c)
    if a is not None:
        return a
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
    a = _as_comment(c)
    if a is not None:
        return a
    return pre_frame(c, found, appositive)


def _as_participle(c: CueClause) -> Attr | None:
    """'But in July 2012, Patriot failed as predicted.', 'He left as planned, and ...': "as" and a participle that
    close a clause, no source; the content is the clause before "as"."""
    if not (len(c.subj_words) > 1 and c.subj_words[-1].lower() == "as" and not c.aux and c.form.endswith("ed")
            and (c.tail_empty or c.tail_clean[:1] == ",")):
        return None
    text = c.doc.text
    as_s = text.rfind(c.subj_words[-1], c.subj_s, c.subj_e)
    s, e = strip_span(text, c.ss, as_s)
    if c.bound_kind == "," and c.bound > c.ss and text[c.ss:c.bound].strip():
        s = strip_span(text, c.bound, as_s)[0]  # 'But in July 2012, Patriot failed': the clause after the comma
    return Attr((c.cs, c.ce), c.lemma, None, [(s, e)], frame="post") if s < e else None


def _as_comment(c: CueClause) -> Attr | None:
    """'..., as a Homeland Security memo put it.', 'The wall, as Trump put it, will be beautiful.', 'As Ms.
    Simonyan put it in a statement, RT is ...', '..., as many researchers believe': a comment clause opened by "as" and closed by
    the sentence end or a comma; the content is the rest of the sentence around it."""
    text = c.doc.text
    if not (len(c.subj_words) > 1 and c.subj_words[0].lower() == "as") \
            or c.lemma in c.words.tell_lemmas or c.aux.startswith("to"):
        return None
    as_s = text.find(c.subj_words[0], c.subj_s, c.subj_e)
    if as_s > c.ss and text[c.ss:as_s].rstrip()[-1:] not in ",—–(":
        return None  # 'as' inside a clause ('the same as Trump said'): no comment clause
    source = strip_span(text, as_s + 2, c.subj_e)
    tail = c.tail_clean  # read by analyze_cue before the frames
    if not (c.tail_empty or tail[:1] in ",)—–"):
        return None  # 'as Trump said the wall ...': the content follows the verb (pre_frame)
    after = text.find(",", c.tail_pos, c.se) if not c.tail_empty and tail[:1] == "," else -1
    before = strip_span(text, c.ss, as_s)
    content: list[Span] = []
    if before[0] < before[1]:
        content.append(before)
    elif c.frame_req != "quote":
        return None  # 'As Trump said in his speech, the wall ...': pre_frame reads it
    if after >= 0:
        content += content_right(c.doc, after + 1, c.se, c.doc.paras[c.pi][1])
    if not content:
        return None
    return Attr((c.cs, c.ce), c.lemma, source, content, frame="post")


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
    if not c.tail_empty and _OPENING_PARTICIPLE_RE.match(c.doc.text, c.ss, c.bound):
        return False  # 'Lamenting their luck, Mexicans often say, "..."', 'Bemoaning the "phony system," Trump accused
        #               Holt of ...': a participle phrase opens the sentence; the content follows the cue
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
    'in an interview with “Meet the Press,”') or in apposition to an opening prepositional phrase ('In his 2002
    book, “Make Your Kid a Millionaire,”'): up to eight capitalised words (small words inside)."""
    doc, text = c.doc, c.doc.text
    qi = doc.quote_ending_at(c.bound, c.bound - 2)
    if qi < 0:
        return False
    q = doc.quotes[qi]
    if not title_words(text[q.start:q.end]):
        return False
    before = text[c.ss:q.start].split()
    prev = before[-1].lower() if before else ""
    return prev in c.words.prepositions or prev.endswith(("'s", "’s")) or (
        prev.endswith(",") and before[0].lower() in c.words.prepositions and len(before) <= 8)


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
    if lf in CLAUSE_ADVERBS or lf.endswith("ly"):
        return False
    return first[:1].isupper() or lf in c.words.coordinated_subject_openers or len(c.subj_words) <= 3 or any(
        w[:1].isupper() for w in c.subj_words[1:4]) or len(c.subj_words) <= 6 and people_word(c.subj_words[-1])


def _clause_words(before: list[str], words: WordLists) -> bool:
    """Six words or more, or three with a finite verb after the first ('Shoukair was kind, an official told X.')."""
    return len(before) >= 6 or len(before) >= 3 and any(w.lower() in words.finite for w in before[1:])


def _short_subject(subj_words: list[str], words: WordLists) -> bool:
    """A subject of at most twelve words that is not a clause ('that ...', 'and ...', '... the ...')."""
    if not 0 < len(subj_words) <= 12:
        return False
    lowered = [w.lower() for w in subj_words]
    first_subj = lowered[0].strip("“\"(")
    if first_subj in words.clause_words or first_subj in ("to", "and", "but", "or", "according") \
            or first_subj in words.prepositions:
        return False
    # an article inside the subject after a word other than a preposition, "and", "or" or "to": a clause
    after_article = words.prepositions_and_or_to
    for k in range(1, len(lowered)):
        if lowered[k] in ("the", "a", "an") and lowered[k - 1] not in after_article:
            return False
    return True


def post_frame(c: CueClause) -> Attr | None:
    """'"...," he said' and '..., he said, ...': content before the subject, and after the cue."""
    if c.frame_req == "quote" and c.bound_kind != "quote":
        return None
    content = c.content_before(c.bound)
    if not content:
        return None
    text = c.doc.text
    unquoted = c.bound_kind == "," and text[content[-1][1] - 1] not in "\"”’'»"
    fragment = unquoted and content[-1][0] == c.ss
    content = content + second_piece(c.doc, c.tail_pos, c.se, c.pi, fragment=fragment,
                                     main_clause=fragment and _subordinate_left(c), unquoted=unquoted)
    return Attr((c.cs, c.ce), c.lemma, (c.subj_s, c.subj_e), content, frame="post")


def _without_subject(c: CueClause) -> tuple[Attr | None, Span | None]:
    """A cue after the content with no subject before it: inverted ('"...," said X'), or after a name
    and its appositions. Returns the attribution if one is made, and the appositive subject if any."""
    if c.bound_kind == "quote" and _quote_in_subject(c):
        # 'Humphrey, a fan of “The Apprentice,” said the effort will work': the quotation closes the subject's
        # apposition (its comma inside), not a content before the cue
        appositive = appositive_subject(c.doc.text, c.ss, c.bound - 2, quoted=True)
        if appositive is not None:
            return appositive_post_frame(c, appositive), appositive
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


def _quote_in_subject(c: CueClause) -> bool:
    """The short quotation right before the cue closes an apposition of the subject and a clause follows the cue
    ('Humphrey, a fan of “The Apprentice,” said the effort will work', 'X, who calls Trump a “sociopath,” said he
    ...'): a word of the same phrase before it, a comma inside it, at most eight words."""
    doc, text = c.doc, c.doc.text
    qi = doc.quote_ending_at(c.bound, c.bound - 2)
    if qi < 0 or text[c.bound - 2:c.bound - 1] != "," or not c.tail_clean[:1].isalnum():
        return False
    q = doc.quotes[qi]
    before = text[c.ss:q.start].rstrip()
    if not (before and before[-1].isalnum() and "," in before and len(text[q.start:q.end].split()) <= 8):
        return False
    # a clause after the cue ('said he doesn't', 'said the effort will work'), not a name ending the sentence
    # ('Trump, in a tweet, called it “a disaster,” said the official.': inverted)
    head = c.tail_clean.lower().split()[:8]
    return bool(head) and (head[0] in c.words.pronoun_subjects or _WH_THAT_RE.match(head[0]) is not None
                           or any(w in c.words.finite for w in head))


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
    if name_and_description(c) is not None:
        return None  # 'Ivanka Trump, the nominee's eldest daughter, noted the rule ...': the subject before the cue
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
    content = content + second_piece(c.doc, src[1], c.se, c.pi,
                                     unquoted=c.doc.text[content[-1][1] - 1] not in "\"”’'»")
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

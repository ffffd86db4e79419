"""Stage 3b: the frames in which a cue is not the verb of its own subject.

One function per frame:

- :func:`according_frame`: "According to X, ...", "..., according to X", "A, according to X, B";
- :func:`passive_frame`: "X was told by Y that ...", "it was reported that ...", "As reported by X, ...";
- :func:`participle_frame`: "..., adding that ...", "... and said ...": the subject of the clause;
- :func:`asked_frame`: "X was asked about Y", "when asked whether ...", "Asked by X if ...";
- :func:`evidential_frame`: "X seemed to ...", "X is expected to ..." (no source);
- :func:`attitude_frame`: "X is confident that ...", "X remained skeptical of ..." (adjectives);

The frames around a verb with its own subject are in :mod:`._verb`.
"""

from __future__ import annotations

import re
from itertools import islice

from ._content import content_left, content_right
from ._cues import aux_start
from ._document import Attr, Doc
from ._lexicon import lexicons, word_lists
from ._predicative import predicative_complement
from ._phrases import (COMPLEMENT_RE, OBJECT_RE, WORD_CHAR_RE, WORD_RE, last_of, np_left, np_right,
                       skip_adverbials, strip_span, trim_content_end)

__all__ = ["according_frame", "passive_frame", "asked_frame", "attitude_frame", "participle_frame", "evidential_frame", "subject_end",
           "verb_like", "shared_subject"]

_BY_RE = re.compile(r"\s+by\s+")
_ASKED_CUT_RE = re.compile(r"\s(?:about|whether|if|what|how|why)\s")
# what follows "was asked": a topic, a question clause, a request ("to name ...") or the question itself
_ASKED_TOPIC_RE = re.compile(r"\s*(?:(?P<about>about\s+)|(?P<wh>whether|if|what|how|why|who|when|where)\s"
                             r"|(?P<req>to\s+[a-z]|(?:a|an|the|several|many)\s+(?:\w+\s+){0,3}?questions?\b))")
_TO_RE = re.compile(r"\s*to\b")
_AS_OR_QUOTE2_RE = re.compile(r"\bas\b|[\"“«]")
_EVIDENTIAL_COMP_RE = re.compile(r"\s*(?:to\s+\w|that\s|like\s|as\s+(?:if|though)\s)", re.IGNORECASE)
_SUBJECT_END_RE = re.compile(
    r"(?:has|have|had|is|was|were|are|will|would|could|can|should|may|might|must|did|does|do|also|"
    r"then|later|quickly|repeatedly|never|not|began|took|went|made|gave|got|kept|spent|came|sat|stood|"
    r"threw|left|hit|won|lost|led|ran|set|held|brought|sent|met|became|drew|rose|fell|struck|stuck|"
    r"sought|fought|caught|taught|bought|built|paid|laid|meant|broke|chose|spoke|wore|tore|swore|"
    r"[a-z]+ed|[a-z]+ly)\Z"
)

Span = tuple[int, int]


# --------------------------------------------------------------------------- according to


def according_frame(doc: Doc, m: re.Match[str], lemma: str) -> Attr | None:
    """'..., according to X' and 'A, according to X, B' (content around), or 'According to X, ...'."""
    text = doc.text
    cs, ce = m.start(), m.end()
    ss, se, pi = doc.sents[doc.sentence_of(cs)]
    src = np_right(text, ce, se, loose=True)
    if src is None:
        return None
    src = _source_before_clause(text, src)
    lead_s, lead_e = strip_span(text, ss, cs)
    if lead_e > lead_s and any(ch in text[lead_e:cs] for ch in ":;"):
        lead_s = lead_e = cs  # 'And it hasn't gone unnoticed: According to recent polls, Trump holds ...'
    content: list[Span] = []
    if lead_e > lead_s and WORD_CHAR_RE.search(text[lead_s:lead_e]):
        src = _source_after_phrase(text, lead_s, lead_e, src)
        content = content_left(doc, ss, lead_e) + _according_rest(doc, src[1], se, pi)
    else:
        comma = text.find(",", ce, se)
        if comma < 0:
            return None
        src = strip_span(text, ce, comma)
        if src[0] >= src[1]:
            return None
        content = content_right(doc, comma + 1, se, doc.paras[pi][1])
    if not content:
        return None
    return Attr((cs, ce), lemma, src, content, frame="according")


def _source_after_phrase(text: str, lead_s: int, lead_e: int, src: Span) -> Span:
    """After an opening phrase that is no clause ('Over the long term, according to the budget office, the rise
    in ...', 'In addition, according to X, ...': at most eight words, no finite verb), the source ends at its
    first comma: the sentence's clause follows (not an apposition opened by "a" after a noun phrase)."""
    lead = [w.lower() for w in text[lead_s:lead_e].split()]
    k = text.find(",", src[0], src[1])
    words = word_lists()
    if k < 0 or len(lead) > 8 or any(w in words.finite for w in lead):
        return src
    after = text[k + 1:src[1]].split()
    if after and after[0].lower() in ("a", "an") and not (
            lead[0] in words.prepositions or lead[0] in words.subordinate_start or lead[0].endswith("ly")):
        return src  # 'Trump leads, according to CrowdTangle, a social analytics tool ...': an apposition
    s, e = strip_span(text, src[0], k)
    return (s, e) if s < e else src


def _source_before_clause(text: str, src: Span) -> Span:
    """The source of "according to" ends at a comma that a clause follows ('Since last November, according
    to Human Rights Watch, state security forces have killed ...'), not at an apposition ('according to
    CrowdTangle, a social analytics tool that ...')."""
    finite = word_lists().finite
    k = text.find(",", src[0], src[1])
    while k >= 0:
        words = text[k + 1:src[1]].split()
        head: list[str] = []
        for w in words:
            if w.lower() in ("that", "who", "which", "whose"):
                break
            head.append(w.lower().strip(",."))
        if any(w in finite for w in head[:8]):
            s, e = strip_span(text, src[0], k)
            return (s, e) if s < e else src
        k = text.find(",", k + 1, src[1])
    return src


def _according_rest(doc: Doc, after_src: int, se: int, pi: int) -> list[Span]:
    """'The economy, according to X, is ...': the content that goes on after the source."""
    text = doc.text
    rest_span = strip_span(text, after_src, se)
    if not (rest_span[1] > rest_span[0] and text[after_src:rest_span[0]].strip().startswith(",")
            and WORD_CHAR_RE.search(text[rest_span[0]:rest_span[1]])):
        return []
    adv_end = skip_adverbials(text, after_src, se)
    if adv_end >= se or not WORD_CHAR_RE.search(text[adv_end:se]):
        return []
    return content_right(doc, adv_end, se, doc.paras[pi][1])


# --------------------------------------------------------------------------- passives and participles


def passive_frame(doc: Doc, m: re.Match[str], lemma: str, ss: int, se: int, pi: int,
                  as_clause: bool = False) -> Attr | None:
    """'X was told by Y that ...', 'it was reported that ...': the source is the by-phrase, if any.

    With ``as_clause`` ('As reported by X, ...'), the content is the clause after the comma.
    """
    text = doc.text
    if lexicons().cues[lemma]["frame"] not in ("any", "clause", "object"):
        return None
    if as_clause:
        return _as_reported(doc, m, lemma, se, pi)
    pos = m.end()
    src = None
    by = _BY_RE.match(text[pos:se])
    if by is None:  # 'was endorsed on Monday by former rival Carly Fiorina'
        after = skip_adverbials(text, pos, se)
        by = _BY_RE.match(text[after:se]) if after > pos else None
        pos = after if by is not None else pos
    if by is not None:
        src = np_right(text, pos + by.end(), se, loose=True)  # 'by former rival Carly Fiorina', 'by some of ...' 
        if src is not None:
            pos = src[1]
    pos = skip_adverbials(text, pos, se)
    rest = text[pos:se]
    if _TO_RE.match(rest):
        return None  # "is said to be": no content clause
    comp = COMPLEMENT_RE.match(rest)
    if comp is None:
        return _reported_subject(doc, m, lemma, ss, pos, se, src)
    if src is not None and _AGENT_RELATIVE_RE.match(rest):
        # 'That effort has been championed by X, who's argued for years ...': the clause is the agent's
        return _reported_subject(doc, m, lemma, ss, se, se, src)
    if rest.lstrip().lower().startswith(("that ", ":")):
        pos += comp.end()
    content = content_right(doc, pos, se, doc.paras[pi][1])
    if not content:
        return None
    return Attr((m.start(), m.end()), lemma, src, content, frame="passive")


_AGENT_RELATIVE_RE = re.compile(r"\s*,\s*(?:who|which|whose)\b", re.IGNORECASE)
_REASON_RE = re.compile(r"\s*((?:for|over|of|as)\s+\w)", re.IGNORECASE)
_ASIDE_RE = re.compile(r",\s*(?:meanwhile|however|too|also|though|in turn|[a-z]+ly),?\s*\Z", re.IGNORECASE)
_PLAIN_CLASSES = frozenset({"neutral", "description"})
_AGENT_REASON_RE = re.compile(r"\s(?:for|over)\s", re.IGNORECASE)


def _reported_subject(doc: Doc, m: re.Match[str], lemma: str, ss: int, pos: int, se: int,
                      src: Span | None) -> Attr | None:
    """'O'Malley's move was first reported by MSNBC.', 'Clinton has been endorsed by dozens of papers.': a verb of
    saying, or one with an object that is not neutral or naming ("voiced", "called"), in the passive with its agent
    and nothing after it (for the latter, maybe a reason: 'was criticized by X for ...', and then the agent may be
    missing: 'Mr. Sanders has been criticized for offering vague responses'); the content is the subject (a noun
    phrase of at most twelve words opening the sentence)."""
    rest = doc.text[pos:se]
    entry = lexicons().cues[lemma]
    judging = not entry["speech"] and entry["frame"] == "object" and entry["class"] not in _PLAIN_CLASSES
    if not (entry["speech"] or judging) or src is None and not (judging and _REASON_RE.match(rest)):
        return None  # not 'Hamdo is voiced by Kouji Ishii' (a voice actor), 'is called by'
    text = doc.text
    tail: list[Span] = []
    cut = None if entry["speech"] or src is None else _AGENT_REASON_RE.search(text, src[0], src[1])
    if cut is not None and src is not None and not WORD_CHAR_RE.search(rest):
        # 'was criticized by some of his rivals for failing to ...': the agent ends before the reason
        tail = [strip_span(text, cut.start() + 1, src[1])]
        src = strip_span(text, src[0], cut.start())
    elif WORD_CHAR_RE.search(rest):
        reason = _REASON_RE.match(rest)
        if entry["speech"] or reason is None:
            return None
        # 'Trump has been criticized by his rivals for failing to ...': the reason goes with the content
        tail = [strip_span(text, pos + reason.start(1), pos + len(rest.rstrip(" .!?")))]
    s, e = strip_span(text, ss, aux_start(text, ss, m.start()))
    aside = _ASIDE_RE.search(text, s, e)
    if aside is not None and judging:
        e = strip_span(text, s, aside.start())[1]  # 'Donald Trump, meanwhile, is supported by ...'
    words = text[s:e].split()
    if not 0 < len(words) <= 12 or words[0].lower() in word_lists().pronoun_subjects and not (
            judging and len(words) == 1) or any(ch in text[s:e] for ch in ",;:\"“”()—–"):
        return None  # a pronoun only for a judging verb ('He has been harshly criticized for ...')
    return Attr((m.start(), m.end()), lemma, src, [(s, e)] + tail, frame="passive")


def _as_reported(doc: Doc, m: re.Match[str], lemma: str, se: int, pi: int) -> Attr | None:
    """'As reported by X, ...', 'When asked, ...': the content is the clause after the comma."""
    text = doc.text
    pos = m.end()
    src = None
    comma = text.find(",", pos, se)
    if comma < 0:
        return None
    by = _BY_RE.match(text[pos:comma])
    if by is not None:
        src = strip_span(text, pos + by.end(), comma)
    content = content_right(doc, comma + 1, se, doc.paras[pi][1])
    if not content:
        return None
    return Attr((m.start(), m.end()), lemma, src, content, frame="passive")


def asked_frame(doc: Doc, m: re.Match[str], lemma: str, se: int, pi: int) -> Attr | None:
    """'X was asked about Y', 'when asked whether ...', 'Asked by X if ...': the question is the content.

    The content is the topic after "about" or the question clause, up to a comma or the sentence end;
    the source is the by-phrase, if any (the person asked is not the source of the question).
    """
    text = doc.text
    pos = m.end()
    src = None
    by = _BY_RE.match(text, pos, se)
    if by is not None:
        src = np_right(text, by.end(), se) or np_right(text, by.end(), se, loose=True)  # 'by host Bill Maher'
        if src is not None:
            cut = _ASKED_CUT_RE.search(text, src[0], src[1])  # 'Asked by Thrush if ...'
            src = (src[0], cut.start()) if cut is not None and cut.start() > src[0] else src
            pos = src[1]
    pos = skip_adverbials(text, pos, se)
    q = _ASKED_TOPIC_RE.match(text, pos, se)
    if q is None:
        return passive_frame(doc, m, lemma, m.start(), se, pi)
    start = q.end() if q.group("about") else q.start("wh") if q.group("wh") else q.start("req")
    end = se
    comma = text.find(",", start, se)
    while comma >= 0:
        qi = doc.quote_at(comma)
        if qi < 0:
            end = comma
            break
        if doc.quotes[qi].end - comma <= 3 and doc.quotes[qi].start >= start:
            end = doc.quotes[qi].end  # 'Asked if Sanders is “realistic enough ...,” 72 percent said yes'
            break
        comma = text.find(",", comma + 1, se)
    s, e = trim_content_end(text, start, end)
    if s >= e or not WORD_CHAR_RE.search(text, s, e):
        return None
    return Attr((m.start(), m.end()), lemma, src, [(s, e)], frame="passive")


def participle_frame(doc: Doc, m: re.Match[str], lemma: str, ss: int, se: int, pi: int,
                     found: list[Attr]) -> Attr | None:
    """", adding that ...": the source is the subject of the clause the participle hangs on."""
    text = doc.text
    words = word_lists()
    pos = m.end()
    if lemma in words.tell_lemmas:
        mo = OBJECT_RE.match(text, pos, se)
        if mo is not None and mo.end() > pos:
            pos = mo.end()
    pos = skip_adverbials(text, pos, se)
    rest = text[pos:se]
    comp = COMPLEMENT_RE.match(rest)
    if lexicons().cues[lemma]["frame"] in ("clause", "quote") and comp is None:
        if not (lemma in words.as_lemmas and _AS_OR_QUOTE2_RE.search(rest[:200])):
            return None
    if not WORD_CHAR_RE.search(rest):
        return None
    if comp is not None and rest.lstrip().lower().startswith(("that", ":")):
        pos += comp.end()
    content = content_right(doc, pos, se, doc.paras[pi][1])
    if not content:
        return None
    source = shared_subject(doc, ss, m.start(), found)
    return Attr((m.start(), m.end()), lemma, source, content, frame="participle", participle=True)


def shared_subject(doc: Doc, ss: int, pos: int, found: list[Attr]) -> Span | None:
    """Source for a verb without its own subject (', saying ...', '... and said ...')."""
    in_sentence = [a for a in found if ss <= a.cue[0] < pos]
    for a in reversed(in_sentence):
        c = a.cue[0]
        if any(b is not a and any(s0 <= c < e0 for s0, e0 in b.content) for b in in_sentence):
            continue  # nested in another attribution of the sentence
        return a.source
    return _clause_subject(doc, ss, pos)


def _clause_subject(doc: Doc, ss: int, limit: int) -> Span | None:
    """The subject noun phrase of the main clause of the sentence starting at ``ss`` (before ``limit``)."""
    text = doc.text
    words = word_lists()
    start = ss
    w0 = WORD_RE.match(text, ss, limit)
    if w0 is not None and w0.group().lower() in words.subordinate_start:
        comma = text.find(",", ss, limit)
        if comma < 0:
            return None
        start = comma + 1
    end = subject_end(text, start, limit)
    if end < 0:
        return None
    s, e = strip_span(text, start, end)
    if s >= e:
        return None
    first = text[s:e].split()[0]
    if first[:1].islower() and first.lower() not in words.clause_subject_openers:
        return None
    return s, e


def verb_like(word: str) -> bool:
    """Whether a lower-case ``word`` reads as a verb (or an adverb before one) to :func:`subject_end`: an auxiliary,
    a common irregular past, a word in -ed or -ly, or a cue form."""
    return _SUBJECT_END_RE.match(word) is not None or word in lexicons().form_lemma


def subject_end(text: str, start: int, limit: int) -> int:
    """End of the word before the first verb-like word (:func:`verb_like`) among the first twelve, or -1."""
    words = list(islice(WORD_RE.finditer(text, start, limit), 12))  # the first twelve, not every word
    for k, w in enumerate(words):
        if k > 0 and verb_like(w.group().lower()) and not w.group()[:1].isupper():
            return words[k - 1].end()
    return -1


# --------------------------------------------------------------------------- evidentials


def evidential_frame(doc: Doc, m: re.Match[str], lemma: str, ss: int, se: int, pi: int,
                     subj_end: int) -> Attr | None:
    """'Sanders seemed to be of two minds', 'X is expected to win', 'it appears that ...' (no source).

    The content is the subject and the complement, as PolNeAR annotates it.
    """
    text = doc.text
    pos = skip_adverbials(text, m.end(), se)
    rest = text[pos:se]
    if not _EVIDENTIAL_COMP_RE.match(rest) and not predicative_complement(text, m, lemma, pos, se):
        return None
    comp_start = pos + len(rest) - len(rest.lstrip())
    if rest.lstrip().lower().startswith("that "):
        comp_start += 5
    right = content_right(doc, comp_start, se, doc.paras[pi][1])
    if not right:
        return None
    k = last_of(text, ",;:(—–", ss, subj_end)
    lo = k + 1 if k >= ss else ss
    subj = np_left(text, lo, subj_end) if subj_end > lo else None
    if subj is not None and text[subj[0]:subj[1]].lower() in ("it", "there", "this"):
        subj = None
    content = ([subj] if subj is not None else []) + right
    return Attr((m.start(), m.end()), lemma, None, content, frame="evidential")


# --------------------------------------------------------------------------- attitudes


def attitude_frame(doc: Doc, m: re.Match[str], lemma: str, ss: int, se: int, pi: int,
                   subj_end: int) -> Attr | None:
    """'Clinton is confident that ...', 'voters remain skeptical of ...': the subject holds the attitude.

    The adjective must follow a form of "be" or a linking verb (``copulas``) and come before its
    complement (``attitude_followers``); the content is the complement.
    """
    text = doc.text
    words = word_lists()
    pos = m.end()
    while pos < se and text[pos] in " \t\n\u00a0":
        pos += 1
    nxt = WORD_RE.match(text, pos, se)
    if nxt is None or nxt.group().lower() not in words.attitude_followers:
        return None
    toks = list(WORD_RE.finditer(text, max(ss, subj_end - 60), m.start()))
    k = len(toks) - 1
    while k >= 0 and (toks[k].group().lower() in words.aux or toks[k].group().lower().endswith("ly")
                      or toks[k].group().lower() in ("so", "very", "more", "less", "most", "too", "quite")):
        if toks[k].group().lower() in words.copulas:
            break
        k -= 1
    if k < 1 or toks[k].group().lower() not in words.copulas:
        return None
    verb_start = toks[k].start()
    while k > 0 and toks[k - 1].group().lower() in words.aux and toks[k - 1].end() + 1 >= toks[k].start() - 1:
        k -= 1  # 'has been', 'would be'
        verb_start = toks[k].start()
    b = last_of(text, ",;:(—–", ss, verb_start)
    subj = np_left(text, b + 1 if b >= ss else ss, verb_start)
    if subj is None or text[subj[0]:subj[1]].lower() in ("it", "there", "this", "that", "which", "what"):
        return None
    start = nxt.end() if nxt.group().lower() == "that" else nxt.start()
    content = content_right(doc, start, se, doc.paras[pi][1])
    if not content:
        return None
    return Attr((m.start(), m.end()), lemma, subj, content, frame="attitude")

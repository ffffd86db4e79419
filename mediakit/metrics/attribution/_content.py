"""Stage 3a: the content of an attribution, the text on either side of its cue.

:func:`content_right` reads what follows a cue ("X said (that) ..."), :func:`content_left` what
precedes it ('"...," X said'); :func:`second_piece` and :func:`following_quotes` add the second
half of a split quotation and the quoted sentences that continue the speaker. A content on the right ends
before a coordinated clause with its own cue ('... but noted that ...') and before a report that closes the
sentence ('..., police said.', '..., Cruz, who has proposed X, said at the time'); :func:`adjunct_only` tells
an adjunct after a verb of saying ('said at an event in Wyoming') from its complement.
"""

from __future__ import annotations

import re

from ._cues import cue_ok
from ._document import Doc
from ._lexicon import WordLists, lexicons, word_lists
from ._phrases import (COMPLEMENT_RE, OBJECT_RE, OPENERS, WORD_CHAR_RE, WORD_RE, first_word, fronted_adverbial,
                       skip_adverbials, strip_span,
                       trim_content_end)

__all__ = ["content_right", "content_left", "following_quotes", "second_piece", "split_quote", "adjunct_only"]

_ING_SIBLING_RE = re.compile(r",(?P<q>''|[”\"'])?\s*(?:while\s+|and\s+|but\s+)?(?:(?:also|even|then|later|again|[a-z]+ly)\s+)?"
                             r"(?=\w+ing\b)")
_ACCORDING_IN_RE = re.compile(r",?\s*according\s+to\b", re.IGNORECASE)
_CONJ_BEFORE_RE = re.compile(
    r"(?:,\s*|\s+)(?:and|but|while|whereas|although|though|yet)\s+"
    r"(?P<subj>(?:[\w.’'-]+\s+){0,6}?)"
    r"(?:(?:has|have|had|also|later|then|would|will|did|does|do|is|was|were|are|not|never)\s+)*\Z"
    r"|(?:;|\s[-—–]{1,2})\s+(?P<subj2>(?:[\w.’'-]+\s+){0,6}?)(?:(?:has|have|had|also|later|then)\s+)*\Z"
    r"|,\s+(?P<subj3>(?:[\w.’'-]+\s+){1,8}?)"
    r"(?:(?:has|have|had|also|later|then|would|will|did|does|do|is|was|were|are|not|never)\s+)*\Z"
)
# the text up to the last character that no alternative of _CONJ_BEFORE_RE takes past its first three (a quotation
# mark, a parenthesis, a comma, a dash): a match of _CONJ_BEFORE_RE cannot start more than two characters before it
_TO_LAST_STOP_RE = re.compile(r".*[^\w.’'\s-]", re.DOTALL)
_FINAL_SUBJECT_RE = re.compile(
    r",(?:[”\"’]|'')?\s+(?P<subj>(?:(?:[\w.’'-]+|\([A-Z][\w.-]{1,12}\))\s+){1,6}?)"
    r"(?:(?:has|have|had|also|later|then|would|will|did|does|is|was|were|are)\s+)*\Z")
_COMMA_VERB_RE = re.compile(r",(?:[”\"’]|'')?[ \t\u00a0]+\Z")
_TO_AFTER_RE = re.compile(r"[ \t\u00a0]+to\b")
_ADJUNCT_OPENERS = frozenset({"in", "on", "at", "after", "before", "during", "following", "while", "as",
                              "when", "because", "since", "until", "though", "although", "amid", "despite",
                              "outside", "inside", "near", "behind", "beside", "aboard", "via", "from", "over",
                              "throughout"})
#: The topic of a verb of saying ('said of the plan', 'wrote about it'), an adjunct after those lemmas.
_TOPIC_OPENERS = frozenset({"of", "about"})
_TOPIC_LEMMAS = frozenset({"say", "write", "speak", "talk", "comment", "joke", "remark", "add", "tell"})
_AT_LEAST_RE = re.compile(r"at\s+(?:least|most)\b", re.IGNORECASE)
_THAT_RE = re.compile(r"\bthat\b", re.IGNORECASE)
_COMMA_QUOTE_RE = re.compile(r",\s*(?=[\"“«]|'')")
_AND_QUOTE_RE = re.compile(r"(?:and|but)\s+(?:[a-z]+ly\s+|still\s+|also\s+|then\s+)?(?:[\"“«]|'')")
"""', and still "got to sit in ..."': a quotation coordinated after the cue continues the content."""


def content_right(doc: Doc, pos: int, send: int, para_end: int) -> list[tuple[int, int]]:
    """Content that starts at ``pos`` and runs to the end of the sentence (or of a quotation)."""
    text = doc.text
    s, _ = strip_span(text, pos, send, " \t\n\r\u00a0,:—–")
    if s >= send:
        return []
    qi = doc.quote_starting_at(s, s + 2)
    if qi >= 0 and doc.quotes[qi].end >= send - 1:
        return _quotation_right(doc, qi)
    e = send
    # a following attribution inside the sentence ends this content (', adding ...')
    form_lemma = lexicons().form_lemma
    for m in _ING_SIBLING_RE.finditer(text, s, send):
        w = WORD_RE.match(text, m.end(), send)
        w2 = WORD_RE.match(text, w.end() + 1, send) if w else None  # 'referring to', 'pointing out'
        if w and (w.group().lower() in form_lemma or w2 is not None and text[w.end():w2.start()] == " " and (
                f"{w.group()}_{w2.group()}".lower() in form_lemma)):
            e = m.end("q") if m.group("q") else m.start()
            break
    if text.find("ccording", s, e) >= 0:
        acc = _ACCORDING_IN_RE.search(text, s, e)
        if acc:
            e = acc.start()
    cues = doc.cues_in(s + 8, e)  # a cue in the first words cannot end the content
    if cues:
        e = _cut_at_coordinated_cue(doc, s, e, cues)
        e = _cut_at_final_report(doc, s, e, cues)
    s, e = trim_content_end(text, s, e)
    if s >= e:
        return []
    # a quotation opened in the content and running past the sentence end
    qj = doc.quote_at(e - 1)
    if qj >= 0 and doc.quotes[qj].end > e and doc.quotes[qj].start >= s:
        spans = doc.chain_from(qj)
        return [(s, spans[0][1])] + spans[1:]
    return [(s, e)]


def _quotation_right(doc: Doc, qi: int) -> list[tuple[int, int]]:
    """A content that is quotation ``qi`` (with its paragraphs), and the rest of its last sentence."""
    text = doc.text
    spans = doc.chain_from(qi)
    last_end = spans[-1][1]
    # the sentence in which the quotation ends may go on after it
    si = doc.sentence_of(last_end - 1)
    se = doc.sents[si][1]
    if se > last_end and text[last_end:se].strip(" .,\"”") and se - last_end < 200:
        if not doc.has_cue(last_end, se):
            spans[-1] = (spans[-1][0], trim_content_end(text, last_end, se)[1])
    return spans


_WH_WORDS = frozenset({"what", "which", "who", "whom", "whose", "that", "where", "when", "how", "why"})


def _cut_at_coordinated_cue(doc: Doc, s: int, e: int, cues: list[tuple[re.Match[str], str]]) -> int:
    """End of a content before a coordinated attribution ('... but noted that ...', '; others said ...')."""
    text = doc.text
    lex = lexicons()
    openers = word_lists().coordinated_subject_openers
    for m, lemma in cues:
        if m.start() >= e:
            break
        if m.start() - s < 8 or lemma == "according_to":
            continue
        frame = lex.cues[lemma]["frame"]
        if frame not in ("any", "clause", "object") or doc.quote_at(m.start()) >= 0:
            continue
        lo = max(s, m.start() - 90)
        stop = _TO_LAST_STOP_RE.match(text, lo, m.start())
        if stop is not None:
            lo = max(lo, stop.end() - 3)  # (the same match as a search from further left, found sooner)
        c = _CONJ_BEFORE_RE.search(text, lo, m.start())
        if c is None:
            continue
        subj = (c.group("subj") or c.group("subj2") or c.group("subj3") or "").strip()
        if not _coordinated_subject(subj, c.group("subj3") is not None, openers):
            continue
        if c.group("subj2") is not None and text[c.start()] != ";" and first_word(subj) in _WH_WORDS:
            continue  # '— what her team calls her "breaking barriers" agenda —': a relative between dashes
        if c.group("subj3") is not None and fronted_adverbial(text, s, c.start()):
            continue  # 'told the Journal that despite the excitement, he didn't think ...': the reported clause
        if frame != "any" and not subj and not (m.group().lower().endswith("ed") and lex.cues[lemma]["speech"]):
            continue  # '... and asked whether ...' with the subject shared: only the verbs of saying
        if frame in ("clause", "object") and not (subj and lex.cues[lemma]["speech"]):
            after = skip_adverbials(text, m.end(), e)
            if not COMPLEMENT_RE.match(text, after, e):
                continue
        if not cue_ok(doc, m):
            continue
        return c.start()
    return e


def _cut_at_final_report(doc: Doc, s: int, e: int, cues: list[tuple[re.Match[str], str]]) -> int:
    """End of a content before a report that closes its sentence ('Clinton thinks the tests are too many,
    former President Bill Clinton said this week.', '..., police said.'): the verb of saying with its own
    subject after a comma and nothing but adverbials after it is the sentence's outer attribution."""
    text = doc.text
    lex = lexicons()
    words = word_lists()
    for m, lemma in cues:
        if m.start() >= e:
            break
        if not lex.cues[lemma]["speech"] or lemma == "according_to":
            continue
        k = text.rfind(",", max(s, m.start() - 80), m.start())  # the subject holds no comma: only the last one
        if k < 0:
            continue
        head = m.group().split(None, 1)[0].lower()
        if head.endswith("ing") or doc.quote_at(m.start()) >= 0:
            continue
        if _COMMA_VERB_RE.search(text, max(s, m.start() - 4), m.start()) and not _TO_AFTER_RE.match(text, m.end()) \
                and cue_ok(doc, m):
            # '..., Cruz, who has proposed repealing the mandate, said at the time': the main verb after an
            # apposition or a relative clause, or an inverted report ('..., said Rendell'), ends the content
            return text.rfind(",", s, m.start())
        c = _FINAL_SUBJECT_RE.match(text, k, m.start())
        if c is None:
            continue
        subj = c.group("subj").split()
        if not subj or subj[0].lower() in words.pronoun_subjects and len(subj) > 1:
            continue
        if any(w.lower() in words.clause_words or w.lower() in words.tail_clause for w in subj):
            continue
        after = skip_adverbials(text, m.end(), e)
        if lemma in words.tell_lemmas:
            mo = OBJECT_RE.match(text, after, e)  # 'told The Huffington Post on Thursday.'
            if mo is not None and mo.end() > after:
                after = skip_adverbials(text, mo.end(), e)
        if WORD_CHAR_RE.search(text, after, e) is not None and not adjunct_only(text[after:e], words, lemma):
            continue
        if not cue_ok(doc, m):
            continue
        return c.start()
    return e


def adjunct_only(tail: str, words: WordLists, lemma: str = "", *, topic: bool = False) -> bool:
    """``tail`` (what follows a verb of saying to the sentence end) is an adjunct, not a complement: it opens
    with a preposition of place or time or a subordinator and holds no quotation and no "that" ("as" is the
    complement of "describe ... as", the lemmas ``as_lemmas``). With ``topic``, the topic of a verb of saying
    counts as an adjunct too ('said of the plan', 'wrote about it')."""
    w = first_word(tail)
    if topic and w in _TOPIC_OPENERS and lemma in _TOPIC_LEMMAS:
        w = "on"  # '..., Jenna Golden said of Trump's campaign.': the topic, like 'on' in 'said on Twitter'
    if w not in _ADJUNCT_OPENERS or _AT_LEAST_RE.match(tail) or (w == "as" and lemma in words.as_lemmas):
        return False
    return not any(ch in tail for ch in "\"“”«:") and "''" not in tail and _THAT_RE.search(tail) is None


def _coordinated_subject(subj: str, after_comma: bool, openers: frozenset[str]) -> bool:
    """The words before a coordinated cue can be its subject ("he", "Clinton", "27 percent of voters")."""
    words = subj.split()
    while words and (words[0].lower().endswith("ly") and words[0].islower() or words[0].lower() in ("then", "now")):
        words = words[1:]  # 'but ultimately Prager thinks ...'
    if not words:
        return not after_comma or subj.strip().lower() == "then"  # '..., then says he'll welcome ...'
    w = words[0]
    if not (w[:1].isupper() or w.lower() in openers or w[:1].isdigit()):
        return False
    if after_comma:
        clause_words = word_lists().clause_words
        return not any(x.lower() in clause_words for x in words)
    return True


def content_left(doc: Doc, ss: int, bound: int) -> list[tuple[int, int]]:
    """Content that ends at ``bound`` (before a cue frame), from the sentence or quotation start."""
    text = doc.text
    s, e = trim_content_end(text, ss, bound)
    if s >= e:
        return []
    qi = doc.quote_ending_at(e, e - 2)
    if qi < 0:
        qi = doc.quote_at(e - 1)
    if qi >= 0 and (doc.quotes[qi].start < s or doc.quotes[qi].prev >= 0 and doc.quotes[qi].start <= s):
        # the quotation (and the paragraphs it continues) that closes before the cue
        spans = doc.chain_to(qi)
        spans[-1] = (min(spans[-1][0], s), e)
        return spans
    if qi >= 0 and text[s:doc.quotes[qi].start].rstrip().endswith(("-", "—", "–")):
        return [(doc.quotes[qi].start, e)]  # '... Saddam Hussein - ''He would have loved Stalin,'' Mr. Biden said'
    # a quotation that started in an earlier sentence of the paragraph
    qk = doc.quote_at(s)
    if qk >= 0 and doc.quotes[qk].start < s:
        spans = doc.chain_to(qk)
        spans[-1] = (spans[-1][0], e)
        return spans
    return [(s, e)]


def following_quotes(doc: Doc, after: int, pi: int) -> list[tuple[int, int]]:
    """Quoted sentences right after ``after`` in paragraph ``pi`` that hold no cue of their own."""
    out: list[tuple[int, int]] = []
    si = doc.sentence_of(after)
    if si < len(doc.sents) and doc.sents[si][1] <= after:
        si += 1
    while si < len(doc.sents) and doc.sents[si][2] == pi:
        ss, se, _ = doc.sents[si]
        if ss < after:
            si += 1
            continue
        qi = doc.quote_starting_at(ss, ss + 1)
        if qi < 0:
            break
        spans = doc.chain_from(qi)
        q_end = spans[0][1]
        # a cue outside the quotation in its sentence: another attribution
        rest_end = doc.sents[doc.sentence_of(max(q_end - 1, ss))][1]
        if q_end < rest_end and doc.has_cue(q_end, rest_end):
            break
        out.extend(spans)
        after = spans[-1][1]
        si = doc.sentence_of(after - 1) + 1
        if len(spans) > 1:
            break
    return out


_COORDINATORS = frozenset({"but", "and", "yet", "so", "or"})
"""Coordinators after ', X said,': a new clause follows ('..., Stevens says, but she cautions that ...')."""


def _new_clause(body: str, w: str) -> bool:
    """A coordinator that opens a clause of its own ('but she cautions ...'), not a quotation ('but "...')."""
    if w not in _COORDINATORS:
        return False
    rest = body[len(w):].lstrip()
    return not (rest[:1] in OPENERS or rest[:2] == "''")


#: Connectives after ", he said," that go on with an unquoted content (:func:`second_piece`).
_CONNECTIVES = frozenset({"because", "but", "and", "so", "although", "though", "since", "if", "unless", "or",
                          "yet"})


def second_piece(doc: Doc, pos: int, se: int, pi: int, *, fragment: bool = False,
                 main_clause: bool = False, unquoted: bool = False) -> list[tuple[int, int]]:
    """Content after a post-frame cue: ', "..."' or ', the rest of the sentence', or the quotes that follow.

    With ``fragment`` (the content before the cue is an unquoted subject: 'That culture, they said,
    emphasizes ...'), a verb after the comma continues the content even if it is a cue form. With
    ``main_clause`` (the content before is a subordinate clause: 'Though X was seamless, he said, replacing
    Clinton would be ...'), what follows the comma is its main clause unless it opens with a cue form. With
    ``unquoted`` (the content before is not a quotation), a clause opened by a connective goes on with the
    content ('He's leaning toward Kasich, he said, because he prizes electability').
    """
    text = doc.text
    lex = lexicons()
    t = text[pos:se]
    ts = t.strip()
    out: list[tuple[int, int]] = []
    if ts.startswith((",", ":")) or ts[:1] in OPENERS:
        body = ts.lstrip(",: ")
        w = first_word(body)
        verb_goes_on = fragment and ts.startswith(",") and w in lex.form_lemma and not w.endswith("ing")
        main = (main_clause and ts.startswith(",") and w not in lex.form_lemma) or _AND_QUOTE_RE.match(body) is not None \
            or (unquoted and ts.startswith(",") and w in _CONNECTIVES and not (
                w in _COORDINATORS and doc.has_cue(pos, min(se, pos + 80))))  # '..., records show, and experts say'
        if body[:1] in OPENERS or verb_goes_on or main or not (
                w in lex.form_lemma or w.endswith("ing") or w in lex.words.tail_clause or _new_clause(body, w)):
            out = content_right(doc, pos, se, doc.paras[pi][1])
    if not out:
        # '... he said of Trump, "whether ..."': a quotation opened later in the sentence
        m = _COMMA_QUOTE_RE.search(t)
        if m is not None:
            qi = doc.quote_starting_at(pos + m.end(), pos + m.end() + 1)
            if qi >= 0:
                out = content_right(doc, pos + m.end(), se, doc.paras[pi][1])
    if not out or out[-1][1] >= se - 2:
        out = out + following_quotes(doc, out[-1][1] if out else se, pi)
    return out


def split_quote(doc: Doc, ss: int, bound: int) -> bool:
    """True if the text before ``bound`` is a quotation that opens the sentence ('"A," he said, "B."')."""
    text = doc.text
    qi = doc.quote_ending_at(bound, bound - 3)
    if qi < 0:
        return False
    q = doc.quotes[qi]
    if q.start <= ss + 1:
        return True
    return not WORD_CHAR_RE.search(text[ss:q.start])

"""Stage 3c: a verb cue with its content on the right ('X said (that) ...').

:func:`pre_frame` takes the subject as the source (or the subject an earlier verb shares, or an apposition), passes
the indirect object and adverbials after the cue, checks that the lemma's frame accepts what follows, and reads the
content to the end of the sentence (with the quotations that follow, or the next paragraph after a colon). An object
relative pronoun before the subject is the content itself ('which he has denied').
"""

from __future__ import annotations

import re

from ._content import content_right, following_quotes
from ._document import Attr, Doc
from ._lexicon import cue_lexicon
from ._frames import shared_subject
from ._phrases import (ADVERBIAL_RE, COMPLEMENT_RE, OBJECT_RE, QUOTE_START_RE, WORD_CHAR_RE, first_word, np_left,
                       skip_adverbials, strip_span, trim_content_end)
from ._apposed import apposed_subject
from ._predicative import small_clause, story_object
from ._subjects import gerund_head, gerund_predicate, gerund_source, gerund_subject, relative_antecedent
from ._clause import CLAUSE_ADVERBS, CueClause

__all__ = ["pre_frame", "name_and_description"]

# "told <a hearer of up to twelve words, a place maybe set off by commas> that ...": the hearer before "that"
_HEARER_THAT_RE = re.compile(r"\s+(?P<np>(?:[\w.’'&-]+,?\s+){1,12}?)(?P<that>that\b)")
_IT_LEMMAS = frozenset({"say", "tell", "add", "report", "note", "warn", "announce", "state", "write",
                        "accuse", "allege", "argue", "insist", "confirm", "deny", "point_out", "recommend"})
# what a report or a study (an "it" before the verb) finds: 'It showed that the United Nations can ...'
_IT_EVIDENCE = frozenset({"show", "find", "conclude", "reveal", "estimate", "indicate", "suggest"})
_IT_VERBS = _IT_LEMMAS | _IT_EVIDENCE
_PARTY_RE = re.compile(r"\s*\([^()\n]{1,15}\)\s*\Z")
_LIST_ITEMS = 8
_BULLETS = "-•*–—·"
_ITEM_WORDS = 30
_TOPIC_WORDS = frozenset({"about", "of", "regarding", "on"})
_REL_OBJECT_RE = re.compile(r"\b(which|what|whatever|that|who|whom)\s+\Z", re.IGNORECASE)
# relative pronouns that are also determiners or subjects: a relative only before a subject of its own
_AMBIGUOUS_RELATIVES = frozenset({"that", "who", "whom"})
# 'something she opposed', 'everything he said': an antecedent inside the subject's span
_INDEFINITE_ANTECEDENTS = frozenset({"something", "everything", "anything", "nothing", "much"})
_OPENING_RELATIVES = _AMBIGUOUS_RELATIVES | _INDEFINITE_ANTECEDENTS
_PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "you"})
_PREPOSITIONS_BEFORE = [[w] for w in ("to", "of", "in", "on", "for", "by", "with", "from", "at")]  # a last word
_AFTER_GAP = frozenset({"and", "but", "or", "in", "on", "at", "during", "before", "after", "when", "while", "for",
                        "as", "into"})
# the words after a verb whose object is a relative pronoun that open the rest of its complement
_TAIL_WORDS = frozenset({"as", "for", "to"})
# verbs of judging whose object can be a relative pronoun before its predicate ('which lenders considered too risky')
_PREDICATIVE_LEMMAS = frozenset({"consider", "deem", "call", "label", "find", "judge", "declare"})
_PREDICATE_END_RE = re.compile(r"[,;:.!?)—–]")
_AS_OR_QUOTE_RE = re.compile(r"\bas\b|[\"“«]|''")

Span = tuple[int, int]


def pre_frame(c: CueClause, found: list[Attr], appositive: Span | None) -> Attr | None:
    """'X said (that) ...': the subject is the source, the content follows the cue."""
    text = c.doc.text
    source, shared = _pre_source(c, found, appositive)
    if source is None and not shared:
        return None
    if source is not None and text[source[0]:source[1]].lower() in ("it", "this", "that", "there") and not (
            _it_reports(c, text[source[0]:source[1]])):
        return None
    rel = _object_relative(c, source) if source is not None else None
    if rel is not None:
        source = rel[1]
    pos, obj_taken = _complement_start(c)
    rest = text[pos:c.se]
    comp = COMPLEMENT_RE.match(rest)
    if not _frame_allows(c, rest, comp is not None) or (
            c.lemma == "tell" and not obj_taken and comp is None and not story_object(c.lemma, rest)):
        return None if rel is None else Attr((c.cs, c.ce), c.lemma, source, _relative_content(c, rel[0], []),
                                             frame="pre")
    if comp is not None and rest.lstrip().lower().startswith(("that ", ":", ", that ")):
        pos = pos + comp.end()
    content = _content_after(c, pos)
    if rel is not None:
        content = _relative_content(c, rel[0], content)
    if not content:
        return None
    return Attr((c.cs, c.ce), c.lemma, source, content, frame="pre")


def _list_after(doc: Doc, first: int) -> list[Span]:
    """The items of a list that follows a content ending with a colon: up to :data:`_LIST_ITEMS` short paragraphs
    (at most :data:`_ITEM_WORDS` words each, a bullet or no final period) without a cue of their own."""
    out: list[Span] = []
    for pi in range(first, min(len(doc.paras), first + _LIST_ITEMS)):
        ps, pe = doc.paras[pi]
        s, e = trim_content_end(doc.text, ps, pe)
        item = doc.text[ps:pe].strip()
        if s >= e or len(doc.text[s:e].split()) > _ITEM_WORDS or doc.has_cue(ps, pe) or (
                item[-1:] in ".!?" and item[:1] not in _BULLETS):
            break  # a sentence of its own, not an item ('Trump, on the other hand, has ...')
        out.append((s, e))
    return out


def _object_relative(c: CueClause, source: Span) -> tuple[Span, Span] | None:
    """'allegations that he assaulted her, which he has denied,', 'what she truly believes remains ...',
    'Rubio, who many in the establishment had backed in the hope ...', 'something she opposed as a senator': a
    relative pronoun (or an indefinite pronoun) right before a short subject, and no object after the verb: the
    pronoun is the content (what was denied), with the verb's complement after "as", "for" or "to". Returns the
    content and the source (without the pronoun)."""
    text = c.doc.text
    words = text[source[0]:source[1]].split()
    first = words[0].lower() if words else ""
    # 'the only one that I want': a wish for a person or a thing, no reported content
    wish = cue_lexicon()[c.lemma]["class"] == "commitment"
    if len(words) > 1 and (first in ("what", "which") or (
            first in _OPENING_RELATIVES and not wish and _opens_subject(c, words[1])
            and text[c.ss:source[0]].strip())):
        rel = (source[0], source[0] + len(words[0]))
        source = strip_span(text, rel[1], source[1])
        words = words[1:]
    else:
        m = _REL_OBJECT_RE.search(text, max(c.ss, source[0] - 8), source[0])
        if m is None:
            return None  # no pronoun: 'the structure we'd want' is left to the prose checks (object_relative)
        elif text[max(c.ss, m.start() - 6):m.start()].lower().split()[-1:] in _PREPOSITIONS_BEFORE:
            return None  # 'To which she said, "..."': a preposition before the pronoun
        elif m.group(1).lower() in _AMBIGUOUS_RELATIVES and (wish or not _opens_subject(c, words[0])):
            return None  # 'officials who ...' is a subject relative; 'that report said' a determiner
        else:
            rel = (m.start(1), m.end(1))
    if len(words) > (6 if text[rel[0]:rel[1]].lower() in _AMBIGUOUS_RELATIVES else 4) or c.frame_req == "quote":
        return None
    nxt = text[c.after_cue:c.se].lstrip()  # past the adverbials after the cue (read_tail)
    if nxt[:1] not in ("", ",", ".", ";", ")", "—", "–", ":", "-") and first_word(nxt) not in _AFTER_GAP and (
            text[rel[0]:rel[1]].lower() in _AMBIGUOUS_RELATIVES or _predicate(c) is None):
        return None  # "that" before a predicate is a conjunction ('it could be that X considered 99¢ too cheap')
    return rel, source


def _relative_content(c: CueClause, rel: Span, after: list[Span]) -> list[Span]:
    """The content of an object relative: the pronoun, and the verb's complement ('which he describes as his second
    home', 'which he blamed for ...': ``after``, the content read after the verb) or its predicate ('which lenders
    considered too risky')."""
    if first_word(c.doc.text[c.ce:c.se].lstrip()) in _TAIL_WORDS:
        return [rel] + after
    pred = _predicate(c)
    return [rel] + ([pred] if pred is not None else [])


def _predicate(c: CueClause) -> Span | None:
    """'which private lenders still considered too risky': the predicate after a verb of judging whose object is a
    relative pronoun (to the next punctuation, no finite verb in it), or None."""
    if c.lemma not in _PREDICATIVE_LEMMAS:
        return None
    text = c.doc.text
    s = c.ce
    m = _PREDICATE_END_RE.search(text, s, c.se)
    s, e = strip_span(text, s, m.start() if m else c.se)
    words = text[s:e].lower().split()
    if not 0 < len(words) <= 8 or any(w in c.words.finite or w in _AFTER_GAP or w == "that" for w in words):
        return None
    return s, e


def _opens_subject(c: CueClause, word: str) -> bool:
    """``word`` can open the subject of a relative clause: a pronoun, a determiner or a capitalised word."""
    w = word.lower()
    return w in _PERSONAL_SUBJECTS or w in c.words.determiners or w in ("many", "some", "most") or (
        word[:1].isupper() and w not in c.words.clause_words)


def _it_reports(c: CueClause, subject: str) -> bool:
    """'It said current officials have concealed ...', 'It showed that the United Nations can ...': "it" (an
    organisation, a report) right before a finite verb of saying or finding with no auxiliary and before a clause
    is a source; not 'it says a lot', 'this shows', 'it would say'."""
    if subject.lower() != "it" or c.is_ing or c.lemma not in _IT_VERBS or any(
            w not in CLAUSE_ADVERBS for w in c.aux.split()):
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
    if c.subj_words and c.is_ing:
        head = gerund_head(c.doc.text, c.subj_s, c.subj_e)
        if gerund_predicate(c.doc.text, c.subj_e, head):
            return None, False  # 'It is also quite telling that ...'
        if c.subj_words[-1].lower() in c.words.prepositions:
            return gerund_source(c.doc.text, c.subj_s, c.subj_e, head), True  # kept without a source if none is found
        subject = gerund_subject(c.doc.text, c.subj_s, c.subj_e, head)
        if subject is not None:
            return subject, False  # 'Khamenei was quoted as saying ...': Khamenei
    if c.subj_words:
        subject = _subject_np(c.doc.text, c.subj_s, c.subj_e)
        if subject is not None:
            subject = relative_antecedent(c.doc.text, *subject) or subject  # 'Trump berated governors who said'
        return subject, False
    if appositive is None and c.bound_kind == ",":
        named = name_and_description(c)
        return (named if named is not None else apposed_subject(c.doc, c.ss, c.bound - 1)), False
    return appositive, False


def _subject_np(text: str, s: int, e: int) -> Span | None:
    """The noun phrase that ends the subject ``text[s:e]``; when it would start inside a parenthesis that closes the
    subject, the phrase before the parenthesis ('Sen. Chris Murphy (a Connecticut Democrat so boyish he has been
    mistaken for a staffer) says ...': 'Sen. Chris Murphy'; 'Sen. Jack Reed (D-R.I.) said' keeps its party)."""
    phrase = np_left(text, s, e)
    if text[e - 1] == ")":
        op = text.rfind("(", s, e)
        if op > s and (phrase is None or phrase[0] > op) and text.find(")", op, e - 1) < 0:
            head = np_left(text, s, strip_span(text, s, op)[1])
            if head is not None:
                return head
    return phrase


def name_and_description(c: CueClause) -> Span | None:
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
        return content + _list_after(doc, pi + 1)  # 'suggested that Clinton has the following tasks:' and a list
    if content[-1][1] >= se - 2:
        content = content + following_quotes(doc, content[-1][1], pi)
    return content

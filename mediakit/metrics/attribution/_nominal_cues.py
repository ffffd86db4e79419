"""Stage 3d: nominal cues, a noun of saying or attitude whose source is its possessor or a light verb's subject.

PolNeAR annotates "Trump's call for a ban on Muslims" (source "Trump", cue "call for", content "a ban on
Muslims") and "Christie unleashed withering attacks against Rubio" (source "Christie", content "Rubio") like
the verbs they name. :func:`nominal_frames` finds them with the nouns, light verbs and possessive pronouns of
``mediakit/lexicons/nominal_cues.yaml`` (:func:`nominal_cues`):

- the noun must be followed by one of the words that open its content ("for", "to", "that", ...);
- before it, past at most a few modifiers ("withering", "renewed"), stands a possessor (a possessive pronoun,
  or a word in 's: the possessor, without its 's, is the source) or a light verb with an optional determiner or
  possessive pronoun ("raised questions about", "gave his endorsement to": the light verb's subject is the source);
- the content runs from the opening word to the next clause punctuation, cue form or sentence end.

The frame is cheap: the cue scan of :func:`._document.prepare` finds the nouns too (lower case, as in running
prose; one dict look-up per cue form), and each noun followed by an opening word is read from a few words
around it. The rows have frame ``"nominal"``, kind
``"indirect"`` and the lemma of the verb the noun names (so its class and speech flag are the verb's).
"""

from __future__ import annotations

import re

from ._cues import aux_start
from ._document import Attr, Doc
from ._lexicon import NominalCues, nominal_cues, word_lists
from ._phrases import TOKEN_RE, np_left, np_right, strip_span

__all__ = ["nominal_frames"]

Span = tuple[int, int]

_END_RE = re.compile(r",(?!\d)|[;:()\[\]\"“”!?]|[—–]|\s-\s|''")
_OPEN_RE = re.compile(r"[ \t\u00a0]+(?:not[ \t\u00a0]+(?=to\b))?([a-z]+)\b")  # 'his decision not to ...'
_POSSESSIVE_S = ("’s", "'s", "s’", "s'")
_NOT_SOURCES = frozenset({"it", "this", "that", "there", "what", "which", "these", "those", "you", "your"})
_TIME_WORDS = frozenset("""today yesterday tomorrow tonight week month year day night morning afternoon evening weekend
decade century season monday tuesday wednesday thursday friday saturday sunday""".split())
_MAX_SUBJECT_WORDS = 8
_SOURCE_END_RE = re.compile(r"[,;(]|\s(?:who|that|which|for|in|on|over|after|as|to|about|because|since|when|while|by|but)\s"
                            r"|\sand\s(?=[a-z])")
_ARTICLES = frozenset("a an the some".split())
_PARTICLES = frozenset({"up", "out", "down"})
_NOT_MODIFIERS = frozenset("""and or but not no any all of in on at by for with from to as than that which who is are was
were be been has have had do does did will would can could may might should must my our your""".split())


def nominal_frames(doc: Doc) -> list[Attr]:
    """The nominal-cue attributions of a prepared document, in text order.

    Examples
    --------
    >>> from mediakit.metrics.attribution._document import prepare
    >>> t = "Christie unleashed withering attacks against Rubio on Monday. Trump renewed his call for a ban."
    >>> [(t[a.cue[0]:a.cue[1]], t[a.source[0]:a.source[1]], t[a.content[0][0]:a.content[0][1]], a.lemma)
    ...  for a in nominal_frames(prepare(t))]
    [('attacks against', 'Christie', 'Rubio on Monday', 'attack'), ('call for', 'Trump', 'a ban', 'call')]
    """
    if not doc.sents:
        return []
    nc = nominal_cues()
    out: list[Attr] = []
    for start, form in _nouns(doc, nc):
        a = _nominal_at(doc, start, form, nc)
        if a is not None:
            out.append(a)
    return out


def _nouns(doc: Doc, nc: NominalCues) -> list[tuple[int, str]]:
    """Start and form of each noun of :func:`nominal_cues` in the text, in text order: those the cue scan set
    apart (``doc.nominal``) and the cue forms that are nouns too ("attacks", "calls for": one dict look-up each)."""
    nouns = nc.nouns
    out = [(m.start(), m.group()) for m in doc.nominal if m.group() in nouns]  # not 'Support' (a headline)
    for m, _ in doc.cues:
        form = m.group()
        if form in nouns:
            out.append((m.start(), form))
        elif not form.isalpha():
            first = form.split(None, 1)[0]  # 'calls for': a multi-word cue form opened by a noun
            if first in nouns:
                out.append((m.start(), first))
    if doc.nominal and len(out) > len(doc.nominal):
        out.sort()
    return out


def _nominal_at(doc: Doc, start: int, form: str, nc: NominalCues) -> Attr | None:
    """The attribution of the noun ``form`` at ``start``, or None (no opening word after it, no possessor or
    light verb before it, inside a quotation, in a question)."""
    text = doc.text
    noun = nc.nouns[form]
    end = start + len(form)
    op = _OPEN_RE.match(text, end)
    if op is None or op.group(1) not in noun.after and not (op.group(1) == "from" and form in nc.received):
        return None
    if doc.quote_at(start) >= 0:
        return None
    ss, se, _ = doc.sents[doc.sentence_of(start)]
    if text[ss:se].rstrip(" \t\n\"”’'").endswith("?"):
        return None
    if op.group(1) in ("from", "of") and form in nc.received:
        a = _received(text, ss, se, (start, end), op, noun.lemma, nc)
        if a is not None or op.group(1) == "from":
            return a
    src = _source_before(text, ss, start, nc)
    if src is None:
        return None
    if op.group(1) == "to" and "to" in noun.kept and not _infinitive_after(text, op.end()):
        return None  # 'his call to Flynn': a phone call, not a call to do something
    if op.group(1) in noun.kept:
        cue, c0 = (start, end), op.start(0) + 1
    else:
        cue, c0 = (start, op.end()), op.end()
    content = _content_after(doc, c0, se, kept=op.group(1) in noun.kept, clause=op.group(1) == "that")
    if content is None:
        return None
    return Attr(cue, noun.lemma, src, [content], kind="indirect", frame="nominal")


def _source_before(text: str, ss: int, ns: int, nc: NominalCues) -> Span | None:
    """The possessor or the light verb's subject before the noun at ``ns``, or None."""
    toks = list(TOKEN_RE.finditer(text, max(ss, ns - 120), ns))
    k, mods, right = len(toks) - 1, 0, ns
    while k >= 0:
        t = toks[k]
        if text[t.end():right].strip(" \t\n\u00a0"):
            return None  # punctuation in between
        w = t.group()
        lw = w.lower()
        if lw in nc.possessives:
            if lw != "whose" and _light_verb_at(toks, k - 1, nc) and not text[toks[k - 1].end():t.start()].strip():
                # 'Clinton laid out her proposals', 'Trump stepped up his attacks on': the light verb's subject
                # (PolNeAR's source; the pronoun refers to it)
                subject = _subject_of(text, ss, _light_verb_start(toks, k - 1))
                if subject is not None:
                    return subject
            return (t.start(), t.end())
        if lw.endswith(_POSSESSIVE_S) and lw not in word_lists().subject_contractions:
            return _possessor(text, toks, k)
        if _light_verb_at(toks, k, nc):
            return _subject_of(text, ss, _light_verb_start(toks, k))
        if lw in _ARTICLES:
            if _light_verb_at(toks, k - 1, nc) and not text[toks[k - 1].end():t.start()].strip():
                return _subject_of(text, ss, _light_verb_start(toks, k - 1))
            return None
        if not w.islower() or lw in _NOT_MODIFIERS or mods >= nc.modifiers:
            return None
        mods += 1
        right = t.start()
        k -= 1
    return None


def _infinitive_after(text: str, pos: int) -> bool:
    """The word after the "to" that ends at ``pos`` may be a verb (lower case, not a determiner)."""
    nxt = _OPEN_RE.match(text, pos)
    return nxt is not None and nxt.group(1) not in word_lists().determiners


def _received(text: str, ss: int, se: int, noun: Span, op: re.Match[str], lemma: str,
              nc: NominalCues) -> Attr | None:
    """'The proposal has drawn harsh criticism from X', 'Cruz won the endorsement of Gov. Pence': the source after
    the noun, the subject of the verb of receiving before it as the content; None without that verb (or without
    "the" before a noun followed by "of")."""
    toks = list(TOKEN_RE.finditer(text, max(ss, noun[0] - 80), noun[0]))
    k, article, right = len(toks) - 1, "", noun[0]
    while k >= 0 and not text[toks[k].end():right].strip(" \t\n\u00a0"):
        lw = toks[k].group().lower()
        if lw in nc.receiving_verbs:
            break
        if lw in _ARTICLES and not article:
            article = lw
        elif not toks[k].group().islower() or lw in _NOT_MODIFIERS or len(toks) - 1 - k > nc.modifiers + 1:
            break
        right = toks[k].start()
        k -= 1
    if k < 0 or toks[k].group().lower() not in nc.receiving_verbs or text[toks[k].end():right].strip(" \t\n\u00a0"):
        return None
    if op.group(1) == "of" and article != "the":
        return None
    content = _subject_of(text, ss, toks[k].start())
    src = np_right(text, op.end(), se, loose=True)
    if content is None or src is None:
        return None
    cut = _SOURCE_END_RE.search(text, src[0], src[1])
    src = strip_span(text, src[0], cut.start() if cut is not None else src[1])
    if src[0] >= src[1] or text[src[0]:src[1]].lower() in _NOT_SOURCES:
        return None
    return Attr((noun[0], op.end()), lemma, src, [content], kind="indirect", frame="nominal")


def _light_verb_start(toks: list[re.Match[str]], k: int) -> int:
    """Start of the light verb that ends with token ``k`` ('stepped up': at 'stepped')."""
    return toks[k - 1].start() if toks[k].group().lower() in _PARTICLES else toks[k].start()


def _light_verb_at(toks: list[re.Match[str]], k: int, nc: NominalCues) -> bool:
    """Token ``k`` ends a light verb ('raised', 'stepped up')."""
    if k < 0:
        return False
    lw = toks[k].group().lower()
    if lw in _PARTICLES and k > 0:
        return f"{toks[k - 1].group().lower()} {lw}" in nc.light_verbs
    return lw in nc.light_verbs


def _possessor(text: str, toks: list[re.Match[str]], k: int) -> Span | None:
    """The possessor ending with token ``k`` ("Sen. Graham's", "the campaign's"), or None for a time
    ("Tuesday's")."""
    w = toks[k].group()
    base = w[:-2].lower() if w.lower().endswith(("’s", "'s")) else w[:-1].lower()
    if base in _TIME_WORDS or not base:
        return None
    s = toks[k].start()
    j = k - 1
    while j >= 0 and toks[j].group()[:1].isupper() and not text[toks[j].end():s].strip(" .\u00a0"):
        s = toks[j].start()
        j -= 1
    e = toks[k].end() - (2 if w.lower().endswith(("’s", "'s")) else 1)
    return (s, e)  # the name without its possessive ending, as the resolver reads it


def _subject_of(text: str, ss: int, vs: int) -> Span | None:
    """The subject noun phrase of the light verb starting at ``vs``, after its auxiliaries."""
    vs = aux_start(text, ss, vs)
    lo = ss
    for ch in ",;:—–(":
        k = text.rfind(ch, ss, vs)
        if k >= lo:
            lo = k + 1
    src = np_left(text, lo, vs)
    if src is None or text[src[0]:src[1]].lower() in _NOT_SOURCES:
        return None
    words = [w.lower() for w in TOKEN_RE.findall(text, src[0], src[1])]
    wl = word_lists()
    if len(words) > _MAX_SUBJECT_WORDS or words[-1] in ("to", "and", "but", "or") or words[-1] in wl.clause_words \
            or any(w in wl.finite for w in words):
        return None  # a clause rather than a subject ('has pleased Trump but'), or an infinitive ('ways to express')
    return src


def _content_after(doc: Doc, c0: int, se: int, *, kept: bool, clause: bool) -> Span | None:
    """The content from ``c0`` to the next clause punctuation, cue form or the sentence end (for a noun
    phrase or an infinitive, ``clause`` False: or the next finite verb)."""
    text = doc.text
    s = c0
    while s < se and text[s] in " \t\n\u00a0":
        s += 1
    end = _END_RE.search(text, s, se)
    while end is not None and end.end() > s + 1:
        qi = doc.quote_starting_at(end.start(), end.start())
        if qi < 0 or doc.quotes[qi].end >= se - 1:
            break
        end = _END_RE.search(text, doc.quotes[qi].end, se)  # 'claim that there have been “thousands of shootings” in ...'
    e = end.start() if end is not None else se
    cues = doc.cues_in(s + (8 if clause else 1), e)
    if cues:
        e = cues[0][0].start()
    if not clause:
        finite = word_lists().finite
        for w in list(TOKEN_RE.finditer(text, s, e))[1:]:
            if w.group().lower() in finite:
                e = w.start()  # 'Obama's decision to veto the bill was ...': the verb of the clause
                break
    s, e = strip_span(text, s, e, " \t\n\r\u00a0.,;:—–-")
    words = TOKEN_RE.findall(text, s, e)
    if len(words) < (2 if kept else 1):
        return None
    return (s, e)

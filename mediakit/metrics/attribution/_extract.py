"""Stages 2 to 5 for one text: from the cue forms to resolved attributions.

:func:`find` prepares a text (:func:`prepare`), turns its cue forms into attributions
(:func:`extract`: each form that :func:`cue_ok` keeps goes to :func:`analyze_cue`, and the candidate
stays when :func:`prose_ok` finds nothing against it; a cue inside the content of one just found is read
only when its clause may be linked to that content (:func:`maybe_linked`, :func:`split_nested`); speaker
lines ("Name: ...", "MS. CLINTON: ...", "Q: ...", :func:`speaker_lines`), signed quotations ("“...” ― Name",
:func:`dash_lines`) and polls ("In the latest poll, ...",
:func:`poll_frames`) are added; nested attributions
dropped; quote-only paragraphs continue the speaker) and resolves their sources (:func:`resolve`); the learned filter
(:func:`filter_attributions`, :mod:`._filter`) then drops the candidates it scores below its threshold.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ._cues import cue_ok
from ._dash_lines import dash_lines
from ._document import Attr, Doc, prepare
from ._filter import clear_filter_caches, filter_attributions
from ._lexicon import lexicons, word_lists
from ._learned import keep_learned
from ._nested import maybe_linked, split_nested
from ._nominal_cues import nominal_frames
from ._polls import poll_frames
from ._prose import prose_ok
from ._register import document_register
from ._phrases import AGENCY_DATELINE_RE, DATELINE_RE, OPENERS, SOURCE_STRIP, after_fronted, leading_junk, strip_span
from ._assign import clear_role_caches
from ._resolution import clear_mention_caches, resolve
from ._roles import org_role
from ._speaker_lines import speaker_lines
from ._sources import clear_name_cuts
from ._verb import analyze_cue

__all__ = ["find", "extract", "clear_caches"]

Span = tuple[int, int]


def clear_caches() -> None:
    """Forget the per-phrase caches (source spans, name runs, the learned filter's weight sums) that speed up
    repeated phrases.

    The lexicons stay loaded. Benchmarks call this to time what a fresh process pays.

    Examples
    --------
    >>> clear_caches()
    """
    clear_name_cuts()
    clear_mention_caches()
    clear_role_caches()
    clear_filter_caches()


def find(text: str, *, learned_filter: bool = True) -> tuple[Doc, list[Attr]] | None:
    """The prepared document and its resolved attributions, or None for a blank text or a non-str.

    With ``learned_filter`` (default) only the candidates that the learned filter keeps
    (:func:`filter_attributions`: p(true) at least the shipped threshold) are returned; sources are
    resolved before, with every candidate, so the kept ones resolve as without the filter.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    doc = prepare(text)
    attrs = extract(doc)
    resolve(doc, attrs)
    if learned_filter:
        attrs = filter_attributions(doc, attrs)
    return doc, attrs


def extract(doc: Doc) -> list[Attr]:
    """The attributions of a prepared document, in order of the cue (sources not yet resolved)."""
    if not doc.sents:
        return []
    found = _from_cues(doc)
    _add_colon_lines(doc, found)
    _add_dash_lines(doc, found)
    _add_poll_frames(doc, found)
    _add_nominal_frames(doc, found)
    found = _nest_filter(found)
    _continue_paragraphs(doc, found)
    for a in found:
        a.content = _merge(a.content)
    return found


def _from_cues(doc: Doc) -> list[Attr]:
    """An attribution for each cue form that makes one, in text order.

    A candidate that :func:`prose_ok` rejects (a question or instruction to the reader, a noun, a credit
    line) is dropped before it can hide the attributions nested in its content.
    """
    found: list[Attr] = []
    inner: list[Attr] = []
    lex = lexicons()
    learned, speech = lex.learned_forms, lex.speech_lemmas
    recent_end = -1
    reporting: bool | None = None
    for m, lemma in doc.cues:
        c = m.start()
        owner = _inside_recent(c, found) if c < recent_end else None
        if owner is not None and not maybe_linked(doc, c, owner):
            continue  # inside the content of an attribution just found, not in a linked clause: nested
        is_learned = m.group().lower() in learned
        if is_learned:
            if reporting is None:  # read once per document, at its first learned form
                reporting = document_register(doc).said > 0
            if not reporting:
                continue  # news vocabulary ('ordered', 'named', 'listed'): an attribution only in reporting prose
        if not cue_ok(doc, m):
            continue
        a = analyze_cue(doc, m, lemma, found)
        if a is None or not a.content:
            continue
        if a.source is not None:
            a.source = _clean_source(doc.text, a.source)
        if not prose_ok(doc, a):
            continue  # a question or instruction to the reader, a noun, a credit line (see _prose)
        if is_learned and not keep_learned(doc, a, speech):
            continue  # 'released a statement saying ...': the verb of saying makes the attribution
        if owner is not None:
            inner.append(a)  # kept if its clause is linked to the outer content (split_nested)
            continue
        found.append(a)
        recent_end = -1  # the furthest content end of the last three attributions
        for b in found[-3:]:
            for _, e0 in b.content:
                if e0 > recent_end:
                    recent_end = e0
    return split_nested(doc, found, inner)


def _inside_recent(c: int, found: list[Attr]) -> Span | None:
    """The content span of one of the last three attributions found that holds position ``c``, or None."""
    for a in found[-3:]:
        for s0, e0 in a.content:
            if s0 <= c < e0:
                return (s0, e0)
    return None


def _clean_source(text: str, source: Span) -> Span | None:
    """A source span without quotation marks, a story's dateline ('WASHINGTON — AARP ... said'), leading
    conjunctions ('And he said') and fronted adverbials ('Last week, Richard Cordray ...'), or None."""
    src = strip_span(text, source[0], source[1], SOURCE_STRIP)
    if text[src[0]:src[0] + 2].isupper():  # (most spans: no dateline)
        dateline = DATELINE_RE.match(text, src[0], src[1])
        if dateline is not None and dateline.end() < src[1] and text[dateline.end()].isalpha():
            src = (dateline.end(), src[1])
    if text.find(")", src[0], min(src[1], src[0] + _DATELINE_REACH)) >= 0:
        src = _after_agency_dateline(text, src)
    junk = leading_junk(text, src[0], src[1])
    if junk is not None and junk.end() < src[1]:
        src = (junk.end(), src[1])  # 'And he said'
    if src[0] >= src[1]:
        return None
    if text.find(", ", src[0], src[1]) >= 0:
        src = after_fronted(text, *src)  # 'In a 2013 hearing on Capitol Hill, then-TSA administrator John Pistole'
    if src[1] - src[0] <= _longest_not_a_source() and text[src[0]:src[1]].lower() in word_lists().not_a_source:
        return None  # not a noun phrase: 'as far as ... said', 'if ... says'
    if src[1] - src[0] <= 6 and (pronoun := _CONTRACTED_RE.fullmatch(text, src[0], src[1])) is not None:
        return src[0], pronoun.end(1)  # "I'm talking about", "He's said": the pronoun, not its auxiliary
    return src


#: the furthest a story's dateline reaches into a source span ("Everglades National Park, Florida (CNN) ")
_DATELINE_REACH = 70


def _after_agency_dateline(text: str, src: Span) -> Span:
    """``src`` from after a dateline that names an outlet or agency in parentheses ("Washington (CNN) President
    Donald Trump" -> "President Donald Trump"), when a word follows it; else ``src``."""
    m = AGENCY_DATELINE_RE.match(text, src[0], src[1])
    if m is None or m.end() >= src[1] or not text[m.end()].isalpha():
        return src
    d = org_role(m.group(1))
    return (m.end(), src[1]) if d is not None and d.evidence == "outlet" else src


#: a pronoun and its contracted auxiliary, the whole of a source span
_CONTRACTED_RE = re.compile(r"(I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|[Yy]ou|[Ii]t)[’'](?:m|re|s|ve|d|ll)")


@lru_cache(maxsize=1)
def _longest_not_a_source() -> int:
    """The length of the longest phrase of ``not_a_source``: a longer span is none of them (``lower()`` never
    shortens a string), so most sources are not copied and lower-cased to be looked up."""
    return max(map(len, word_lists().not_a_source), default=0)


def _add_colon_lines(doc: Doc, found: list[Attr]) -> None:
    """Add the speaker lines ("Name: ...", "MS. CLINTON: ...", "Q: ...") whose colon lies outside the
    content of every cue attribution; ``found`` stays in cue order (lines from :func:`speaker_lines`)."""
    colon = speaker_lines(doc)
    if not colon:
        return
    taken = [(a.cue[0], a.content[-1][1]) for a in found]
    for ca in colon:
        if not any(s0 <= ca.cue[0] < e0 for s0, e0 in taken):
            found.append(ca)  # the attributions inside its content are nested: _nest_filter drops them
    found.sort(key=lambda a: a.cue[0])


def _add_dash_lines(doc: Doc, found: list[Attr]) -> None:
    """Add the signed quotations and posts (:func:`dash_lines`: '“...” ― Name') whose quotation no attribution
    found has a cue of its own in, nor holds in its content from the same paragraph (then the name is a byline);
    an attribution of another paragraph whose content holds the quotation (a report before a list of signed
    quotations: 'Here is what readers said:') gives it up. ``found`` stays in cue order."""
    signed = dash_lines(doc)
    if not signed:
        return
    for da in signed:
        qs, qe = da.content[0][0], da.content[-1][1]
        if any(qs <= a.cue[0] < qe for a in found):
            continue
        pi = doc.sents[doc.sentence_of(qs)][2]
        if any(s0 < qe and qs < e0 and doc.sents[doc.sentence_of(a.cue[0])][2] == pi
               for a in found for s0, e0 in a.content):
            continue  # '... insisted that his party was "still the No. 1 force."--Kim Hjelmgaard.': a byline
        for a in found:
            a.content = [(s0, e0) for s0, e0 in a.content if e0 <= qs or s0 >= qe]
        found[:] = [a for a in found if a.content]
        found.append(da)
    found.sort(key=lambda a: a.cue[0])


def _add_poll_frames(doc: Doc, found: list[Attr]) -> None:
    """Add the 'In <poll>, <clause>' attributions (:func:`poll_frames`) whose cue lies outside every
    content found; ``found`` stays in cue order."""
    polls = poll_frames(doc)
    if not polls:
        return
    for pa in polls:
        if not any(s0 <= pa.cue[0] < e0 for a in found for s0, e0 in a.content):
            found.append(pa)
    found.sort(key=lambda a: a.cue[0])


def _add_nominal_frames(doc: Doc, found: list[Attr]) -> None:
    """Add the nominal cues ("Trump's call for a ban", :func:`nominal_frames`) whose cue lies outside every
    content found and whose content holds no cue or source found; ``found`` stays in cue order."""
    nominal = nominal_frames(doc)
    if not nominal:
        return
    taken = [s for a in found for s in a.content]
    marks = [p for a in found for p in ([a.cue[0], a.source[0]] if a.source is not None else [a.cue[0]])]
    added = False
    for na in nominal:
        (c0, c1), = na.content
        if any(s0 <= na.cue[0] < e0 or c0 < e0 and s0 < c1 for s0, e0 in taken) or any(c0 <= p < c1 for p in marks):
            continue
        found.append(na)
        added = True
    if added:
        found.sort(key=lambda a: a.cue[0])


def _nest_filter(attrs: list[Attr]) -> list[Attr]:
    """Drop attributions whose cue lies inside another attribution's content (keep the outermost)."""
    spans = sorted([(cs, ce, k) for k, a in enumerate(attrs) for cs, ce in a.content])
    starts = [x[0] for x in spans]
    keep: list[Attr] = []
    for k, a in enumerate(attrs):
        c = a.cue[0]
        i = bisect.bisect_right(starts, c) - 1
        nested = False
        # content spans are short and rarely overlap: look back a few
        j = i
        while j >= 0 and j > i - 8:
            s0, e0, owner = spans[j]
            if owner != k and s0 <= c < e0:
                nested = True
                break
            j -= 1
        if not nested:
            keep.append(a)
    return keep


def _continue_paragraphs(doc: Doc, attrs: list[Attr]) -> None:
    """Quote-only paragraphs right after an attribution's quotation continue its content."""
    if not attrs:
        return
    text = doc.text
    # per paragraph, the attribution whose content ends last (the first of them) and its sentence's end
    by_para: dict[int, tuple[Attr, int]] = {}
    for a in attrs:
        _, se, pi = doc.sents[doc.sentence_of(a.cue[0])]
        best = by_para.get(pi)
        if best is None or a.content[-1][1] > best[0].content[-1][1]:
            by_para[pi] = (a, se)
    covered: set[int] | None = None  # the content starts, collected for the first paragraph that may continue
    for pi in sorted(by_para):
        a, se = by_para[pi]
        pe = doc.paras[pi][1]
        last = max(a.content[-1][1], se)
        if last < pe - 3 or not any(text[s] in OPENERS or text[s:s + 2] == "''"
                                                for s, _ in a.content):
            continue
        if covered is None:
            covered = {s for b in attrs for s, _e in b.content}
        _continue_into(doc, a, pi + 1, by_para, covered)


def _continue_into(doc: Doc, a: Attr, nxt: int, by_para: dict[int, tuple[Attr, int]], covered: set[int]) -> None:
    """Append to ``a`` the quotations that open the paragraphs from ``nxt`` on, until one is attributed."""
    while nxt < len(doc.paras) and nxt not in by_para:
        ps, pe2 = doc.paras[nxt]
        qi = doc.quote_starting_at(ps, ps + 1)
        if qi < 0 or ps in covered:
            break
        q = doc.quotes[qi]
        if q.end < pe2 - 2:
            # the paragraph does not end with the quotation: maybe attributed inside
            if doc.has_cue(q.end, pe2):
                break
        a.content.append((q.start, min(q.end, pe2)))
        covered.add(ps)
        nxt += 1


def _merge(spans: list[Span]) -> list[Span]:
    """Sorted, distinct, non-empty spans, overlapping ones merged."""
    if len(spans) == 1:  # (most contents)
        s, e = spans[0]
        return [(s, e)] if s < e else []
    out: list[Span] = []
    for s, e in sorted(set(spans)):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out

"""Polls and surveys as sources: 'In the latest Washington Post-ABC News poll, Clinton led Trump 47 to 39.'

PolNeAR annotates a sentence that opens with "In" and a poll or survey as an attribution: the cue is "In",
the source the poll's noun phrase, the content the clause after the comma. :func:`poll_frames` finds them
with one regular expression over the text; a sentence whose clause has a cue form of its own ("In the
poll, 40 percent said ...") is left to that cue (the outer attribution would hide it).
"""

from __future__ import annotations

import re

from ._content import content_right
from ._document import Attr, Doc
from ._lexicon import word_lists

__all__ = ["poll_frames"]

# "In" at a word start, the boundary checked behind it, so that ``re`` looks for the literal "In" (a leading
# ``\b`` makes it try every position of the text)
_POLL_RE = re.compile(
    r"In(?<!\wIn)\s+(?P<src>(?:[\w’'./&-]+\s+){0,8}?(?:polls?|surveys?|exit\s+polls?|polling)\b[^,.;:!?\"“”\n]{0,60}?)"
    r",\s+")
# "... in <a poll>." closing a sentence: 'Trump leads by 57 percent to 33 percent in the 50-state poll.' (the blank
# before "in" checked behind it, so that ``re`` looks for the literal "in" rather than trying every blank)
_POLL_END_RE = re.compile(
    r"(?P<cue>in)(?<=\sin)\s+(?P<src>(?:[\w’'./&-]+\s+){0,8}?(?:polls?|surveys?|exit\s+polls?|polling)\b"
    r"[^,.;:!?\"“”\n]{0,60}?)\s*(?=[.;!?]|\Z)")
_POLL_WORD_RE = re.compile(r"(?:polls?|surveys?|polling)\b")
_POLL_PARTICIPLES = frozenset({"released", "conducted", "published", "commissioned", "sponsored", "fielded"})
_LEAD_CHARS = " \t\n\u00a0\"“‘'(—–-•"


def poll_frames(doc: Doc) -> list[Attr]:
    """The 'In <poll>, <clause>' attributions of a prepared document, in text order (lemma
    ``according_to``, frame ``according``).

    Examples
    --------
    >>> from mediakit.metrics.attribution._document import prepare
    >>> t = "Voters are split. In a CNN poll released Monday, Clinton led Trump by five points."
    >>> [(t[a.cue[0]:a.cue[1]], t[a.source[0]:a.source[1]], t[a.content[0][0]:a.content[0][1]])
    ...  for a in poll_frames(prepare(t))]
    [('In', 'a CNN poll released Monday', 'Clinton led Trump by five points')]
    """
    text = doc.text
    if "poll" not in text and "survey" not in text:
        return []
    out: list[Attr] = []
    for m in _POLL_RE.finditer(text):
        cs = m.start()
        ss, se, pi = doc.sents[doc.sentence_of(cs)]
        if text[ss:cs].strip(_LEAD_CHARS) or doc.quote_at(cs) >= 0:
            continue  # not the opening of its sentence, or inside a quotation
        if doc.has_cue(m.end(), se):
            continue  # 'In the poll, 40 percent said ...': the verb makes the attribution
        content = content_right(doc, m.end(), se, doc.paras[pi][1])
        if not content:
            continue
        src = (m.start("src"), m.end("src"))
        out.append(Attr((cs, cs + 2), "according_to", src, content, frame="according"))
    out.extend(_closing_polls(doc))
    out.sort(key=lambda a: a.cue[0])
    return out


def _closing_polls(doc: Doc) -> list[Attr]:
    """'<clause> in <poll>.': the poll closes the sentence, the clause before it (four words or more, no cue form,
    no quotation) is the content."""
    text = doc.text
    out: list[Attr] = []
    for m in _POLL_END_RE.finditer(text):
        cs, ce = m.start("cue"), m.end("cue")
        ss, se, pi = doc.sents[doc.sentence_of(cs)]
        if m.end() < se - 2 or doc.quote_at(cs) >= 0 or doc.has_cue(ss, cs):
            continue
        if not _named_poll(text[m.start("src"):m.end("src")]):
            continue
        content = content_right(doc, ss, cs, doc.paras[pi][1])
        if not content or len(text[ss:cs].split()) < 4 or any(ch in text[ss:cs] for ch in "\"“”"):
            continue
        out.append(Attr((cs, ce), "according_to", (m.start("src"), m.end("src")), content, frame="according"))
    return out


def _named_poll(src: str) -> bool:
    """A poll named by its pollster, date or number, or introduced by "a"/"an" ('a CNN national poll', 'Monday's
    poll', 'the 50-state poll', 'a similar survey in early November'), not "the polls" of the horse race ('a wide
    lead in the polls'); nothing after the poll word reads as a verb ('the poll were undecided')."""
    words = src.split()
    k = max(i for i, w in enumerate(words) if _POLL_WORD_RE.match(w))
    head, tail = words[:k + 1], words[k + 1:]
    if any(w.endswith(".") and len(w) > 4 for w in head[:-1]):
        return False  # 'the South and the industrial Midwest. CNN exit poll': a sentence break
    finite = word_lists().finite
    if any(w.lower() in finite or w.endswith("ed") and w.lower() not in _POLL_PARTICIPLES for w in tail):
        return False
    return head[0].lower() in ("a", "an") or any(w[:1].isupper() or w[:1].isdigit() for w in head)

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

__all__ = ["poll_frames"]

# "In" at a word start, the boundary checked behind it, so that ``re`` looks for the literal "In" (a leading
# ``\b`` makes it try every position of the text)
_POLL_RE = re.compile(
    r"In(?<!\wIn)\s+(?P<src>(?:[\w’'./&-]+\s+){0,8}?(?:polls?|surveys?|exit\s+polls?|polling)\b[^,.;:!?\"“”\n]{0,60}?)"
    r",\s+")
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
    return out

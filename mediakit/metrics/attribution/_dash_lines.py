"""Stage 3d: a quotation signed after a dash, and an embedded post signed with its handle.

:func:`dash_lines` reads the signatures that follow what was said, without a verb:

- **signed quotations**: a quotation (or a line between quotation marks of any kind), a dash (―, —, –, "--" or
  "-") and a name of up to five capitalised words that ends the line or the sentence (``“He represents our
  greatest shame.” ― Sonya Herridge``, a reader's comment, an epigraph, a pull quote);
- **embedded posts**: a paragraph of text, a dash and a name with its handle in parentheses (``... Just another
  day in the campaign. — Sahil Kapur (@sahilkapur) September 1, 2016``), the way tweets are pasted into pages.

The cue is the dash (lemma ``dash``), the source the name (with its handle), the content the quotation (with the
paragraphs it continues) or the post's text. A dash that does not follow a quotation or precede a handle is left
alone: in prose it opens a parenthesis or an afterthought.
"""

from __future__ import annotations

import re

from ._document import Attr, Doc
from ._phrases import strip_span

__all__ = ["dash_lines"]

_PARTICLES = r"(?:de|van|von|der|al|bin|da|di|la|le|del|N)"
_NAME = (rf"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Rev|Prof)\.\s+)?[A-Z][\w’'.-]*"
         rf"(?:[ \t\u00a0]+(?:[A-Z][\w’'.-]*|{_PARTICLES})){{0,4}}")
_SIGN_RE = re.compile(
    r"[ \t\u00a0]*(?P<dash>―|—|–|--|-)[ \t\u00a0]*"
    rf"(?P<name>{_NAME})(?P<handle>[ \t\u00a0]*\(@\w{{1,30}}\))?")
"""A dash and a name (with a handle maybe) right after a quotation or a post."""
_END_RE = re.compile(r"[ \t\u00a0]*(?:$|\n|[.!]?[ \t\u00a0]*\n|\.(?:\s|$)|[“\"])")
"""What may follow a signature: the end of the line or of the sentence, or the next quotation."""
_DATE_RE = re.compile(r"[ \t\u00a0]*[A-Z][a-z]+\.?[ \t\u00a0]+\d{1,2},[ \t\u00a0]+\d{4}")
_DASHES = "―—–-"
_MARKS = "\"“”"
_POST_DASHES = ("―", "—", "–", "--")


def dash_lines(doc: Doc) -> list[Attr]:
    """The signed quotations and embedded posts of a prepared document, in text order.

    Parameters
    ----------
    doc : Doc
        The prepared document.

    Returns
    -------
    list of Attr
        One per signature: cue the dash (lemma ``"dash"``, frame ``"dash"``), source the name (and handle),
        content the quotation or the post.

    Examples
    --------
    >>> from ._document import prepare
    >>> doc = prepare("“He represents our greatest shame.” ― Sonya Herridge\\n“I am so ashamed.” ― Pamela Padilla")
    >>> [(doc.text[a.source[0]:a.source[1]], doc.text[a.content[0][0]:a.content[0][1]]) for a in dash_lines(doc)]
    [('Sonya Herridge', '“He represents our greatest shame.”'), ('Pamela Padilla', '“I am so ashamed.”')]
    """
    text = doc.text
    if not any(d in text for d in _DASHES):
        return []
    out: list[Attr] = []
    for qi, q in enumerate(doc.quotes):
        if not q.closed:
            continue
        m = _SIGN_RE.match(text, q.end)
        if m is None or not _signature_ends(text, m):
            continue
        out.append(Attr((m.start("dash"), m.end("dash")), "dash", _name_span(text, m), doc.chain_to(qi),
                        frame="dash"))
    for pos in _dash_positions(text):
        if pos > 0 and text[pos - 1] not in " \t\u00a0\n":
            continue  # a dash inside a word or after a quotation (read above)
        sig = _SIGN_RE.match(text, pos)
        if sig is None or doc.quote_ending_at(pos, pos - 2) >= 0:
            continue
        if sig.group("handle") is None:
            line = _quoted_line(text, pos)  # '”Mr. Trump embodies ... our greatest shame.” ― Sonya Herridge'
            if line is not None and _signature_ends(text, sig):
                out.append(Attr((sig.start("dash"), sig.end("dash")), "dash", _name_span(text, sig), [line],
                                frame="dash"))
            continue
        end = pos
        if not text[text.rfind("\n", 0, end) + 1:end].strip():
            end = len(text[:end].rstrip())  # the signature on a line of its own: the post is the paragraph before
        ps = text.rfind("\n", 0, end) + 1
        gt = text.rfind(">", ps, end)
        s, e = strip_span(text, max(ps, gt + 1), end)
        if e - s >= 10:
            out.append(Attr((sig.start("dash"), sig.end("dash")), "dash", _name_span(text, sig), [(s, e)],
                            frame="dash"))
    out.sort(key=lambda a: a.cue[0])
    return out


def _dash_positions(text: str) -> list[int]:
    """Where the dashes that may open a signature start, in order (found with ``str.find``: a regex with
    alternatives scans every character)."""
    out: list[int] = []
    for d in _POST_DASHES:
        i = text.find(d)
        while i >= 0:
            out.append(i)
            i = text.find(d, i + len(d))
    return sorted(set(out))


def _quoted_line(text: str, dash: int) -> tuple[int, int] | None:
    """A line that opens and closes with quotation marks of any kind right before ``dash`` (the quotation finder
    skips one opened with a closing mark), or None."""
    ls = text.rfind("\n", 0, dash) + 1
    s, e = strip_span(text, ls, dash)
    if e - s < 12 or text[s] not in _MARKS or text[e - 1] not in _MARKS:
        return None
    return s, e


def _name_span(text: str, m: re.Match[str]) -> tuple[int, int]:
    """The name (with its handle), without the period that ends the sentence ('― Carla Sanchez.')."""
    end = m.end()
    if m.group("handle") is None and text[end - 1] == "." and len(m.group("name").split()[-1]) > 4:
        end -= 1
    return m.start("name"), end


def _signature_ends(text: str, m: re.Match[str]) -> bool:
    """The name ends the line or the sentence, or a date or the next quotation follows it."""
    pos = m.end()
    d = _DATE_RE.match(text, pos)
    if d is not None:
        pos = d.end()
    return _END_RE.match(text, pos) is not None

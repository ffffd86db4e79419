"""The register of a whole document, for the learned candidate filter (issue 15, precision on any prose).

A news article and a terms-of-use page, a how-to or a tech blog use the same surface shapes ("the GPL
explains that", "This page shows how", "Trafilatura supports XML") for different things; what tells them
apart is the document around the candidate. :func:`document_register` reads a prepared document once and
names its register in a few coarse bins:

- ``p12``: first and second person pronouns ("I", "we", "our", "you", "my", ...) per word;
- ``said``: cue forms of "say", "tell" and "according to" (read by ``prepare``) per sentence;
- ``quote``: quotations (:func:`mediakit.text.find_quotations`, read by ``prepare``) per 100 words;
- ``code``: marks of code and markup (``snake_case``, ``f()``, ``x=y``, ``>>>``, ``</tag>``, backquotes,
  `` --option``) per 100 words.

Sentences, quotations and cue forms (``said``, ``quote``: the whole document) are those the prepared
document already holds; ``p12`` and ``code`` are string counts over the first :data:`SAMPLE` characters.

A text of fewer than :data:`MIN_WORDS` words (a headline, a sentence, a short paragraph) is too short to
tell: it gets :data:`DEFAULT_REGISTER`, the commonest register of PolNeAR train (news, which the extractor
is made for). The bins are joined into feature names (``R:p12:2``, ``RG:1|0``, ...) by
:func:`mediakit.metrics.attribution._filter_features.candidate_features`. The word classes are closed
classes of English; nothing here is a list of corpus strings.
"""

from __future__ import annotations

from typing import NamedTuple

from ._document import Doc

__all__ = ["MIN_WORDS", "SAMPLE", "DEFAULT_REGISTER", "Register", "document_register"]

# first and second person pronouns between spaces or before an apostrophe (string counts: fast)
_P12 = (" I ", " I'", " I’", " we ", " We ", " our ", " you ", " You ", " your ", " my ")
_REPORTING = frozenset({"say", "tell", "according_to"})
# marks of code and markup: identifiers with "_", calls "()", assignments, ">>>" prompts, closing tags,
# inline-code backquotes, command-line options after a space ("--help")
_CODE = ("_", "()", "=", ">>>", "</", "`", " --")
#: The register is read from the first this many characters (about 500 words): enough to tell, and cheap.
SAMPLE = 3000
#: Below this many words (characters / 6) a text is too short to tell its register.
MIN_WORDS = 50


def _level(value: float, edges: tuple[float, ...]) -> int:
    """The number of ``edges`` that ``value`` reaches (0 .. len(edges))."""
    return sum(1 for e in edges if value >= e)


class Register(NamedTuple):
    """The coarse register bins of one document (see the module docstring); a named tuple, hashed and compared
    as fast as a tuple (it is part of the keys that the filter caches by, :mod:`._filter_features`).

    Examples
    --------
    >>> Register(2, 0, 0, 1).features()
    ['R:p12:2', 'R:said:0', 'R:quote:0', 'R:code:1', 'RG:2|0']
    """

    p12: int
    said: int
    quote: int
    code: int

    @property
    def group(self) -> str:
        """The first/second person level and the reporting level, joined: the register class."""
        return f"{self.p12}|{self.said}"

    def features(self) -> list[str]:
        """The document-level feature names."""
        return [f"R:p12:{self.p12}", f"R:said:{self.said}", f"R:quote:{self.quote}", f"R:code:{self.code}",
                f"RG:{self.group}"]


#: The register of a text too short to tell: the commonest of PolNeAR train (164 of 840 articles: few first or
#: second person pronouns, some reporting verbs, many quotations, no code).
DEFAULT_REGISTER = Register(0, 1, 2, 0)


def document_register(doc: Doc) -> Register:
    """The register bins of a prepared document (what ``prepare`` already read, and a few string counts over
    the text: some dozens of microseconds a document; kept on the document, so read once).

    Parameters
    ----------
    doc : Doc
        The whole document (:func:`mediakit.metrics.attribution._document.prepare`).

    Returns
    -------
    Register

    Examples
    --------
    >>> from ._document import prepare
    >>> document_register(prepare(8 * 'Sen. Roe said the bill would pass. "We will win," she told reporters. '))
    Register(p12=0, said=2, quote=2, code=0)
    >>> document_register(prepare(8 * "You can install it with pip. We show how to call extract_text() and use --help. "))
    Register(p12=2, said=0, quote=0, code=2)
    >>> document_register(prepare("Smith said so.")) == DEFAULT_REGISTER
    True
    """
    if isinstance(doc.register, Register):  # read before, for this document (the extractor, then the filter)
        return doc.register
    doc.register = reg = _read_register(doc)
    return reg


def _read_register(doc: Doc) -> Register:
    text = doc.text[:SAMPLE]
    n = len(text) / 6.0  # about the number of words
    if n < MIN_WORDS:
        return DEFAULT_REGISTER
    p12 = sum(text.count(w) for w in _P12) / n
    said = sum(1 for _, lemma in doc.cues if lemma in _REPORTING) / max(1, len(doc.sents))
    quote = 100.0 * len(doc.quotes) / (len(doc.text) / 6.0)
    code = 100.0 * sum(text.count(c) for c in _CODE) / n
    return Register(_level(p12, (0.01, 0.03)), _level(said, (0.1, 0.3)), _level(quote, (0.15, 0.75)),
                    _level(code, (0.2, 1.0)))

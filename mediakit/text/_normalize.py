"""Unicode clean-up shared by every loader.

NFC normalisation plus a few targeted fixes. Curly quotes, apostrophes and
dashes are *kept*: quotation and attribution extraction depend on them.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "normalize_inline"]

# Spaces that are not U+0020 (no-break, thin, ideographic, ...) become plain spaces.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters that only get in the way of matching.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\u180e]")
# C0/C1 control characters except tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")
_TRAILING_SPACE = re.compile("[ \t]+\n")
_MANY_BLANK_LINES = re.compile("\n{3,}")
_RUNS_OF_SPACE = re.compile("[ \t]+")
# Any character one of the substitutions above would touch (rare in real text: one search
# over the text is ~10x cheaper than running the five substitutions for nothing).
_RARE = re.compile("[\r\u2028\u2029\x85\u00ad\u200b-\u200d\u2060\ufeff\u180e\x00-\x08\x0b\x0c\x0e-\x1f"
                   "\x7f-\x9f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def normalize_text(text: str) -> str:
    """Normalise a body of text: NFC, line breaks, odd spaces, invisible characters.

    Paragraph breaks (blank lines) are preserved, at most one blank line in a
    row; leading and trailing white space is removed.

    Examples
    --------
    >>> normalize_text("\u201cSafe\u201d\u00a0asylum\\r\\n\\r\\n\\r\\nNext")
    '\u201cSafe\u201d asylum\\n\\nNext'
    """
    text = unicodedata.normalize("NFC", text)
    if _RARE.search(text) is not None:
        text = _LINE_BREAKS.sub("\n", text)
        text = _INVISIBLE.sub("", text)
        text = text.replace("\x85", "\n")
        text = _CONTROL.sub("", text)
        text = _ODD_SPACES.sub(" ", text)
    if " \n" in text or "\t\n" in text:  # substring tests: far faster than the regex's scan
        text = _TRAILING_SPACE.sub("\n", text)
    if "\n\n\n" in text:
        text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def normalize_inline(text: str) -> str:
    """Normalise a one-line field (title, byline, outlet): like :func:`normalize_text`,
    with all white space folded to single spaces.

    Examples
    --------
    >>> normalize_inline("  By\\n Newsroom ")
    'By Newsroom'
    """
    return _RUNS_OF_SPACE.sub(" ", normalize_text(text).replace("\n", " ")).strip()

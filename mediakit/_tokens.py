"""The one definition of a "word" that rates per 1,000 words share.

Word choice, hedges and other per-1,000-word rates all divide by
:func:`count_words`, so they stay comparable.
"""

from __future__ import annotations

import re

__all__ = ["WORD_RE", "count_words"]

#: A word: letters or digits, with inner apostrophes (straight or curly), hyphens or periods
#: ("don't", "Assad's", "anti-regime", "U.S.").
WORD_RE = re.compile(r"\w+(?:[\'\u2019\-.]\w+)*", re.UNICODE)


def count_words(text: str) -> int:
    """Return the number of words in ``text``.

    Examples
    --------
    >>> count_words("Anti-regime forces overthrew Assad\u2019s government in the U.S. story.")
    9
    """
    return sum(1 for _ in WORD_RE.finditer(text)) if text else 0

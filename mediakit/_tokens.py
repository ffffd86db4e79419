"""The one definition of a "word" that rates per 1,000 words share.

Word choice, hedges and other per-1,000-word rates all divide by
:func:`count_words`, so they stay comparable.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["WORD_RE", "count_words", "words_of"]

#: A word: letters or digits, with inner apostrophes (straight or curly), hyphens or periods
#: ("don't", "Assad's", "anti-regime", "U.S.").
WORD_RE = re.compile(r"\w+(?:[\'\u2019\-.]\w+)*", re.UNICODE)


@lru_cache(maxsize=1024)
def words_of(text: str) -> tuple[str, ...]:
    """The words of ``text`` as written (cached: word choice and tone share one tokenisation).

    Examples
    --------
    >>> words_of("The regime’s forces")
    ('The', 'regime’s', 'forces')
    """
    return tuple(WORD_RE.findall(text))


def count_words(text: str) -> int:
    """Return the number of words in ``text``.

    Examples
    --------
    >>> count_words("Anti-regime forces overthrew Assad\u2019s government in the U.S. story.")
    9
    """
    return len(words_of(text)) if text else 0

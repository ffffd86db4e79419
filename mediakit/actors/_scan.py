"""Word tokens and quotations as the actor rules read them.

Every token pattern of :mod:`mediakit.actors` lives here, under public names: the word tokens and
the quotation finder are the shared ones of :mod:`mediakit.text`; the other patterns are the
actor rules' own grammar (where a name starts and ends, the word before or after it).
"""

from __future__ import annotations

import re

from collections.abc import Iterable

from ..text import CHUNK_RE, NAME_TOKEN_RE, find_quotations, trie_pattern

__all__ = [
    "INITIAL_RE", "LAST_WORD_RE", "LOWER_WORD_RE", "NAME_END_RE", "NEXT_LOWER_WORD_RE",
    "NEXT_NAME_WORD_RE", "NEXT_WORD_RE", "POSSESSIVE_RE", "QUOTES", "SPACE_RE", "TITLE_CASE_WORD_RE",
    "TOKEN_RE", "VARIANT_KEY_RE", "WORD_BEFORE_RE", "WORD_START_RE", "WS_TOKEN_RE", "is_upper_word",
    "key_start_re", "quote_spans_in_sentence", "word_before",
]

#: A word: letters/digits with inner hyphens, apostrophes and periods ("al-Assad", "U.S.",
#: "Assad's", "Jr."); a trailing period is kept here and judged later (name runs).
TOKEN_RE = NAME_TOKEN_RE
#: A possessive ending: "Assad's", "Williams'".
POSSESSIVE_RE = re.compile(r"(?:['\u2019]s|s['\u2019])\Z")
#: Initials: "J.", "U.S.", "J.R.".
INITIAL_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?\Z")
#: Spaces (no line break) filling a whole gap between two words.
SPACE_RE = re.compile(r"[ \t\u00a0]+\Z")
#: Straight and curly quotation marks.
QUOTES = "\"'\u201c\u201d\u2018\u2019"
#: Whitespace-separated tokens (labels before a name; target sentiment's words).
WS_TOKEN_RE = CHUNK_RE
#: The word right before a position (searched in the 60 characters before it).
WORD_BEFORE_RE = re.compile(r"(\S+)[ \t\u00a0]+\Z")
#: The last word of a stretch of text followed by white space (line breaks included).
LAST_WORD_RE = re.compile(r"(\S+)\s+\Z")
#: The words a Title Case test counts (letters first; apostrophes and hyphens inside).
TITLE_CASE_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019\-]*")
#: The words a corpus writes in lower case (to tell "Yesterday" from a name).
LOWER_WORD_RE = re.compile(r"\b[a-z][a-z'\u2019\-]*")
#: The word right after a name (matched at the start of the 40 characters after it).
NEXT_WORD_RE = re.compile(r"[ \t\u00a0]+([^\W\d_][\w\-]*)")
#: As :data:`NEXT_WORD_RE`, with a trailing period ("T." in "Patrick T. McHenry").
NEXT_NAME_WORD_RE = re.compile(r"[ \t\u00a0]+([^\W\d_][\w\-]*\.?)")
#: A lower-case word right after a name ("campaign" in "a Mitt Romney campaign adviser").
NEXT_LOWER_WORD_RE = re.compile(r"[ \t\u00a0]+([a-z][\w\-]*)")
#: The first word of a name variant: the key of the mention finder's index.
VARIANT_KEY_RE = re.compile(r"[\w\-]+")
#: Where a name can start: a letter not preceded by a word character, hyphen, apostrophe or period.
WORD_START_RE = re.compile(r"(?<![\w\-'\u2019.])[^\W\d_][\w\-]*")
_BEFORE_NO_WORD = r"[\w\-'\u2019.]"  # what may not stand right before a word start


def key_start_re(keys: Iterable[str]) -> re.Pattern[str]:
    """The words that may be one of ``keys`` (words of letters, digits and hyphens starting with a letter):
    :data:`WORD_START_RE` for the words that start with their first letters, except that a word starting with a lower-case letter is
    matched only when it is a key ("al-Assad", not "and": most lower-case words start with "a" or "e").

    Each match is the whole word, as :data:`WORD_START_RE` reads it, so a word that is a key is matched as
    the letters' pattern would match it; no match starts inside a skipped word (the look-behind). The
    pattern opens with the class of the first letters, so that the engine skips to them without trying
    the look-behind at every character (about twice as fast a scan).

    Examples
    --------
    >>> [m.group() for m in key_start_re(["Assad", "al-Assad"]).finditer("Assad and al-Assad's aide Ali")]
    ['Assad', 'al-Assad', 'Ali']
    """
    upper = "".join(sorted({k[0] for k in keys if not k[0].islower()}))
    rests: dict[str, list[str]] = {}  # first lower-case letter -> the rest of the keys
    for k in keys:
        if k[0].islower():
            rests.setdefault(k[0], []).append(k[1:])
    alts = [f"(?<=[{re.escape(upper)}])" + r"[\w\-]*"] if upper else []
    alts += [f"(?<={re.escape(c)})" + trie_pattern(r) + r"(?![\w\-])" for c, r in sorted(rests.items())]
    firsts = re.escape(upper + "".join(sorted(rests)))
    # the first letter, then what may not stand before it ("." is that letter)
    return re.compile(f"[{firsts}](?<!{_BEFORE_NO_WORD}.)(?:{'|'.join(alts)})")


#: After a name: an optional possessive, then no word character or hyphen.
NAME_END_RE = re.compile(r"(['\u2019]s|(?<=s)['\u2019](?!\w))?(?![\w\-])")


def is_upper_word(word: str) -> bool:
    """True when the first letter of ``word`` is upper case.

    Examples
    --------
    >>> is_upper_word("al-Assad"), is_upper_word("'Assad"), is_upper_word("2020")
    (False, True, False)
    """
    for ch in word:
        if ch.isalpha():
            return ch.isupper()
    return False


def word_before(text: str, pos: int, width: int = 60) -> str | None:
    """``WORD_BEFORE_RE.search(text, max(0, pos - width), pos).group(1)`` (None without a match),
    read from the right end of the stretch instead of searched from its left.

    Examples
    --------
    >>> word_before("said President  Assad", 16), word_before("leader\\n Assad", 8), word_before("Assad", 0)
    ('President', None, None)
    """
    if pos <= 0 or width <= 0 or text[pos - 1] not in " \t\u00a0":
        return None  # no space right before ``pos``: the common case, without a slice
    before = text[max(0, pos - width):pos]
    stretch = before.rstrip(" \t\u00a0")
    if len(stretch) == len(before) or not stretch or stretch[-1].isspace():
        return None
    return stretch.rsplit(None, 1)[-1]  # str.split and the loop it replaces both split at str.isspace


def quote_spans_in_sentence(sentence: str) -> list[tuple[int, int]]:
    """Double-quoted stretches of a sentence (an unclosed quotation runs to the end).

    Examples
    --------
    >>> quote_spans_in_sentence('"No," he said, \u201cnever')
    [(0, 5), (15, 21)]
    """
    return [(q.start, q.end) for q in find_quotations(sentence, [(0, len(sentence))], style="simple")]

"""Tokens and names: capitalised runs, name keys, Title Case, title and label words."""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..text import split_sentences, trie_pattern
from ._lexicon import actor_lexicon, actor_words, norm_word
from ._memo import text_memo
from ._scan import (
    INITIAL_RE,
    POSSESSIVE_RE,
    QUOTES,
    SPACE_RE,
    TITLE_CASE_WORD_RE,
    TOKEN_RE,
    is_upper_word,
    word_before,
)

__all__ = ["SentenceStarts", "Tok", "is_label_word", "is_title_case", "is_title_word", "name_key", "name_runs",
           "sentence_bounds", "sentence_starts", "surname_forms", "title_case", "titled_before", "tokens", "trim_particles"]


class Tok(NamedTuple):
    """A word token of a text, possessive marked."""

    start: int
    end: int  # end of the name part (without a possessive "'s")
    text: str  # the name part as written
    possessive: bool
    full_end: int  # end of the token as written


_new_tok = tuple.__new__
#: The last characters a possessive ending can have (:data:`POSSESSIVE_RE` is searched only then).
_POSS_LAST = frozenset("s'\u2019")
_POSS_ENDS = ("'s", "\u2019s")


@lru_cache(maxsize=1)
def _keep_period() -> frozenset[str]:
    lex = actor_lexicon()
    return frozenset(lex["honorifics"] | lex["abbreviated_titles"] | lex["name_suffixes"] | lex["calendar"])


def _tok(s: int, e: int, word: str, keep_period: frozenset[str]) -> Tok | None:
    """The token of a :data:`TOKEN_RE` match ``word`` at ``s:e`` (None when nothing is left of it)."""
    if word.endswith(".") and norm_word(word) not in keep_period and not INITIAL_RE.match(word):
        e -= 1
        word = word[:-1]
        while word.endswith("."):
            e -= 1
            word = word[:-1]
        if not word:
            return None
    poss = POSSESSIVE_RE.search(word) if word[-1] in _POSS_LAST else None
    if poss is not None and len(word) > 2:
        cut = 2 if word[-2] in "'\u2019" else 1
        return _new_tok(Tok, (s, e - cut, word[:-cut], True, e))
    return _new_tok(Tok, (s, e, word, False, e))  # Tok(...) without its Python-level __new__


def tokens(text: str) -> list[Tok]:
    """Word tokens of ``text`` with a trailing sentence period removed and possessives marked."""
    keep = _keep_period()
    return [t for t in (_tok(m.start(), m.end(), m.group(), keep) for m in TOKEN_RE.finditer(text))
            if t is not None]


def _nameish(tok: Tok, text: str, nxt: int | None) -> bool:
    """Can ``tok`` of ``text`` be part of a capitalised name run (``nxt``: where the next token starts, if any)?"""
    w = tok.text
    first = w[0]
    if first.islower() and "-" not in w and len(w) > 5:
        return False  # an ordinary lower-case word (particles are short)
    if not w.isalpha() and any(ch.isdigit() for ch in w):
        return False
    if (first.isupper() and first.isalpha()) or is_upper_word(w):  # most often a capital letter first: no loop
        # "Louis-based", "Kremlin-backed" are not names; "Wal-Mart", "Jean-Claude" can be
        return not ("-" in w and not is_upper_word(w.rpartition("-")[2]))
    lex = actor_lexicon()
    low = norm_word(w)
    if "-" in low:  # "al-Assad", "bin-Laden"
        head, _, rest = low.partition("-")
        return head in lex["name_particles"] and is_upper_word(w[len(head) + 1:])
    # a lower-case particle inside a name, a token following after spaces only: "bin Salman", "van der Leyen"
    # (the gap read only here: most tokens are decided above)
    return (low in lex["name_particles"] and nxt is not None and SPACE_RE.match(text, tok.full_end, nxt) is not None
            and not tok.possessive)


@lru_cache(maxsize=1)
def _unread_then_token_re() -> re.Pattern[str]:
    """The next token that may be read into a name run (group 1, as :data:`TOKEN_RE` reads it; none at the
    end of the text), after the stretches skipped unread before it: plain lower-case words ("was", "and the";
    no particle, hyphen, period or apostrophe) and stretches without a letter or digit ("--").

    Each skipped word is a token that ends any name run: it stands in the gap between the tokens read
    before and after it, which is then no run of spaces. One match per token read: one pass over the text.
    """
    particles = sorted(p for p in actor_lexicon()["name_particles"] if p.isascii() and p.isalpha())
    # possessive loops (Python 3.11 on; before, greedy ones match the same, with backtracking that finds nothing):
    # a stretch that is neither skipped nor a token can only be the text's end
    p = _POSSESSIVE
    stretch = r"[\w\-'\u2019.]"  # a character of a token's stretch (see TOKEN_RE): a stretch holds one token
    plain = rf"(?!{trie_pattern(particles)}(?!{stretch}))[a-z]+{p}"
    no_token = rf"[_\-'\u2019.]+{p}"  # what precedes a token's first letter or digit in its stretch
    gap = r"[^\w\-'\u2019.]+"
    return re.compile(rf"(?:(?:{plain}|{no_token}){gap})*{p}(?:{no_token})?{p}(?:({TOKEN_RE.pattern})|\Z)")


#: the possessive quantifier's mark where ``re`` has it (Python 3.11 on)
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""


def name_runs(text: str) -> list[list[Tok]]:
    """Runs of capitalised tokens separated only by spaces; a possessive ends its run."""
    particles = actor_lexicon()["name_particles"]
    keep = _keep_period()
    runs: list[list[Tok]] = []
    cur: list[Tok] = []
    matches = _unread_then_token_re().finditer(text)
    m = next(matches)
    while (s := m.start(1)) >= 0:
        e = m.end(1)
        w = m.group(1)
        m = next(matches)  # the next token read, if any (a match at the end of the text at last)
        if (w[0].islower() and "-" not in w and w[-1] != "." and not w.endswith(_POSS_ENDS)
                and (len(w) > 5 or norm_word(w) not in particles)):
            if cur:  # a lower-case word, no particle, its own token: no name (what _nameish says)
                runs.append(cur)
                cur = []
            continue
        t = _tok(s, e, w, keep)
        if t is None:
            continue
        # where the next token read starts: a particle followed by a skipped word is no run's
        # (it would end its run and be trimmed from it), whether or not it is read into one
        nxt = m.start(1)
        if _nameish(t, text, nxt if nxt >= 0 else None):
            if cur and (cur[-1].possessive or SPACE_RE.match(text, cur[-1].full_end, t.start) is None):
                runs.append(cur)
                cur = []
            cur.append(t)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    # a run cannot end with a lower-case particle
    return [r for r in (trim_particles(r) for r in runs) if r]


def trim_particles(run: list[Tok]) -> list[Tok]:
    """``run`` without its trailing lower-case particles ("bin", "van der")."""
    while run and not is_upper_word(run[-1].text) and "-" not in run[-1].text:
        run = run[:-1]
    return run


def surname_forms(last: str) -> list[str]:
    """Surface forms a last name can be mentioned by alone: "al-Assad" -> ["al-Assad", "Assad"].

    Examples
    --------
    >>> surname_forms("al-Assad"), surname_forms("Putin")
    (['al-Assad', 'Assad'], ['Putin'])
    """
    lex = actor_lexicon()
    forms = [last]
    head, sep, rest = last.partition("-")
    if sep and head.lower() in lex["name_particles"] and rest:
        forms.append(rest)
    return forms


def name_key(tokens: Sequence[str]) -> tuple[str, str | None]:
    """(surname key, first-name key) of a name given as its words.

    Examples
    --------
    >>> name_key(["Bashar", "al-Assad"]), name_key(["Donald", "Trump", "Jr."])
    (('assad', 'bashar'), ('trump jr', 'donald'))
    """
    lex = actor_lexicon()
    words = list(tokens)
    suffix = ""
    if len(words) > 1 and norm_word(words[-1]) in lex["name_suffixes"]:
        suffix = " " + norm_word(words[-1]).rstrip(".")
        words = words[:-1]
    last = norm_word(words[-1])
    head, sep, rest = last.partition("-")
    if sep and head in lex["name_particles"] and rest:
        last = rest
    first = norm_word(words[0]) if len(words) > 1 else None
    return last + suffix, first


_TC_SKIP = " \t\u00a0\"'\u201c\u2018"
_TC_OPEN = "[^ \t\u00a0\"'\u201c\u2018.!?\n\u2022]"  # the last character before a word that does not open a sentence
_TC_SPACE = "[ \t\u00a0\"'\u201c\u2018]"
#: The words :func:`title_case` counts, their first letter captured: a :data:`TITLE_CASE_WORD_RE` word
#: of 4 or more characters (from the first letter of a stretch of word characters, apostrophes and
#: hyphens to its end) whose 3 characters before, spaces and opening quotes stripped, end with
#: something else than a sentence end or a line break.
_COUNTED_WORD_RE = re.compile(
    r"(?<![\w'\u2019\-])[\d_'\u2019\-]*"
    rf"(?:(?<={_TC_OPEN})|(?<={_TC_OPEN}{_TC_SPACE})|(?<={_TC_OPEN}{_TC_SPACE}{_TC_SPACE}))"
    r"([^\W\d_])[\w'\u2019\-]{3,}")


def title_case(text: str) -> bool:
    """True for a headline in Title Case: names cannot be read from capital letters there.

    At least three quarters of the words of four or more letters that do not open a
    sentence are capitalised (a body sentence full of names is not Title Case: it still
    has lower-case verbs and nouns).

    Examples
    --------
    >>> title_case("Russia Grants Asylum To Ousted Leader Doe"), title_case("Doe left Russia today.")
    (True, False)
    """
    firsts = _counted_firsts(text)
    if firsts is None or len(firsts) < 3:
        return False
    if not "".join(firsts).isalpha():
        return _title_case_read(text)  # a word opening with a numeric letter ("\u00b2nd"): read word by word
    return sum(map(str.isupper, firsts)) / len(firsts) >= 0.75


#: Characters :func:`_counted_firsts` reads at a time (a body is seldom read to its end).
_TC_CHUNK = 1500


def _counted_firsts(text: str) -> list[str] | None:
    """The first letters :data:`_COUNTED_WORD_RE` captures in ``text``, or None as soon as three quarters of
    them cannot be capitalised: not even with every word left to read capitalised (a counted word takes 4
    characters and one more before the next, so the rest of the text holds fewer than its length / 5 + 2)."""
    firsts: list[str] = []
    upper, alpha, pos, n = 0, True, 0, len(text)
    while pos < n:
        cut = text.find(" ", pos + _TC_CHUNK)  # no counted word holds a space
        end = n if cut < 0 else cut
        more = _COUNTED_WORD_RE.findall(text, pos, end)  # the look-behinds read before pos
        firsts += more
        upper += sum(map(str.isupper, more))
        alpha = alpha and "".join(more).isalpha()  # else title_case reads word by word: no early answer
        pos = end
        rest = (n - pos) // 5 + 2
        if alpha and 4 * (upper + rest) < 3 * (len(firsts) + rest):
            return None
    return firsts


def _title_case_read(text: str) -> bool:
    """:func:`title_case` read word by word (what :data:`_COUNTED_WORD_RE` counts)."""
    n_words = n_upper = 0
    for m in TITLE_CASE_WORD_RE.finditer(text):
        s, e = m.span()
        if e - s < 4:
            continue
        before = text[max(0, s - 3):s].rstrip(_TC_SKIP)
        if not before or before[-1] in ".!?\n\u2022":
            continue  # opens a sentence or a line
        n_words += 1
        n_upper += is_upper_word(m.group())
    if n_words < 3:
        return False
    return n_upper / n_words >= 0.75


@text_memo(limit=4096)
def is_title_case(text: str) -> bool:
    """:func:`title_case`, memoised per text (for the parts of a corpus, asked again in every pass;
    call :func:`title_case` for passing strings such as one line of a part)."""
    return title_case(text)


_INT_MAX = 2 ** (8 * array("i").itemsize - 1) - 1  # the largest offset an array of C ints holds


class SentenceStarts:
    """The sentences of a text in three arrays of offsets: where each starts and ends, and the end of the
    quotation marks, brackets, dashes and spaces that open it.

    ``offset in starts`` is true where a sentence, or a quotation opening one, starts. A corpus's texts keep
    theirs for all the passes of :func:`mediakit.actor_labels` (:func:`._memo.corpus_scope`): arrays of machine
    integers take about a sixth of the memory of a set of Python ints and a tuple of pairs.
    """

    __slots__ = ("starts", "ends", "opened")

    def __init__(self, text: str) -> None:
        code = "i" if len(text) <= _INT_MAX else "q"  # a C int an offset (4 bytes), 8 bytes in a longer text
        self.starts, self.ends, self.opened = array(code), array(code), array(code)
        for span in split_sentences(text):
            p = span.start
            while p < span.end and (text[p] in QUOTES or text[p] in "([\u2014\u2013-" or text[p].isspace()):
                p += 1
            self.starts.append(span.start)
            self.ends.append(span.end)
            self.opened.append(p)

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int):
            return False
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset <= self.opened[k]

    def bounds(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each sentence."""
        return tuple(zip(self.starts, self.ends, strict=True))


@text_memo(limit=1024)
def sentence_starts(text: str) -> SentenceStarts:
    """Offsets where a sentence (or a quotation opening it) starts: ``offset in sentence_starts(text)``."""
    return SentenceStarts(text)


def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text`` (split once per text: :func:`sentence_starts`)."""
    return sentence_starts(text).bounds()


@lru_cache(maxsize=1 << 16)  # as is_label_word: the same words again and again
def is_title_word(word: str, *, epithets: bool = True) -> bool:
    """A title, honorific or (with ``epithets``) epithet: "President", "Mr.", "ousted"; not "Russian".

    Without ``epithets`` (evidence that the next word is a person), adjectival titles
    ("progressive", "native") do not count either.

    Examples
    --------
    >>> is_title_word("President"), is_title_word("ousted"), is_title_word("ousted", epithets=False)
    (True, True, False)
    """
    lex = actor_lexicon()
    w = norm_word(word)
    last = w.rpartition("-")[2]
    if not epithets:
        adjectival = actor_words()["adjectival_titles"]
        if w in adjectival or last in adjectival:
            return False
    if w in lex["titles"] or w in lex["honorifics"] or w in lex["abbreviated_titles"] or last in lex["titles"]:
        return True
    return epithets and (w in lex["epithets"] or last in lex["epithets"])


@lru_cache(maxsize=1 << 16)  # asked of the same words again and again (400k calls per 2,000 articles)
def is_label_word(word: str) -> bool:
    """A word that may stand in a label before a name (title, modifier, epithet, nationality, ...)."""
    lex = actor_lexicon()
    w = norm_word(word)
    if w in lex["label_words"] or w in lex["honorifics"]:
        return True
    head, sep, rest = w.rpartition("-")
    return bool(sep) and head in lex["hyphen_prefixes"] and rest in lex["label_words"]


def titled_before(text: str, pos: int, *, epithets: bool = True) -> bool:
    """Is the word right before ``pos`` a title, honorific (or epithet): "leader Assad"?"""
    w = word_before(text, pos)
    return w is not None and is_title_word(w, epithets=epithets)

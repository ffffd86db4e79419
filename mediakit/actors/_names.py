"""Tokens and names: capitalised runs, name keys, Title Case, title and label words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..text import split_sentences
from ._lexicon import actor_lexicon, actor_words, norm_word
from ._memo import text_memo
from ._scan import (
    INITIAL_RE,
    POSSESSIVE_RE,
    QUOTES,
    SPACE_RE,
    TITLE_CASE_WORD_RE,
    TOKEN_RE,
    WORD_BEFORE_RE,
    is_upper_word,
)

__all__ = ["Tok", "is_label_word", "is_title_case", "is_title_word", "name_key", "name_runs", "sentence_bounds",
           "sentence_starts", "surname_forms", "title_case", "titled_before", "tokens", "trim_particles"]


class Tok(NamedTuple):
    """A word token of a text, possessive marked."""

    start: int
    end: int  # end of the name part (without a possessive "'s")
    text: str  # the name part as written
    possessive: bool
    full_end: int  # end of the token as written


def tokens(text: str) -> list[Tok]:
    """Word tokens of ``text`` with a trailing sentence period removed and possessives marked."""
    lex = actor_lexicon()
    keep_period = lex["honorifics"] | lex["abbreviated_titles"] | lex["name_suffixes"] | lex["calendar"]
    out = []
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        if word.endswith(".") and norm_word(word) not in keep_period and not INITIAL_RE.match(word):
            e -= 1
            word = word[:-1]
            while word.endswith("."):
                e -= 1
                word = word[:-1]
            if not word:
                continue
        poss = POSSESSIVE_RE.search(word)
        if poss is not None and len(word) > 2:
            cut = 2 if word[-2] in "'\u2019" else 1
            out.append(Tok(s, e - cut, word[:-cut], True, e))
        else:
            out.append(Tok(s, e, word, False, e))
    return out


def _nameish(tok: Tok, nxt: Tok | None) -> bool:
    """Can ``tok`` be part of a capitalised name run?"""
    w = tok.text
    first = w[0]
    if first.islower() and "-" not in w and len(w) > 5:
        return False  # an ordinary lower-case word (particles are short)
    lex = actor_lexicon()
    if any(ch.isdigit() for ch in w):
        return False
    if is_upper_word(w):
        # "Louis-based", "Kremlin-backed" are not names; "Wal-Mart", "Jean-Claude" can be
        return not ("-" in w and not is_upper_word(w.rpartition("-")[2]))
    low = norm_word(w)
    if "-" in low:  # "al-Assad", "bin-Laden"
        head, _, rest = low.partition("-")
        return head in lex["name_particles"] and is_upper_word(w[len(head) + 1:])
    # a lower-case particle inside a name: "bin Salman", "van der Leyen"
    return low in lex["name_particles"] and nxt is not None and not tok.possessive


def name_runs(text: str) -> list[list[Tok]]:
    """Runs of capitalised tokens separated only by spaces; a possessive ends its run."""
    toks = tokens(text)
    runs: list[list[Tok]] = []
    cur: list[Tok] = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        joinable = nxt is not None and SPACE_RE.match(text, t.full_end, nxt.start) is not None
        if _nameish(t, nxt if joinable else None):
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
    words = []
    for m in TITLE_CASE_WORD_RE.finditer(text):
        w = m.group()
        if len(w) < 4:
            continue
        before = text[max(0, m.start() - 3):m.start()].rstrip(" \t\u00a0\"'\u201c\u2018")
        if not before or before[-1] in ".!?\n\u2022":
            continue  # opens a sentence or a line
        words.append(w)
    if len(words) < 3:
        return False
    return sum(is_upper_word(w) for w in words) / len(words) >= 0.75


@text_memo(limit=4096)
def is_title_case(text: str) -> bool:
    """:func:`title_case`, memoised per text (for the parts of a corpus, asked again in every pass;
    call :func:`title_case` for passing strings such as one line of a part)."""
    return title_case(text)


@text_memo(limit=1024)
def sentence_starts(text: str) -> frozenset[int]:
    """Offsets where a sentence (or a quotation opening it) starts."""
    starts = set()
    for span in split_sentences(text):
        p = span.start
        starts.add(p)
        while p < span.end and (text[p] in QUOTES or text[p] in "([\u2014\u2013-" or text[p].isspace()):
            p += 1
            starts.add(p)
    return frozenset(starts)


@text_memo(limit=1024)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``."""
    return tuple((s.start, s.end) for s in split_sentences(text))


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
    m = WORD_BEFORE_RE.search(text, max(0, pos - 60), pos)
    return m is not None and is_title_word(m.group(1), epithets=epithets)

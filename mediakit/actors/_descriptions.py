"""Finding descriptions of one person: "the ousted leader", "a mentally deranged U.S. dotard", "his wife".

A noun phrase with a determiner ("the", "this", "that", "a", "an", "another"), a capitalised
possessor ("Syria's") or a pronoun possessor ("his"), modifiers, and a singular person noun as its
head (``nominal_lexicon()["heads"]``; the ``frame_heads`` and nouns in -ist are heads only inside
a frame), with an optional "of" phrase of capitalised words. :mod:`._nominal` links them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from sys import intern
from typing import NamedTuple

from ..text import trie_pattern
from ._lexicon import actor_lexicon, actor_stopwords, nominal_lexicon, norm_word
from ._memo import text_memo

__all__ = ["DETERMINERS", "Description", "HEAD_ALIASES", "NEXT_WORD_RE", "NUMBERS", "POSS_RE", "PREDICATE_FOLLOWERS",
           "PRONOUN_POSSESSORS", "TOKEN_RE", "candidate_support", "descriptions_of_tokens", "find_descriptions"]

#: A word (letters first; inner hyphens, apostrophes, periods; "U.S." keeps its period) or one
#: other non-space character. The runs of word characters and hyphens are read as runs (not one
#: character at a time): the same tokens, read faster.
TOKEN_RE = re.compile(r"[^\W\d_][\w\-]*(?:['\u2019.](?=\w)[\w\-]*)*(?:(?<=\.\w)\.)?|\d[\w.,]*|[^\w\s]")
POSS_RE = re.compile(r"['\u2019]s?\Z")
DETERMINERS = frozenset({"the", "this", "that", "a", "an", "another"})
_INDEFINITE = frozenset({"a", "an", "another"})
PRONOUN_POSSESSORS = frozenset({"his", "her", "its", "their", "our", "my", "your", "whose"})
NUMBERS = frozenset({"two", "three", "four", "five", "both", "several", "many", "some", "all", "other",
                     "each", "every", "one", "any", "no", "such", "first-ever"})
_QUOTE_OPEN_RE = re.compile(r"(?:^|(?<=\s))[\"\u201c'\u2018]")
_OPEN_QUOTES = frozenset({'"', "\u201c", "'", "\u2018"})
_MAX_MODIFIERS = 6

#: Heads that name the same office: "Rep. Etheridge" ... "the congressman" (gender is checked apart).
HEAD_ALIASES = {"rep": "congressman", "representative": "congressman", "congresswoman": "congressman",
                "congressperson": "congressman"}
#: After "as a Y": the words that may follow a predicate; any other word is a verb and "as" a
#: conjunction ("as the teenager was heading home", "as his father dreamed").
NEXT_WORD_RE = re.compile(r"[ \t\u00a0]+([a-z][\w-]*)")
PREDICATE_FOLLOWERS = frozenset({"who", "whom", "whose", "that", "which", "of", "for", "in", "at", "on", "from", "to",
                                 "with", "by", "and", "or", "but", "since", "until", "before", "after", "during",
                                 "when", "while", "under", "about", "over", "than", "if", "because"})


class Description(NamedTuple):
    """A description of one person found in a text (linked or not)."""

    start: int  # determiner or possessor
    label_start: int  # first word after the determiner
    end: int  # end of the head (or of the "of" phrase)
    head: str
    mods: tuple[str, ...]  # normalised modifier words (possessor without "'s", "of" phrase words)
    indefinite: bool
    key: str  # head with a rank modifier ("vice president")
    restricted: bool  # a relative clause or a prepositional phrase follows ("the candidate who ...")
    predicate: bool  # after a copula or "as": a role, not a reference ("if he becomes the nominee")
    possessive: bool  # "the president's": the possessor of a larger phrase
    frame_only: bool  # a frame head ("a nasty guy") or a pronoun possessor ("his wife"): linked by a frame only


def candidate_support(names: int, descriptions: int, titled: bool) -> int:
    """The mentions of a rarely named person that count toward ``min_mentions``.

    Name mentions and descriptions (appositives, linked descriptions) count one each. A title before
    the name is part of the name mention, but a full introduction, a title and a description of one
    person ("Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus"), describes the
    person twice, the way a story describes the people it quotes or is about: the title counts too,
    when there is a description.

    Examples
    --------
    >>> candidate_support(1, 1, True), candidate_support(1, 1, False), candidate_support(2, 0, True)
    (3, 2, 2)
    """
    return names + descriptions + int(titled and names > 0 and descriptions > 0)


# --------------------------------------------------------------------------- finding descriptions


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def _verb_complement(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Is the word after "of" a gerund ("accused the president of lying"), not a noun phrase?"""
    return k < len(toks) and toks[k][2].islower() and toks[k][2].endswith("ing") and len(toks[k][2]) >= 5


_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr"})
#: Adjectives (besides those in -al) that take a noun in an office's "of" phrase ("of homeland security").
_OF_ADJECTIVES = frozenset({"homeland", "human", "foreign", "public", "domestic", "civil"})


def _of_phrase(toks: list[tuple[int, int, str]], j: int) -> tuple[int, list[str]] | None:
    """After a head at ``j - 1``: "of Syria", "of the United States", "of state" -> (end, words); None
    for a lower-case "of" phrase with a determiner ("the leader of the rebels": another role); (head
    end, []) without one. The words are identifying modifiers: they must match the actor's label."""
    if j >= len(toks) or toks[j][2].lower() != "of" or _verb_complement(toks, j + 1):
        return toks[j - 1][1], []  # "accused the president of disrespecting religion": a complement
    k = j + 1
    words: list[str] = []
    end = toks[j - 1][1]
    stop = actor_stopwords()
    while k < len(toks) and toks[k][2].isalpha() and toks[k][2].islower() and toks[k][2] not in stop and (
            not words or len(words) < 2 and (words[-1].endswith("al") or words[-1] in _OF_ADJECTIVES)):
        words.append(toks[k][2])  # an office without a determiner: "secretary of state", "of national security"
        end = toks[k][1]
        k += 1
    if words:
        return end, words
    if k < len(toks) and toks[k][2].lower() == "the":
        k += 1
    while k < len(toks) and toks[k][2][0].isupper() and len(words) < 4:
        if toks[k][2] in _HONORIFICS and k + 2 < len(toks) and toks[k + 1][2] == ".":
            k += 2  # "a harsh critic of Mr. Pena Nieto"
            continue
        words.append(POSS_RE.sub("", norm_word(toks[k][2])))
        end = toks[k][1]
        k += 1
    return (end, words) if words else None


def _left_modifiers(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int, list[str], bool, bool] | None:
    """Walk left from the head at ``i``: (phrase start, label start, modifiers, indefinite, pronoun
    possessor) or None.

    The walk ends at a determiner or a pronoun possessor ("his wife": not part of the label) or a
    capitalised possessor ("Syria's", part of the label); an opening quote is skipped ('a "nasty
    guy"'); a number or quantifier ("the two leaders"), other punctuation, a function word or a
    line break means no description.
    """
    mods: list[str] = []
    stop = actor_stopwords()
    label_lex = actor_lexicon()["label_words"]
    k = i - 1
    while k >= 0 and len(mods) <= _MAX_MODIFIERS:
        s, e, w = toks[k]
        if toks[k + 1][0] - e > 1:
            return None  # a line break or a gap inside the phrase
        n = norm_word(w)
        if n in DETERMINERS or (n in PRONOUN_POSSESSORS and n != "whose"):
            return s, toks[k + 1][0], mods, n in _INDEFINITE, n in PRONOUN_POSSESSORS
        if w in _OPEN_QUOTES:
            k -= 1
            continue
        if n in NUMBERS or not w[0].isalpha():
            return None
        if POSS_RE.search(w) and w[0].isupper():
            mods.append(POSS_RE.sub("", n))  # "Syria's interim leader"
            return s, s, mods, False, False
        if n in stop and n not in label_lex:
            return None
        mods.append(n)
        k -= 1
    return None


def _head_ends_phrase(toks: list[tuple[int, int, str]], i: int) -> bool:
    """Is the word at ``i`` the last word of its noun phrase (not "President Obama", "leader board")?"""
    if i + 1 >= len(toks):
        return True
    s, _, nxt = toks[i + 1]
    if s - toks[i][1] > 1:
        return True
    if nxt[0].isupper():
        return False  # a pre-title: "the president Donald Trump", "the leader Assad"
    n = POSS_RE.sub("", norm_word(nxt))
    nom = nominal_lexicon()
    if n in ("and", "&") and i + 2 < len(toks) and norm_word(toks[i + 2][2]) in nom["heads"]:
        return False  # "the president and chairman of the board": one title of someone else
    return not (n in nom["heads"] or n in nom["head_followers"] or n in actor_lexicon()["label_words"]
                or nxt in "-\u2013")


#: After a description: a restrictive relative clause or a prepositional phrase that says who is meant.
_RESTRICTED_RE = re.compile(r"[ \t\u00a0]+(?:who|whom|whose|that|which|from)\b", re.IGNORECASE)


#: Before a description: a copula or "as" (a predicate: a role, not a reference).
_PREDICATE_RE = re.compile(r"(?:\b(?:am|is|was|are|were|be|been|being|becomes?|became|becoming|remains?|remained|as|"
                           r"not|named|elected|appointed)|['\u2019]s)\s+(?:(?:briefly|now|still|also|once|already|"
                           r"then|again|long|never|really|clearly)\s+)?\Z", re.IGNORECASE)


def _has_quote(text: str, start: int, end: int) -> bool:
    """A quote inside the description ('a "nasty guy"', 'the so-called "governor'): a frame only."""
    return _QUOTE_OPEN_RE.search(text, start, end) is not None


def _ism_noun(word: str) -> bool:
    """A person noun in -ist ("racist", "narcissist"), not a verb ("insist") or "-list"."""
    return len(word) >= 6 and word.endswith("ist") and not word.endswith(("list", "sist"))


def _without_possessive(n: str) -> str:
    """``POSS_RE.sub("", n)`` without the regular expression (``n`` itself when nothing is cut)."""
    if n.endswith(("'s", "\u2019s")):
        return n[:-2]
    return n[:-1] if n.endswith(("'", "\u2019")) else n


@lru_cache(maxsize=1 << 16)
def _head_word(w: str) -> tuple[str, bool, bool] | None:
    """(head without a possessive, possessive, a frame head only) of a word that may head a description."""
    if not w[0].isalpha():
        return None
    lex = nominal_lexicon()
    n = norm_word(w)
    base = _without_possessive(n)
    broad = base not in lex["heads"]
    if broad and not (base in lex["frame_heads"] or _ism_noun(base)):
        return None
    return base, len(base) != len(n), broad


def find_descriptions(text: str) -> list[Description]:
    """The descriptions of one person in ``text``, in order, linked or not (memoised per text: the
    articles that name a candidate are linked twice).

    Examples
    --------
    >>> [(d.head, d.mods) for d in find_descriptions("Later the ousted leader of Syria and the two leaders met.")]
    [('leader', ('ousted', 'syria'))]
    """
    return list(_descriptions_memo(text))


def _describe(text: str, toks: list[tuple[int, int, str]], i: int, head: tuple[str, bool, bool]) -> Description | None:
    """The description whose head is the token at ``i`` (:func:`_head_word` of it), or None."""
    s, _, w = toks[i]
    base, poss, broad = head
    nxt = NEXT_WORD_RE.match(text, toks[i][1])
    if broad and nxt is not None and nxt.group(1) not in PREDICATE_FOLLOWERS:
        return None  # 'an "elitist hypocrite"': a modifier of the next noun
    if poss:
        of: tuple[int, list[str]] | None = (s + len(POSS_RE.sub("", w)), [])
    elif _head_ends_phrase(toks, i):
        of = _of_phrase(toks, i + 1)
    else:
        return None
    left = _left_modifiers(toks, i)
    if left is None:
        return None
    lower_of = of is None  # "the leader of the rebels": another role, linked by a frame only
    if of is None:
        of = (toks[i][1], [])
    start, label_start, mods, indefinite, pronoun = left
    key = HEAD_ALIASES.get(base, base)
    key = f"{mods[0]} {key}" if mods and mods[0] in nominal_lexicon()["rank_modifiers"] else key
    restricted = lower_of or _RESTRICTED_RE.match(text, of[0]) is not None
    pm = _PREDICATE_RE.search(text, max(0, start - 30), start)
    after = NEXT_WORD_RE.match(text, of[0])
    # "as the prime minister continues": "as" a conjunction, the description its subject
    predicate = pm is not None and not (pm.group().lower().startswith("as") and after is not None
                                        and after.group(1) not in PREDICATE_FOLLOWERS)
    # the words interned: a corpus's texts keep their descriptions through actor_labels' passes, and the same few
    # hundred heads and modifiers recur in them
    return Description(start, label_start, of[0], intern(base), tuple(map(intern, [*mods, *of[1]])), indefinite,
                       intern(key), restricted, predicate, poss, broad or pronoun or _has_quote(text, start, s))


def descriptions_of_tokens(text: str) -> tuple[Description, ...]:
    """:func:`find_descriptions` reading every token of ``text`` (the plain form of the scan, for tests)."""
    toks = _tokens(text)
    out = []
    for i, (_, _, w) in enumerate(toks):
        head = _head_word(w)
        if head is not None:
            d = _describe(text, toks, i, head)
            if d is not None:
                out.append(d)
    return tuple(out)


@lru_cache(maxsize=1)
def _hint_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Where a head may be written in a lower-cased text: a head word after a character that is no word
    character (group 1), the same at the start of the text, and "ist" (the tokens around are read only
    there). Every head :func:`_head_word` accepts starts with a head word or holds "ist"."""
    lex = nominal_lexicon()
    words = trie_pattern(sorted(lex["heads"] | lex["frame_heads"]))
    # a head starts a token (no word character before it) and ends the word (a possessive may follow);
    # lower casing changes no character's class here (the one that would, "\u0130", is sent elsewhere).
    # The character before the head comes first: the regex engine skips to the characters it may be.
    return (re.compile(rf"[^\w]({words})(?![\w\-])"), re.compile(rf"{words}(?![\w\-])"),
            re.compile(r"ist(?![\w\-])"))


def _hints(lowered: str) -> list[int]:
    """The offsets, in order, where :func:`_hint_res` finds a possible head in ``lowered``."""
    after_other, at_start, ism = _hint_res()
    out = [m.start(1) for m in after_other.finditer(lowered)]
    if at_start.match(lowered):
        out.insert(0, 0)
    isms = [m.start() for m in ism.finditer(lowered)]
    return sorted(out + isms) if isms else out


def _before_name(text: str, end: int) -> bool:
    """Is a word ending at ``end`` followed by one space and a capital, the first letter of the next token
    ("the president Donald Trump": :func:`_head_ends_phrase` is false, and no description ends there)?"""
    return text[end:end + 1].isspace() and text[end + 1:end + 2].isupper()


_WS_RE = re.compile(r"\s")
#: Characters read before a possible head (from the next white space on), characters read at a time, and
#: the tokens the rules may read after and before a head.
_LEFT_CHARS, _PIECE_CHARS, _RIGHT_TOKENS, _LEFT_TOKENS = 100, 200, 10, 9


class _Window:
    """The tokens of a stretch of a text, read forward on demand in pieces that end at white space (no
    token spans white space, so they are the tokens of the whole text there: :data:`TOKEN_RE` reads
    nothing beyond a token that ends before white space)."""

    def __init__(self, text: str, q: int, left_chars: int = _LEFT_CHARS) -> None:
        self.text = text
        start = max(0, q - left_chars)
        ws = _WS_RE.search(text, start, q) if start else None
        self.start = self.end = ws.end() if ws is not None else 0
        self.toks: list[tuple[int, int, str]] = []
        self.starts: list[int] = []

    @property
    def exhausted(self) -> bool:
        """Are all the tokens up to the end of the text read?"""
        return self.end >= len(self.text)

    def read_to(self, q: int) -> None:
        """Read the tokens up to ``q`` and the token that holds it."""
        while self.end <= q and not self.exhausted:
            self._more()

    def _more(self) -> None:
        text = self.text
        ws = _WS_RE.search(text, self.end + _PIECE_CHARS)
        end = ws.start() if ws is not None else len(text)
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, self.end, end)]
        self.toks.extend(toks)
        self.starts.extend(t[0] for t in toks)
        self.end = end if ws is not None else len(text)

    def enough(self, i: int) -> bool:
        """Are the tokens around ``i`` those every rule reads (reading more on the right)? The rules read
        at most ``_RIGHT_TOKENS`` tokens after a head, two more per honorific ("Mr. ..."), and at most
        ``_LEFT_TOKENS`` before it besides opening quotes."""
        toks = self.toks
        need = i + 1 + _RIGHT_TOKENS
        k = i + 1
        while True:
            while not self.exhausted and len(toks) < need:
                self._more()
            while k < min(need, len(toks)):
                if toks[k][2] in _HONORIFICS:
                    need += 2
                k += 1
            if self.exhausted or len(toks) >= need:
                break
        if self.start == 0:
            return True
        seen = 0
        for k in range(i - 1, -1, -1):
            if toks[k][2] not in _OPEN_QUOTES:
                seen += 1
                if seen >= _LEFT_TOKENS:
                    return True
        return False


@text_memo(limit=1024)
def _descriptions_memo(text: str) -> tuple[Description, ...]:
    """:func:`descriptions_of_tokens`, reading only the tokens near a possible head."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("\u0130"): offsets would differ
        return descriptions_of_tokens(text)
    out = []
    window: _Window | None = None
    pos = 0
    for q in _hints(lowered):
        if q < pos:
            continue  # inside the token read last
        if q == 0 or text[q - 1].isspace():  # the token starts here: read it alone first
            tok = TOKEN_RE.match(text, q)
            assert tok is not None  # a head word starts with a letter
            head = _head_word(tok.group())
            if head is None or not head[1] and _before_name(text, tok.end()):
                pos = tok.end()  # no head, or a title before a name: no description (no window needed)
                continue
        if window is None or (window.toks and window.end < q - _LEFT_CHARS and not window.exhausted):
            window = _Window(text, q)
        window.read_to(q)
        i = bisect_right(window.starts, q) - 1
        if i < 0 or window.toks[i][1] <= q:
            pos = q + 1
            continue
        pos = window.toks[i][1]
        head = _head_word(window.toks[i][2])
        if head is None:
            continue
        left_chars = _LEFT_CHARS
        while not window.enough(i):  # too near the start of the stretch read: read from further back
            left_chars *= 4
            window = _Window(text, q, left_chars)
            window.read_to(q)
            i = bisect_right(window.starts, q) - 1
        d = _describe(text, window.toks, i, head)
        if d is not None:
            out.append(d)
    return tuple(out)

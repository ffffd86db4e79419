"""The label rules: the title or epithet before a name, a possessive, an honorific, an appositive."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ._lexicon import actor_lexicon, actor_stopwords, actor_words, norm_word
from ._mentions import Mention
from ._names import is_label_word, is_title_case, is_title_word
from ._scan import (
    LAST_WORD_RE,
    NEXT_LOWER_WORD_RE,
    POSSESSIVE_RE,
    QUOTES,
    SPACE_RE,
    WS_TOKEN_RE,
    is_upper_word,
)

__all__ = ["Label", "labels_of_mention"]


class Label(NamedTuple):
    """A label of a mention: its kind and its offsets in the part."""

    kind: str
    start: int
    end: int


_TRAILING_STOP = tuple(",;:)]}\u201d\"!?")
_LEADING_STOP = tuple("([{\u201c\"")
#: A word with its offsets in the part: (start, end, word as written or normalised).
_Word = tuple[int, int, str]

# --------------------------------------------------------------------------- before the name


def _words_before(text: str, sent_start: int, ms: int) -> list[_Word]:
    """The words of the sentence left of a mention starting at ``ms``, nearest first."""
    toks = WS_TOKEN_RE.finditer(text[sent_start:ms])
    return [(sent_start + t.start(), sent_start + t.end(), t.group()) for t in reversed(list(toks))]


def _nearest_word_ok(text: str, ms: int, word: _Word) -> bool:
    """Can the word touching the name belong to a label (spaces only, no closing punctuation)?"""
    _, first_e, first = word
    # the words must be separated by spaces only (no line break inside a label)
    if SPACE_RE.match(text, first_e, ms) is None:
        return False
    if first.endswith(_TRAILING_STOP) or first.endswith("\u2019") and not POSSESSIVE_RE.search(first):
        return False
    return not (first[0] in _LEADING_STOP and not (first[-1] in QUOTES and len(first) > 2))


def _possessive_label(text: str, words: list[_Word], sent_start: int, lower_words: set[str]) -> list[Label]:
    """"Syria's Bashar al-Assad", "Saudi Arabia's Mohammed bin Salman"."""
    stop = actor_stopwords()
    first_s, first_e, _ = words[0]
    start = first_s
    for s, e, w in words[1:]:
        if (is_upper_word(w) and not w.endswith(_TRAILING_STOP) and w[0] not in _LEADING_STOP
                and norm_word(w) not in stop and SPACE_RE.match(text, e, start) is not None
                and not (s == sent_start and norm_word(w) in lower_words)):
            start = s
        else:
            break
    if not is_upper_word(text[start:first_e]):
        return []
    return [Label("possessive", start, first_e)]


def _ends_label(w: str) -> bool:
    """Punctuation that closes a label on the left of the words accepted so far."""
    if w.endswith(_TRAILING_STOP) or w[-1] in QUOTES and w[0] not in QUOTES:
        return True
    return w[0] in _LEADING_STOP and not (w[-1] in QUOTES and w[0] in QUOTES)


def _is_lexical(n: str) -> bool:
    """A label word of the lexicon, or a hyphenated one ("then-President", "ex-leader")."""
    lex = actor_lexicon()
    head, sep, last = n.rpartition("-")
    return (n in lex["label_words"]
            or (bool(sep) and last in lex["label_words"] and (head in lex["hyphen_prefixes"] or
                                                              head in lex["label_words"])))


def _label_word(text: str, s: int, w: str, accepted: list[_Word], sent_start: int, lower_words: set[str],
                title_case: bool) -> str | None:
    """The normalised word if ``w`` (at ``s``) extends the label leftwards, else None."""
    lex = actor_lexicon()
    core = w.strip(QUOTES)
    if not core or (accepted and _ends_label(w)):
        return None
    n = norm_word(core)
    if n in lex["determiners"] or n in lex["honorifics"] or POSSESSIVE_RE.search(core):
        return None
    if _is_lexical(n):
        return n
    if n == "of" and accepted and is_upper_word(text[accepted[-1][0]:accepted[-1][1]]):
        return n  # "Secretary of State", "Minister of Defence"
    stop = actor_stopwords()
    if (accepted and not title_case and is_upper_word(core) and n not in stop and n not in lex["calendar"]
            and not (s == sent_start and (n in lower_words or n in stop))
            and not any(ch.isdigit() for ch in core)):
        return n  # "Wall Street Journal reporter", "Kremlin spokesman"
    return None


def _label_words(text: str, words: list[_Word], ms: int, sent_start: int, lower_words: set[str],
                 title_case: bool) -> list[_Word]:
    """The run of label words left of the name, nearest first: (start, end, normalised word)."""
    accepted: list[_Word] = []
    right = ms
    for s, e, w in words:
        if SPACE_RE.match(text, e, right) is None:
            break
        n = _label_word(text, s, w, accepted, sent_start, lower_words, title_case)
        if n is None:
            break
        accepted.append((s, e, n))
        right = s
    # "of" belongs to a title only between a title and a capitalised word ("Secretary of State");
    # "regime of Valdorian strongman" is cut to "Valdorian strongman"
    titles = actor_lexicon()["titles"]
    for k, (_, _, n) in enumerate(accepted):
        if n == "of" and (k + 1 >= len(accepted) or accepted[k + 1][2] not in titles):
            return accepted[:k]
    return accepted


def _heads(n: str) -> bool:
    """Can ``n`` be the head of a label (title, epithet, nationality)?"""
    lex = actor_lexicon()
    last = n.rpartition("-")[2]
    return (n in lex["titles"] or n in lex["epithets"] or n in lex["nationalities"]
            or n in lex["abbreviated_titles"] or last in lex["titles"] or last in lex["epithets"])


def _participle_is_verb(text: str, accepted: list[_Word], sent_start: int) -> bool:
    """"ousted", "accused", "jailed" are labels after "of", "the", "and" or at the start
    ("Portraits of ousted Bashar al-Assad"), verbs after a subject ("Critics accused Obama")."""
    left = text[max(sent_start, accepted[-1][0] - 40):accepted[-1][0]]
    lw = LAST_WORD_RE.search(left)
    return (lw is not None and lw.group(1)[-1] not in ",;:(\u2014\u2013\"\u201c"
            and norm_word(lw.group(1)) not in actor_words()["before_epithet"])


def _is_pre_title(text: str, accepted: list[_Word], sent_start: int) -> bool:
    """Is a run of label words a pre-title: with a head, touching the name, not a verb?"""
    lex = actor_lexicon()
    norms = [a[2] for a in accepted]
    if not any(_heads(n) for n in norms):
        return False
    # the word touching the name must be a label word ("Russian Deputy Foreign Minister")
    if accepted[0][2] not in lex["label_words"] and not _heads(accepted[0][2]) and "of" not in norms:
        return False
    if all(n in lex["epithets"] and n.endswith(("ed", "en")) for n in norms):
        return not _participle_is_verb(text, accepted, sent_start)
    return True


def pre_labels(text: str, sent_start: int, ms: int, lower_words: set[str], title_case: bool = False) -> list[Label]:
    """The label right before a mention starting at ``ms`` (pre-title, possessive or honorific).

    In a Title Case headline only lexicon words can be part of a label ("Meets" is not).

    Examples
    --------
    >>> text = "Talks with ousted regime leader Bashar al-Assad resumed."
    >>> [text[lab.start:lab.end] for lab in pre_labels(text, 0, 32, set())]
    ['ousted regime leader']
    """
    if ms == 0 or not text[ms - 1] in " \t\u00a0":
        return []
    words = _words_before(text, sent_start, ms)
    if not words or not _nearest_word_ok(text, ms, words[0]):
        return []
    first_s, first_e, first = words[0]
    n0 = norm_word(first)
    if n0 in actor_lexicon()["honorifics"]:
        return [Label("honorific", first_s, first_e)]
    if POSSESSIVE_RE.search(first) and n0 not in actor_stopwords() and n0 not in actor_lexicon()["determiners"]:
        return _possessive_label(text, words, sent_start, lower_words)
    accepted = _label_words(text, words, ms, sent_start, lower_words, title_case)
    if not accepted or not _is_pre_title(text, accepted, sent_start):
        return []
    return [Label("pre-title", accepted[-1][0], accepted[0][1])]


# --------------------------------------------------------------------------- after the name

_APPOSITIVE_END_RE = re.compile(r"[,;:()\[\]\u2014\u2013\"\u201c\u201d]|\s-\s")
_RELATIVE_RE = re.compile(r"\s(?:who|whom|whose|which|that|since|after|before|when|while)\b")


def _appositive_span(text: str, after: int, sent_end: int) -> tuple[int, int] | None:
    """(start, end) of the phrase after ", " that follows a name ending at ``after``."""
    m = re.match(r"[ \t\u00a0]*,[ \t\u00a0]+", text[after:sent_end])
    if m is None:
        return None
    start = after + m.end()
    end_m = _APPOSITIVE_END_RE.search(text, start, sent_end)
    end = end_m.start() if end_m is not None else sent_end
    rel = _RELATIVE_RE.search(text, start, end)
    if rel is not None:
        end = rel.start()
    phrase = text[start:end].rstrip()
    while phrase and phrase[-1] in ".!?\u2026":
        phrase = phrase[:-1].rstrip()
    if not phrase:
        return None
    return start, start + len(phrase)


def _appositive_head(n: str) -> bool:
    lex = actor_lexicon()
    last = n.rpartition("-")[2]
    if POSSESSIVE_RE.search(n):
        return False
    return n in lex["titles"] or n in lex["epithets"] or last in lex["titles"] or last in lex["epithets"]


def _names_another_person(words: list[str], norms: list[str]) -> bool:
    """Another titled name: a list of people, not an appositive ("..., former RNC Co-Chairwoman Ann Wagner")."""
    abbreviated = actor_lexicon()["abbreviated_titles"]
    for k in range(1, len(words) - 1):
        if (is_title_word(words[k - 1]) or norms[k - 1] in abbreviated) and all(
                is_upper_word(w) and not is_label_word(w) for w in words[k:k + 2]):
            return True
    return False


def _is_appositive(words: list[str]) -> bool:
    """Is a phrase (given as its words) a noun phrase with a title or epithet?"""
    lex = actor_lexicon()
    rule_words = actor_words()
    if not 1 <= len(words) <= 12:
        return False
    norms = [norm_word(w) for w in words]
    n0 = norms[0]
    if n0 in rule_words["appositive_bad_start"] or any(ch.isdigit() for ch in words[0]):
        return False
    if any(n in rule_words["appositive_verbs"] for n in norms):
        return False  # a clause, not a noun phrase: "According to Brenner, loyalist snipers had used ..."
    first_ok = (n0 in ("the", "a", "an") or n0 in lex["label_words"] or POSSESSIVE_RE.search(words[0]) is not None
                or n0.rpartition("-")[2] in lex["label_words"])
    if not first_ok or not any(_appositive_head(n) for n in norms):
        return False
    return not _names_another_person(words, norms)


def appositive(text: str, after: int, sent_end: int) -> Label | None:
    """", the ousted regime leader of Syria," right after a mention ending at ``after``.

    Examples
    --------
    >>> text = "Bashar al-Assad, the ousted regime leader of Syria, fled."
    >>> lab = appositive(text, 15, len(text))
    >>> text[lab.start:lab.end]
    'the ousted regime leader of Syria'
    """
    span = _appositive_span(text, after, sent_end)
    if span is None:
        return None
    start, end = span
    if not _is_appositive(text[start:end].split()):
        return None
    return Label("appositive", start, end)


# --------------------------------------------------------------------------- one mention


def labels_of_mention(m: Mention, sentences: Sequence[tuple[int, int]], lower_words: set[str]) -> list[Label]:
    """The labels of a mention: a pre-title, possessive or honorific before it, an appositive after."""
    text = m.part.text
    sent = next(((s, e) for s, e in sentences if s <= m.start < e), (0, len(text)))
    nxt = NEXT_LOWER_WORD_RE.match(text[m.poss_end:m.poss_end + 40])
    if m.poss_end == m.end and nxt is not None and is_label_word(nxt.group(1)):
        return []  # the name modifies a noun: "a former Mitt Romney campaign adviser"
    labels = pre_labels(text, sent[0], m.start, lower_words, is_title_case(text))
    if m.poss_end == m.end:
        app = appositive(text, m.end, sent[1])
        if app is not None:
            labels.append(app)
    return labels

"""Sources in subject position: a name with its appositions, or a noun phrase after an inverted cue.

:func:`appositive_subject` reads "Sterling Pratt, wine director at Schaefer's, said" back from the
comma before the cue; :func:`np_like` tells a noun phrase ('said the spokesman') from a clause
('said he will').
"""

from __future__ import annotations

import re

from ._lexicon import lexicons, word_lists
from ._phrases import np_left, strip_span

__all__ = ["appositive_subject", "np_like"]

_HEAD_CUT_RE = re.compile(r",|\s(?:who|which|that|whose)\s")

Span = tuple[int, int]


def appositive_subject(text: str, lo: int, comma: int) -> Span | None:
    """For "Name, apposition, ..., said": the span from the name to the end of the appositions.

    ``comma`` is the position of the comma right before the cue. Comma-separated
    descriptions ('a teacher', '59', 'of Ashton', 'Md.', 'who ...') are skipped back
    to the noun phrase they describe; "One of his advisers, Tad Devine, told ..." (a
    description, then the name) is accepted too.
    """
    commas = _commas_back(text, lo, comma)
    # commas[0] is the one before the cue; segment i lies between commas[i+1] and commas[i]
    i = 0
    while i + 1 < len(commas):
        seg = text[commas[i + 1] + 1:commas[i]]
        if len(seg) > 160 or not _appositive_like(seg):
            break
        i += 1
    if i == 0:
        # no description right before the cue: maybe 'a description, Name, said'
        return _description_then_name(text, lo, comma, commas)
    # commas[i] ends the head noun phrase
    start_lo = commas[i + 1] + 1 if i + 1 < len(commas) else lo
    head = np_left(text, start_lo, commas[i])
    if head is None:
        return None
    words = text[head[0]:head[1]].split()
    if len(words) > 10 or not any(w[:1].isupper() for w in words):
        return None
    return head[0], strip_span(text, commas[i], comma)[1]


def _commas_back(text: str, lo: int, comma: int) -> list[int]:
    """``comma`` and up to six commas before it (not before ``lo``), nearest first."""
    commas = [comma]
    k = comma
    for _ in range(6):
        prev = text.rfind(",", lo, k)
        if prev < 0:
            break
        commas.append(prev)
        k = prev
    return commas


def _appositive_like(seg: str) -> bool:
    """A comma segment that describes a name: 'a nurse', '59', 'of Ashton', 'Md.', 'who ...'."""
    seg = seg.strip()
    if not seg or any(c in seg for c in "\"“”«»"):
        return False
    first = seg.split()[0]
    if first.lower() in word_lists().appositive_not_openers:
        return False
    return (first[:1].islower() or first in ("The", "A", "An") or first[:1].isdigit()
            or first.rstrip(".").lower() in lexicons().role_words
            or (len(seg) <= 6 and seg.endswith(".") and seg[:1].isupper()))  # a state: 'Md.', 'Calif.'


def _description_then_name(text: str, lo: int, comma: int, commas: list[int]) -> Span | None:
    """'One of his advisers, Tad Devine, told ...': the description and the name after it."""
    prev = commas[1] if len(commas) > 1 else -1
    if prev < 0:
        return None
    app_words = text[prev + 1:comma].strip().split()
    particles = word_lists().name_particles
    if not app_words or len(app_words) > 5 or not all(
            w[:1].isupper() or w.lower() in particles for w in app_words):
        return None
    pp = commas[2] if len(commas) > 2 else -1
    head = np_left(text, pp + 1 if pp >= 0 else lo, prev)
    if head is None or not _describes_a_person(text[head[0]:head[1]].split()):
        return None
    return head[0], strip_span(text, prev, comma)[1]


def _describes_a_person(words: list[str]) -> bool:
    """Words that describe a person: 'One of his advisers', 'a spokesman', 'Obama's aide', 'the party chair'."""
    w0 = words[0].lower()
    return len(words) <= 10 and (w0 in word_lists().description_openers
                                 or words[0][:1].islower() or words[0].endswith(("’s", "'s"))
                                 or len(words) >= 2 and words[-1].lower() in lexicons().role_words)


def np_like(text: str, span: Span) -> bool:
    """A right-hand source looks like a noun phrase, not a clause ('said the spokesman' vs 'said he will')."""
    words = text[span[0]:span[1]].split()
    if not words:
        return False
    lists = word_lists()
    if words[0].lower() in lists.pronoun_subjects:
        return False
    head = _HEAD_CUT_RE.split(text[span[0]:span[1]])[0].split()
    if len(head) > 8:
        return False
    if any(w.lower() in lists.finite for w in head):
        return False
    # 'said Clinton lied': a past tense right after a name
    return not any(k > 0 and head[k - 1][:1].isupper() and w.islower() and w.endswith("ed") and len(w) > 3
                   for k, w in enumerate(head))

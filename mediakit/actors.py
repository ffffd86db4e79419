"""Actors: who is named, with which labels, and how each outlet's sentences treat them.

Framing is often in the words attached to a person: "ousted regime leader Assad",
"Syrian President Bashar al-Assad", "strongman", "Mr. Assad". This module finds the
people an article names, merges the variants of each name and reads the label next to
every mention; it also measures sentiment *toward* each person from the sentences that
mention them, with a target-aware variant of VADER.

* :func:`discover_actors` — the people named in a corpus: frequent capitalised
  multi-word names, their variants merged (Bashar al-Assad, al-Assad, Assad, Mr. Assad).
* :func:`actor_labels` — one row per mention and label: the title or epithet before
  the name ('pre-title'), a possessive ('possessive'), an appositive after it
  ('appositive') or a courtesy title ('honorific'); headline, body and captions.
* :func:`actor_label_summary` — per outlet and actor, the distribution of labels.
* :func:`actor_sentences`, :func:`actor_sentiment`, :func:`actor_sentiment_summary` —
  sentiment toward each actor per sentence, per article and per outlet.
* :func:`target_sentiment` — the target-aware score of one sentence toward a span of it.
* :func:`evaluate_target_sentiment` — macro-F1 of a method on a NewsMTSC file;
  ``python -m mediakit.actors evaluate --split dev-rw`` prints it.

Everything is rules and lexicons (``mediakit/lexicons/actor_titles.yaml``); no trained
model. Inputs are never modified; tables are tidy pandas DataFrames. The method, the
NewsMTSC measurements and the known failure modes are in ``docs/actors.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ._resources import read_resource_text
from .schema import validate_articles
from .text import split_sentences

__all__ = [
    "LABEL_COLUMNS",
    "LABEL_KINDS",
    "LABEL_SUMMARY_COLUMNS",
    "SENTENCE_COLUMNS",
    "SENTIMENT_COLUMNS",
    "SENTIMENT_SUMMARY_COLUMNS",
    "TARGET_NEGATIVE_THRESHOLD",
    "TARGET_POSITIVE_THRESHOLD",
    "TargetSentimentEvaluation",
    "actor_label_summary",
    "actor_labels",
    "actor_lexicon",
    "actor_sentences",
    "actor_sentiment",
    "actor_sentiment_summary",
    "discover_actors",
    "evaluate_target_sentiment",
    "main",
    "target_sentiment",
]

#: Columns of :func:`actor_labels`, in order.
LABEL_COLUMNS = (
    "article_id", "outlet", "part", "caption", "mention_id", "actor", "mention",
    "mention_start", "mention_end", "label", "label_kind", "label_start", "label_end",
)
#: Values of ``label_kind``.
LABEL_KINDS = ("pre-title", "possessive", "appositive", "honorific")
#: Columns of :func:`actor_label_summary` (after the grouping column(s)).
LABEL_SUMMARY_COLUMNS = ("actor", "label", "label_kind", "count", "share", "n_mentions", "share_of_mentions")
#: Columns of :func:`actor_sentences`, in order.
SENTENCE_COLUMNS = (
    "article_id", "outlet", "part", "caption", "actor", "sentence_start", "sentence_end",
    "sentence", "n_mentions", "score", "polarity",
)
#: Columns of :func:`actor_sentiment`, in order.
SENTIMENT_COLUMNS = (
    "article_id", "outlet", "actor", "n_mentions", "n_sentences", "n_negative", "n_positive",
    "mean_score", "share_negative", "share_positive",
)
#: Columns of :func:`actor_sentiment_summary` (after the grouping column(s)).
SENTIMENT_SUMMARY_COLUMNS = (
    "actor", "n_articles", "n_mentions", "n_sentences", "mean_score", "sentence_mean_score",
    "share_negative", "share_positive",
)

#: Target-aware method: a score at least this is positive toward the target (tuned on
#: NewsMTSC train only; see docs/actors.md).
TARGET_POSITIVE_THRESHOLD = 0.10
#: Target-aware method: a score at most this is negative toward the target (tuned on train).
TARGET_NEGATIVE_THRESHOLD = -0.10
#: Whole-sentence baseline: VADER's own convention (not tuned).
SENTENCE_POSITIVE_THRESHOLD = 0.05
SENTENCE_NEGATIVE_THRESHOLD = -0.05

_METHODS = ("target", "sentence")
_PARTS = ("title", "text", "captions")
_PART_RANK = {"title": 0, "text": 1, "caption": 2}


# =========================================================================== lexicon


def _norm(word: str) -> str:
    """Lower case, straight apostrophes, no surrounding quotes or brackets."""
    return word.replace("\u2019", "'").replace("\u2018", "'").strip("\"'\u201c\u201d()[]").lower()


@lru_cache(maxsize=1)
def actor_lexicon() -> dict[str, Any]:
    """Return the actor lexicon of ``mediakit/lexicons/actor_titles.yaml`` (loaded once, cached).

    Returns
    -------
    dict
        ``titles``, ``modifiers``, ``epithets``, ``honorifics``, ``abbreviated_titles``,
        ``nationalities``, ``hyphen_prefixes``, ``name_particles``, ``name_suffixes``,
        ``not_person``, ``place_starts``, ``calendar``, ``determiners``: frozensets of
        lower-case words (straight apostrophes); ``label_words``: every word that may stand
        in a pre-name label; ``sentiment_add`` (dict word -> valence) and
        ``sentiment_neutral`` (frozenset): the news adjustments of VADER's lexicon.

    Examples
    --------
    >>> lex = actor_lexicon()
    >>> "leader" in lex["titles"], "ousted" in lex["epithets"], "mr." in lex["honorifics"]
    (True, True, True)
    """
    import yaml

    raw = yaml.safe_load(read_resource_text("mediakit.lexicons", "actor_titles.yaml"))
    out: dict[str, Any] = {}
    extra_modifiers: set[str] = set()
    for key in ("titles", "modifiers", "epithets", "honorifics", "abbreviated_titles", "nationalities",
                "hyphen_prefixes", "name_particles", "name_suffixes", "not_person", "place_starts",
                "calendar", "determiners"):
        words: set[str] = set()
        for entry in raw.get(key) or []:
            w = _norm(str(entry))
            if " " in w:
                extra_modifiers.update(w.split())
            else:
                words.add(w)
        out[key] = words
    out["modifiers"] |= extra_modifiers
    for key in list(out):
        out[key] = frozenset(out[key])
    out["label_words"] = (out["titles"] | out["modifiers"] | out["epithets"] | out["nationalities"]
                          | out["abbreviated_titles"])
    sent = raw.get("target_sentiment") or {}
    out["sentiment_add"] = {_norm(str(k)): float(v) for k, v in (sent.get("add") or {}).items()}
    out["sentiment_neutral"] = frozenset(_norm(str(w)) for w in sent.get("neutral") or [])
    return out


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    words = set()
    for line in read_resource_text("mediakit.lexicons", "stopwords_en.txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.lower())
    from .text import _STARTERS  # common sentence openers ("Meanwhile", "Officials")

    words |= {w.lower() for w in _STARTERS}
    return frozenset(words)


# =========================================================================== tokens and names

#: A word: letters/digits with inner hyphens, apostrophes and periods ("al-Assad", "U.S.",
#: "Assad's", "Jr."); a trailing period is kept here and judged later.
_TOKEN_RE = re.compile(r"[^\W_](?:[\w\-'\u2019.]*[\w.])?")
_POSSESSIVE_RE = re.compile(r"(?:['\u2019]s|s['\u2019])\Z")
_INITIAL_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?\Z")
_SPACE_RE = re.compile(r"[ \t\u00a0]+\Z")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"


class _Tok(NamedTuple):
    start: int
    end: int  # end of the name part (without a possessive "'s")
    text: str  # the name part as written
    possessive: bool
    full_end: int  # end of the token as written


def _is_upper_word(word: str) -> bool:
    for ch in word:
        if ch.isalpha():
            return ch.isupper()
    return False


def _tokens(text: str) -> list[_Tok]:
    """Word tokens of ``text`` with a trailing sentence period removed and possessives marked."""
    lex = actor_lexicon()
    keep_period = lex["honorifics"] | lex["abbreviated_titles"] | lex["name_suffixes"] | lex["calendar"]
    out = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        if word.endswith(".") and _norm(word) not in keep_period and not _INITIAL_RE.match(word):
            e -= 1
            word = word[:-1]
            while word.endswith("."):
                e -= 1
                word = word[:-1]
            if not word:
                continue
        poss = _POSSESSIVE_RE.search(word)
        if poss is not None and len(word) > 2:
            cut = 2 if word[-2] in "'\u2019" else 1
            out.append(_Tok(s, e - cut, word[:-cut], True, e))
        else:
            out.append(_Tok(s, e, word, False, e))
    return out


def _nameish(tok: _Tok, nxt: _Tok | None) -> bool:
    """Can ``tok`` be part of a capitalised name run?"""
    w = tok.text
    first = w[0]
    if first.islower() and "-" not in w and len(w) > 5:
        return False  # an ordinary lower-case word (particles are short)
    lex = actor_lexicon()
    if any(ch.isdigit() for ch in w):
        return False
    if _is_upper_word(w):
        # "Louis-based", "Kremlin-backed" are not names; "Wal-Mart", "Jean-Claude" can be
        return not ("-" in w and not _is_upper_word(w.rpartition("-")[2]))
    low = _norm(w)
    if "-" in low:  # "al-Assad", "bin-Laden"
        head, _, rest = low.partition("-")
        return head in lex["name_particles"] and _is_upper_word(w[len(head) + 1:])
    # a lower-case particle inside a name: "bin Salman", "van der Leyen"
    return low in lex["name_particles"] and nxt is not None and not tok.possessive


def _name_runs(text: str) -> list[list[_Tok]]:
    """Runs of capitalised tokens separated only by spaces; a possessive ends its run."""
    toks = _tokens(text)
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        joinable = nxt is not None and _SPACE_RE.match(text, t.full_end, nxt.start) is not None
        if _nameish(t, nxt if joinable else None):
            if cur and (cur[-1].possessive or _SPACE_RE.match(text, cur[-1].full_end, t.start) is None):
                runs.append(cur)
                cur = []
            cur.append(t)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    # a run cannot end with a lower-case particle
    return [r for r in (_trim_particles(r) for r in runs) if r]


def _trim_particles(run: list[_Tok]) -> list[_Tok]:
    while run and not _is_upper_word(run[-1].text) and "-" not in run[-1].text:
        run = run[:-1]
    return run


def _surname_forms(last: str) -> list[str]:
    """Surface forms a last name can be mentioned by alone: "al-Assad" -> ["al-Assad", "Assad"]."""
    lex = actor_lexicon()
    forms = [last]
    head, sep, rest = last.partition("-")
    if sep and head.lower() in lex["name_particles"] and rest:
        forms.append(rest)
    return forms


def _name_key(tokens: Sequence[str]) -> tuple[str, str | None]:
    """(surname key, first-name key) of a name given as its words."""
    lex = actor_lexicon()
    words = list(tokens)
    suffix = ""
    if len(words) > 1 and _norm(words[-1]) in lex["name_suffixes"]:
        suffix = " " + _norm(words[-1]).rstrip(".")
        words = words[:-1]
    last = _norm(words[-1])
    head, sep, rest = last.partition("-")
    if sep and head in lex["name_particles"] and rest:
        last = rest
    first = _norm(words[0]) if len(words) > 1 else None
    return last + suffix, first


@lru_cache(maxsize=4096)
def _is_title_case(text: str) -> bool:
    """True for a headline in Title Case: names cannot be read from capital letters there.

    At least three quarters of the words of four or more letters that do not open a
    sentence are capitalised (a body sentence full of names is not Title Case: it still
    has lower-case verbs and nouns).
    """
    words = []
    for m in re.finditer(r"[^\W\d_][\w'\u2019\-]*", text):
        w = m.group()
        if len(w) < 4:
            continue
        before = text[max(0, m.start() - 3):m.start()].rstrip(" \t\u00a0\"'\u201c\u2018")
        if not before or before[-1] in ".!?\n\u2022":
            continue  # opens a sentence or a line
        words.append(w)
    if len(words) < 3:
        return False
    return sum(_is_upper_word(w) for w in words) / len(words) >= 0.75


@lru_cache(maxsize=1024)
def _sentence_starts(text: str) -> frozenset[int]:
    """Offsets where a sentence (or a quotation opening it) starts."""
    starts = set()
    for span in split_sentences(text):
        p = span.start
        starts.add(p)
        while p < span.end and (text[p] in _QUOTES or text[p] in "([\u2014\u2013-" or text[p].isspace()):
            p += 1
            starts.add(p)
    return frozenset(starts)


#: Title words that are mostly adjectives ("a progressive Washington think tank"): not evidence
#: that the next word is a person.
_ADJECTIVAL_TITLES = frozenset(
    "progressive conservative liberal socialist communist nationalist populist independent native national "
    "republican democrat moderate veteran senior junior chief general major star resident citizen member "
    "official executive".split()
)


def _is_title_word(word: str, *, epithets: bool = True) -> bool:
    """A title, honorific or (with ``epithets``) epithet: "President", "Mr.", "ousted"; not "Russian".

    Without ``epithets`` (evidence that the next word is a person), adjectival titles
    ("progressive", "native") do not count either.
    """
    lex = actor_lexicon()
    w = _norm(word)
    last = w.rpartition("-")[2]
    if not epithets and (w in _ADJECTIVAL_TITLES or last in _ADJECTIVAL_TITLES):
        return False
    if w in lex["titles"] or w in lex["honorifics"] or w in lex["abbreviated_titles"] or last in lex["titles"]:
        return True
    return epithets and (w in lex["epithets"] or last in lex["epithets"])


def _is_label_word(word: str) -> bool:
    lex = actor_lexicon()
    w = _norm(word)
    if w in lex["label_words"] or w in lex["honorifics"]:
        return True
    head, sep, rest = w.rpartition("-")
    return bool(sep) and head in lex["hyphen_prefixes"] and rest in lex["label_words"]


class _Candidate(NamedTuple):
    article: int
    part_rank: int
    offset: int
    words: tuple[str, ...]
    titled: bool  # a title, honorific or epithet stands right before it


def _person_run(words: Sequence[str]) -> bool:
    """Does a multi-word capitalised run look like a person's name?"""
    lex = actor_lexicon()
    if not 2 <= len(words) <= 5:
        return False
    norms = [_norm(w) for w in words]
    if norms[0] in lex["place_starts"] or norms[0] in lex["name_particles"]:
        return False
    stop = _stopwords()
    if any(n in stop and n not in lex["name_particles"] for n in norms):
        return False  # "Running For President In", "Ultimately I"
    for w, n in zip(words, norms):
        if n.rstrip(".") in lex["not_person"] or n in lex["not_person"] or n in lex["calendar"]:
            return False
        letters = [c for c in w if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters) and n not in lex["name_suffixes"] \
                and not _INITIAL_RE.match(w):
            return False  # an acronym: "NBC News"
    last = norms[-1]
    if all(_is_label_word(w) for w in words) or last in lex["modifiers"] or last in lex["nationalities"] \
            or last in lex["abbreviated_titles"] or last in lex["honorifics"]:
        return False  # "Open Doors Relief", "St. Louis-based U.S."
    return True


def _candidates_of_part(text: str, article: int, part_rank: int, lower_words: set[str],
                        out: list[_Candidate], solo: Counter[str]) -> None:
    """Append the person-name candidates of one part (headline, body or caption).

    ``solo`` counts the capitalised words that stand alone (a one-word run), to tell a
    place before a surname ("in Morvania Roszak was staying") from a first name.
    """
    lex = actor_lexicon()
    if not text or _is_title_case(text):
        return
    starts = _sentence_starts(text)
    stop = _stopwords()
    for run in _name_runs(text):
        # split at calendar words ("Dec. 9", "Monday")
        pieces: list[list[_Tok]] = [[]]
        for t in run:
            if _norm(t.text) in lex["calendar"]:
                pieces.append([])
            else:
                pieces[-1].append(t)
        for piece in pieces:
            if not piece:
                continue
            titled = False
            # a common word that is capitalised only because it opens the sentence
            first = _norm(piece[0].text)
            if piece[0].start in starts and not _is_label_word(piece[0].text) and (
                first in stop or first in lower_words
                or (len(first) > 5 and first.endswith(("ing", "ed", "ly")))  # "Neighboring Estrenia"
            ):
                piece = piece[1:]
            # titles, nationalities and honorifics are labels, not the name: the name starts
            # after the last of them ("Maine Gov. Paul LePage"; not in "Martin Luther King Jr.")
            cut = 0
            for k, t in enumerate(piece[:-1]):
                if (_is_label_word(t.text) or _norm(t.text) in stop) and any(
                        _norm(u.text) not in lex["name_suffixes"] for u in piece[k + 1:]):
                    cut = k + 1
            if cut:
                titled = any(_is_title_word(t.text, epithets=False) for t in piece[:cut])
                piece = piece[cut:]
            piece = _trim_particles(piece)
            if not piece:
                continue
            words = tuple(t.text for t in piece)
            if len(words) == 1:
                solo[_norm(words[0])] += 1
                if _is_label_word(words[0]) or _norm(words[0]) in stop:
                    continue
                if not titled:
                    titled = _titled_before(text, piece[0].start, epithets=False)
                if not titled:
                    continue
                n = _norm(words[0])
                letters = [c for c in words[0] if c.isalpha()]
                if n in lex["not_person"] or (len(letters) > 1 and all(c.isupper() for c in letters)):
                    continue
                nxt = re.match(r"[ \t\u00a0]+([^\W\d_][\w\-]*)", text[piece[0].full_end:piece[0].full_end + 40])
                if nxt is not None and _norm(nxt.group(1)) in lex["not_person"]:
                    continue  # "the notorious Hollin prison"
            elif not _person_run(words):
                continue
            out.append(_Candidate(article, part_rank, piece[0].start, words, titled))


_WORD_BEFORE_RE = re.compile(r"(\S+)[ \t\u00a0]+\Z")


def _titled_before(text: str, pos: int, *, epithets: bool = True) -> bool:
    """Is the word right before ``pos`` a title, honorific (or epithet): "leader Assad"?"""
    m = _WORD_BEFORE_RE.search(text, max(0, pos - 60), pos)
    return m is not None and _is_title_word(m.group(1), epithets=epithets)


# =========================================================================== inputs


class _Part(NamedTuple):
    article: int  # position of the article in the input
    kind: str  # 'title', 'text' or 'caption'
    caption: int | None
    text: str


def _cell_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _parts_of(articles: pd.DataFrame, parts: Sequence[str] = _PARTS) -> list[list[_Part]]:
    """The searchable parts of each article, in order: title, text, captions."""
    n = len(articles)
    titles = articles["title"].tolist() if "title" in articles.columns and "title" in parts else [None] * n
    texts = articles["text"].tolist() if "text" in parts else [None] * n
    caps = articles["captions"].tolist() if "captions" in articles.columns and "captions" in parts else [None] * n
    out = []
    for i in range(n):
        ps = []
        t = _cell_text(titles[i])
        if t.strip():
            ps.append(_Part(i, "title", None, t))
        b = _cell_text(texts[i])
        if b.strip():
            ps.append(_Part(i, "text", None, b))
        c = caps[i]
        if isinstance(c, (list, tuple, np.ndarray)):
            for k, cap in enumerate(c):
                if isinstance(cap, str) and cap.strip():
                    ps.append(_Part(i, "caption", k, cap))
        out.append(ps)
    return out


def _check_parts(parts: Sequence[str] | str) -> tuple[str, ...]:
    if isinstance(parts, str):
        parts = (parts,)
    parts = tuple(parts)
    bad = [p for p in parts if p not in _PARTS]
    if bad or not parts:
        raise ValueError(f"parts must be a non-empty subset of {_PARTS}, got {parts!r}")
    return parts


def _check_articles(articles: pd.DataFrame) -> None:
    validate_articles(articles)


def _lower_words(all_parts: list[list[_Part]]) -> set[str]:
    """Every word the corpus writes in lower case (to tell "Yesterday" from a name)."""
    words: set[str] = set()
    for ps in all_parts:
        for p in ps:
            words.update(w.replace("\u2019", "'") for w in re.findall(r"\b[a-z][a-z'\u2019\-]*", p.text))
    return words


# =========================================================================== actors


@dataclass(frozen=True)
class _Actors:
    """Canonical name -> variants, and variant -> canonical names (ambiguous surnames map to several)."""

    variants: dict[str, tuple[str, ...]]
    by_variant: dict[str, tuple[str, ...]]
    multiword: frozenset[str]  # canonicals with more than one word
    weight: dict[str, int]  # corpus frequency, to break ties between canonicals
    anchored: bool = False  # a surname alone counts only in articles that name the person fully


def _actors_from_user(actors: Sequence[str] | Mapping[str, Iterable[str]] | str) -> _Actors:
    if isinstance(actors, str):
        actors = [actors]
    variants: dict[str, list[str]] = {}
    if isinstance(actors, Mapping):
        for canon, vs in actors.items():
            if not isinstance(canon, str) or not canon.strip():
                raise ValueError(f"actor names must be non-empty strings, got {canon!r}")
            if isinstance(vs, str):
                vs = [vs]
            forms = [canon.strip()] + [v.strip() for v in vs if isinstance(v, str) and v.strip()]
            variants[canon.strip()] = list(dict.fromkeys(forms))
    else:
        for canon in actors:
            if not isinstance(canon, str) or not canon.strip():
                raise ValueError(f"actor names must be non-empty strings, got {canon!r}")
            canon = " ".join(canon.split())
            words = canon.split()
            forms = [canon]
            if len(words) > 1:
                last = words[-1]
                if _norm(last) in actor_lexicon()["name_suffixes"] and len(words) > 2:
                    last = words[-2]
                forms += _surname_forms(last)
            variants[canon] = list(dict.fromkeys(forms))
    return _build_actors(variants, {c: 0 for c in variants})


def _build_actors(variants: dict[str, list[str]], weight: dict[str, int], anchored: bool = False) -> _Actors:
    by_variant: dict[str, list[str]] = defaultdict(list)
    for canon, vs in variants.items():
        for v in vs:
            if canon not in by_variant[v]:
                by_variant[v].append(canon)
    return _Actors(
        variants={c: tuple(v) for c, v in variants.items()},
        by_variant={v: tuple(cs) for v, cs in by_variant.items()},
        multiword=frozenset(c for c in variants if len(c.split()) > 1),
        weight=dict(weight),
        anchored=anchored,
    )


def _discover(all_parts: list[list[_Part]]) -> tuple[_Actors, set[str]]:
    """Candidate actors of a corpus (before the min_mentions filter) and its lower-case words."""
    lower = _lower_words(all_parts)
    cands: list[_Candidate] = []
    solo: Counter[str] = Counter()
    for ps in all_parts:
        for p in ps:
            _candidates_of_part(p.text, p.article, _PART_RANK[p.kind], lower, cands, solo)
    groups: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
    order: dict[str, int] = {}
    for k, c in enumerate(cands):
        surface = " ".join(c.words)
        groups[_name_key(c.words)][surface] += 1
        order.setdefault(surface, k)
    # single titled words ("President Roszak") join the most frequent full name with that surname
    full_by_surname: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for key in groups:
        if key[1] is not None:
            full_by_surname[key[0]].append(key)
    # a "first name" that mostly stands alone is a place or an organisation before a surname
    # ("where in Morvania Roszak was staying"), when a more frequent full name has that surname
    for surname, keys in full_by_surname.items():
        if len(keys) < 2:
            continue
        top = max(sum(groups[g].values()) for g in keys)
        for g in list(keys):
            n = sum(groups[g].values())
            if n < top and solo[g[1] or ""] > n:
                del groups[g]
                keys.remove(g)
    for key in [k for k in groups if k[1] is None]:
        fulls = full_by_surname.get(key[0])
        if fulls:
            best = max(fulls, key=lambda k: sum(groups[k].values()))
            groups[best].update(groups.pop(key))
    variants: dict[str, list[str]] = {}
    weight: dict[str, int] = {}
    for key, surfaces in groups.items():
        multi = [s for s in surfaces if len(s.split()) > 1]
        pool = multi or list(surfaces)
        canon = max(pool, key=lambda s: (surfaces[s], len(s), -order[s]))
        forms = sorted(surfaces, key=lambda s: (-len(s), s))
        words = canon.split()
        if len(words) > 1:
            last = words[-1]
            if _norm(last) in actor_lexicon()["name_suffixes"]:
                last = ""  # "Donald Trump Jr." is not "Trump"
            if last:
                for s in multi:
                    forms += _surname_forms(s.split()[-1])
        if canon in variants:  # same surface from two keys: keep the first
            continue
        variants[canon] = sorted(dict.fromkeys(forms), key=lambda f: (-len(f.split()), -len(f)))
        weight[canon] = sum(surfaces.values())
    return _build_actors(variants, weight, anchored=True), lower


class _Match(NamedTuple):
    start: int
    end: int  # end of the name
    poss_end: int  # end including a possessive "'s" (== end without one)
    surface: str


#: Where a name can start: a letter not preceded by a word character, hyphen, apostrophe or period.
_WORD_START_RE = re.compile(r"(?<![\w\-'\u2019.])[^\W\d_][\w\-]*")
#: After a name: an optional possessive, then no word character or hyphen.
_NAME_END_RE = re.compile(r"(['\u2019]s|(?<=s)['\u2019](?!\w))?(?![\w\-])")


class _Matcher:
    """Finds the variants of the actors in a text (longest variant first, no overlaps).

    Variants are indexed by their first word, so a text is scanned once, word by word,
    whatever the number of actors (one regular expression with thousands of
    alternatives is much slower). Spaces inside a variant match any run of white space.
    """

    def __init__(self, variants: Iterable[str]) -> None:
        self.by_key: dict[str, list[tuple[str, re.Pattern[str] | None]]] = defaultdict(list)
        for v in sorted(set(variants), key=lambda v: (-len(v), v)):
            key = re.match(r"[\w\-]+", v)
            if key is None or not v[0].isalpha():
                continue
            multi = re.compile(r"\s+".join(re.escape(w) for w in v.split())) if len(v.split()) > 1 else None
            self.by_key[key.group()].append((v, multi))

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def finditer(self, text: str) -> Iterable[_Match]:
        last = 0
        for m in _WORD_START_RE.finditer(text):
            s = m.start()
            if s < last:
                continue
            # the key is the first word up to an apostrophe or period ("O" for "O'Brien")
            cands = self.by_key.get(m.group())
            if not cands:
                continue
            for v, multi in cands:
                if multi is None:
                    if not text.startswith(v, s):
                        continue
                    e = s + len(v)
                else:
                    mm = multi.match(text, s)
                    if mm is None:
                        continue
                    e = mm.end()
                tail = _NAME_END_RE.match(text, e)
                if tail is None:
                    continue
                yield _Match(s, e, tail.end(), v)
                last = tail.end()
                break


class _Mention(NamedTuple):
    part: _Part
    start: int
    end: int
    poss_end: int  # end including a possessive "'s"
    surface: str
    actor: str


def _find_mentions(ps: list[_Part], actors: _Actors, pattern: _Matcher,
                   lower_words: set[str]) -> list[_Mention]:
    """Mentions of the actors in one article's parts, ambiguous surnames resolved in context."""
    if not pattern:
        return []
    lex = actor_lexicon()
    stop = _stopwords()
    raw: list[tuple[_Part, int, int, int, str, tuple[str, ...]]] = []
    anchors: set[str] = set()
    for p in ps:
        text = p.text
        title_case = _is_title_case(text)
        starts: frozenset[int] | None = None
        for m in pattern.finditer(text):
            s, e = m.start, m.end
            surface = m.surface  # the variant matched (spaces as in the variant)
            canons = actors.by_variant.get(m.surface, ())
            if not canons:
                continue
            single = " " not in surface.strip() and any(c in actors.multiword for c in canons)
            if single:
                # part of a longer name ("Hafez al-Assad" is not "Assad")?
                wb = _WORD_BEFORE_RE.search(text, max(0, s - 60), s)
                if wb is not None and not title_case:
                    prev = wb.group(1)
                    pn = _norm(prev)
                    if (_is_upper_word(prev) and not _is_label_word(prev) and pn not in stop
                            and not _POSSESSIVE_RE.search(prev) and prev[-1] not in ",;:.!?\u201d\"')"):
                        continue
                    if pn in lex["name_particles"]:
                        continue
                after = re.match(r"[ \t\u00a0]+([^\W\d_][\w\-]*\.?)", text[m.poss_end:m.poss_end + 40])
                if after is not None and m.poss_end == m.end and _is_upper_word(after.group(1)):
                    nn = _norm(after.group(1))
                    if nn in lex["not_person"]:
                        continue  # "Clinton Foundation", "Trump Tower"
                    if not title_case and nn not in lex["calendar"] and not _is_label_word(after.group(1)) \
                            and nn not in stop:
                        continue  # a first name: "Patrick T. McHenry" is not Deval Patrick
                if starts is None:
                    starts = _sentence_starts(text)
                low = _norm(surface)
                if s in starts and (low in stop or low in lower_words):
                    continue  # "Price" opening a sentence is the word, not Tom Price
            if " " not in surface.strip():
                if _titled_before(text, s, epithets=False):
                    anchors.update(canons)  # "President Obama", "Mr. Assad"
            else:
                anchors.update(canons)
            raw.append((p, s, e, m.poss_end, surface, canons))
    if actors.anchored:
        # a surname alone ("Israel", "Fox") names a discovered actor only in an article that
        # also names them in full or with a title (a one-word actor: with a title)
        kept = []
        for item in raw:
            canons = item[5]
            if " " not in item[4].strip():
                canons = tuple(c for c in canons if c in anchors)
                if not canons:
                    continue
            kept.append(item[:5] + (canons,))
        raw = kept
    # resolve surfaces shared by several actors: nearest unambiguous mention in the article
    sure = [(_PART_RANK[p.kind], p.caption or 0, s, canons[0]) for p, s, e, pe, surf, canons in raw
            if len(canons) == 1]
    out = []
    for p, s, e, pe, surface, canons in raw:
        if len(canons) == 1:
            actor = canons[0]
        else:
            here = (_PART_RANK[p.kind], p.caption or 0, s)
            earlier = [x for x in sure if x[:3] < here and x[3] in canons]
            later = [x for x in sure if x[:3] > here and x[3] in canons]
            if earlier:
                actor = max(earlier)[3]
            elif later:
                actor = min(later)[3]
            else:
                actor = max(canons, key=lambda c: (actors.weight.get(c, 0), -canons.index(c)))
        out.append(_Mention(p, s, e, pe, surface, actor))
    return out


def _resolve_actors(actors: Any, min_mentions: int,
                    all_parts: list[list[_Part]]) -> tuple[_Actors, list[list[_Mention]], set[str]]:
    """The actors to report, every article's mentions of them, and the corpus's lower-case words."""
    if isinstance(min_mentions, bool) or not isinstance(min_mentions, (int, np.integer)) or min_mentions < 1:
        raise ValueError(f"min_mentions must be a positive int, got {min_mentions!r}")
    if actors is None:
        found, lower = _discover(all_parts)
        pattern = _Matcher(found.by_variant)
        counts: Counter[str] = Counter()
        for ps in all_parts:
            counts.update(m.actor for m in _find_mentions(ps, found, pattern, lower))
        keep = {c: list(v) for c, v in found.variants.items() if counts[c] >= min_mentions}
        chosen = _build_actors(keep, {c: counts[c] for c in keep}, anchored=True)
    else:
        if not isinstance(actors, (str, Mapping, list, tuple, set, frozenset, pd.Series, pd.Index)):
            raise TypeError(f"actors must be None, a list of names or a dict {{name: [variants]}}, "
                            f"got {type(actors).__name__}")
        chosen = _actors_from_user(actors if isinstance(actors, (str, Mapping)) else list(actors))
        lower = _lower_words(all_parts)
    pattern = _Matcher(chosen.by_variant)
    mentions = [_find_mentions(ps, chosen, pattern, lower) for ps in all_parts]
    return chosen, mentions, lower


def discover_actors(articles: pd.DataFrame, *, min_mentions: int = 3,
                    parts: Sequence[str] = _PARTS) -> pd.DataFrame:
    """Find the people a corpus names and merge the variants of each name.

    A candidate is a run of capitalised words (name particles such as "al-", "bin",
    "van der" allowed) of two to five words, after leading titles, nationalities and
    honorifics are taken off ("Russian Deputy Foreign Minister Sergei Ryabkov" gives
    "Sergei Ryabkov"), that is not an organisation, a place or an event (it has no word
    such as "Court", "News", "Street", "War", and does not start with "New", "North",
    ...), not an acronym, and not a sentence-initial common word (a capitalised word at
    the start of a sentence is dropped when the corpus also writes it in lower case or it
    is a function word). A single word counts only right after a title or honorific
    ("President Roszak", "Mr. Kell"). Title Case headlines are not read for candidates
    (every word is capitalised there), but names found elsewhere are matched in them.

    Names with the same surname and first name are one actor (Bashar al-Assad, Bashar
    Assad); the canonical form is the most frequent multi-word form. The surname alone
    ("al-Assad", "Assad", "Mr. Assad") is a variant; when two actors share it (Hillary and
    Bill Clinton) a surname-only mention goes to the actor named in full nearest before it
    in the same article (headline, then body, then captions), else the nearest after it,
    else the more frequent one in the corpus.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table (``article_id``, ``text``; ``title`` and ``captions`` are searched
        when present). Not modified.
    min_mentions : int, default 3
        Keep actors mentioned (under any variant) at least this often in the corpus.
    parts : sequence of {'title', 'text', 'captions'}
        Parts searched.

    Returns
    -------
    pandas.DataFrame
        One row per actor: ``actor`` (canonical name), ``n_mentions``, ``n_articles``
        and ``variants`` (tuple of the forms matched, longest first), most mentioned first.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Talks with Assad"],
    ...     "text": ["Syrian President Bashar al-Assad met envoys. Mr. Assad said al-Assad's "
    ...              "rule was stable."]})
    >>> discover_actors(arts, min_mentions=2)
                actor  n_mentions  n_articles                         variants
    0  Bashar al-Assad           4           1  (Bashar al-Assad, al-Assad, Assad)
    """
    _check_articles(articles)
    parts = _check_parts(parts)
    all_parts = _parts_of(articles, parts)
    chosen, mentions, _ = _resolve_actors(None, min_mentions, all_parts)
    n_m: Counter[str] = Counter()
    n_a: Counter[str] = Counter()
    for ms in mentions:
        n_m.update(m.actor for m in ms)
        n_a.update({m.actor for m in ms})
    rows = [(c, n_m[c], n_a[c], tuple(chosen.variants[c])) for c in chosen.variants]
    rows.sort(key=lambda r: (-r[1], r[0]))
    out = pd.DataFrame(rows, columns=["actor", "n_mentions", "n_articles", "variants"])
    return out.astype({"n_mentions": "int64", "n_articles": "int64"})


# =========================================================================== labels


class _Label(NamedTuple):
    kind: str
    start: int
    end: int


_TRAILING_STOP = tuple(",;:)]}\u201d\"!?")
#: Words after which a participle ("ousted", "accused") before a name is an epithet, not a verb.
_BEFORE_EPITHET = frozenset(
    "the a an this that these those his her its their our my your of for to with by from in on at against "
    "about after before under over between among like as than into toward towards via without including "
    "involving behind near and or nor but".split()
)
_LEADING_STOP = tuple("([{\u201c\"")


def _pre_labels(text: str, sent_start: int, ms: int, lower_words: set[str], title_case: bool = False) -> list[_Label]:
    """The label right before a mention starting at ``ms`` (pre-title, possessive or honorific).

    In a Title Case headline only lexicon words can be part of a label ("Meets" is not).
    """
    lex = actor_lexicon()
    stop = _stopwords()
    if ms == 0 or not text[ms - 1] in " \t\u00a0":
        return []
    toks = list(re.finditer(r"\S+", text[sent_start:ms]))
    if not toks:
        return []
    # the words to the left, nearest first: (start, end, token as written)
    words = [(sent_start + t.start(), sent_start + t.end(), t.group()) for t in reversed(toks)]
    # they must be separated by spaces only (no line break inside a label)
    first_s, first_e, first = words[0]
    if _SPACE_RE.match(text, first_e, ms) is None:
        return []
    if first.endswith(_TRAILING_STOP) or first.endswith("\u2019") and not _POSSESSIVE_RE.search(first):
        return []
    if first[0] in _LEADING_STOP and not (first[-1] in _QUOTES and len(first) > 2):
        return []
    n0 = _norm(first)
    if n0 in lex["honorifics"]:
        return [_Label("honorific", first_s, first_e)]
    if _POSSESSIVE_RE.search(first) and n0 not in stop and n0 not in lex["determiners"]:
        # "Syria's Bashar al-Assad", "Saudi Arabia's Mohammed bin Salman"
        start = first_s
        for s, e, w in words[1:]:
            if (_is_upper_word(w) and not w.endswith(_TRAILING_STOP) and w[0] not in _LEADING_STOP
                    and _norm(w) not in stop and _SPACE_RE.match(text, e, start) is not None
                    and not (s == sent_start and _norm(w) in lower_words)):
                start = s
            else:
                break
        if not _is_upper_word(text[start:first_e]):
            return []
        return [_Label("possessive", start, first_e)]
    accepted: list[tuple[int, int, str]] = []
    right = ms
    for s, e, w in words:
        if _SPACE_RE.match(text, e, right) is None:
            break
        core = w.strip(_QUOTES)
        if not core:
            break
        if accepted and (w.endswith(_TRAILING_STOP) or w[-1] in _QUOTES and w[0] not in _QUOTES):
            break
        if accepted and w[0] in _LEADING_STOP and not (w[-1] in _QUOTES and w[0] in _QUOTES):
            break
        n = _norm(core)
        head, sep, last = n.rpartition("-")
        lexical = (n in lex["label_words"]
                   or (bool(sep) and last in lex["label_words"] and (head in lex["hyphen_prefixes"] or
                                                                     head in lex["label_words"])))
        if n in lex["determiners"] or n in lex["honorifics"] or _POSSESSIVE_RE.search(core):
            break
        if lexical:
            accepted.append((s, e, n))
        elif n == "of" and accepted and _is_upper_word(text[accepted[-1][0]:accepted[-1][1]]):
            accepted.append((s, e, n))  # "Secretary of State", "Minister of Defence"
        elif (accepted and not title_case and _is_upper_word(core) and n not in stop and n not in lex["calendar"]
              and not (s == sent_start and (n in lower_words or n in stop))
              and not any(ch.isdigit() for ch in core)):
            accepted.append((s, e, n))  # "Wall Street Journal reporter", "Kremlin spokesman"
        else:
            break
        right = s
    # "of" belongs to a title only between a title and a capitalised word ("Secretary of State");
    # "regime of Valdorian strongman" is cut to "Valdorian strongman"
    for k, (_, _, n) in enumerate(accepted):
        if n == "of" and (k + 1 >= len(accepted) or accepted[k + 1][2] not in lex["titles"]):
            accepted = accepted[:k]
            break
    if not accepted:
        return []
    norms = [a[2] for a in accepted]

    def heads(n: str) -> bool:
        last = n.rpartition("-")[2]
        return (n in lex["titles"] or n in lex["epithets"] or n in lex["nationalities"]
                or n in lex["abbreviated_titles"] or last in lex["titles"] or last in lex["epithets"])

    if not any(heads(n) for n in norms):
        return []
    # the word touching the name must be a label word ("Russian Deputy Foreign Minister")
    if accepted[0][2] not in lex["label_words"] and not heads(accepted[0][2]):
        if "of" not in norms:
            return []
    # "ousted", "accused", "jailed" are labels after "of", "the", "and" or at the start
    # ("Portraits of ousted Bashar al-Assad"), verbs after a subject ("Critics accused Obama")
    if all(n in lex["epithets"] and n.endswith(("ed", "en")) for n in norms):
        left = text[max(sent_start, accepted[-1][0] - 40):accepted[-1][0]]
        lw = re.search(r"(\S+)\s+\Z", left)
        if lw is not None and lw.group(1)[-1] not in ",;:(\u2014\u2013\"\u201c" and \
                _norm(lw.group(1)) not in _BEFORE_EPITHET:
            return []
    return [_Label("pre-title", accepted[-1][0], accepted[0][1])]


_APPOSITIVE_END_RE = re.compile(r"[,;:()\[\]\u2014\u2013\"\u201c\u201d]|\s-\s")
_RELATIVE_RE = re.compile(r"\s(?:who|whom|whose|which|that|since|after|before|when|while)\b")
_APPOSITIVE_VERBS = frozenset(
    "is are was were be been being has have had will would can could should may might must did does do "
    "said says say told tells added adds isn't wasn't aren't weren't hasn't haven't hadn't won't".split()
)
_APPOSITIVE_BAD_START = frozenset(
    "who whom whose which that and or but nor said says told added according as while when where "
    "if because who's is was has had have will would could should may might".split()
)


def _appositive(text: str, after: int, sent_end: int) -> _Label | None:
    """", the ousted regime leader of Syria," right after a mention ending at ``after``."""
    lex = actor_lexicon()
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
    end = start + len(phrase)
    words = phrase.split()
    if not 1 <= len(words) <= 12:
        return None
    norms = [_norm(w) for w in words]
    n0 = norms[0]
    if n0 in _APPOSITIVE_BAD_START or any(ch.isdigit() for ch in words[0]):
        return None
    if any(n in _APPOSITIVE_VERBS for n in norms):
        return None  # a clause, not a noun phrase: "According to Brenner, loyalist snipers had used ..."
    first_ok = (n0 in ("the", "a", "an") or n0 in lex["label_words"] or _POSSESSIVE_RE.search(words[0]) is not None
                or n0.rpartition("-")[2] in lex["label_words"])
    if not first_ok:
        return None

    def head(n: str) -> bool:
        last = n.rpartition("-")[2]
        if _POSSESSIVE_RE.search(n):
            return False
        return n in lex["titles"] or n in lex["epithets"] or last in lex["titles"] or last in lex["epithets"]

    if not any(head(n) for n in norms):
        return None
    # another titled name: a list of people, not an appositive ("..., former RNC Co-Chairwoman Ann Wagner")
    for k in range(1, len(words) - 1):
        if (_is_title_word(words[k - 1]) or norms[k - 1] in lex["abbreviated_titles"]) and all(
                _is_upper_word(w) and not _is_label_word(w) for w in words[k:k + 2]):
            return None
    return _Label("appositive", start, end)


def _labels_of_mention(m: _Mention, sentences: Sequence[tuple[int, int]], lower_words: set[str]) -> list[_Label]:
    text = m.part.text
    sent = next(((s, e) for s, e in sentences if s <= m.start < e), (0, len(text)))
    nxt = re.match(r"[ \t\u00a0]+([a-z][\w\-]*)", text[m.poss_end:m.poss_end + 40])
    if m.poss_end == m.end and nxt is not None and _is_label_word(nxt.group(1)):
        return []  # the name modifies a noun: "a former Mitt Romney campaign adviser"
    labels = _pre_labels(text, sent[0], m.start, lower_words, _is_title_case(text))
    if m.poss_end == m.end:
        app = _appositive(text, m.end, sent[1])
        if app is not None:
            labels.append(app)
    return labels


@lru_cache(maxsize=1024)
def _sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in split_sentences(text))


def _empty(columns: Sequence[str], dtypes: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=dtypes.get(c, "object")) for c in columns})


_LABEL_DTYPES = {"caption": "Int64", "mention_id": "int64", "mention_start": "int64", "mention_end": "int64",
                 "label_start": "Int64", "label_end": "Int64"}


def actor_labels(articles: pd.DataFrame, actors: Sequence[str] | Mapping[str, Iterable[str]] | None = None, *,
                 min_mentions: int = 3, parts: Sequence[str] = _PARTS) -> pd.DataFrame:
    """Return every mention of an actor with the label attached to it.

    Headline (``title``), body (``text``) and ``captions`` are searched; each row says
    which part it comes from. Labels (see ``docs/actors.md``):

    - ``'pre-title'``: the run of title, epithet, nationality and modifier words right
      before the name, as in "ousted regime leader Assad", "Russian Deputy Foreign
      Minister Sergei Ryabkov", "President Vladimir Putin", "former U.S. Marine Paul
      Whelan", "Secretary of State ...". The run is read leftwards from the name and
      stops at a determiner ("the", "a", "his"; never included), a possessive, a comma
      or other punctuation, the start of the sentence, or any other word (a verb, a
      preposition). Capitalised words inside the run are kept ("Wall Street Journal
      reporter"). It must contain a title, an epithet or a nationality.
    - ``'possessive'``: "Syria's" in "Syria's Bashar al-Assad".
    - ``'appositive'``: ", the ousted regime leader of Syria," after the name: a phrase
      after a comma, starting with "the"/"a"/"an", a possessive or a label word,
      containing a title or epithet, ending at the next comma, dash, bracket or the end
      of the sentence (a relative clause, "who ...", is cut off). It keeps its determiner.
    - ``'honorific'``: "Mr.", "Mrs.", "Ms.", "Dr." right before the name.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table with ``article_id`` and ``text``; ``title``, ``captions`` (lists
        of str) and ``outlet`` are used when present. Not modified.
    actors : list of str, dict or None, default None
        None: find the actors (:func:`discover_actors`). A list of names: each name is
        an actor, matched as written and by its last word ("Bashar al-Assad" also matches
        "al-Assad", "Assad", "Mr. Assad"). A dict ``{canonical: [variants]}``: exactly
        those forms (and the canonical name) are matched.
    min_mentions : int, default 3
        With ``actors=None``, keep actors mentioned at least this often in the corpus.
    parts : sequence of {'title', 'text', 'captions'}
        Parts searched.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`LABEL_COLUMNS`: ``article_id``, ``outlet``, ``part`` ('title',
        'text' or 'caption'), ``caption`` (index into ``captions``, NA otherwise),
        ``mention_id`` (0-based number of the mention within the article), ``actor``
        (canonical name), ``mention`` (as written, without a possessive "'s"),
        ``mention_start``/``mention_end`` (offsets into that part), ``label`` (as
        written), ``label_kind`` (:data:`LABEL_KINDS`), ``label_start``/``label_end``.
        One row per mention and label: a mention without a label has one row with NA
        label columns; a mention with a label before and an appositive after has two rows
        with the same ``mention_id``. Ordered by article, part, offset.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
    ...     "title": ["Asylum for ousted regime leader Assad"],
    ...     "text": ["Bashar al-Assad, the ousted regime leader of Syria, fled. "
    ...              "President Vladimir Putin agreed."],
    ...     "captions": [["A picture of Syria's Bashar al-Assad."]]})
    >>> out = actor_labels(arts, ["Bashar al-Assad", "Vladimir Putin"])
    >>> out[["part", "mention", "label", "label_kind"]]
          part          mention                              label  label_kind
    0    title            Assad               ousted regime leader   pre-title
    1     text  Bashar al-Assad  the ousted regime leader of Syria  appositive
    2     text   Vladimir Putin                          President   pre-title
    3  caption  Bashar al-Assad                            Syria's  possessive
    >>> out["actor"].tolist()
    ['Bashar al-Assad', 'Bashar al-Assad', 'Vladimir Putin', 'Bashar al-Assad']
    """
    _check_articles(articles)
    parts = _check_parts(parts)
    all_parts = _parts_of(articles, parts)
    chosen, mentions, lower = _resolve_actors(actors, min_mentions, all_parts)
    ids = articles["article_id"].tolist()
    outlets = articles["outlet"].tolist() if "outlet" in articles.columns else [pd.NA] * len(articles)
    rows: list[tuple[Any, ...]] = []
    for i, ms in enumerate(mentions):
        if not ms:
            continue
        ms = sorted(ms, key=lambda m: (_PART_RANK[m.part.kind], m.part.caption or 0, m.start))
        bounds: dict[tuple[str, int | None], tuple[tuple[int, int], ...]] = {}
        for k, m in enumerate(ms):
            key = (m.part.kind, m.part.caption)
            if key not in bounds:
                bounds[key] = _sentence_bounds(m.part.text)
            caption = pd.NA if m.part.caption is None else m.part.caption
            base = (ids[i], outlets[i], m.part.kind, caption, k, m.actor, m.part.text[m.start:m.end],
                    m.start, m.end)
            labels = _labels_of_mention(m, bounds[key], lower)
            if not labels:
                rows.append(base + (pd.NA, pd.NA, pd.NA, pd.NA))
            for lab in labels:
                rows.append(base + (m.part.text[lab.start:lab.end], lab.kind, lab.start, lab.end))
    if not rows:
        return _empty(LABEL_COLUMNS, _LABEL_DTYPES)
    out = pd.DataFrame(rows, columns=list(LABEL_COLUMNS))
    return out.astype(_LABEL_DTYPES)


def _normalize_label(label: str) -> str:
    return " ".join(label.replace("\u2019", "'").replace("\u2018", "'").split()).lower()


def actor_label_summary(labels: pd.DataFrame, by: str | Sequence[str] | None = "outlet", *,
                        normalize: bool = True) -> pd.DataFrame:
    """Per group (outlet) and actor: which labels are used, how often, and their share.

    Parameters
    ----------
    labels : pandas.DataFrame
        Output of :func:`actor_labels`. Not modified.
    by : str, list of str or None, default 'outlet'
        Grouping column(s); None pools the whole table. Missing values (an article
        without an outlet) form their own group.
    normalize : bool, default True
        Count labels case-insensitively, with curly apostrophes made straight and
        spaces collapsed ("President" and "president" are one label, written in lower
        case). False counts labels exactly as written.

    Returns
    -------
    pandas.DataFrame
        The grouping column(s), then :data:`LABEL_SUMMARY_COLUMNS`: ``actor``, ``label``,
        ``label_kind``, ``count`` (label rows), ``share`` (of the labels of that actor in
        that group; sums to 1), ``n_mentions`` (mentions of the actor in the group,
        labelled or not) and ``share_of_mentions`` (``count / n_mentions``). Ordered by
        group, actor, descending count, label.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "text": ["Strongman Assad fled. President Bashar al-Assad left.",
    ...              "Syrian President Bashar al-Assad left. Assad spoke."]})
    >>> labs = actor_labels(arts, ["Bashar al-Assad"])
    >>> actor_label_summary(labs)[["outlet", "label", "count", "share", "share_of_mentions"]]
      outlet             label  count  share  share_of_mentions
    0      X         president      1    0.5                0.5
    1      X         strongman      1    0.5                0.5
    2      Y  syrian president      1    1.0                0.5
    """
    if not isinstance(labels, pd.DataFrame):
        raise TypeError(f"labels must be a DataFrame from actor_labels, got {type(labels).__name__}")
    missing = [c for c in ("actor", "label", "label_kind", "article_id", "mention_id") if c not in labels.columns]
    if missing:
        raise ValueError(f"labels lacks column(s) {missing}; pass the output of actor_labels")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    bad = [k for k in keys if k not in labels.columns]
    if bad:
        raise ValueError(f"grouping column(s) {bad} not in the table; columns: {list(labels.columns)}")
    columns = keys + list(LABEL_SUMMARY_COLUMNS)
    df = labels[keys + ["article_id", "mention_id", "actor", "label", "label_kind"]].copy()
    gkeys = keys + ["actor"]
    mentions = (df.drop_duplicates(keys + ["article_id", "mention_id", "actor"])
                .groupby(gkeys, dropna=False, sort=False).size().rename("n_mentions"))
    lab = df[df["label"].notna()].copy()
    if lab.empty:
        return _empty(columns, {"count": "int64", "share": "float64", "n_mentions": "int64",
                                "share_of_mentions": "float64"})
    lab["label"] = lab["label"].astype(str)
    if normalize:
        lab["label"] = lab["label"].map(_normalize_label)
    counts = lab.groupby(gkeys + ["label", "label_kind"], dropna=False, sort=False).size().rename("count")
    out = counts.reset_index()
    totals = out.groupby(gkeys, dropna=False, sort=False)["count"].transform("sum")
    out["share"] = out["count"] / totals
    out = out.merge(mentions.reset_index(), on=gkeys, how="left")
    out["share_of_mentions"] = out["count"] / out["n_mentions"]
    out = out.sort_values(gkeys + ["count", "label"], ascending=[True] * len(gkeys) + [False, True],
                          kind="mergesort", na_position="last")
    out = out[columns].reset_index(drop=True)
    return out.astype({"count": "int64", "n_mentions": "int64", "share": "float64",
                       "share_of_mentions": "float64"})


# =========================================================================== target sentiment

# Parameters of the target-aware score, tuned on NewsMTSC train (docs/actors.md).
_DECAY = 15.0  # word weight exp(-distance / _DECAY), distance in words from the target
_CLAUSE = 0.8  # weight factor per clause boundary between a word and the target ...
_MAX_CLAUSES = 3  # ... counted up to this many
_SPEAKER_POS = 0.4  # target speaks a quotation: its positive words count this much ...
_SPEAKER_NEG = 0.0  # ... and its negative words this much
_OUTSIDE_QUOTE = 0.4  # target inside a quotation: words outside it count this much
_NEG_SCALE = 1.5  # negative valences are scaled by this
_ALPHA = 15.0  # VADER's normalisation constant: score = s / sqrt(s^2 + alpha)

_WS_TOKEN_RE = re.compile(r"\S+")
_STRIP = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + "\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u00ab\u00bb"
_STRAIGHT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
#: Clause boundaries: punctuation, subordinating and coordinating words, relative pronouns.
_CLAUSE_RE = re.compile(
    r"[;:()\[\]\u2014\u2013]|\s-\s|,|\s(?:but|while|whereas|although|though|yet|because|which|who|whom|"
    r"whose|after|before|when|since|unless|if|that)\s",
    re.IGNORECASE,
)
_SAY_AFTER_RE = re.compile(
    r"[\s,]*(?:(?:also|then|later|previously|recently|once|has|had|have)\s+)*(?:said|says|say|told|tells|added|"
    r"adds|wrote|writes|tweeted|tweets|argued|argues|explained|insisted|noted|notes|continued|asked|asks|"
    r"stated|declared|responded|replied|warned|warns|claimed|claims|posted|recalled|joked|acknowledged|"
    r"admitted)\b",
    re.IGNORECASE,
)
_SAY_BEFORE_RE = re.compile(
    r"\b(?:said|says|told|added|wrote|tweeted|argued|according\s+to|asked|stated|declared|warned|claimed)"
    r"\s*,?\s*\Z",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _news_lexicon() -> dict[str, float]:
    """VADER's lexicon with the news adjustments of ``actor_titles.yaml``."""
    from .metrics.sentiment import _analyzer

    lexicon = dict(_analyzer().lexicon)
    lex = actor_lexicon()
    lexicon.update(lex["sentiment_add"])
    for w in lex["sentiment_neutral"]:
        lexicon.pop(w, None)
    return lexicon


def _word_valences(words: list[str]) -> list[float]:
    """VADER's valence of each word in context (negation, boosters, caps), news lexicon."""
    from .metrics import sentiment as vs

    vs._analyzer()  # binds VADER's rule tables
    lexicon = _news_lexicon()
    lw = [w.lower() for w in words]
    n = len(words)
    cap = vs._allcap_differential(words)
    out = [0.0] * n
    for i, w in enumerate(lw):
        if w not in lexicon or w in vs._BOOSTERS or (i < n - 1 and w == "kind" and lw[i + 1] == "of"):
            continue
        out[i] = float(vs._valence(words, lw, i, lexicon, cap))
    # a capitalised sentiment word inside a run of capitalised words is part of a name
    # ("Supreme Court", "Hope Hicks", "Grand Old Party"), unless the sentence is in Title Case
    caps = [_is_upper_word(w) for w in words]
    alpha = sum(1 for w in words if w[:1].isalpha())
    if alpha and sum(caps) / alpha < 0.6:
        for i in range(1, n):
            if out[i] and caps[i] and ((i > 1 and caps[i - 1]) or (i < n - 1 and caps[i + 1])):
                out[i] = 0.0
    return out


def _quote_spans(sentence: str) -> list[tuple[int, int]]:
    """Double-quoted stretches of a sentence (an unclosed quotation runs to the end)."""
    spans = []
    open_at = -1
    for i, ch in enumerate(sentence):
        if ch == "\u201c" or (ch == '"' and open_at < 0):
            if open_at < 0:
                open_at = i
        elif ch in "\u201d\"" and open_at >= 0:
            spans.append((open_at, i + 1))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, len(sentence)))
    return spans


def _target_score(sentence: str, start: int, end: int) -> float:
    """Target-aware score in [-1, 1] of ``sentence`` toward ``sentence[start:end]``."""
    toks = [(m.start(), m.end(), m.group()) for m in _WS_TOKEN_RE.finditer(sentence)]
    if not toks:
        return 0.0
    words = []
    for _, _, t in toks:
        t2 = t.translate(_STRAIGHT)
        s2 = t2.strip(_STRIP)
        words.append(t2 if len(s2) <= 2 else s2)
    v = np.array(_word_valences(words), dtype=float)
    if not v.any():
        return 0.0
    n = len(toks)
    starts = np.array([a for a, _, _ in toks])
    inside = [i for i, (a, b, _) in enumerate(toks) if a < end and b > start]
    if not inside:
        inside = [int(np.argmin(np.abs(starts - start)))]
    lo, hi = min(inside), max(inside)
    idx = np.arange(n)
    dist = np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0)).astype(float)
    v[lo:hi + 1] = 0.0  # the target's own words ("Strongman", "Justice Kennedy") say nothing
    # clause boundaries between each word and the target
    bounds = np.array([m.start() for m in _CLAUSE_RE.finditer(sentence)], dtype=int)
    before = np.searchsorted(bounds, starts)
    t_lo = np.searchsorted(bounds, start)
    t_hi = np.searchsorted(bounds, max(start, end - 1))
    n_bounds = np.where(before < t_lo, t_lo - before, np.where(before > t_hi, before - t_hi, 0))
    w = np.exp(-dist / _DECAY) * np.power(_CLAUSE, np.minimum(n_bounds, _MAX_CLAUSES))
    # quotations: who speaks, and is the target quoted?
    quotes = _quote_spans(sentence)
    if quotes:
        def quote_of(p: int) -> int:
            for k, (a, b) in enumerate(quotes):
                if a <= p < b:
                    return k
            return -1

        tq = quote_of(start)
        wq = np.array([quote_of(int(a)) for a in starts])
        if tq < 0:
            speaker = (_SAY_AFTER_RE.match(sentence, end) is not None
                       or _SAY_BEFORE_RE.search(sentence, 0, start) is not None)
            if speaker:
                in_q = wq >= 0
                w = np.where(in_q & (v < 0), w * _SPEAKER_NEG, np.where(in_q & (v > 0), w * _SPEAKER_POS, w))
        else:
            w = np.where(wq < 0, w * _OUTSIDE_QUOTE, w)
    v = np.where(v < 0, v * _NEG_SCALE, v)
    s = float((v * w).sum())
    return s / math.sqrt(s * s + _ALPHA)


def _sentence_score(sentence: str) -> float:
    from .metrics.sentiment import sentence_sentiment

    return sentence_sentiment(sentence)["compound"]


def _polarity(score: float, method: str) -> int:
    if method == "target":
        pos, neg = TARGET_POSITIVE_THRESHOLD, TARGET_NEGATIVE_THRESHOLD
    else:
        pos, neg = SENTENCE_POSITIVE_THRESHOLD, SENTENCE_NEGATIVE_THRESHOLD
    return 1 if score >= pos else -1 if score <= neg else 0


def _check_method(method: str) -> str:
    if method not in _METHODS:
        raise ValueError(f"method must be one of {_METHODS}, got {method!r}")
    return method


def target_sentiment(sentence: str, start: int, end: int, *, method: str = "target") -> dict[str, float]:
    """Sentiment of one sentence toward the target ``sentence[start:end]``.

    ``method='target'`` (target-aware): VADER's word valences (its negation, booster and
    capitalisation rules), with a news lexicon (``actor_titles.yaml``, ``target_sentiment``),
    weighted by closeness to the target: ``exp(-d / 15)`` for a word ``d`` words away,
    times 0.8 for each clause boundary between them (comma, semicolon, dash, bracket, "but",
    "while", "which", "who", ... up to 3). When the target speaks a quotation ('"...," X
    said'), the quotation's negative words do not count and its positive words count 0.4;
    when the target is inside a quotation, the words outside it count 0.4. The target's own
    words and capitalised words inside names ("Supreme Court") score 0; negative valences
    are multiplied by 1.5. The weighted sum ``s`` is normalised like VADER's compound,
    ``s / sqrt(s^2 + 15)``. Positive at >= 0.10, negative at <= -0.10 (tuned on NewsMTSC
    train). ``method='sentence'`` is the baseline: VADER's compound of the whole sentence,
    ignoring the target, with VADER's own thresholds +/-0.05.

    Parameters
    ----------
    sentence : str
        One sentence.
    start, end : int
        Character offsets of the target in ``sentence`` (clipped to it).
    method : {'target', 'sentence'}, default 'target'

    Returns
    -------
    dict
        ``score`` (in [-1, 1]) and ``polarity`` (-1, 0 or 1).

    Examples
    --------
    The speaker of a quotation is not what the quotation condemns:

    >>> s = '"The deal is a disaster," Smith said.'
    >>> target_sentiment(s, 26, 31), target_sentiment(s, 26, 31, method="sentence")
    ({'score': 0.0, 'polarity': 0}, {'score': -0.6249, 'polarity': -1})

    Words near the target weigh more (but the weighting is gentle, see docs/actors.md):

    >>> s = ("Jones, a former aide, was jailed for fraud in 2019 after a long trial in the "
    ...      "capital; his old rival Smith was re-elected.")
    >>> target_sentiment(s, 0, 5)["score"], target_sentiment(s, 100, 105)["score"]
    (-0.602, -0.1989)
    """
    if not isinstance(sentence, str):
        raise TypeError(f"sentence must be a str, got {type(sentence).__name__}")
    _check_method(method)
    start = max(0, min(int(start), len(sentence)))
    end = max(start, min(int(end), len(sentence)))
    score = _target_score(sentence, start, end) if method == "target" else _sentence_score(sentence)
    return {"score": round(score, 4), "polarity": _polarity(score, method)}


# =========================================================================== actor sentiment

_SENTENCE_DTYPES = {"caption": "Int64", "sentence_start": "int64", "sentence_end": "int64", "n_mentions": "int64",
                    "score": "float64", "polarity": "int64"}


def actor_sentences(articles: pd.DataFrame, actors: Sequence[str] | Mapping[str, Iterable[str]] | None = None, *,
                    method: str = "target", min_mentions: int = 3,
                    parts: Sequence[str] = _PARTS) -> pd.DataFrame:
    """Return one row per sentence and actor it mentions, with the sentiment toward that actor.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table (``article_id``, ``text``; ``title``, ``captions``, ``outlet``
        when present). Not modified.
    actors : list of str, dict or None, default None
        As in :func:`actor_labels`.
    method : {'target', 'sentence'}, default 'target'
        See :func:`target_sentiment`. With 'target' a sentence that mentions the actor
        several times scores the mean over its mentions.
    min_mentions : int, default 3
        As in :func:`actor_labels`.
    parts : sequence of {'title', 'text', 'captions'}
        Parts searched (a headline and each caption are split into sentences too).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SENTENCE_COLUMNS`: ``article_id``, ``outlet``, ``part``,
        ``caption``, ``actor``, ``sentence_start``/``sentence_end`` (offsets into the
        part), ``sentence``, ``n_mentions`` (of the actor in the sentence), ``score``
        (in [-1, 1]) and ``polarity`` (-1, 0, 1).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [
    ...     "Critics called Smith corrupt. Jones praised the deal. Smith won."]})
    >>> actor_sentences(arts, ["Ann Smith", "Bo Jones"])[["actor", "sentence", "score", "polarity"]]
           actor                       sentence   score  polarity
    0  Ann Smith  Critics called Smith corrupt. -0.7954        -1
    1   Bo Jones        Jones praised the deal.  0.4693         1
    2  Ann Smith                     Smith won.  0.5463         1
    """
    _check_articles(articles)
    _check_method(method)
    parts = _check_parts(parts)
    all_parts = _parts_of(articles, parts)
    _, mentions, _ = _resolve_actors(actors, min_mentions, all_parts)
    ids = articles["article_id"].tolist()
    outlets = articles["outlet"].tolist() if "outlet" in articles.columns else [pd.NA] * len(articles)
    rows: list[tuple[Any, ...]] = []
    for i, ms in enumerate(mentions):
        groups: dict[tuple[int, int, int, int, str], list[_Mention]] = defaultdict(list)
        bounds: dict[tuple[str, int | None], tuple[tuple[int, int], ...]] = {}
        for m in ms:
            key = (m.part.kind, m.part.caption)
            if key not in bounds:
                bounds[key] = _sentence_bounds(m.part.text)
            sent = next(((s, e) for s, e in bounds[key] if s <= m.start < e), None)
            if sent is None:
                continue
            groups[(_PART_RANK[m.part.kind], m.part.caption or 0, sent[0], sent[1], m.actor)].append(m)
        for (rank, cap, ss, se, actor), group in sorted(groups.items(), key=lambda kv: kv[0]):
            part = group[0].part
            sentence = part.text[ss:se]
            if method == "target":
                score = float(np.mean([_target_score(sentence, m.start - ss, m.end - ss) for m in group]))
            else:
                score = _sentence_score(sentence)
            caption = pd.NA if part.caption is None else part.caption
            rows.append((ids[i], outlets[i], part.kind, caption, actor, ss, se, sentence, len(group),
                         round(score, 4), _polarity(score, method)))
    if not rows:
        return _empty(SENTENCE_COLUMNS, _SENTENCE_DTYPES)
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS)).astype(_SENTENCE_DTYPES)


_SENTIMENT_DTYPES = {"n_mentions": "int64", "n_sentences": "int64", "n_negative": "int64", "n_positive": "int64",
                     "mean_score": "float64", "share_negative": "float64", "share_positive": "float64"}


def actor_sentiment(articles: pd.DataFrame, actors: Sequence[str] | Mapping[str, Iterable[str]] | None = None, *,
                    method: str = "target", min_mentions: int = 3,
                    parts: Sequence[str] = _PARTS) -> pd.DataFrame:
    """Return the sentiment toward each actor in each article, from the sentences that mention them.

    Only sentences that mention the actor count, never the whole article; with
    ``method='target'`` each of those sentences is scored toward the mention (see
    :func:`target_sentiment`), so a sentence praising someone else next to a neutral
    mention of the actor scores near 0.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table. Not modified.
    actors : list of str, dict or None, default None
        As in :func:`actor_labels`.
    method : {'target', 'sentence'}, default 'target'
        Target-aware score, or whole-sentence VADER (the baseline).
    min_mentions : int, default 3
        As in :func:`actor_labels`.
    parts : sequence of {'title', 'text', 'captions'}
        Parts searched.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SENTIMENT_COLUMNS`: ``article_id``, ``outlet``, ``actor``,
        ``n_mentions``, ``n_sentences`` (sentences mentioning the actor), ``n_negative``,
        ``n_positive`` (of those sentences), ``mean_score`` (mean sentence score),
        ``share_negative``, ``share_positive``. One row per article and actor it
        mentions, in input order, then actor.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [
    ...     "Critics called Smith corrupt. Jones praised the deal. Smith won."]})
    >>> actor_sentiment(arts, ["Ann Smith", "Bo Jones"])[
    ...     ["actor", "n_sentences", "mean_score", "share_negative", "share_positive"]]
           actor  n_sentences  mean_score  share_negative  share_positive
    0  Ann Smith            2    -0.12455             0.5             0.5
    1   Bo Jones            1     0.46930             0.0             1.0
    """
    sents = actor_sentences(articles, actors, method=method, min_mentions=min_mentions, parts=parts)
    columns = list(SENTIMENT_COLUMNS)
    if sents.empty:
        return _empty(columns, _SENTIMENT_DTYPES)
    order = {aid: k for k, aid in enumerate(articles["article_id"].tolist())}
    df = sents.assign(_neg=(sents["polarity"] < 0).astype(int), _pos=(sents["polarity"] > 0).astype(int),
                      _order=sents["article_id"].map(order))
    g = df.groupby(["_order", "actor"], sort=True, dropna=False)
    out = pd.DataFrame({
        "article_id": g["article_id"].first(),
        "outlet": g["outlet"].first(),
        "n_mentions": g["n_mentions"].sum(),
        "n_sentences": g.size(),
        "n_negative": g["_neg"].sum(),
        "n_positive": g["_pos"].sum(),
        "mean_score": g["score"].mean(),
    }).reset_index()
    out["share_negative"] = out["n_negative"] / out["n_sentences"]
    out["share_positive"] = out["n_positive"] / out["n_sentences"]
    return out[columns].astype(_SENTIMENT_DTYPES).reset_index(drop=True)


def actor_sentiment_summary(sentiment: pd.DataFrame, by: str | Sequence[str] | None = "outlet") -> pd.DataFrame:
    """Aggregate :func:`actor_sentiment` per group (outlet) and actor.

    Parameters
    ----------
    sentiment : pandas.DataFrame
        Output of :func:`actor_sentiment`. Not modified.
    by : str, list of str or None, default 'outlet'
        Grouping column(s); None pools everything. Missing values form their own group.

    Returns
    -------
    pandas.DataFrame
        The grouping column(s), then :data:`SENTIMENT_SUMMARY_COLUMNS`: ``actor``,
        ``n_articles``, ``n_mentions``, ``n_sentences``, ``mean_score`` (mean of the
        articles' mean scores: each article counts once), ``sentence_mean_score``
        (mean over all sentences: long articles count more), ``share_negative`` and
        ``share_positive`` (of all the group's sentences about the actor).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"], "text": [
    ...     "Critics called Smith corrupt. Smith won.", "Smith praised the deal."]})
    >>> s = actor_sentiment(arts, ["Ann Smith"])
    >>> actor_sentiment_summary(s)[["outlet", "n_articles", "n_sentences", "share_positive"]]
      outlet  n_articles  n_sentences  share_positive
    0      X           2            3        0.666667
    """
    if not isinstance(sentiment, pd.DataFrame):
        raise TypeError(f"sentiment must be a DataFrame from actor_sentiment, got {type(sentiment).__name__}")
    need = ["actor", "n_mentions", "n_sentences", "n_negative", "n_positive", "mean_score"]
    missing = [c for c in need if c not in sentiment.columns]
    if missing:
        raise ValueError(f"sentiment lacks column(s) {missing}; pass the output of actor_sentiment")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    bad = [k for k in keys if k not in sentiment.columns]
    if bad:
        raise ValueError(f"grouping column(s) {bad} not in the table; columns: {list(sentiment.columns)}")
    columns = keys + list(SENTIMENT_SUMMARY_COLUMNS)
    dtypes = {"n_articles": "int64", "n_mentions": "int64", "n_sentences": "int64", "mean_score": "float64",
              "sentence_mean_score": "float64", "share_negative": "float64", "share_positive": "float64"}
    if sentiment.empty:
        return _empty(columns, dtypes)
    df = sentiment.assign(_wsum=sentiment["mean_score"] * sentiment["n_sentences"])
    g = df.groupby(keys + ["actor"], dropna=False, sort=True)
    out = pd.DataFrame({
        "n_articles": g.size(),
        "n_mentions": g["n_mentions"].sum(),
        "n_sentences": g["n_sentences"].sum(),
        "mean_score": g["mean_score"].mean(),
        "_wsum": g["_wsum"].sum(),
        "_neg": g["n_negative"].sum(),
        "_pos": g["n_positive"].sum(),
    }).reset_index()
    out["sentence_mean_score"] = out["_wsum"] / out["n_sentences"]
    out["share_negative"] = out["_neg"] / out["n_sentences"]
    out["share_positive"] = out["_pos"] / out["n_sentences"]
    return out[columns].astype(dtypes).reset_index(drop=True)


# =========================================================================== evaluation

_CLASSES = (-1, 0, 1)
_CLASS_NAMES = {-1: "negative", 0: "neutral", 1: "positive"}


@dataclass(frozen=True)
class TargetSentimentEvaluation:
    """Scores of a target-sentiment method on a NewsMTSC file.

    Attributes
    ----------
    method : str
        'target' or 'sentence'.
    path : str
        The file scored.
    n : int
        Rows scored.
    macro_f1 : float
        Mean of the three per-class F1 scores (the NewsMTSC paper's measure).
    accuracy : float
    per_class : pandas.DataFrame
        ``class`` (negative, neutral, positive), ``precision``, ``recall``, ``f1``, ``support``.
    confusion : pandas.DataFrame
        Counts, gold classes as rows, predicted as columns.
    thresholds : tuple of float
        (negative, positive) thresholds on the score.
    """

    method: str
    path: str
    n: int
    macro_f1: float
    accuracy: float
    per_class: pd.DataFrame
    confusion: pd.DataFrame
    thresholds: tuple[float, float]

    def summary(self) -> dict[str, Any]:
        """The scalar results as a dict (one row of a comparison table).

        Examples
        --------
        >>> import pandas as pd
        >>> e = TargetSentimentEvaluation("target", "x.jsonl", 2, 1.0, 1.0, pd.DataFrame(),
        ...                               pd.DataFrame(), (-0.1, 0.1))
        >>> e.summary()["macro_f1"]
        1.0
        """
        out: dict[str, Any] = {"method": self.method, "file": Path(self.path).name, "n": self.n,
                               "macro_f1": self.macro_f1, "accuracy": self.accuracy}
        for _, r in self.per_class.iterrows():
            out[f"f1_{r['class']}"] = r["f1"]
        return out


def _read_newsmtsc(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            for key in ("sentence", "from", "to", "polarity"):
                if key not in rec:
                    raise ValueError(f"{path}:{k}: NewsMTSC rows need 'sentence', 'from', 'to', 'polarity'")
            rows.append(rec)
    return rows


def evaluate_target_sentiment(path: str | os.PathLike[str], method: str = "target") -> TargetSentimentEvaluation:
    """Score a target-sentiment method on a NewsMTSC jsonl file.

    Each row of the file has ``sentence``, ``from``/``to`` (the target's character
    offsets) and ``polarity`` (-1, 0, 1). The method predicts a class for each row
    (:func:`target_sentiment`); the thresholds are fixed (:data:`TARGET_POSITIVE_THRESHOLD`,
    :data:`TARGET_NEGATIVE_THRESHOLD` = +/-0.10 for 'target', tuned on the train split only;
    VADER's +/-0.05 for 'sentence').

    Parameters
    ----------
    path : str or path-like
        A NewsMTSC file (``train.jsonl``, ``dev-rw.jsonl``, ``dev-mt.jsonl``).
    method : {'target', 'sentence'}, default 'target'

    Returns
    -------
    TargetSentimentEvaluation
        Macro-F1, accuracy, per-class precision/recall/F1 and the confusion matrix.

    Examples
    --------
    >>> import json, tempfile, os
    >>> rows = [{"sentence": "Smith praised the deal.", "from": 0, "to": 5, "polarity": 1},
    ...         {"sentence": "Critics called Smith corrupt.", "from": 15, "to": 20, "polarity": -1},
    ...         {"sentence": "Smith met Jones.", "from": 0, "to": 5, "polarity": 0}]
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "toy.jsonl")
    ...     with open(p, "w") as fh:
    ...         _ = fh.write("\\n".join(json.dumps(r) for r in rows))
    ...     e = evaluate_target_sentiment(p)
    >>> e.macro_f1, e.accuracy
    (1.0, 1.0)
    >>> e.confusion
              negative  neutral  positive
    negative         1        0         0
    neutral          0        1         0
    positive         0        0         1
    """
    _check_method(method)
    rows = _read_newsmtsc(path)
    gold = np.array([int(r["polarity"]) for r in rows], dtype=int)
    pred = np.array([target_sentiment(r["sentence"], r["from"], r["to"], method=method)["polarity"]
                     for r in rows], dtype=int)
    per = []
    for c in _CLASSES:
        tp = int(((gold == c) & (pred == c)).sum())
        fp = int(((gold != c) & (pred == c)).sum())
        fn = int(((gold == c) & (pred != c)).sum())
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        per.append((_CLASS_NAMES[c], prec, rec, f1, int((gold == c).sum())))
    per_class = pd.DataFrame(per, columns=["class", "precision", "recall", "f1", "support"])
    names = [_CLASS_NAMES[c] for c in _CLASSES]
    conf = pd.DataFrame([[int(((gold == a) & (pred == b)).sum()) for b in _CLASSES] for a in _CLASSES],
                        index=names, columns=names)
    thresholds = ((TARGET_NEGATIVE_THRESHOLD, TARGET_POSITIVE_THRESHOLD) if method == "target"
                  else (SENTENCE_NEGATIVE_THRESHOLD, SENTENCE_POSITIVE_THRESHOLD))
    return TargetSentimentEvaluation(
        method=method, path=str(path), n=len(rows),
        macro_f1=float(per_class["f1"].mean()) if len(rows) else float("nan"),
        accuracy=float((gold == pred).mean()) if len(rows) else float("nan"),
        per_class=per_class, confusion=conf, thresholds=thresholds,
    )


# =========================================================================== command line


def _default_corpora() -> Path:
    env = os.environ.get("MEDIAKIT_CORPORA")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2] / "shared" / "corpora"
    if here.is_dir():
        return here
    return Path.cwd().parent / "shared" / "corpora"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m mediakit.actors evaluate --split dev-rw``.

    Prints macro-F1, accuracy and per-class F1 of the baseline ('sentence') and the
    target-aware method ('target') on a NewsMTSC split, and the confusion matrices.
    ``--corpora`` (default ``$MEDIAKIT_CORPORA`` or ``../shared/corpora``) locates the
    corpora; ``--file`` scores any NewsMTSC-format file instead; ``--method`` picks one.

    Returns
    -------
    int
        Exit status (0 on success, 2 when the file is missing).
    """
    parser = argparse.ArgumentParser(prog="python -m mediakit.actors",
                                     description="Actor labels and target-aware sentiment.")
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="macro-F1 of target sentiment on NewsMTSC")
    ev.add_argument("--split", default="dev-rw", help="train, dev-rw or dev-mt (default dev-rw)")
    ev.add_argument("--corpora", default=None, help="folder holding newsmtsc/ (default ../shared/corpora)")
    ev.add_argument("--file", default=None, help="a NewsMTSC-format jsonl file (overrides --split)")
    ev.add_argument("--method", choices=("both",) + _METHODS, default="both")
    args = parser.parse_args(argv)
    path = Path(args.file) if args.file else (
        Path(args.corpora) if args.corpora else _default_corpora()) / "newsmtsc" / f"{args.split}.jsonl"
    if not path.is_file():
        print(f"no such file: {path} (use --corpora or --file)", file=sys.stderr)
        return 2
    methods = _METHODS[::-1] if args.method == "both" else (args.method,)
    results = [evaluate_target_sentiment(path, m) for m in methods]
    table = pd.DataFrame([r.summary() for r in results]).set_index("method")
    with pd.option_context("display.float_format", "{:.4f}".format, "display.width", 120):
        print(f"NewsMTSC {path.name}: {results[0].n} targets")
        print(table.to_string())
        for r in results:
            print(f"\n{r.method}: thresholds {r.thresholds}; rows gold, columns predicted")
            print(r.confusion.to_string())
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

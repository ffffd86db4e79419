"""House style apart from framing: outlet self-references, honorifics, abbreviation variants.

An outlet's house style shows up among its distinctive terms and says nothing about framing:
its own name ("fox news", "told fox", "huffpost"), courtesy titles ("mr", "said mr") and
spelling of abbreviations ("sen" vs "senator", "u.s" vs "us"). :func:`mediakit.distinctive_terms`
therefore, by default,

* **folds variants before counting**: the abbreviations of ``mediakit/lexicons/house_style.yaml``
  ("sen" -> "senator") and dotted initialisms without their periods ("u.s" -> "us", "i.r.s" ->
  "irs"), so one outlet's "Sen." and another's "Senator" are the same word;
* **masks outlet names before counting** (``"exclude"``): the tokens of every occurrence of a
  multi-word outlet name become n-gram boundaries, so "news" of "told Fox News" is not counted;
* **sets style terms apart**: a term is *style* when it contains an honorific, a single letter
  (initials: "j"), or a self-reference to an outlet of the corpus — the outlet's full name as a
  phrase ("washington post") or a word of its name that is not an ordinary word or place
  ("fox", "huffington"; the list of ordinary words is in the same file). Style terms are left out
  of the ranking (``house_style="exclude"``), listed alone (``"only"``), or kept as before
  (``"keep"``, which also turns the folding off).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .._resources import read_resource_text
from ..outlets import default_outlet_aliases, outlet_key
from ..text import NGRAM_TOKEN_RE

__all__ = ["HOUSE_STYLE_MODES", "HouseStyle", "StyleTerms", "fold_variants", "house_style", "style_terms"]

#: Values of ``house_style`` in :func:`mediakit.distinctive_terms`.
HOUSE_STYLE_MODES = ("exclude", "only", "keep")

_INITIALISM_RE = re.compile(r"(?:[a-z]\.)+[a-z]\Z")


@dataclass(frozen=True)
class HouseStyle:
    """The house-style word lists (``mediakit/lexicons/house_style.yaml``)."""

    honorifics: frozenset[str]
    abbreviations: Mapping[str, str]
    generic_name_words: frozenset[str]


@lru_cache(maxsize=1)
def house_style() -> HouseStyle:
    """Load the shipped house-style lists (cached).

    Examples
    --------
    >>> hs = house_style()
    >>> "mr" in hs.honorifics, hs.abbreviations["sen"], "news" in hs.generic_name_words
    (True, 'senator', True)
    """
    import yaml

    raw: dict[str, Any] = yaml.safe_load(read_resource_text("mediakit.lexicons", "house_style.yaml")) or {}
    return HouseStyle(honorifics=frozenset(str(w).lower() for w in raw.get("honorifics") or ()),
                      abbreviations={str(k).lower(): str(v).lower() for k, v in (raw.get("abbreviations") or {}).items()},
                      generic_name_words=frozenset(str(w).lower() for w in raw.get("generic_name_words") or ()))


def fold_variant(token: str, abbreviations: Mapping[str, str]) -> str:
    """The canonical form of one (folded) token: a listed abbreviation's full word, an initialism without periods.

    Examples
    --------
    >>> ab = house_style().abbreviations
    >>> fold_variant("sen", ab), fold_variant("u.s", ab), fold_variant("i.r.s", ab), fold_variant("tax", ab)
    ('senator', 'us', 'irs', 'tax')
    """
    full = abbreviations.get(token)
    if full is not None:
        return full
    if "." in token and _INITIALISM_RE.match(token):
        return token.replace(".", "")
    return token


def fold_variants(uniq: np.ndarray) -> np.ndarray | None:
    """Canonical forms of distinct tokens (object array), or None when none changes."""
    ab = house_style().abbreviations
    out = np.array([fold_variant(t, ab) for t in uniq.tolist()], dtype=object)
    return out if (out != uniq).any() else None


def _name_tokens(name: str) -> list[str]:
    ab = house_style().abbreviations
    return [fold_variant(t, ab) for t in NGRAM_TOKEN_RE.findall(name.lower().replace("\u2019", "'"))
            if t.strip() and t[0].isalnum()]


@dataclass(frozen=True)
class StyleTerms:
    """What makes a term house style in one corpus: honorifics and the outlets' name words and phrases."""

    honorifics: frozenset[str]
    name_words: frozenset[str]
    name_phrases: tuple[tuple[str, ...], ...]

    def reason(self, term: str) -> str | None:
        """Why ``term`` (space-separated tokens) is style: 'honorific', 'initial', 'outlet name'; None: framing."""
        toks = term.split(" ")
        if any(t in self.honorifics for t in toks):
            return "honorific"
        if any(len(t) == 1 and t.isalpha() for t in toks):
            return "initial"
        if any(t in self.name_words for t in toks):
            return "outlet name"
        n = len(toks)
        for phrase in self.name_phrases:
            k = len(phrase)
            if k <= n and any(tuple(toks[i:i + k]) == phrase for i in range(n - k + 1)):
                return "outlet name"
        return None

    def reasons(self, terms: np.ndarray) -> np.ndarray:
        """:meth:`reason` of every term (object array, None for framing terms).

        The rules are tested once per distinct token and combined per term with NumPy (the same
        answers as :meth:`reason` term by term, which took a third of :func:`mediakit.distinctive_terms`
        on large corpora).

        Examples
        --------
        >>> st = StyleTerms(frozenset({"mr"}), frozenset({"fox"}), (("washington", "post"),))
        >>> st.reasons(np.array(["said mr", "j", "told fox", "the washington post", "tax cut"], dtype=object)).tolist()
        ['honorific', 'initial', 'outlet name', 'outlet name', None]
        """
        words = [t.split(" ") for t in np.asarray(terms, dtype=object).tolist()]
        out = np.full(len(words), None, dtype=object)
        if not words:
            return out
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        codes, uniq = pd.factorize(np.array([t for ts in words for t in ts], dtype=object))
        tokens = uniq.tolist()
        term_of = np.repeat(np.arange(len(words)), lengths)

        def any_token(flags: list[bool]) -> np.ndarray:
            return np.logical_or.reduceat(np.asarray(flags, dtype=bool)[codes], starts)

        out[any_token([t in self.name_words for t in tokens])] = "outlet name"
        out[self._phrase_terms(codes, tokens, term_of, len(words))] = "outlet name"
        out[any_token([len(t) == 1 and t.isalpha() for t in tokens])] = "initial"
        out[any_token([t in self.honorifics for t in tokens])] = "honorific"  # the first rule wins: set last
        return out

    def _phrase_terms(self, codes: np.ndarray, tokens: list[str], term_of: np.ndarray, n_terms: int) -> np.ndarray:
        """Which of the ``n_terms`` terms hold one of :attr:`name_phrases` (their token codes end to end,
        ``term_of`` the term of each token)."""
        hit = np.zeros(n_terms, dtype=bool)
        index = {t: i for i, t in enumerate(tokens)}
        for phrase in self.name_phrases:
            k = len(phrase)
            if k > len(codes) or any(t not in index for t in phrase):
                continue
            n = len(codes) - k + 1
            ok = term_of[:n] == term_of[k - 1:]  # the window stays inside one term
            for j, t in enumerate(phrase):
                ok &= codes[j:j + n] == index[t]
            hit[term_of[:n][ok]] = True
        return hit


def style_terms(outlets: Iterable[Any]) -> StyleTerms:
    """The style rules for a corpus whose outlets are ``outlets`` (their shipped aliases included).

    Examples
    --------
    >>> st = style_terms(["Fox News", "The Washington Post"])
    >>> [st.reason(t) for t in ["told fox", "washington post", "washington", "said mr", "j", "tax cut"]]
    ['outlet name', 'outlet name', None, 'honorific', 'initial', None]
    """
    hs = house_style()
    names = {str(o) for o in outlets if o is not None and str(o).strip() and str(o) != "nan"}
    keys = {outlet_key(n) for n in names}
    names |= {alias for alias, canonical in default_outlet_aliases().items()
              if canonical in names or outlet_key(canonical) in keys}
    words: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for name in names:
        toks = [t for t in _name_tokens(name) if t not in ("the", "com", "www")]
        if not toks:
            continue
        if len(toks) > 1:
            phrases.add(tuple(toks))
        words.update(t for t in toks if len(t) > 1 and t not in hs.generic_name_words and not t.isdigit())
    return StyleTerms(honorifics=hs.honorifics, name_words=frozenset(words),
                      name_phrases=tuple(sorted(phrases, key=lambda p: (-len(p), p))))

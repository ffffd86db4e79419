"""The actor lexicon (titles, epithets, name rules), the rule word lists and the stopwords."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .._resources import read_resource_text
from ..text import SENTENCE_STARTERS, english_stop_words

__all__ = ["actor_lexicon", "actor_stopwords", "actor_words", "first_name_gender", "nominal_lexicon", "norm_word"]

_LEXICON_PACKAGE = "mediakit.lexicons"
_WORD_SETS = ("titles", "modifiers", "epithets", "honorifics", "abbreviated_titles", "nationalities",
              "hyphen_prefixes", "name_particles", "name_suffixes", "not_person", "place_starts",
              "calendar", "determiners")
_RULE_WORDS = ("adjectival_titles", "before_epithet", "appositive_verbs", "appositive_bad_start")


@lru_cache(maxsize=1 << 16)
def norm_word(word: str) -> str:
    """Lower case, straight apostrophes, no surrounding quotes or brackets (cached: the rules ask
    it of the same words again and again).

    Examples
    --------
    >>> norm_word("\u201cAssad\u2019s)")
    "assad's"
    """
    return word.replace("\u2019", "'").replace("\u2018", "'").strip("\"'\u201c\u201d()[]").lower()


def _load_yaml(name: str) -> dict[str, Any]:
    import yaml

    return yaml.safe_load(read_resource_text(_LEXICON_PACKAGE, name))


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
    raw = _load_yaml("actor_titles.yaml")
    out: dict[str, Any] = {}
    extra_modifiers: set[str] = set()
    for key in _WORD_SETS:
        words: set[str] = set()
        for entry in raw.get(key) or []:
            w = norm_word(str(entry))
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
    out["sentiment_add"] = {norm_word(str(k)): float(v) for k, v in (sent.get("add") or {}).items()}
    out["sentiment_neutral"] = frozenset(norm_word(str(w)) for w in sent.get("neutral") or [])
    return out


@lru_cache(maxsize=1)
def actor_words() -> dict[str, frozenset[str]]:
    """Return the rule word lists of ``mediakit/lexicons/actor_words.yaml`` (loaded once, cached).

    Returns
    -------
    dict
        ``adjectival_titles`` (titles that are mostly adjectives), ``before_epithet`` (words
        after which a participle is an epithet), ``appositive_verbs`` and
        ``appositive_bad_start`` (words that make a phrase after a comma a clause): frozensets
        of lower-case words.

    Examples
    --------
    >>> words = actor_words()
    >>> "progressive" in words["adjectival_titles"], "the" in words["before_epithet"]
    (True, True)
    """
    raw = _load_yaml("actor_words.yaml")
    return {key: frozenset(str(raw[key]).split()) for key in _RULE_WORDS}


@lru_cache(maxsize=1)
def actor_stopwords() -> frozenset[str]:
    """English stopwords and common sentence openers, lower case (cached).

    Examples
    --------
    >>> "the" in actor_stopwords(), "assad" in actor_stopwords()
    (True, False)
    """
    words = set(english_stop_words())
    words |= {w.lower() for w in SENTENCE_STARTERS}
    return frozenset(words)


_NOMINAL_KEYS = ("descriptors", "generic_heads", "not_heads", "evaluative", "neutral", "head_followers",
                 "female_heads", "male_heads", "copulas", "naming_verbs", "past_status", "rank_modifiers", "offices",
                 "frame_heads")


@lru_cache(maxsize=1)
def nominal_lexicon() -> dict[str, frozenset[str]]:
    """Return the word lists of nominal mentions (``nominal`` in ``actor_titles.yaml``, cached).

    Returns
    -------
    dict
        The lists of the YAML section (``descriptors``, ``generic_heads``, ``not_heads``,
        ``evaluative``, ``neutral``, ``head_followers``, ``female_heads``, ``male_heads``,
        ``copulas``, ``naming_verbs``, ``past_status``, ``rank_modifiers``, ``offices``,
        ``frame_heads``) as frozensets of lower-case words, and ``heads``: every
        singular head of a description (titles, descriptors and generic heads, minus
        ``not_heads``).

    Examples
    --------
    >>> lex = nominal_lexicon()
    >>> "dotard" in lex["heads"], "leaders" in lex["heads"], "embattled" in lex["evaluative"]
    (True, False, True)
    """
    raw = _load_yaml("actor_titles.yaml").get("nominal") or {}
    out = {key: frozenset(norm_word(w) for w in str(raw.get(key) or "").split()) for key in _NOMINAL_KEYS}
    lex = actor_lexicon()
    heads = (lex["titles"] | out["descriptors"] | out["generic_heads"]) - out["not_heads"]
    # plural forms are groups: "leaders", "candidates" are never heads
    out["heads"] = frozenset(h for h in heads if not (h.endswith("s") and h[:-1] in heads))
    return out


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    gender = _load_yaml("sources.yaml").get("gender") or {}
    out = {str(w).lower(): "m" for w in gender.get("male_names") or ()}
    out.update({str(w).lower(): "f" for w in gender.get("female_names") or ()})
    return out


def first_name_gender(name: str) -> str | None:
    """'m' or 'f' for an actor whose first name is in the given-name lists of ``gender`` in
    ``mediakit/lexicons/sources.yaml`` (shared with source attribution), None otherwise.

    Examples
    --------
    >>> first_name_gender("Barack Obama"), first_name_gender("Michelle Obama"), first_name_gender("Obama")
    ('m', 'f', None)
    """
    words = name.split()
    return _first_names().get(words[0].lower()) if len(words) > 1 else None

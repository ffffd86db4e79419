"""The language of a text or an article, offline, and which articles the English-only metrics score.

Detection uses `py3langid <https://pypi.org/project/py3langid/>`_ (a maintained fork of
langid.py): a naive Bayes model over byte n-grams that ships inside its wheel, so nothing is
downloaded; pure Python and NumPy, deterministic. mediakit builds its own identifier (the
library's global one, and so a user's own ``py3langid.classify`` calls, are left untouched),
restricted to the model's ISO 639-1 languages (114 of its 140 labels: the three-letter
labels such as ``pcm``, Nigerian Pidgin, mostly catch short English headlines), with
probabilities normalised.

How an article is read (measured on the English research corpora, AllSides 37,554 articles,
PolNeAR 928, BASIL 210: every one is ``'en'``; ``tests/text/test_language.py`` checks a sample):

- the headline, a blank line and the body, of which the first :data:`DETECT_CHARS` characters
  (cut at a space) are read: about 5,000 articles a second on one core (py3langid's scan done
  with NumPy, :mod:`._langid_scan`: the same scores, 3-4 times faster). The start of a news
  text is its language; reading whole articles costs more without changing an answer there;
- fewer than :data:`MIN_LETTERS` letters: ``None`` (too short to tell);
- English is reported whatever the probability; another language only when its probability is
  at least :data:`MIN_CONFIDENCE`, else ``None``. Over the research corpora no English article
  is reported as another language; short English headlines alone (20 to 60 letters) reach
  probabilities up to 0.79 for another language, so the bar keeps them English or unknown.

Articles of unknown language (``None``) are scored like English ones: only a confident
detection, or a ``language`` given with the articles, leaves an article out.
"""

from __future__ import annotations

import math
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any

import numpy as np

from ._langid_scan import NgramScanner

__all__ = [
    "DETECT_CHARS",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "LeftOutWarning",
    "article_languages",
    "check_languages",
    "detect_language",
    "detect_languages",
    "left_out_note",
    "normalize_language",
    "scored_articles",
    "scored_mask",
    "unload_language_model",
    "warn_left_out",
]

#: Characters of an article (headline, a blank line, then the body) the detector reads.
DETECT_CHARS = 1000
#: A text with fewer letters than this has no detected language (None).
MIN_LETTERS = 20
#: A language other than English is reported only at this probability or above (else None).
MIN_CONFIDENCE = 0.8

_LETTER_RE = re.compile(r"[^\W\d_]")
# Codes that say "no language" (ISO 639-2 und, zxx, mul) and the English codes other than "en".
_NO_LANGUAGE = frozenset({"", "und", "zxx", "mul", "xx", "unknown", "none", "nan"})
_ENGLISH = frozenset({"eng", "english"})


class LeftOutWarning(UserWarning):
    """Articles left out of the English-only metrics (another language, or an empty body).

    Filter it with ``warnings.filterwarnings("ignore", category=mediakit.LeftOutWarning)``.
    """


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """mediakit's own py3langid identifier: the shipped model, ISO 639-1 languages, probabilities."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.labels if len(code) == 2])
    # the model table is stored column-major; each text gathers a few hundred of its rows: row-major
    # makes that gather contiguous (the same values, the same scores to the bit, detection ~35% faster)
    identifier.nb_ptc = np.ascontiguousarray(identifier.nb_ptc)
    return identifier


def unload_language_model() -> None:
    """Drop the loaded language model and its scan tables (about 130 MiB); the next detection loads them
    again. A streamed run's driver detects the languages of the corpus, then runs the corpus-level steps
    for minutes without detecting any.

    Examples
    --------
    >>> detect_language("The government said on Tuesday that the talks would resume."), unload_language_model()
    ('en', None)
    >>> detect_language("The government said on Tuesday that the talks would resume.")
    'en'
    """
    _identifier.cache_clear()
    _scanner.cache_clear()


def _sample(text: str) -> str:
    """The first :data:`DETECT_CHARS` characters of ``text``, cut at the last white space."""
    if len(text) <= DETECT_CHARS:
        return text
    head = text[:DETECT_CHARS]
    cut = max(head.rfind(" "), head.rfind("\n"))
    return head[:cut] if cut > DETECT_CHARS // 2 else head


@lru_cache(maxsize=1)
def _scanner() -> NgramScanner | None:
    """The NumPy scan of :func:`_identifier` (None when py3langid's internals are not the expected ones)."""
    try:
        return NgramScanner(_identifier())
    except (AttributeError, TypeError, ValueError):  # another py3langid layout: its own classify
        return None


def _classify_all(samples: list[str]) -> list[tuple[str, float]]:
    """(code, probability) of each sample: :class:`NgramScanner`, else py3langid's own ``classify``."""
    scanner = _scanner()
    if scanner is None:
        idf = _identifier()
        return [idf.classify(s) for s in samples]
    return scanner.classify_many(samples)


def _detect_all(texts: list[str]) -> list[str | None]:
    """:func:`_detect` of each text, the classifier run on the long-enough samples together."""
    samples = [_sample(t) for t in texts]
    ok = [k for k, s in enumerate(samples)
          if sum(1 for _ in islice(_LETTER_RE.finditer(s), MIN_LETTERS)) >= MIN_LETTERS]
    out: list[str | None] = [None] * len(texts)
    for k, (code, probability) in zip(ok, _classify_all([samples[k] for k in ok]), strict=True):
        out[k] = None if code != "en" and probability < MIN_CONFIDENCE else str(code)
    return out


def _detect(text: str) -> str | None:
    sample = _sample(text)
    if sum(1 for _ in islice(_LETTER_RE.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        return None
    code, probability = _classify_all([sample])[0]
    if code != "en" and probability < MIN_CONFIDENCE:
        return None
    return str(code)


def _as_text(value: Any, name: str, func: str) -> str:
    """A text argument as a str: None, NaN and pandas' NA become ''; anything else is a TypeError."""
    if isinstance(value, str):
        return value
    if value is None or type(value).__name__ == "NAType" or (isinstance(value, float) and math.isnan(value)):
        return ""
    raise TypeError(f"{func}(): {name} must be a str or None, got {type(value).__name__}")


def detect_language(text: str | None) -> str | None:
    """Return the language of a text: an ISO 639-1 code, or None when it cannot tell.

    Offline and deterministic (py3langid's shipped model, see the module docstring). Only the
    first :data:`DETECT_CHARS` characters are read.

    Parameters
    ----------
    text : str or None
        Any text; a news article is best given with its headline first
        (:func:`detect_languages` does that).

    Returns
    -------
    str or None
        ``'en'``, ``'de'``, ``'fr'``, ...; None for a text with fewer than :data:`MIN_LETTERS`
        letters, None or missing, or when a language other than English is below
        :data:`MIN_CONFIDENCE`.

    Raises
    ------
    TypeError
        If ``text`` is neither a string nor missing.

    Examples
    --------
    >>> detect_language("Die Bundesregierung hat am Dienstag ein neues Klimapaket beschlossen.")
    'de'
    >>> detect_language("The government approved a new climate package on Tuesday.")
    'en'
    >>> detect_language("Kanzler warnt") is None  # too short to tell
    True
    """
    return _detect(_as_text(text, "text", "detect_language"))


def detect_languages(texts: Iterable[str | None], titles: Iterable[str | None] | None = None) -> list[str | None]:
    """Return the language of each text (see :func:`detect_language`), headline first when given.

    Parameters
    ----------
    texts : iterable of str or None
        Article bodies (missing ones are empty).
    titles : iterable of str or None, optional
        Their headlines, read before the body (a headline-only article gets a language too,
        when it is long enough).

    Returns
    -------
    list of str or None
        One ISO 639-1 code (or None) per text, in order.

    Raises
    ------
    TypeError
        If a text or title is neither a string nor missing.
    ValueError
        If ``titles`` and ``texts`` differ in length.

    Examples
    --------
    >>> detect_languages(["Le gouvernement a présenté mardi un projet de loi sur les retraites.", None],
    ...                  titles=["Retraites : le projet de loi est présenté", None])
    ['fr', None]
    """
    bodies = [_as_text(t, "texts", "detect_languages") for t in texts]
    if titles is None:
        return _detect_all(bodies)
    heads = [_as_text(t, "titles", "detect_languages") for t in titles]
    if len(heads) != len(bodies):
        raise ValueError(f"detect_languages(): {len(heads)} titles for {len(bodies)} texts")
    return _detect_all([f"{head}\n\n{body}" if head.strip() else body for head, body in zip(heads, bodies, strict=True)])


def normalize_language(value: Any) -> str | None:
    """A language code as mediakit writes it: lower case, primary subtag, None for "no language".

    ``'en-US'``, ``'EN'``, ``'en_GB'``, ``'eng'`` and ``'English'`` are ``'en'``; missing values
    and ``und``, ``zxx``, ``mul`` are None; other values are kept in lower case.

    Examples
    --------
    >>> [normalize_language(v) for v in ("de-DE", "EN", "English", "und", None)]
    ['de', 'en', 'en', None, None]
    """
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-", 1)[0].strip()
    if code in _NO_LANGUAGE:
        return None
    return "en" if code in _ENGLISH else code


def _column(articles: Any, name: str) -> list[Any]:
    return articles[name].tolist() if name in articles.columns else [None] * len(articles)


def article_languages(articles: Any, *, text: str = "text") -> list[str | None]:
    """The language of each article: its ``language`` value where it has one, else detected.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table: ``text`` (or the column ``text`` names), ``title`` and ``language``
        when present (values normalised by :func:`normalize_language`).
    text : str, default "text"
        The column holding the body.

    Returns
    -------
    list of str or None
        One code (or None) per row, in order. Missing values of ``language`` are detected
        from the headline and the body (:func:`detect_languages`).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"text": ["Ein kurzer Text.", "Tausende Menschen demonstrierten am Wochenende."],
    ...                      "language": ["de-AT", None]})
    >>> article_languages(arts)
    ['de', 'de']
    """
    given = [normalize_language(v) for v in _column(articles, "language")]
    missing = [i for i, v in enumerate(given) if v is None]
    if missing:
        bodies = _column(articles, text)
        titles = _column(articles, "title") if text == "text" else [None] * len(bodies)
        found = detect_languages([_text_or_none(bodies[i]) for i in missing],
                                 titles=[_text_or_none(titles[i]) for i in missing])
        for i, code in zip(missing, found, strict=True):
            given[i] = code
    return given


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def check_languages(languages: Any, *, func: str) -> frozenset[str] | None:
    """The ``languages`` option of the English-only metrics, checked: a set of codes, or None (all).

    Raises
    ------
    TypeError
        Unless ``languages`` is a string, a sequence of strings or None.
    ValueError
        If it is empty or a code is blank.

    Examples
    --------
    >>> sorted(check_languages(["EN", "de-DE"], func="analyze")), check_languages(None, func="analyze")
    (['de', 'en'], None)
    """
    if languages is None:
        return None
    values = [languages] if isinstance(languages, str) else languages
    if not isinstance(values, (list, tuple, set, frozenset)) or not all(isinstance(v, str) for v in values):
        raise TypeError(f"{func}(): languages must be a language code ('en'), a list of codes or None "
                        f"(every language), got {languages!r}")
    codes = frozenset(normalize_language(v) for v in values)
    if not codes or None in codes:
        raise ValueError(f"{func}(): languages must name at least one language code such as 'en' "
                         f"(or be None to score every language), got {languages!r}")
    return codes  # type: ignore[return-value]  # None is not in it


def scored_mask(codes: Sequence[str | None], allowed: frozenset[str] | None) -> list[bool]:
    """Whether each article is scored: every language allowed, its language unknown, or allowed.

    Examples
    --------
    >>> scored_mask(["en", "de", None], frozenset({"en"}))
    [True, False, True]
    """
    if allowed is None:
        return [True] * len(codes)
    return [c is None or c in allowed for c in codes]


def left_out_note(func: str, n_articles: int, foreign: Sequence[str], allowed: frozenset[str] | None, *,
                  consequence: str, n_empty: int = 0, empty_consequence: str = "") -> str | None:
    """The one warning message of an English-only metric, or None when nothing was left out.

    ``foreign``: the language of each article left out for its language.

    Examples
    --------
    >>> left_out_note("analyze", 40, ["de", "fr", "de"], frozenset({"en"}),
    ...               consequence="their English-only metrics are NaN")
    'analyze: 3 of 40 articles are not English (de: 2, fr: 1); their English-only metrics are NaN. Pass languages=None to score them anyway.'
    """
    sentences = []
    if foreign:
        counts = sorted(Counter(foreign).items(), key=lambda kv: (-kv[1], kv[0]))
        which = "English" if allowed == frozenset({"en"}) else "in " + ", ".join(sorted(allowed or ()))
        sentences.append(f"{len(foreign)} of {n_articles} articles are not {which} "
                         f"({', '.join(f'{c}: {n}' for c, n in counts)}); {consequence}. "
                         "Pass languages=None to score them anyway.")
    if n_empty:
        sentences.append(f"{n_empty} of {n_articles} articles have an empty body; {empty_consequence}.")
    return f"{func}: {' '.join(sentences)}" if sentences else None


def scored_articles(articles: Any, languages: Any, *, func: str, consequence: str = "they are left out",
                    text: str = "text") -> list[bool] | None:
    """Which articles an English-only metric scores, with one :class:`LeftOutWarning` for the rest.

    Parameters
    ----------
    articles : pandas.DataFrame
        The checked articles table.
    languages : str, sequence of str or None
        The function's ``languages`` option (None: every article is scored, nothing detected).
    func : str
        The public function (first word of the warning).
    consequence : str
        What happens to the articles left out, in the warning.
    text : str, default "text"
        The column holding the body.

    Returns
    -------
    list of bool or None
        None when every article is scored; else one flag per row.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> arts = pd.DataFrame({"text": ["Die Bundesregierung hat am Dienstag ein neues Klimapaket beschlossen.",
    ...                               "The government approved a new climate package on Tuesday."]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     scored_articles(arts, "en", func="word_choice")
    [False, True]
    >>> str(caught[0].message)
    'word_choice: 1 of 2 articles are not English (de: 1); they are left out. Pass languages=None to score them anyway.'
    """
    allowed = check_languages(languages, func=func)
    if allowed is None:
        return None
    codes = article_languages(articles, text=text)
    keep = scored_mask(codes, allowed)
    if all(keep):
        return None
    foreign = [c for c, k in zip(codes, keep, strict=True) if not k and c is not None]
    warn_left_out(left_out_note(func, len(keep), foreign, allowed, consequence=consequence))
    return keep


def warn_left_out(note: str | None) -> None:
    """Give ``note`` as a :class:`LeftOutWarning` pointing at the caller's code (the first frame
    outside mediakit), or nothing when it is None.

    Examples
    --------
    >>> warn_left_out(None)
    """
    if not note:
        return
    level, frame = 2, sys._getframe(1)  # stacklevel 2: the caller of this function
    while frame is not None and frame.f_globals.get("__name__", "").split(".")[0] == "mediakit":
        level, frame = level + 1, frame.f_back  # type: ignore[assignment]
    warnings.warn(note, LeftOutWarning, stacklevel=level)

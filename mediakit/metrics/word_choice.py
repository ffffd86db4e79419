"""Word choice: which of the competing labels for the same thing an article uses.

Two functions, both taking an articles table (``article_id``, ``text``, and ``title`` and
``captions`` when present) and a lexicon (see :mod:`mediakit.lexicon`; default: the shipped
``framing`` lexicon):

:func:`word_choice`
    Every match, one row each: where it is (``part``: ``title``, ``text`` or ``caption``, with
    the caption's index), which family, variant and term, the words as written and their
    character offsets in that part, so that a notebook can show them in context; with the
    article's ``outlet`` and ``published`` when the articles table has them.
:func:`word_choice_metrics`
    One row per article: for each family and variant, the count, the rate per 1,000 words and
    the share within the family, plus hedge, intensifier and subjective-word rates from the
    shipped ``markers`` lexicon.

What is counted where (the choice made here)
--------------------------------------------
- Counts, rates and shares (``_n``, ``_per1k``, ``_share``, and the marker rates) use the body
  text only, and rates divide by its :func:`mediakit.text.count_words`, the word count every
  per-1,000-word rate in mediakit shares (``wc_words``). A headline is a handful of words, so
  adding it to the body would barely move a rate, and dividing it alone would make rates jump.
- The headline is counted separately, per variant (``_title_n``): a label in a headline is a
  stronger choice than one in paragraph twelve, and readers of headlines only see those.
- Captions are not in the metrics (they are often written by a photo agency, not the outlet:
  the seed article's captions are credited to AFP); :func:`word_choice` lists their matches.
- ``_share`` is the variant's share of its family's body matches, NaN when the family does not
  occur in the body; ``_per1k`` is NaN when the body has no words.

Column names are stable snake_case identifiers: ``wc_<family>__<variant>_<stat>`` for the
lexicon (two underscores between family and variant) and ``wc_<family>_<stat>`` for marker
families (``wc_hedge_per1k``, ``wc_intensifier_per1k``, ``wc_subjective_per1k``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._progress import progress_bar
from .._validation import check_articles, check_bool
from ..schema import with_article_context
from ..lexicon import Lexicon, LexiconSource, PreparedText, load_lexicon, prepare
from ..text import count_words, scored_articles

__all__ = [
    "MARKERS_LEXICON",
    "MATCH_COLUMNS",
    "PARTS",
    "word_choice",
    "word_choice_metrics",
]

#: Columns of :func:`word_choice`, in order.
MATCH_COLUMNS = ("article_id", "part", "caption", "family", "variant", "term", "match", "start", "end")
#: The parts of an article that :func:`word_choice` searches, in output order.
PARTS = ("title", "text", "caption")
#: The shipped lexicon the marker rates of :func:`word_choice_metrics` come from.
MARKERS_LEXICON = "markers"


def text_cell(value: object) -> str:
    """A text cell as a string: missing values (None, NaN, NA) and non-strings become ""."""
    return value if isinstance(value, str) else ""


def caption_cells(value: object) -> list[str]:
    """A captions cell as a list of strings (a lone string is one caption)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        return [c if isinstance(c, str) else "" for c in value]
    return []


def column_values(articles: pd.DataFrame, name: str) -> list[Any]:
    """The values of column ``name`` as a list, or Nones when the table has no such column."""
    if name in articles.columns:
        return articles[name].tolist()
    return [None] * len(articles)


def word_choice(
    articles: pd.DataFrame,
    lexicon: LexiconSource = None,
    *,
    parts: Iterable[str] = PARTS,
    context: int = 0,
    progress: bool | None = None,
    languages: str | Sequence[str] | None = "en",
) -> pd.DataFrame:
    """Return every lexicon match in the articles' titles, texts and captions.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table: ``article_id`` (unique) and ``text``; ``title`` and ``captions`` (a list
        of strings per article) are searched when present. Missing or empty values are skipped.
        The table is not modified.
    lexicon : Lexicon, name, path, dict or DataFrame, optional
        Anything :func:`mediakit.lexicon.load_lexicon` accepts; default the ``framing`` lexicon.
        ``"markers"`` lists hedges, intensifiers and subjective words instead.
    parts : iterable of {"title", "text", "caption"}
        Which parts to search (default all three).
    context : int, default 0
        When positive, add columns ``left`` and ``right`` with up to this many characters
        before and after each match (keyword in context).
    progress : bool, optional
        Progress bar over the articles (default: in terminals and notebooks, not in CI).
    languages : str, sequence of str or None, default "en"
        The lexicons are English: articles whose language is known (``language``, else
        detected: :func:`mediakit.text.article_languages`) and not among these are not
        searched (one :class:`mediakit.text.LeftOutWarning` says how many). None: every article.

    Returns
    -------
    pandas.DataFrame
        One row per lexicon match: where it is, which family, variant and term, as written;
        key columns ``article_id``, ``part``, ``caption`` and ``start``. Columns
        :data:`MATCH_COLUMNS`, with ``outlet`` and ``published`` after ``article_id`` when
        ``articles`` has them (copied from the match's article, same dtype), and ``left``,
        ``right`` last when ``context`` is positive: ``article_id``; ``part`` (``title``,
        ``text`` or ``caption``); ``caption`` (index of the caption in the article's list,
        <NA> for title and text); ``family``, ``variant``, ``term`` (the lexicon's term);
        ``match`` (as written); ``start``, ``end`` (character offsets into that part:
        ``part_text[start:end] == match``). Rows follow the articles' order, then title,
        text, captions, then position.

    Raises
    ------
    TypeError
        If ``articles`` is not a pandas DataFrame (for a Dask DataFrame use
        ``mediakit.dask.word_choice``) or ``progress`` is not a bool or None.
    MissingColumnError
        If ``article_id`` or ``text`` is missing (a :class:`ValueError`).
    ValueError
        If ``article_id`` repeats, a part is unknown, ``context`` is negative or ``languages`` empty.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"article_id": ["a1"], "title": ["Ousted regime leader flees"],
    ...                    "text": ["Anti-regime forces overthrew his government."],
    ...                    "captions": [["Rebels in Aleppo. (AFP Photo)"]]})
    >>> word_choice(df)[["part", "caption", "variant", "match", "start", "end"]]
          part  caption             variant               match  start  end
    0    title     <NA>              ousted              Ousted      0    6
    1    title     <NA>              regime              regime      7   13
    2    title     <NA>              leader              leader     14   20
    3     text     <NA>  anti_regime_forces  Anti-regime forces      0   18
    4     text     <NA>          overthrown           overthrew     19   28
    5     text     <NA>          government          government     33   43
    6  caption        0              rebels              Rebels      0    6
    """
    wanted = _check_word_choice_options(articles, parts, context, progress)
    lex = load_lexicon(lexicon)
    keep = scored_articles(articles, languages, func="word_choice", consequence="they have no rows")
    scanner = _Scanner(lex, context)
    ids = articles["article_id"].tolist()
    titles = column_values(articles, "title")
    texts = column_values(articles, "text")
    captions = column_values(articles, "captions")
    rows = enumerate(zip(ids, titles, texts, captions, strict=True))
    for pos, (aid, title, text, caps) in progress_bar(rows, desc="word_choice", unit="article", enabled=progress,
                                                      total=len(ids), min_items=2):
        if keep is not None and not keep[pos]:
            continue
        if "title" in wanted:
            scanner.scan(pos, aid, "title", None, text_cell(title))
        if "text" in wanted:
            scanner.scan(pos, aid, "text", None, text_cell(text))
        if "caption" in wanted:
            for k, cap in enumerate(caption_cells(caps)):
                scanner.scan(pos, aid, "caption", k, cap)
    return with_article_context(scanner.frame(articles["article_id"].dtype), articles, scanner.positions)


def _check_word_choice_options(articles: Any, parts: Iterable[str], context: Any, progress: Any) -> tuple[str, ...]:
    """Check :func:`word_choice`'s input; return the parts to search."""
    func = "word_choice"
    check_articles(articles, func=func)
    wanted = tuple(parts)
    unknown = [p for p in wanted if p not in PARTS]
    if unknown:
        raise ValueError(f"{func}(): unknown part(s) {unknown}; parts must be among {', '.join(map(repr, PARTS))}")
    if not isinstance(context, (int, np.integer)) or context < 0:
        raise ValueError(f"{func}(): context must be a non-negative integer, got {context!r}")
    check_bool(progress, name="progress", func=func, allow_none=True)
    return wanted


class _Scanner:
    """Collects the match rows of :func:`word_choice`, part by part."""

    def __init__(self, lex: Lexicon, context: int) -> None:
        self.matcher = lex.matcher()
        self.terms = lex.terms
        self.context = context
        self.rows: list[tuple[Any, ...]] = []
        self.ctx: list[tuple[str, str]] = []
        self.positions: list[int] = []  # the row of each match's article in the articles table

    def scan(self, position: int, article_id: Any, part: str, caption: int | None, text: str) -> None:
        """Add the matches in ``text``, a part of the article at row ``position`` of the table."""
        if not text:
            return
        context = self.context
        for start, end, i in self.matcher.find(text):
            t = self.terms[i]
            self.rows.append((article_id, part, caption, t.family, t.variant, t.term, text[start:end], start, end))
            self.positions.append(position)
            if context:
                self.ctx.append((text[max(0, start - context):start], text[end:end + context]))

    def frame(self, id_dtype: Any) -> pd.DataFrame:
        rows = self.rows
        out = pd.DataFrame(rows, columns=list(MATCH_COLUMNS))
        out["article_id"] = pd.Series([r[0] for r in rows], dtype=id_dtype)
        out["caption"] = out["caption"].astype("Int64")
        for col in ("start", "end"):
            out[col] = out[col].astype("int64")
        if self.context:
            out["left"] = [c[0] for c in self.ctx]
            out["right"] = [c[1] for c in self.ctx]
        return out


def word_choice_metrics(
    articles: pd.DataFrame,
    lexicon: LexiconSource = None,
    *,
    markers: LexiconSource | Literal[False] = None,
    languages: str | Sequence[str] | None = "en",
) -> pd.DataFrame:
    """Return word-choice counts, rates and shares, one row per article.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table with ``article_id`` (unique) and ``text``; ``title`` is used when
        present. Missing or empty values give zero counts and NaN rates. Not modified.
    lexicon : Lexicon, name, path, dict or DataFrame, optional
        The framing lexicon (default: the shipped ``framing`` lexicon).
    markers : Lexicon, name, path, dict, DataFrame or False, optional
        The lexicon whose family totals become ``wc_<family>_n`` and ``wc_<family>_per1k``
        (default: the shipped ``markers`` lexicon: hedge, intensifier, subjective). ``False``
        leaves them out.
    languages : str, sequence of str or None, default "en"
        The lexicons are English: an article whose language is known and not among these
        keeps its row with every ``wc_`` value missing (``wc_words`` is counted); one
        :class:`mediakit.text.LeftOutWarning` says how many. None: every article is scored.

    Returns
    -------
    pandas.DataFrame
        One row per article (same index as ``articles``): its word-choice counts, rates
        and shares; key column ``article_id``. Columns: ``article_id``; ``wc_words`` (body
        words, by :func:`mediakit.text.count_words`); for each marker family
        ``wc_<family>_n`` and ``wc_<family>_per1k``; then for each lexicon family and
        variant, in lexicon order:

        - ``wc_<family>__<variant>_n``: matches in the body text;
        - ``wc_<family>__<variant>_per1k``: that per 1,000 body words (NaN for an empty body);
        - ``wc_<family>__<variant>_share``: that over all matches of the family in the body
          (NaN when the family does not occur);
        - ``wc_<family>__<variant>_title_n``: matches in the headline.

        Counts are ``Int64`` (``wc_words``: ``int64``).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"article_id": ["a", "b"],
    ...                    "title": ["Regime falls", None],
    ...                    "text": ["The regime, or government, allegedly fell. Then the regime fled.", None]})
    >>> m = word_choice_metrics(df)
    >>> m.loc[0, ["wc_words", "wc_state_government__regime_n", "wc_state_government__regime_title_n"]].tolist()
    [10, 2, 1]
    >>> float(m.loc[0, "wc_state_government__regime_per1k"]), float(m.loc[0, "wc_hedge_per1k"])
    (200.0, 100.0)
    >>> round(float(m.loc[0, "wc_state_government__regime_share"]), 3)
    0.667
    >>> m.loc[1, ["wc_words", "wc_state_government__regime_n"]].tolist()
    [0, 0]
    >>> bool(m.loc[1, ["wc_state_government__regime_per1k", "wc_state_government__regime_share"]].isna().all())
    True
    """
    check_articles(articles, func="word_choice_metrics")
    keep = scored_articles(articles, languages, func="word_choice_metrics", consequence="their values are missing")
    data = metric_columns(articles, lexicon, markers)
    left_out = np.zeros(len(articles), dtype=bool) if keep is None else ~np.array(keep, dtype=bool)
    for name, values in data.items():
        if name in ("article_id", "wc_words"):
            continue
        values = np.asarray(values)
        if values.dtype.kind == "i":
            data[name] = pd.arrays.IntegerArray(np.where(left_out, 0, values), left_out.copy())
        elif left_out.any():
            data[name] = np.where(left_out, np.nan, values)
    out = pd.DataFrame(data, index=articles.index)
    out["article_id"] = articles["article_id"].copy()
    return out


def metric_columns(
    articles: pd.DataFrame,
    lexicon: LexiconSource,
    markers: LexiconSource | Literal[False],
    word_counts: Sequence[int] | None = None,
    prepared: Sequence[PreparedText] | None = None,
) -> dict[str, Any]:
    """The columns of :func:`word_choice_metrics` as arrays (``analyze`` builds its own frame).

    ``word_counts``: :func:`mediakit.text.count_words` of each body, if the caller has them;
    ``prepared``: :func:`mediakit.lexicon.prepare` of each body (its ``text`` cell made a string),
    likewise. No input checks (the caller has checked ``articles``).

    Examples
    --------
    >>> import pandas as pd
    >>> cols = metric_columns(pd.DataFrame({"article_id": ["a"], "text": ["The regime fell."]}), None, False)
    >>> int(cols["wc_words"][0]), int(cols["wc_state_government__regime_n"][0])
    (3, 1)
    """
    lex = load_lexicon(lexicon)
    mk = _markers_lexicon(markers)
    n = len(articles)
    counts = _MatchCounts(lex, mk, n)
    titles = column_values(articles, "title")
    texts = column_values(articles, "text")
    for r, (title, text) in enumerate(zip(titles, texts, strict=True)):
        counts.add(r, text_cell(title), text_cell(text), word_counts, None if prepared is None else prepared[r])
    words = counts.words
    body_n = counts.table(counts.body_idx, n, counts.n_var)
    head_n = counts.table(counts.title_idx, n, counts.n_var)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_word = np.where(words > 0, 1000.0 / np.maximum(words, 1), np.nan)
    rate = body_n * per_word[:, None]
    share = _family_shares(lex, body_n)

    data: dict[str, np.ndarray | list[Any]] = {"article_id": articles["article_id"].to_numpy(), "wc_words": words}
    if mk is not None:
        mcount = counts.table(counts.mk_idx, n, len(counts.mk_families))
        for k, family in enumerate(counts.mk_families):
            data[f"wc_{family}_n"] = mcount[:, k]
            data[f"wc_{family}_per1k"] = mcount[:, k] * per_word
    for j, (family, variant) in enumerate(lex.variant_keys):
        base_name = f"wc_{family}__{variant}"
        data[f"{base_name}_n"] = body_n[:, j]
        data[f"{base_name}_per1k"] = rate[:, j]
        data[f"{base_name}_share"] = share[:, j]
        data[f"{base_name}_title_n"] = head_n[:, j]
    return data


def _markers_lexicon(markers: LexiconSource | Literal[False]) -> Lexicon | None:
    """The marker lexicon of ``markers=`` (None: the shipped one; False: none)."""
    if markers is False:
        return None
    return load_lexicon(MARKERS_LEXICON if markers is None else markers)


class _MatchCounts:
    """The matches of :func:`metric_columns`, as flat indices into (article, variant) and
    (article, marker family) tables, and the body word counts."""

    def __init__(self, lex: Lexicon, mk: Lexicon | None, n: int) -> None:
        self.matcher = lex.matcher()
        self.term_variant = lex.term_variants
        self.n_var = len(lex.variant_keys)
        self.mk = mk
        self.mk_families: list[str] = list(mk.families) if mk is not None else []
        fam_pos = {f: k for k, f in enumerate(self.mk_families)}
        self.mk_term_family = [fam_pos[t.family] for t in mk.terms] if mk is not None else []
        self.words = np.zeros(n, dtype=np.int64)  # body words of each article (0: empty body)
        self.body_idx: list[int] = []
        self.title_idx: list[int] = []
        self.mk_idx: list[int] = []

    def add(self, r: int, head: str, body: str, word_counts: Sequence[int] | None,
            prepared: PreparedText | None = None) -> None:
        """Count article ``r``: its headline ``head`` and its body ``body`` (strings; ``prepared``:
        :func:`~mediakit.lexicon.prepare` of ``body``, if the caller has it)."""
        term_variant, n_var = self.term_variant, self.n_var
        if body:
            self.words[r] = count_words(body) if word_counts is None else word_counts[r]
            if prepared is None:
                prepared = prepare(body)
            base = r * n_var
            self.body_idx.extend(base + term_variant[i] for _, _, i in self.matcher.find(prepared))
            if self.mk is not None:
                mbase = r * len(self.mk_families)
                mk_term_family = self.mk_term_family
                self.mk_idx.extend(mbase + mk_term_family[i] for _, _, i in self.mk.matcher().find(prepared))
        if head:
            base = r * n_var
            self.title_idx.extend(base + term_variant[i] for _, _, i in self.matcher.find(head))

    @staticmethod
    def table(idx: Sequence[int], n: int, width: int) -> np.ndarray:
        """Counts of the flat indices ``idx`` as an ``n`` x ``width`` table."""
        return np.bincount(np.asarray(idx, dtype=np.int64), minlength=n * width).reshape(n, width)


def _family_shares(lex: Lexicon, body_n: np.ndarray) -> np.ndarray:
    """Each variant's share of its family's body matches (NaN where the family does not occur)."""
    n = len(body_n)
    family_names = list(lex.families)
    fam_index = np.array([family_names.index(f) for f, _ in lex.variant_keys], dtype=np.int64)
    fam_total = np.zeros((n, len(family_names)), dtype=np.int64)
    np.add.at(fam_total.T, fam_index, body_n.T)
    denom = fam_total[:, fam_index].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denom > 0, body_n / np.where(denom > 0, denom, 1.0), np.nan)

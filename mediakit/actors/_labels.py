"""actor_labels and actor_label_summary: which label comes with each mention, per outlet."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from .._validation import check_articles, check_columns, check_frame, check_option
from ..metrics.analyze import n_workers
from ._discovery import Candidates, resolve_actors, resolve_with_candidates
from ._label_jobs import parallel_labels, use_workers
from ._label_passes import (LABEL_COLUMNS, LABEL_DTYPES, Labelled, add_kept, article_rows, candidate_links,
                            candidate_names, kept_candidates, label_frame, labelled_mentions, nominals_of,
                            profile_pairs)
from ._memo import corpus_scope
from ._nominal import Nominal, corpus_profile
from ._parts import PARTS, Part, check_parts, empty_frame, group_keys, outlets_of, parts_of
from ._texts import ArticleTexts, scored_texts, texts_frame

__all__ = ["LABEL_COLUMNS", "LABEL_KINDS", "LABEL_SUMMARY_COLUMNS", "actor_label_summary", "actor_labels"]

#: Values of ``label_kind``.
LABEL_KINDS = ("pre-title", "possessive", "appositive", "honorific", "nominal")
#: Columns of :func:`actor_label_summary` (after the grouping column(s)).
LABEL_SUMMARY_COLUMNS = ("actor", "label", "label_kind", "count", "share", "n_mentions", "share_of_mentions")

_SUMMARY_NEEDS = ("actor", "label", "label_kind", "article_id", "mention_id")


def _add_candidates(all_parts: list[list[Part]], labelled: list[Labelled], nominals: list[list[Nominal]],
                    cands: Candidates, lower: set[str], min_mentions: int, pairs: list[tuple[str, str]]) -> None:
    """Add the candidates whose name mentions and linked descriptions reach ``min_mentions``.

    The articles that name a candidate are linked again with the candidates among the actors; only the
    candidates' name mentions and descriptions that overlap no row of the chosen actors are kept, so
    the chosen actors' rows do not change. A description counts once, linked (``'nominal'``) or as an
    appositive label of a name mention ("James Comey, the FBI director,"), and a title too when there
    is a description (:func:`._descriptions.candidate_support`); a description may hold a chosen
    actor's name ("one of Cruz's closest allies"); a name after "the" ("the Boston Globe") is a
    thing's, and its candidate is not kept.
    """
    names = candidate_names(cands.mentions, labelled, lower)
    profile = corpus_profile(pairs + list(profile_pairs(list(names.values()))))
    links, support = candidate_links(all_parts, labelled, nominals, names, cands.extras, profile)
    add_kept(labelled, nominals, names, links, kept_candidates(support, min_mentions))


def actor_labels(articles: pd.DataFrame, actors: Sequence[str] | Mapping[str, Iterable[str]] | None = None, *,
                 min_mentions: int = 3, parts: Sequence[str] = PARTS,
                 languages: str | Sequence[str] | None = "en", nominal: bool = True,
                 house_style: str = "exclude", n_jobs: int = 1, texts: ArticleTexts | None = None) -> pd.DataFrame:
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
    - ``'nominal'``: a description without the name linked to the actor ("the ousted
      leader", "the FBI director", "a dotard" in "Kim called Trump a dotard"); the
      mention is the description with its determiner, the label the description
      without it. Linked through a frame ("X is a Y", "call X a Y", "Y, X,"), the
      article's earlier labels of the actor, the labels the corpus puts before the
      actor's name, or (with an identifying modifier) the one actor named just before;
      plural, ambiguous or unclear descriptions stay unlinked (no row).

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
        With ``actors=None``, keep actors mentioned at least this often in the corpus. With
        ``nominal=True`` a description counts as a mention (a linked one or an appositive): a
        person named once in full and twice by description is kept; the rows of the actors
        named often enough do not change. With ``nominal=False`` only name mentions count.
    parts : sequence of {'title', 'text', 'captions'}
        Parts searched.
    languages : str, sequence of str or None, default "en"
        As in :func:`discover_actors`: articles of another language have no rows.
    nominal : bool, default True
        Add the linked descriptions (label kind ``'nominal'``); False gives only the
        mentions that contain a name.
    house_style : {'exclude', 'keep'}, default 'exclude'
        A bare honorific ("Mr.", "Mrs.", "Ms.", "Dr.") is the outlet's house style, not a label:
        by default it is not a label (the mention stays, with no label unless it has another);
        ``'keep'`` gives those rows with label kind ``'honorific'``.
    n_jobs : int, default 1
        Processes (-1: every core) for a corpus of at least 2,000 articles (a smaller one is read in
        this process: starting processes costs more): each reads a chunk of the articles, between the
        corpus-wide steps (the words written in lower case, the actors chosen, the labels the
        corpus gives each actor). The same table whatever ``n_jobs``.
    texts : ArticleTexts, optional
        The text columns (``title``, ``text``, ``captions``) held elsewhere, row for row with ``articles``, which
        then needs only ``article_id`` (and ``outlet``): an object that reads them when asked (see
        ``mediakit.actors._texts``), such as a streamed run's parts (:class:`mediakit.stream.PartTexts`). With
        ``n_jobs``, each worker's chunk is read only to be sent: this process does not hold the texts of a large
        corpus. The same table.

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
    func = "actor_labels"
    check_articles(articles, func=func, required=("article_id",) if texts is not None else ("article_id", "text"))
    check_option(house_style, ("exclude", "keep"), name="house_style", func=func)
    parts = check_parts(parts, func=func)
    n_workers(n_jobs, func=func)  # checked before any work
    articles, source = scored_texts(articles, texts, languages, func=func)
    ids = articles["article_id"].tolist()
    outlets = outlets_of(articles)
    workers = use_workers(n_jobs, len(articles))
    if workers > 1:  # each worker makes the parts of its chunk, and the table of its rows
        out = parallel_labels(source, parts, ids, outlets, actors, workers=workers, min_mentions=min_mentions,
                              nominal=nominal, func=func)
    else:
        rows = _rows(parts_of(texts_frame(source), parts), ids, outlets, actors, min_mentions=min_mentions,
                     nominal=nominal, func=func)
        out = label_frame(rows)
    if out is None:
        return empty_frame(LABEL_COLUMNS, LABEL_DTYPES)
    if house_style == "exclude":
        out = _without_honorifics(out)
    return out.astype(LABEL_DTYPES)


def _rows(all_parts: list[list[Part]], ids: list[Any], outlets: list[Any], actors: Any, *, min_mentions: int,
          nominal: bool, func: str) -> list[tuple[Any, ...]]:
    """The rows of :func:`actor_labels`, in this process."""
    with corpus_scope():  # each text's scans are made once for all the passes below
        if actors is None:
            _, mentions, lower, cands = resolve_with_candidates(min_mentions, all_parts, wider=nominal, func=func)
        else:
            _, mentions, lower = resolve_actors(actors, min_mentions, all_parts, func=func)
            cands = None
        labelled = [labelled_mentions(ms, lower) if ms else [] for ms in mentions]
        nominals: list[list[Nominal]] = [[] for _ in labelled]
        if nominal:
            pairs = list(profile_pairs(labelled))
            nominals = nominals_of(all_parts, labelled, corpus_profile(pairs))
            if cands is not None and cands.extras:
                _add_candidates(all_parts, labelled, nominals, cands, lower, min_mentions, pairs)
    rows: list[tuple[Any, ...]] = []
    for i, ms in enumerate(labelled):
        if ms:
            rows.extend(article_rows(ids[i], outlets[i], ms, nominals[i]))
    return rows


def _without_honorifics(out: pd.DataFrame) -> pd.DataFrame:
    """Honorific rows dropped when their mention has another label, made label-less otherwise."""
    hon = (out["label_kind"] == "honorific").fillna(False).to_numpy(dtype=bool)
    if not hon.any():
        return out
    key = ["article_id", "part", "caption", "mention_id"]
    n_rows = out.groupby(key, dropna=False, sort=False)["mention_id"].transform("size").to_numpy()
    drop = hon & (n_rows > 1)
    out = out.loc[~drop].copy()
    blank = (out["label_kind"] == "honorific").fillna(False).to_numpy(dtype=bool)
    for col in ("label", "label_kind", "label_start", "label_end"):
        out.loc[blank, col] = None
    return out.reset_index(drop=True)


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
        One row per group, actor and label: how often the group's articles call the actor
        that; key columns the grouping column(s), ``actor``, ``label`` and ``label_kind``.
        The grouping column(s), then :data:`LABEL_SUMMARY_COLUMNS`: ``actor``, ``label``,
        ``label_kind``, ``count`` (label rows), ``share`` (of the labels of that actor in
        that group; sums to 1), ``n_mentions`` (mentions of the actor in the group,
        labelled or not, linked descriptions included) and ``share_of_mentions``
        (``count / n_mentions``). Ordered by group, actor, descending count, label.

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
    func = "actor_label_summary"
    check_frame(labels, func=func, name="labels")
    check_columns(labels, _SUMMARY_NEEDS, func=func, name="labels", hint="pass the output of actor_labels")
    keys = group_keys(labels, by, func=func, name="labels")
    columns = keys + list(LABEL_SUMMARY_COLUMNS)
    df = labels[keys + ["article_id", "mention_id", "actor", "label", "label_kind"]].copy()
    gkeys = keys + ["actor"]
    mentions = (df.drop_duplicates(keys + ["article_id", "mention_id", "actor"])
                .groupby(gkeys, dropna=False, sort=False).size().rename("n_mentions"))
    lab = df[df["label"].notna()].copy()
    if lab.empty:
        return empty_frame(columns, {"count": "int64", "share": "float64", "n_mentions": "int64",
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

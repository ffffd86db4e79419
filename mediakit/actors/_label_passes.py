"""The per-article passes of :func:`mediakit.actor_labels`, between its corpus-wide merges.

Each function reads the articles it is given (their parts, mentions and labels, by index) and the
merged corpus state (the lower-case words, a :class:`._nominal.NominalProfile`, the candidates): the
same passes run over the whole corpus in one process or over consecutive chunks in several
(:mod:`._label_jobs`), whose results merged in order are the one-process ones.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import pandas as pd

from ._descriptions import candidate_support
from ._label_rules import Label, labels_of_mention
from ._mentions import Mention
from ._names import sentence_bounds
from ._nominal import Named, Nominal, NominalProfile, nominal_links
from ._parts import PART_RANK, Part

__all__ = ["LABEL_COLUMNS", "LABEL_DTYPES", "Labelled", "Support", "add_kept", "article_rows", "candidate_links",
           "candidate_names", "joined_frames", "kept_candidates", "label_frame", "labelled_mentions", "merge_support",
           "nominals_of", "profile_pairs"]

#: Columns of :func:`mediakit.actor_labels`, in order (those of :func:`article_rows`' rows).
LABEL_COLUMNS = (
    "article_id", "outlet", "part", "caption", "mention_id", "actor", "mention",
    "mention_start", "mention_end", "label", "label_kind", "label_start", "label_end",
)
#: The dtypes :func:`mediakit.actor_labels` sets; the other columns keep the ones pandas infers.
LABEL_DTYPES = {"caption": "Int64", "mention_id": "int64", "mention_start": "int64", "mention_end": "int64",
                "label_start": "Int64", "label_end": "Int64"}

#: One article's name mentions, each with its labels (a tuple: the one empty tuple for most mentions, which have
#: none; a worker of the whole AllSides file holds about half a million of them through its passes).
Labelled = list[tuple[Mention, tuple[Label, ...]]]


def labelled_mentions(ms: list[Mention], lower: set[str]) -> Labelled:
    """One article's mentions in part and offset order, each with its labels."""
    ms = sorted(ms, key=lambda m: (PART_RANK[m.part.kind], m.part.caption or 0, m.start))
    bounds: dict[tuple[str, int | None], tuple[tuple[int, int], ...]] = {}
    out: Labelled = []
    for m in ms:
        key = (m.part.kind, m.part.caption)
        if key not in bounds:
            bounds[key] = sentence_bounds(m.part.text)
        out.append((m, tuple(labels_of_mention(m, bounds[key], lower))))
    return out


def profile_pairs(labelled: list[Labelled]) -> Iterator[tuple[str, str]]:
    """(actor, label text) of every title, appositive and possessive in the corpus."""
    for ms in labelled:
        for m, labels in ms:
            for lab in labels:
                if lab.kind != "honorific":
                    yield m.actor, m.part.text[lab.start:lab.end]


def article_rows(article_id: Any, outlet: Any, ms: Labelled, nominals: list[Nominal]) -> list[tuple[Any, ...]]:
    """The label rows of one article's name mentions and linked descriptions, in part and offset order."""
    items: list[tuple[tuple[int, int, int], Mention | Nominal, tuple[Label, ...]]] = [
        ((PART_RANK[m.part.kind], m.part.caption or 0, m.start), m, labels) for m, labels in ms]
    for n in nominals:
        items.append(((PART_RANK[n.part.kind], n.part.caption or 0, n.start), n,
                      (Label("nominal", n.label_start, n.label_end),)))
    items.sort(key=lambda t: t[0])
    rows: list[tuple[Any, ...]] = []
    for k, (_, m, labels) in enumerate(items):
        caption = pd.NA if m.part.caption is None else m.part.caption
        base = (article_id, outlet, m.part.kind, caption, k, m.actor, m.part.text[m.start:m.end], m.start, m.end)
        if not labels:
            rows.append(base + (pd.NA, pd.NA, pd.NA, pd.NA))
        for lab in labels:
            rows.append(base + (m.part.text[lab.start:lab.end], lab.kind, lab.start, lab.end))
    return rows


def label_frame(rows: list[tuple[Any, ...]]) -> pd.DataFrame | None:
    """The rows of a chunk of articles as a table (:data:`LABEL_DTYPES`, the other columns inferred); None
    for no rows. The rows a worker sends are made a table as soon as they are read: the tuples of one run of a
    worker's articles at a time, instead of all the corpus's (a million for the whole AllSides file) before the one
    table was made, which left the process about 3x the table's size larger."""
    if not rows:
        return None
    return pd.DataFrame(rows, columns=list(LABEL_COLUMNS)).astype(LABEL_DTYPES)


def joined_frames(frames: list[pd.DataFrame | None]) -> pd.DataFrame | None:
    """The chunks' :func:`label_frame` tables, in order, as one: the table of all their rows.

    A column whose values are all missing in one chunk (no outlet, no label) is inferred another dtype
    there than in the others: those chunks are joined from their rows, as one table of all rows would be
    inferred (the missing values of a pandas string column read back as NaN, which infers the same).
    """
    kept = [f for f in frames if f is not None]
    if not kept:
        return None
    if all(f.dtypes.equals(kept[0].dtypes) for f in kept[1:]):
        return pd.concat(kept, ignore_index=True) if len(kept) > 1 else kept[0]
    rows = [row for f in kept for row in f.itertuples(index=False, name=None)]
    return label_frame(rows)


def _named(ms: Labelled) -> list[Named]:
    return [Named(m.part, m.start, m.end, m.poss_end, m.actor, tuple((lab.kind, lab.start, lab.end) for lab in labels))
            for m, labels in ms]


def nominals_of(all_parts: list[list[Part]], labelled: list[Labelled], profile: NominalProfile) -> list[list[Nominal]]:
    """The linked descriptions of every article."""
    out = []
    for ps, ms in zip(all_parts, labelled, strict=True):
        out.append(nominal_links(ps, _named(ms), profile) if ms else [])
    return out


def _spans(ms: Labelled, nominals: list[Nominal]) -> dict[int, list[tuple[int, int]]]:
    """The spans of an article's rows, by part (its ``id``)."""
    out: dict[int, list[tuple[int, int]]] = {}
    for m, _ in ms:
        out.setdefault(id(m.part), []).append((m.start, m.end))
    for n in nominals:
        out.setdefault(id(n.part), []).append((n.start, n.end))
    return out


#: "the Boston Globe": a name after "the" is a thing's (a person named rarely must not be one).
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+\Z")


def _free(spans: dict[int, list[tuple[int, int]]], part: Part, start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans.get(id(part), ()))


def _since(ps: list[Part], extra: Labelled) -> dict[int, int]:
    """Where a description may refer to a candidate: from two sentences before the part's first mention
    of one ("... a lawyer," said X), nowhere in the parts before the first part that names one."""
    firsts = {id(m.part): m.start for m, _ in reversed(extra)}  # the first (lowest) offset wins
    rank = min(PART_RANK[m.part.kind] for m, _ in extra)
    out: dict[int, int] = {}
    for p in ps:
        if id(p) in firsts:
            starts = [b[0] for b in sentence_bounds(p.text)]
            k = bisect_right(starts, firsts[id(p)]) - 1
            out[id(p)] = starts[max(0, k - 2)] if starts else 0
        elif PART_RANK[p.kind] < rank:
            out[id(p)] = len(p.text) + 1
    return out


class Support(NamedTuple):
    """What the candidates' name mentions and descriptions add up to (:func:`candidate_links`)."""

    n_names: Counter[str]  # name mentions that overlap no row of the chosen actors
    n_links: Counter[str]  # descriptions: linked ones and appositive labels
    titled: set[str]  # named with a title before the name
    things: set[str]  # named after "the" ("the Boston Globe"): a thing's name


def candidate_names(mentions: Mapping[int, list[Mention]], labelled: list[Labelled],
                    lower: set[str]) -> dict[int, Labelled]:
    """The candidates' name mentions (:attr:`._discovery.Candidates.mentions`) that overlap no name mention
    of the chosen actors, with their labels, by article index."""
    names: dict[int, Labelled] = {}
    for i, ms in mentions.items():
        taken = _spans(labelled[i], [])
        names[i] = labelled_mentions([m for m in ms if _free(taken, m.part, m.start, m.end)], lower)
    return names


def candidate_links(all_parts: list[list[Part]], labelled: list[Labelled], nominals: list[list[Nominal]],
                    names: dict[int, Labelled], extras: frozenset[str],
                    profile: NominalProfile) -> tuple[dict[int, list[Nominal]], Support]:
    """The articles that name a candidate linked again with the candidates among the actors.

    ``names`` (:func:`candidate_names`) keeps, in place, the name mentions that overlap no row of the
    chosen actors; returns the candidates' linked descriptions by article index and their support.
    """
    links: dict[int, list[Nominal]] = {}
    support = Support(Counter(), Counter(), set(), set())
    for i, extra in names.items():
        if not extra:
            links[i] = []
            continue
        taken = _spans(labelled[i], nominals[i])
        described = _spans([], nominals[i])  # a description may hold a name: "one of Cruz's allies"
        wide = sorted(labelled[i] + extra, key=lambda t: (PART_RANK[t[0].part.kind], t[0].part.caption or 0,
                                                          t[0].start))
        links[i] = [n for n in nominal_links(all_parts[i], _named(wide), profile, since=_since(all_parts[i], extra))
                    if n.actor in extras and _free(described, n.part, n.start, n.end)]
        names[i] = [(m, labs) for m, labs in extra if _free(taken, m.part, m.start, m.end)]
        support.n_names.update(m.actor for m, _ in names[i])
        support.n_links.update(m.actor for m, labs in names[i] for lab in labs if lab.kind == "appositive")
        support.n_links.update(n.actor for n in links[i])
        support.titled.update(m.actor for m, labs in names[i] if any(lab.kind == "pre-title" for lab in labs))
    support.things.update(m.actor for ms in names.values() for m, _ in ms
                          if _THE_BEFORE_RE.search(m.part.text, max(0, m.start - 9), m.start))
    return links, support


def merge_support(chunks: list[Support]) -> Support:
    """The :class:`Support` of a corpus from that of its chunks."""
    out = Support(Counter(), Counter(), set(), set())
    for s in chunks:
        out.n_names.update(s.n_names)
        out.n_links.update(s.n_links)
        out.titled.update(s.titled)
        out.things.update(s.things)
    return out


def kept_candidates(support: Support, min_mentions: int) -> set[str]:
    """The candidates whose name mentions and descriptions reach ``min_mentions``
    (:func:`._descriptions.candidate_support`), unless named after "the"."""
    return {c for c in support.n_links
            if support.n_names[c] and candidate_support(support.n_names[c], support.n_links[c],
                                                        c in support.titled) >= min_mentions
            and c not in support.things}


def add_kept(labelled: list[Labelled], nominals: list[list[Nominal]], names: dict[int, Labelled],
             links: dict[int, list[Nominal]], kept: set[str]) -> None:
    """Add the name mentions and descriptions of the ``kept`` candidates to the articles' rows (in place)."""
    for i in names:
        labelled[i] = labelled[i] + [(m, labs) for m, labs in names[i] if m.actor in kept]
        nominals[i] = nominals[i] + [n for n in links[i] if n.actor in kept]

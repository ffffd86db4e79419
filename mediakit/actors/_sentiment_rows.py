"""The sentences of one article that mention an actor, each scored toward that actor (a row of :func:`mediakit.actor_sentences`)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from ._mentions import Mention
from ._names import sentence_bounds
from ._parts import PART_RANK
from ._target_model import method_score_label

__all__ = ["sentence_rows"]

#: (part rank, caption, sentence start, sentence end, actor): one sentence about one actor.
_SentenceKey = tuple[int, int, int, int, str]


def _mentions_by_sentence(ms: list[Mention]) -> dict[_SentenceKey, list[Mention]]:
    """An article's mentions grouped by the sentence they are in and their actor."""
    groups: dict[_SentenceKey, list[Mention]] = defaultdict(list)
    bounds: dict[tuple[str, int | None], tuple[tuple[int, int], ...]] = {}
    for m in ms:
        key = (m.part.kind, m.part.caption)
        if key not in bounds:
            bounds[key] = sentence_bounds(m.part.text)
        sent = next(((s, e) for s, e in bounds[key] if s <= m.start < e), None)
        if sent is None:
            continue
        groups[(PART_RANK[m.part.kind], m.part.caption or 0, sent[0], sent[1], m.actor)].append(m)
    return groups


def sentence_rows(article_id: Any, outlet: Any, ms: list[Mention], method: str) -> list[tuple[Any, ...]]:
    """One row per sentence of an article and actor it mentions, scored toward the actor."""
    rows: list[tuple[Any, ...]] = []
    for (_, _, ss, se, actor), group in sorted(_mentions_by_sentence(ms).items(), key=lambda kv: kv[0]):
        part = group[0].part
        sentence = part.text[ss:se]
        score, label = method_score_label(sentence, [(m.start - ss, m.end - ss) for m in group], method)
        caption = pd.NA if part.caption is None else part.caption
        rows.append((article_id, outlet, part.kind, caption, actor, ss, se, sentence, len(group),
                     round(score, 4), label))
    return rows
